// What a bundler keeps of the kit for a page that imports only the picker class and gives it a
// memory transport (test/size/): the provider code, zod and idb-keyval must not be in what
// the page loads at start. `npm run build` prints the sizes; test/e2e/size.test.ts checks them.
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { build, type Rollup } from 'vite';
import { decodedMappings, TraceMap } from '@jridgewell/trace-mapping';

/** Packages that only provider transports, the outbox and the device store need. */
export const HEAVY = ['zod', 'idb-keyval'] as const;

export interface Chunk {
  file: string;
  entry: boolean;
  /** Loaded at start: the entry and what it imports statically. */
  initial: boolean;
  gzip: number;
  brotli: number;
  /** npm packages bundled into it. */
  packages: string[];
  /** Kit source files bundled into it, relative to src/. */
  sources: string[];
}

const packageOf = (id: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1];

/** The files of the entry chunks and of every chunk they import statically: what a page loads at start. */
function loadedAtStart(chunks: Rollup.OutputChunk[]): Set<string> {
  const initial = new Set<string>();
  const visit = (file: string) => {
    if (initial.has(file)) return;
    initial.add(file);
    chunks.find((c) => c.fileName === file)?.imports.forEach(visit);
  };
  chunks.filter((c) => c.isEntry).forEach((c) => visit(c.fileName));
  return initial;
}

/** Builds test/size/ with vite (minified) into `outDir` and describes each chunk. */
export async function measurePickerAlone(outDir = mkdtempSync(join(tmpdir(), 'consent-size-'))): Promise<{ outDir: string; chunks: Chunk[] }> {
  const root = resolve('test/size');
  const out = (await build({ root, logLevel: 'silent', configFile: false, build: { outDir, emptyOutDir: true, minify: true, target: 'es2022' } })) as Rollup.RollupOutput;
  const chunks = out.output.filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
  const initial = loadedAtStart(chunks);
  // The published modules, named by their sources (what a page's bundler sees of the package).
  const src = resolve('dist/esm') + '/';
  return {
    outDir,
    chunks: chunks.map((c) => ({
      file: c.fileName,
      entry: c.isEntry,
      initial: initial.has(c.fileName),
      gzip: gzipSync(c.code, { level: 9 }).length,
      brotli: brotli(c.code),
      packages: [...new Set(Object.keys(c.modules).map(packageOf).filter((p): p is string => !!p))].sort(),
      sources: Object.keys(c.modules).filter((id) => id.startsWith(src)).map((id) => id.slice(src.length).replace(/\.js$/, '.ts')),
    })),
  };
}

/** Every module a browser entry bundles (all dependencies included), as paths relative to the repo. */
export async function bundledModules(entry: string): Promise<string[]> {
  const out = (await build({
    logLevel: 'silent',
    configFile: false,
    build: { write: false, minify: false, target: 'es2022', lib: { entry: resolve(entry), formats: ['es'] } },
  })) as Rollup.RollupOutput[];
  const root = resolve('.') + '/';
  return [...new Set(out.flatMap((o) => o.output.flatMap((c) => (c.type === 'chunk' ? Object.keys(c.modules) : []))))].map((id) => id.replace(root, ''));
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

/** Brotli at its best setting, as a CDN serves static files. */
export const brotli = (code: string | Uint8Array) => brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/**
 * What a visitor downloads at start for each way of using the kit, brotli. `goal` is where the
 * kit is headed; CI holds `ceiling` (the goal once it is met) so no change makes it heavier.
 */
export const budgets = [
  { name: 'script tag, every element (dist/consent-elements.iife.js)', entry: 'dist/consent-elements.iife.js', goal: 22 * 1024, ceiling: 27.7 * 1024 },
  { name: 'picker + host transport, ESM through vite (test/size/picker-host.ts)', entry: 'test/size/picker-host.ts', goal: 14 * 1024, ceiling: 21.8 * 1024 },
  { name: 'gate + host transport, ESM through vite (test/size/gate-host.ts)', entry: 'test/size/gate-host.ts', goal: 10 * 1024, ceiling: 16.95 * 1024 },
] as const;

/**
 * An ES entry built as a publisher's vite app builds it (a page that loads it as a module), and
 * the chunks it loads at start. Not vite's library mode: for ES output that keeps the whitespace
 * (about 1 KB of brotli more than any app bundle of the same code). Source maps are made but not
 * named in the code, so the sizes and the parts (`entryBytesByPart`) are of the same bytes.
 */
async function appBuild(entry: string): Promise<{ code: string; map: string; modules: string[] }[]> {
  const root = mkdtempSync(join(tmpdir(), 'consent-size-'));
  writeFileSync(join(root, 'index.html'), `<!doctype html><script type="module" src="${resolve(entry)}"></script>`);
  const out = (await build({ root, logLevel: 'silent', configFile: false, build: { write: false, minify: true, sourcemap: 'hidden', target: 'es2022' } })) as Rollup.RollupOutput;
  rmSync(root, { recursive: true, force: true });
  const chunks = out.output.filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
  // Each chunk's content hash is swapped for one of its name, as random and as long (the maps stay
  // right): a new hash of a lazy chunk alone moved the start by 0.04 KB of brotli, noise no change
  // of the start code made.
  const names = chunks.map((c) => [c.fileName, c.fileName.replace(/-[\w-]{8}\.js$/, (h) => `-${createHash('sha256').update(c.name).digest('base64url').slice(0, h.length - 4)}.js`)] as const);
  const initial = loadedAtStart(chunks);
  return chunks
    .filter((c) => initial.has(c.fileName))
    .map((c) => ({ code: names.reduce((code, [from, to]) => code.replaceAll(from, to), c.code), map: c.map!.toString(), modules: Object.keys(c.modules) }));
}

/** The modules an ES entry's start loads as a vite app bundles it: what its first files hold. */
export async function modulesAtStart(entry: string): Promise<string[]> {
  return (await appBuild(entry)).flatMap((c) => c.modules);
}

/** Brotli bytes a page loads at start: the script tag's file, or an ES entry's chunks as an app bundles them. */
export async function startBytes(entry: string): Promise<number> {
  if (entry.endsWith('.iife.js')) return brotli(readFileSync(entry));
  return (await appBuild(entry)).reduce((n, c) => n + brotli(c.code), 0);
}

const OUTBOX = 'outbox (transports/core/outbox, with idb-keyval)';

/** Which part of the kit a bundled module is, for `bytesByPart`. */
function partOf(source: string): string {
  const dep = packageOf(source);
  if (dep === 'idb-keyval') return OUTBOX;
  if (dep) return /^@?lit/.test(dep) ? 'Lit (lit, @lit/localize, @lit/context)' : dep;
  // A source of the kit: src/… in the script tag's map, esm/… (dist/esm, the published modules) in an ES entry's.
  const file = source.replace(/^.*?(?:src|esm)\//, '').replace(/\.[jt]s$/, '');
  const element = /^elements\/([^/]+)\//.exec(file)?.[1];
  if (element) return `<${element}>, with its styles`;
  const parts: [RegExp, string][] = [
    [/^transports\/core\/outbox$/, OUTBOX],
    [/^transports\/core\/outbox(\.lazy|-journal)$/, "the outbox's stand-in until its code is loaded, and the journal (transports/core/outbox.lazy, outbox-journal)"],
    [/^internal\/form\.styles$/, 'styles the form elements share (internal/form.styles)'],
    [/^internal\/consent-form/, 'what the form elements share: drawing, loading, choosing, saving (internal/consent-form-*)'],
    [/^internal\/privacy-rights$/, 'privacy-rights buttons and dialog (internal/privacy-rights)'],
    [/^internal\/height-memory$/, 'heights kept for the next view (internal/height-memory)'],
    [/^transports\/host\//, 'host transport (transports/host/)'],
    [/^transports\/core\/http$/, 'http client: timeouts, retries, errors (transports/core/http)'],
    [/^transports\/core\/(check|schemas|named)$/, 'checks of what the backend answers (transports/core/check, schemas)'],
    [/^transports\/core\/(cache|share)$/, 'catalog cache and sharing between elements (transports/core/cache, share)'],
    [/^transports\/memory\//, 'memory transport (transports/memory/)'],
    [/^transports\//, 'provider registry, lazy provider transports (transports/)'],
    [/^(i18n\/|internal\/(language|lang)$)/, 'translations runtime and page language (i18n/, internal/language)'],
    [/^model\//, 'model/'],
    [/^page\//, 'page/ (consents on the page, script blocking, Consent Mode)'],
    [/^events\//, 'events/'],
    [/^internal\//, 'element base, transport wiring, messages (internal/)'],
  ];
  return parts.find(([re]) => re.test(file))?.[1] ?? 'script-tag entry, configure(), registration';
}

/**
 * Where a built file's bytes go: its minified bytes per part of the kit, read from its source map
 * (each mapped piece runs to the next), and the file's brotli size shared in proportion to each
 * part's own brotli size (compressed alone, as a share of theirs summed).
 */
function bytesByPart(file: string): Part[] {
  return partsOf(readFileSync(file, 'utf8'), readFileSync(`${file}.map`, 'utf8'));
}

export interface Part {
  part: string;
  minified: number;
  brotli: number;
}

function partsOf(code: string, sourceMap: string): Part[] {
  const map = new TraceMap(sourceMap);
  // Each mapped piece runs to the next one, across lines too (a template literal may span several).
  const starts = [0];
  for (let i = code.indexOf('\n'); i >= 0; i = code.indexOf('\n', i + 1)) starts.push(i + 1);
  const partOfSource = map.sources.map((s) => partOf(s ?? ''));
  const marks = decodedMappings(map).flatMap((segments, line) =>
    segments.map((seg) => ({ at: starts[line]! + seg[0], part: seg.length > 1 ? partOfSource[seg[1]!] : undefined })),
  );
  const unmapped = "the bundler's module wrappers (no source)";
  const pieces = new Map<string, string[]>();
  const add = (part: string, text: string) => (pieces.get(part) ?? pieces.set(part, []).get(part)!).push(text);
  add(unmapped, code.slice(0, marks[0]?.at ?? code.length));
  marks.forEach((m, i) => add(m.part ?? unmapped, code.slice(m.at, marks[i + 1]?.at ?? code.length)));
  const parts = [...pieces].map(([part, texts]) => {
    const text = texts.join('');
    return { part, minified: Buffer.byteLength(text), alone: brotli(text) };
  });
  const total = brotli(code);
  const sum = parts.reduce((n, p) => n + p.alone, 0);
  return parts.map(({ part, minified, alone }) => ({ part, minified, brotli: (alone / sum) * total })).sort((a, b) => b.brotli - a.brotli);
}

/**
 * `bytesByPart` for a budget's entry: the script tag's file, or an ES entry built as `startBytes`
 * builds it (through the published modules), each chunk loaded at start read from its own map.
 */
export async function entryBytesByPart(entry: string): Promise<Part[]> {
  if (entry.endsWith('.iife.js')) return bytesByPart(entry);
  const sum = new Map<string, Part>();
  for (const c of await appBuild(entry))
    for (const p of partsOf(c.code, c.map)) {
      const had = sum.get(p.part);
      sum.set(p.part, had ? { part: p.part, minified: had.minified + p.minified, brotli: had.brotli + p.brotli } : p);
    }
  return [...sum.values()].sort((a, b) => b.brotli - a.brotli);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const b of budgets) {
    const bytes = await startBytes(b.entry);
    console.log(`${b.name}: ${kb(bytes)} brotli at start (goal ${kb(b.goal)}, ceiling ${kb(b.ceiling)})`);
    if (bytes > b.ceiling) process.exitCode = 1;
  }
  const { chunks } = await measurePickerAlone();
  const initial = chunks.filter((c) => c.initial);
  const start = initial.reduce((n, c) => n + c.gzip, 0);
  const heavy = initial.flatMap((c) => c.packages).filter((p) => (HEAVY as readonly string[]).includes(p));
  console.log(`picker + memory transport alone: ${kb(initial.reduce((n, c) => n + c.brotli, 0))} brotli (${kb(start)} gzip) at start (${initial.flatMap((c) => c.packages).join(', ')})`);
  const later = chunks.filter((c) => !c.initial);
  const locales = later.filter((c) => c.sources.some((f) => f.startsWith('i18n/locales/')));
  if (locales.length) console.log(`  loaded when needed: ${locales.length} translations, ${kb(Math.max(...locales.map((c) => c.gzip)))} gzip at most each`);
  for (const c of later.filter((c) => !locales.includes(c))) console.log(`  loaded when needed: ${c.sources.join(', ')} ${kb(c.gzip)} gzip (${c.packages.join(', ') || 'kit only'})`);
  if (heavy.length) {
    console.error(`  but it loads ${heavy.join(', ')} at start: the element layer imports a provider or the outbox`);
    process.exitCode = 1;
  }
}
