// The package as a publisher installs it: `npm pack` of the built repo, installed into a fresh
// project (dependencies from the npm cache that `npm ci` filled, else the registry).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

let packed: string | undefined;
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const root = resolve(import.meta.dirname, '../..');

/** `npm pack` of the built repo (once per test file): the tarball's path. */
export function packedTarball(): string {
  if (packed) return packed;
  if (!existsSync(join(root, 'dist/esm/server.js'))) throw new Error('dist/ is missing: run `npm run build:lib` (npm test does) before these tests.');
  const dir = mkdtempSync(join(tmpdir(), 'consent-elements-tgz-'));
  return (packed = join(dir, JSON.parse(npm(['pack', '--json', '--pack-destination', dir], root))[0].filename as string));
}

/** The version of a package installed in this repo, so a test project installs the same one from the npm cache. */
export const versionHere = (name: string): string =>
  (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

/** Installs `dependencies` (and the packed package) into `dir`, a publisher's project. */
export function installInto(dir: string, dependencies: Record<string, string> = {}, omitDev = true): void {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'publisher-site', private: true, type: 'module', dependencies: { 'consent-elements': `file:${packedTarball()}`, ...dependencies } }));
  npm(['install', '--prefer-offline', '--no-audit', '--no-fund', ...(omitDev ? ['--omit=dev'] : [])], dir);
}

let installed: Promise<InstalledPackage> | undefined;

export function installPackage(): Promise<InstalledPackage> {
  return (installed ??= Promise.resolve().then(() => {
    const dir = mkdtempSync(join(tmpdir(), 'consent-elements-pkg-'));
    installInto(dir);
    const pkg = join(dir, 'node_modules/consent-elements');
    return {
      dir,
      entry: (name) => pathToFileURL(join(pkg, `dist/esm/${name}.js`)).href,
      bin: (name) => join(dir, 'node_modules/.bin', name),
    };
  }));
}
