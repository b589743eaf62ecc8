// A build step that takes the whitespace and comments out of lit's `css` templates, and the
// indentation out of its `html` ones: minifiers leave template literals as written. Templates
// are found with a parser (oxc), so `${…}` expressions and strings inside them are never
// touched. (`html` keeps a line break where it had one: squeezing all of its whitespace changed
// how an inline link was laid out.)
import { parseSync } from 'oxc-parser';
import type { Plugin } from 'vite';

const css = (s: string) =>
  s
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    // No space is needed around these; not before `:`, where it means a descendant (`ul :is(…)`).
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');

type Node = { type: string; start: number; end: number; [key: string]: unknown };
type Quasi = Node & { value: { raw: string } };

export function minifyLiterals(source: string, file = 'x.ts'): string {
  const { program, errors } = parseSync(file, source);
  if (errors.length) throw new Error(`${file}: ${errors[0]!.message}`);
  const edits: [start: number, end: number, text: string][] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node;
    const tag = n.type === 'TaggedTemplateExpression' ? (n.tag as Node & { name?: string }).name : undefined;
    if (tag === 'html') {
      // Only the indentation after a line break: a run of white space is one space wherever the
      // kit's markup is shown (no pre or pre-wrap), so a line break alone keeps what separates
      // two words or an inline link from its neighbour.
      for (const q of (n.quasi as Node & { quasis: Quasi[] }).quasis) {
        const start = q.start + 1;
        const raw = q.value.raw;
        if (source.slice(start, start + raw.length) !== raw) throw new Error(`${file}: template text not where the parser put it`);
        const out = raw.replace(/[ \t]*\n\s*/g, '\n');
        if (out !== raw) edits.push([start, start + raw.length, out]);
      }
    } else if (tag === 'css') {
      const quasis = (n.quasi as Node & { quasis: Quasi[] }).quasis;
      for (const [k, q] of quasis.entries()) {
        // A quasi's span takes its delimiters: \` or } before the raw text.
        const start = q.start + 1;
        const raw = q.value.raw;
        if (source.slice(start, start + raw.length) !== raw) throw new Error(`${file}: template text not where the parser put it`);
        // Only the template's own ends are trimmed: a space beside `${…}` may separate values.
        let out = css(raw);
        if (k === 0) out = out.trimStart();
        if (k === quasis.length - 1) out = out.trimEnd();
        if (out !== raw) edits.push([start, start + raw.length, out]);
      }
    }
    if (n.type !== 'TemplateElement') for (const v of Object.values(n)) if (v && typeof v === 'object') visit(v);
  };
  visit(program);
  let out = source;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

/** The vite plugin: every TypeScript file of `src/`. */
export const minifyLiteralsPlugin = (): Plugin => ({
  name: 'minify-literals',
  enforce: 'pre',
  transform(code, id) {
    if (!/\/src\/.*\.ts$/.test(id) || !/\b(css|html)`/.test(code)) return null;
    return { code: minifyLiterals(code, id), map: null };
  },
});
