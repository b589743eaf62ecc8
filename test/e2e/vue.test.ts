// The Vue demo app (demo/vue/) type-checked as a publisher's app: the packed package installed
// into a fresh project with Vue and vue-tsc, `consent-elements/vue` giving the tags their types.
// test/types/vue-typos.vue goes with it: each typo it marks must be an error (and is, without the marks).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { installInto, versionHere } from './package.js';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'consent-elements-vue-'));

before(() => {
  for (const f of ['App.vue', 'main.ts', 'env.d.ts', 'tsconfig.json']) cpSync(join(root, 'demo/vue', f), join(dir, f));
  cpSync(join(root, 'test/types/vue-typos.vue'), join(dir, 'Typos.vue'));
  // vue-tsc needs TypeScript's JS API, which the repo's TypeScript 7 (native) lacks: the 5.9 that
  // @lit/localize-tools brings, so it comes from the npm cache too.
  installInto(dir, { vue: versionHere('vue'), 'vue-tsc': versionHere('vue-tsc'), typescript: versionHere('@lit/localize-tools/node_modules/typescript') });
});
after(() => rmSync(dir, { recursive: true, force: true }));

const vueTsc = () => spawnSync(process.execPath, ['node_modules/vue-tsc/bin/vue-tsc.js', '--noEmit', '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8', timeout: 180_000 });

describe('Vue types (consent-elements/vue, vue-tsc)', () => {
  it('type-checks the demo app and every marked typo is an error', () => {
    const r = vueTsc();
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  });

  it('reports each typo when it is not marked', () => {
    const typos = join(dir, 'Typos.vue');
    writeFileSync(typos, readFileSync(typos, 'utf8').replace(/<!-- @vue-expect-error[^>]*-->/g, ''));
    const r = vueTsc();
    assert.notEqual(r.status, 0);
    const lines = new Set(r.stdout.split('\n').flatMap((l) => /^Typos\.vue\((\d+),\d+\): error TS/.exec(l)?.[1] ?? []));
    assert.equal(lines.size, 4, r.stdout);
  });
});
