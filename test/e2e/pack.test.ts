// What the published tarball holds (`npm pack --dry-run` of the built repo): what a user needs,
// nothing of the repo's own demo, tests or sources, and the files a package is expected to have.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

describe('the package tarball', () => {
  assert.ok(existsSync('dist/consent-elements.iife.js'), 'dist/ is missing: run `npm run build:lib` (npm test does) first');
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as [
    { files: { path: string; size: number }[]; unpackedSize: number },
  ];
  const paths = pack.files.map((f) => f.path);

  it('has the licence, changelog, readme, manifest, editor data and every entry of package.json', () => {
    const editors = ['vscode.html-custom-data.json', 'vscode.css-custom-data.json', 'web-types.json'];
    for (const f of ['LICENSE', 'CHANGELOG.md', 'README.md', 'package.json', 'custom-elements.json', ...editors]) assert.ok(paths.includes(f), `${f} is packed`);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, string | Record<string, string>>; bin: Record<string, string>; 'web-types': string };
    assert.equal(pkg['web-types'], './web-types.json', 'JetBrains IDEs find web-types.json through package.json');
    const targets = Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e)));
    for (const t of [...targets, ...Object.values(pkg.bin)]) assert.ok(paths.includes(t.replace(/^\.\//, '')), `${t} (package.json) is packed`);
    assert.ok(paths.some((p) => p.startsWith('dist/locales/')) && paths.some((p) => p.startsWith('dist/providers/')), 'what the script tag loads on demand is packed');
  });

  it('leaves out the demo, tests, sources and the script-tag source maps', () => {
    const unwanted = paths.filter((p) => /^(demo|test|src|stories|scripts|bench|xliff|fixtures)\/|^dist\/demo-(react|vue)\/|^dist\/([^/]+\.iife|providers\/.*)\.js\.map$|\.tmp\./.test(p));
    assert.deepEqual(unwanted, []);
    // (The manifest, and the one-file script tag that carries all 34 translations by design.)
    const expected = ['custom-elements.json', 'dist/consent-elements.all-languages.iife.js'];
    const big = pack.files.filter((f) => f.size > 150_000 && !expected.includes(f.path)).map((f) => `${f.path} ${f.size}`);
    assert.deepEqual(big, [], 'no file over 150 kB but the manifest and the all-languages bundle');
  });
});
