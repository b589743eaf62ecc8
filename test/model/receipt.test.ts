import { expect } from '@open-wc/testing';
import { consentReceipt, type ReceiptSettings } from '../../src/model/receipt.js';
import { pickText } from '../../src/model/text.js';
import type { ConsentCatalog } from '../../src/model/types.js';

const catalog: ConsentCatalog = {
  source: 'consentua:41',
  version: '3',
  groups: [
    {
      id: 'g',
      order: 0,
      texts: [],
      active: true,
      items: [
        { id: 'news', order: 0, active: true, ref: {}, texts: [{ lang: 'en', title: 'Newsletter', description: 'Weekly' }, { lang: 'nb-NO', title: 'Nyhetsbrev' }] },
        {
          id: 'health',
          order: 1,
          active: true,
          ref: {},
          texts: [{ lang: 'en', title: 'Health offers' }],
          info: { category: 'Marketing', dataUse: 'Your e-mail address', thirdParty: 'Partner AS', sensitive: { category: 'health' } },
        },
      ],
    },
  ],
};
const settings: ReceiptSettings = { jurisdiction: 'NO', policyUrl: 'https://example.com/privacy', piiControllers: [{ piiController: 'Example AS', contact: 'DPO' }] };
const build = (lang: string) =>
  consentReceipt({
    settings,
    catalog,
    decisions: [
      { itemId: 'news', granted: true },
      { itemId: 'health', granted: false },
    ],
    receipts: [{ itemId: 'news', granted: true, id: '77', created: Date.UTC(2026, 10, 24, 12) }],
    shown: (texts) => pickText(texts, [lang], 'en'),
    principal: 'sha256:abc',
    id: '00000000-0000-4000-8000-000000000000',
    now: Date.UTC(2026, 10, 24, 12, 0, 1),
    where: '<consent-purpose-template> https://example.com/',
  });

describe('consent receipts', () => {
  it('have the Kantara v1.1 fields, from the settings and the save', () => {
    const r = build('en');
    expect(r.version).to.equal('KI-CR-v1.1.0');
    expect(r.jurisdiction).to.equal('NO');
    expect(r.consentTimestamp, "the provider's record time, not the device's").to.equal(Date.UTC(2026, 10, 24, 12) / 1000);
    expect(r.collectionMethod).to.equal('web form: <consent-purpose-template> https://example.com/');
    expect(r.consentReceiptID).to.equal('00000000-0000-4000-8000-000000000000');
    expect(r.piiPrincipalId).to.equal('sha256:abc');
    expect(r.piiControllers).to.deep.equal(settings.piiControllers);
    expect(r.policyUrl).to.equal(settings.policyUrl);
    expect(r.services).to.have.length(1);
    expect(r.services[0]!.service).to.equal('consentua:41');
  });

  it('record each purpose as shown: text, language, version, status and the provider record', () => {
    const [news, health] = build('en').services[0]!.purposes;
    expect(news).to.include({ purpose: 'Newsletter', notice_text: 'Newsletter\nWeekly', notice_language: 'en', notice_version: '3', consent_status: 'given', record_id: '77' });
    expect(news!.record_time).to.equal('2026-11-24T12:00:00.000Z');
    expect(health).to.include({ purpose: 'Health offers', consent_status: 'withdrawn', thirdPartyDisclosure: true, thirdPartyName: 'Partner AS' });
    expect(health!.purposeCategory).to.deep.equal(['Marketing']);
    expect(health!.piiCategory).to.deep.equal(['Your e-mail address']);
    expect(health).not.to.have.property('record_id');
  });

  it('name sensitive categories and the language the visitor read', () => {
    const r = build('nb-NO');
    expect(r.sensitive).to.equal(true);
    expect(r.spiCat).to.deep.equal(['health']);
    expect(r.language).to.equal('nb-NO');
    expect(r.services[0]!.purposes[0]!.purpose).to.equal('Nyhetsbrev');
  });
});

describe('consent receipts of nested consents', () => {
  it('name a child consent by its own text, however deep', () => {
    const leaf = { id: 'sms', order: 0, active: true, ref: {}, texts: [{ lang: 'en', title: 'By SMS' }] };
    const nested: ConsentCatalog = {
      ...catalog,
      groups: [{ ...catalog.groups[0]!, items: [{ ...catalog.groups[0]!.items[0]!, children: [{ id: 'offers', order: 0, active: true, ref: {}, texts: [{ lang: 'en', title: 'Offers' }], children: [leaf] }] }] }],
    };
    const r = consentReceipt({
      settings,
      catalog: nested,
      decisions: [{ itemId: 'sms', granted: true }, { itemId: 'offers', granted: false }],
      receipts: [],
      shown: (texts) => pickText(texts, ['en'], 'en'),
      principal: '',
      id: '00000000-0000-4000-8000-000000000001',
      now: Date.UTC(2026, 0, 1),
      where: '<consent-group-picker> https://example.com/',
    });
    expect(r.services[0]!.purposes.map((p) => p.purpose)).to.deep.equal(['By SMS', 'Offers']);
    expect(r.consentTimestamp, 'no record time from the provider: the time of the save').to.equal(Date.UTC(2026, 0, 1) / 1000);
  });
});
