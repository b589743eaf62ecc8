// The package as a publisher installs it: `npm pack` of the built repo, installed into a fresh
// project (dependencies from the npm cache that `npm ci` filled, else the registry).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface InstalledPackage {
  /** The project it is installed in. */
  dir: string;
  /** A file URL of one of its entries, for `import()`: `entry('server')` is `consent-elements/server`. */
  entry(name: string): string;
  /** The path of one of its bins. */
  bin(name: string): string;
}

let installed: Promise<InstalledPackage> | undefined;

export function installPackage(): Promise<InstalledPackage> {
  return (installed ??= Promise.resolve().then(() => {
    const root = resolve(import.meta.dirname, '../..');
    if (!existsSync(join(root, 'dist/esm/server.js'))) throw new Error('dist/ is missing: run `npm run build:lib` (npm test does) before these tests.');
    const dir = mkdtempSync(join(tmpdir(), 'consent-elements-pkg-'));
    const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const tarball = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], root))[0].filename as string;
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'publisher-site', private: true, type: 'module' }));
    npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--omit=dev', join(dir, tarball)], dir);
    const pkg = join(dir, 'node_modules/consent-elements');
    return {
      dir,
      entry: (name) => pathToFileURL(join(pkg, `dist/esm/${name}.js`)).href,
      bin: (name) => join(dir, 'node_modules/.bin', name),
    };
  }));
}
