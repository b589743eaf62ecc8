import { expect } from '@open-wc/testing';
import { normalizeLang, pickText, toProviderLang } from '../../src/model/text.js';
import type { LocalizedText } from '../../src/model/types.js';

const texts = (...langs: string[]): LocalizedText[] => langs.map((lang) => ({ lang, title: `title-${lang}` }));
const pick = (t: LocalizedText[], wanted: string | string[], fallback?: string) => pickText(t, wanted, fallback)?.lang;

describe('text picking', () => {
  it('normalises provider codes and BCP 47 alike', () => {
    expect(normalizeLang('nb_NO')).to.equal('nb-NO');
    expect(normalizeLang('NB-no')).to.equal('nb-NO');
    expect(normalizeLang('en')).to.equal('en');
    expect(normalizeLang('zh_Hant_TW')).to.equal('zh-Hant-TW');
    expect(toProviderLang('sv-se')).to.equal('sv_SE');
  });

  it('takes the exact code first, treating nb_NO and nb-NO as the same', () => {
    expect(pick(texts('en_GB', 'nb', 'nb_NO'), 'nb-NO')).to.equal('nb_NO');
    expect(pick(texts('en_GB', 'sv_SE'), 'sv_SE')).to.equal('sv_SE');
  });

  it('then the language without region, either way round', () => {
    expect(pick(texts('en_GB', 'sv_SE'), 'sv')).to.equal('sv_SE');
    expect(pick(texts('en_GB', 'sv'), 'sv-FI')).to.equal('sv');
    expect(pick(texts('en_US', 'en_GB'), 'en-GB')).to.equal('en_GB');
  });

  it('treats no as nb or nn, and nb/nn as no', () => {
    expect(pick(texts('en_GB', 'nb_NO'), 'no')).to.equal('nb_NO');
    expect(pick(texts('en_GB', 'nn_NO'), 'no-NO')).to.equal('nn_NO');
    expect(pick(texts('en_GB', 'no_NO'), 'nb-NO')).to.equal('no_NO');
    expect(pick(texts('en_GB', 'nn_NO', 'no'), 'nb')).to.equal('no', 'no before nn for Bokmål');
    expect(pick(texts('en_GB', 'nb_NO'), 'nn')).to.equal('nb_NO');
  });

  it('then the fallback language, then the first text', () => {
    expect(pick(texts('sv_SE', 'en_GB'), 'nb-NO', 'en-GB')).to.equal('en_GB');
    expect(pick(texts('sv_SE', 'en_GB'), 'fi', 'en')).to.equal('en_GB');
    expect(pick(texts('sv_SE', 'en_GB'), 'fi', 'de')).to.equal('sv_SE');
    expect(pick(texts('sv_SE', 'en_GB'), 'fi')).to.equal('sv_SE');
  });

  it('tries wanted languages in order before the fallback', () => {
    expect(pick(texts('en_GB', 'da_DK', 'sv_SE'), ['fi', 'sv-SE', 'da'], 'en')).to.equal('sv_SE');
  });

  it('returns undefined when there is no text at all', () => {
    expect(pickText([], 'en')).to.equal(undefined);
  });
});
