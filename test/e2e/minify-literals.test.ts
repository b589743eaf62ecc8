// The build step that squeezes lit `css` templates (scripts/minify-literals.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minifyLiterals } from '../../scripts/minify-literals.js';

describe('minifyLiterals', () => {
  it('drops comments and spaces CSS does not need, keeping the descendant space before a pseudo-class', () => {
    const out = minifyLiterals("const s = css`\n  /* why */\n  ul :is(a, b) > li {\n    margin: 0 auto;\n    color: red;\n  }\n`;");
    assert.equal(out, 'const s = css`ul :is(a,b)>li{margin:0 auto;color:red}`;');
  });

  it('leaves `${…}` expressions, other tags and plain strings as written', () => {
    const src = "const s = css`a {  color: ${unsafeCSS('x   y')};  }`; const h = html`<p>  a  </p>`; const t = `a  {  b }`;";
    assert.equal(minifyLiterals(src), "const s = css`a{color:${unsafeCSS('x   y')}}`; const h = html`<p>  a  </p>`; const t = `a  {  b }`;");
  });

  it('takes only the indentation out of `html` templates: a line break stays where one was', () => {
    const src = 'const h = html`<p>\n      ${a}\n      <a href="x">b</a> c  d\n\n    </p>`;';
    assert.equal(minifyLiterals(src), 'const h = html`<p>\n${a}\n<a href="x">b</a> c  d\n</p>`;');
  });

  it('keeps the space between two interpolated values', () => {
    assert.equal(minifyLiterals('const s = css`\n  a { padding: ${x} ${y}; }\n`;'), 'const s = css`a{padding:${x} ${y}}`;');
  });

  it('keeps text after non-ASCII characters in place', () => {
    assert.equal(minifyLiterals("const a = '…’😀'; const s = css`a {  b: c  }`;"), "const a = '…’😀'; const s = css`a{b:c}`;");
  });

  it('fails the build on a file it cannot parse', () => {
    assert.throws(() => minifyLiterals('const = css`a`;', 'broken.ts'), /broken\.ts/);
  });
});
