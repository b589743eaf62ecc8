// After `lit-localize build`: each generated translation defines the `str` tag it needs itself
// instead of importing @lit/localize, whose runtime the kit does not use (src/i18n/localization.ts).
// A shared import would also become a second file every translation waits for.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const dir = 'src/i18n/locales';
const own = 'const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });';
for (const f of readdirSync(dir)) {
  const path = `${dir}/${f}`;
  const code = readFileSync(path, 'utf8');
  if (code.includes(own)) continue;
  const fixed = code.replace(/import \{\s*str\s*\} from '@lit\/localize';/, own);
  if (fixed === code) throw new Error(`${path}: no import of str from @lit/localize to replace`);
  writeFileSync(path, fixed);
}
