import { expect } from '@open-wc/testing';
import { drawIn, loadLocale, msg, translation } from '../../src/i18n/localization.js';
import { str, type Templates } from '../../src/i18n/str.js';

const host = { requestUpdate() {}, addController() {}, removeController() {}, updateComplete: Promise.resolve(true) };
const retryId = 's2c8189544e3ea679'; // msg('Retry'), as lit-localize names it in the generated translations

describe('msg', () => {
  it('gives the source text outside an update, values joined in place', () => {
    expect(msg('Retry')).to.equal('Retry');
    const date = '1 May';
    expect(msg(str`Given on ${date}.`)).to.equal('Given on 1 May.');
  });

  it('reads the translation of the update it runs in, restoring the outer one after', async () => {
    await loadLocale('nb-NO');
    const nb = translation('nb', host)!;
    expect(nb[retryId]).to.equal('Prøv igjen');
    const seen: string[] = [];
    drawIn(nb, () => {
      seen.push(msg('Retry'));
      drawIn({}, () => seen.push(msg('Retry')));
      seen.push(msg('Retry'));
    });
    seen.push(msg('Retry'));
    expect(seen).to.deep.equal(['Prøv igjen', 'Retry', 'Prøv igjen', 'Retry']);
  });

  it('puts the values of a translated str where the translation wants them', () => {
    const [label, title] = ['All', 'Marketing'];
    const source = str`${label}: ${title}`;
    const id = Object.keys(translation('nb', host)!).find((k) => (translation('nb', host)![k] as { strings?: readonly string[] }).strings?.join('|') === '|: |');
    expect(id, 'the translation of `${0}: ${1}`').to.be.a('string');
    const swapped: Templates = { [id!]: { strTag: true, strings: Object.assign(['', ' — ', ''], { raw: [] }) as unknown as TemplateStringsArray, values: [1, 0] } };
    drawIn(swapped, () => expect(msg(source)).to.equal('Marketing — All'));
  });

  it('loads nothing for English or a language it has no translation of', async () => {
    const requests = () => performance.getEntriesByType('resource').filter((e) => /\/locales\//.test(e.name)).length;
    const before = requests();
    await loadLocale('vi-VN');
    await loadLocale('en-GB');
    expect(translation('en', host)).to.deep.equal({});
    expect(requests()).to.equal(before);
  });
});
