// Seed data for the Connect simulator: fictional issuers, groups and consents in the shapes of
// the Connect Privacy → Consent API. Ids, order and gaps are deliberate (see the README).

export interface SimText {
  languageCode: string;
  name: string;
  description: string;
}
export interface SimGroup {
  issuer: string;
  consentGroupId: number;
  created: number;
  selectionOrder: number;
  texts: SimText[];
  active: boolean;
}
export interface SimConsent {
  issuer: string;
  consentId: number;
  consentGroupId: number;
  target: string;
  scope: string;
  parentConsentId: number;
  selectionOrder: number;
  displayMode: string;
  created: number;
  texts: SimText[];
  active: boolean;
}

type Tx = [name: string, description: string];
/** Texts in British English, Norwegian Bokmål and Swedish; pass `null` to leave one out. */
const t = (en: Tx, nb: Tx | null, sv: Tx | null): SimText[] =>
  [
    ['en_GB', en],
    ['nb_NO', nb],
    ['sv_SE', sv],
  ]
    .filter((e): e is [string, Tx] => e[1] !== null)
    .map(([languageCode, [name, description]]) => ({ languageCode, name, description }));

export const NORDLYS = '468979834';
export const FJORD = '913456780';
export const HOSTILE = 'sim-hostile';
/** Many flat consents, for tests that save many decisions at once (fault suite, long queues). */
export const BULK = 'sim-bulk';

export const issuers = [
  { issuer: NORDLYS, name: 'Nordlys Media AS' },
  { issuer: FJORD, name: 'Fjordposten AS' },
  { issuer: HOSTILE, name: 'Hostile texts (test issuer)' },
  { issuer: BULK, name: 'Many consents (test issuer)' },
];

const created = 1560851788000;

const longDescription =
  'We run reader surveys a few times a year to learn what you think of our journalism, our apps and our ' +
  'subscription offers. If you say yes, we may invite you by email or telephone. Taking part is always ' +
  'voluntary, you can stop at any time, and answers are analysed in aggregate by our research team and by ' +
  'a research partner who works on our behalf under a data processing agreement. We keep invitations and ' +
  'answers for no more than 24 months. You can withdraw this consent at any time on this page or by ' +
  'contacting customer service; withdrawing does not affect surveys you have already answered. ' +
  'Vi gjennomfører leserundersøkelser – Wir führen Leserbefragungen durch – Nous menons des enquêtes.';

export const groups: SimGroup[] = [
  {
    issuer: NORDLYS, consentGroupId: 1, created, selectionOrder: 2, active: true,
    texts: t(
      ['Newsletters', 'Editorial newsletters from the newsroom'],
      ['Nyhetsbrev', 'Redaksjonelle nyhetsbrev fra nyhetsredaksjonen'],
      ['Nyhetsbrev', 'Redaktionella nyhetsbrev från nyhetsredaktionen'],
    ),
  },
  {
    issuer: NORDLYS, consentGroupId: 2, created, selectionOrder: 1, active: true,
    texts: t(
      ['Marketing', 'Offers and news about our products'],
      ['Markedsføring', 'Tilbud og nyheter om produktene våre'],
      ['Marknadsföring', 'Erbjudanden och nyheter om våra produkter'],
    ),
  },
  {
    // No Norwegian text on purpose: exercises the language fallback.
    issuer: NORDLYS, consentGroupId: 3, created, selectionOrder: 4, active: true,
    texts: t(
      ['Personalisation', 'Use of your reading history to tailor what you see'],
      null,
      ['Anpassning', 'Användning av din läshistorik för att anpassa det du ser'],
    ),
  },
  {
    issuer: NORDLYS, consentGroupId: 4, created, selectionOrder: 3, active: true,
    texts: t(
      ['Research and surveys', longDescription],
      ['Forskning og undersøkelser', 'Vi inviterer deg av og til til leserundersøkelser. Deltakelse er alltid frivillig.'],
      ['Forskning och undersökningar', 'Vi bjuder ibland in dig till läsarundersökningar. Deltagande är alltid frivilligt.'],
    ),
  },
  {
    issuer: NORDLYS, consentGroupId: 5, created, selectionOrder: 5, active: false,
    texts: t(
      ['Printed catalogue (retired)', 'Our printed catalogue by post'],
      ['Trykt katalog (avviklet)', 'Vår trykte katalog i posten'],
      ['Tryckt katalog (avvecklad)', 'Vår tryckta katalog med posten'],
    ),
  },
  {
    issuer: NORDLYS, consentGroupId: 6, created, selectionOrder: 6, active: true,
    texts: t(
      ['Partners', 'Offers from carefully selected partners'],
      ['Partnere', 'Tilbud fra nøye utvalgte samarbeidspartnere'],
      ['Partner', 'Erbjudanden från noga utvalda partner'],
    ),
  },
  {
    issuer: FJORD, consentGroupId: 101, created, selectionOrder: 1, active: true,
    texts: t(
      ['Newsletter', 'The Friday newsletter'],
      ['Nyhetsbrev', 'Fredagsbrevet'],
      ['Nyhetsbrev', 'Fredagsbrevet'],
    ),
  },
  {
    issuer: FJORD, consentGroupId: 102, created, selectionOrder: 0, active: true,
    texts: t(
      ['Customer contact', 'How we may contact you'],
      ['Kundekontakt', 'Hvordan vi kan kontakte deg'],
      ['Kundkontakt', 'Hur vi får kontakta dig'],
    ),
  },
  {
    issuer: FJORD, consentGroupId: 103, created, selectionOrder: 2, active: true,
    texts: t(
      ['Embedded content', 'Videos and posts from other services shown in our articles'],
      ['Innebygd innhold', 'Videoer og innlegg fra andre tjenester vist i artiklene våre'],
      ['Inbäddat innehåll', 'Videor och inlägg från andra tjänster i våra artiklar'],
    ),
  },
  {
    issuer: HOSTILE, consentGroupId: 901, created, selectionOrder: 1, active: true,
    texts: t(
      ['<b>Bold</b> group <script>window.__pwned = true</script>', '<img src=x onerror=alert(1)>'],
      null,
      null,
    ),
  },
  ...['Email', 'Text messages', 'Telephone', 'Post'].map((channel, i): SimGroup => ({
    issuer: BULK, consentGroupId: 1101 + i, created, selectionOrder: i + 1, active: true,
    texts: t([channel, `What we may send you by ${channel.toLowerCase()}`], null, null),
  })),
];

let nextCreated = created + 3_600_000;
const c = (
  issuer: string,
  consentId: number,
  consentGroupId: number,
  target: string,
  scope: string,
  selectionOrder: number,
  texts: SimText[],
  extra: Partial<SimConsent> = {},
): SimConsent => ({
  issuer, consentId, consentGroupId, target, scope, selectionOrder, texts,
  parentConsentId: consentId, displayMode: 'A', created: (nextCreated += 60_000), active: true, ...extra,
});

export const consents: SimConsent[] = [
  c(NORDLYS, 1, 1, 'editoral', 'email', 2, t(
    ['Newsletters by email', 'Do you agree to receive our newsletters by email?'],
    ['Nyhetsbrev på e-post', 'Samtykker du til å motta nyhetsbrevene våre på e-post?'],
    ['Nyhetsbrev via e-post', 'Godkänner du att få våra nyhetsbrev via e-post?'],
  )),
  c(NORDLYS, 2, 1, 'editoral', 'email-morning', 1, t(
    ['Morning briefing', 'The day’s most important stories at 07:00'],
    ['Morgenbrief', 'Dagens viktigste saker klokken 07.00'],
    ['Morgonbrev', 'Dagens viktigaste nyheter klockan 07.00'],
  ), { parentConsentId: 1 }),
  c(NORDLYS, 3, 1, 'editoral', 'email-sport', 2, t(
    ['Sport', 'Results and commentary after the weekend'],
    ['Sport', 'Resultater og kommentarer etter helgen'],
    ['Sport', 'Resultat och kommentarer efter helgen'],
  ), { parentConsentId: 1 }),
  c(NORDLYS, 4, 1, 'editoral', 'email-culture', 3, t(
    ['Culture', 'Reviews, books and stage'],
    ['Kultur', 'Anmeldelser, bøker og scene'],
    ['Kultur', 'Recensioner, böcker och scen'],
  ), { parentConsentId: 1 }),
  c(NORDLYS, 5, 1, 'editoral', 'push', 1, t(
    ['Breaking news alerts', 'Push notifications when something big happens'],
    ['Varsler om viktige nyheter', 'Pushvarsler når noe stort skjer'],
    ['Nyhetsnotiser', 'Pushnotiser när något stort händer'],
  )),
  c(NORDLYS, 10, 2, 'marketing', 'email', 1, t(
    ['Offers by email', 'Subscription offers and campaigns by email'],
    ['Tilbud på e-post', 'Abonnementstilbud og kampanjer på e-post'],
    ['Erbjudanden via e-post', 'Prenumerationserbjudanden och kampanjer via e-post'],
  )),
  c(NORDLYS, 11, 2, 'marketing', 'sms', 2, t(
    ['Offers by text message', 'Short offers by SMS, at most twice a month'],
    ['Tilbud på SMS', 'Korte tilbud på SMS, høyst to ganger i måneden'],
    ['Erbjudanden via sms', 'Korta erbjudanden via sms, högst två gånger i månaden'],
  )),
  c(NORDLYS, 12, 2, 'marketing', 'telephone', 3, t(
    ['Offers by telephone', 'We may call you about subscription offers'],
    ['Tilbud på telefon', 'Vi kan ringe deg om abonnementstilbud'],
    ['Erbjudanden via telefon', 'Vi kan ringa dig om prenumerationserbjudanden'],
  )),
  c(NORDLYS, 20, 3, 'personalisation', 'web', 1, t(
    ['Recommendations', 'Articles picked from your reading history'],
    ['Anbefalinger', 'Artikler valgt ut fra lesehistorikken din'],
    ['Rekommendationer', 'Artiklar utvalda utifrån din läshistorik'],
  )),
  c(NORDLYS, 21, 3, 'personalisation', 'ads', 2, t(
    ['Relevant advertising', 'Ads based on the sections you read'],
    ['Relevant annonsering', 'Annonser basert på seksjonene du leser'],
    ['Relevant annonsering', 'Annonser baserade på de avdelningar du läser'],
  )),
  c(NORDLYS, 30, 4, 'research', 'email', 1, t(
    ['Survey invitations by email', 'A few invitations a year'],
    ['Invitasjoner på e-post', 'Noen få invitasjoner i året'],
    ['Inbjudningar via e-post', 'Några få inbjudningar per år'],
  )),
  c(NORDLYS, 31, 4, 'research', 'telephone', 2, t(
    ['Telephone interviews', 'Occasional interviews by telephone'],
    ['Telefonintervjuer', 'Av og til intervjuer på telefon'],
    ['Telefonintervjuer', 'Ibland intervjuer per telefon'],
  )),
  c(NORDLYS, 40, 5, 'print', 'post', 1, t(
    ['Catalogue by post', 'The printed catalogue'],
    ['Katalog i posten', 'Den trykte katalogen'],
    ['Katalog med posten', 'Den tryckta katalogen'],
  ), { active: false }),
  c(NORDLYS, 50, 6, 'partners', 'email', 1, t(
    ['Partner offers by email', 'Offers from partners, sent by us'],
    ['Partnertilbud på e-post', 'Tilbud fra partnere, sendt av oss'],
    ['Partnererbjudanden via e-post', 'Erbjudanden från partner, skickade av oss'],
  )),
  c(NORDLYS, 51, 6, 'partners', 'telephone', 2, t(
    ['Partner offers by telephone', 'No longer offered'],
    ['Partnertilbud på telefon', 'Tilbys ikke lenger'],
    ['Partnererbjudanden via telefon', 'Erbjuds inte längre'],
  ), { active: false }),
  c(FJORD, 110, 101, 'editoral', 'email', 1, t(
    ['Friday letter', 'Every Friday at noon'],
    ['Fredagsbrevet', 'Hver fredag klokken tolv'],
    ['Fredagsbrevet', 'Varje fredag klockan tolv'],
  )),
  c(FJORD, 111, 102, 'customer', 'sms', 1, t(
    ['Delivery messages by SMS', 'Tell me about late deliveries'],
    ['Leveransmeldinger på SMS', 'Gi meg beskjed om sene leveranser'],
    ['Leveransmeddelanden via sms', 'Meddela mig om sena leveranser'],
  )),
  c(FJORD, 112, 102, 'customer', 'telephone', 2, t(
    ['Calls from customer service', 'Only about your subscription'],
    ['Anrop fra kundeservice', 'Bare om abonnementet ditt'],
    ['Samtal från kundtjänst', 'Bara om din prenumeration'],
  )),
  c(FJORD, 120, 103, 'embeds', 'video', 1, t(
    ['Videos from our video partner', 'Loads the player from the partner, who then sees your visit'],
    ['Videoer fra videopartneren vår', 'Laster spilleren fra partneren, som da ser besøket ditt'],
    ['Videor från vår videopartner', 'Laddar spelaren från partnern, som då ser ditt besök'],
  )),
  c(HOSTILE, 910, 901, 'hostile', 'email', 1, t(
    ['<img src=x onerror=alert(1)>', 'Click <a href="javascript:alert(1)">here</a> & "quote" \u202Eevil'],
    null,
    null,
  )),
  // Six topics on each of the bulk issuer's four channels: 24 consents, ids 1001–1024.
  ...['Email', 'Text messages', 'Telephone', 'Post'].flatMap((channel, g) =>
    ['News', 'Offers', 'Events', 'Surveys', 'Partners', 'Service'].map((topic, i) =>
      c(BULK, 1001 + g * 6 + i, 1101 + g, topic.toLowerCase(), channel.toLowerCase().replace(' ', '-'), i + 1,
        t([`${topic} by ${channel.toLowerCase()}`, `${topic} sent to you by ${channel.toLowerCase()}`], null, null)),
    ),
  ),
];

/** Customers for Connect check access: what each is entitled to. */
export interface SimCustomer {
  customerNumber: number;
  uniqueId: string;
  credentials: string[];
  /** ConnectID subject of the customer's user token. */
  connectId: string;
  products: string[];
  articles: string[];
  domains: string[];
  categoryTypes: string[];
  /** Products shared with this customer by someone else's subscription. */
  sharedProducts: string[];
}

export const customers: SimCustomer[] = [
  {
    customerNumber: 563457, uniqueId: '6ba7b8149dad11d180b400c04fd430c8', credentials: ['+4723339100', 'kari@example.no'],
    connectId: 'connectid-kari', products: ['CO27409'], articles: ['578943434'], domains: ['unite.no'], categoryTypes: ['SWISJ'],
    sharedProducts: ['FAMILY1'],
  },
  {
    customerNumber: 100200, uniqueId: '0f8fad5bd9cb469fa16570867728950e', credentials: ['ola@example.no'],
    connectId: 'connectid-ola', products: [], articles: [], domains: [], categoryTypes: [], sharedProducts: [],
  },
];
