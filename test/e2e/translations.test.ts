// Every UI language is complete and its generated module current: the kit's messages are
// extracted from the sources as `npm run localize:extract` does (lit-localize's analyzer), and
// each locale's XLIFF and generated module must carry every one of them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';
import { targetLocales } from '../../src/i18n/locale-codes.js';

describe('translations', () => {
  let localizer: RuntimeLitLocalizer;
  let ids: string[];

  before(() => {
    const config = readConfigFileAndWriteSchema('lit-localize.json');
    if (config.output.mode !== 'runtime') throw new Error('lit-localize.json: expected runtime mode');
    localizer = new RuntimeLitLocalizer(config as never);
    const { messages, errors } = localizer.extractSourceMessages();
    assert.deepEqual(errors, [], 'the sources analyse cleanly');
    ids = messages.map((m) => m.name);
    assert.ok(ids.length > 40, `found ${ids.length} messages`);
  });

  it('has a translation of every message in every locale, with the placeholders of its source', () => {
    const { translations } = localizer.readTranslationsSync();
    assert.deepEqual([...translations.keys()].sort(), [...targetLocales]);
    for (const [locale, messages] of translations) {
      const have = new Set(messages.map((m) => m.name));
      assert.deepEqual(ids.filter((id) => !have.has(id)), [], `${locale}: untranslated (xliff/${locale}.xlf)`);
    }
    assert.deepEqual(localizer.validateTranslations().errors, []);
  });

  it('has every message in each generated module (npm run localize:build is current)', () => {
    for (const locale of targetLocales) {
      const code = readFileSync(`src/i18n/locales/${locale}.ts`, 'utf8');
      assert.deepEqual(ids.filter((id) => !code.includes(`'${id}':`)), [], `src/i18n/locales/${locale}.ts lacks these`);
      assert.doesNotMatch(code, /^\s*import /m, `${locale}: imports nothing (one request per translation)`);
    }
  });
});
