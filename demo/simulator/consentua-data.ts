// Seed data for the Consentua simulator: one client with a service whose template has purpose
// groups and purposes in three languages. Positions, deletions and URIs are deliberate.

type Lang = 'en' | 'nb' | 'sv';
type Tr<T> = Record<Lang, T>;

export interface SimPurpose {
  Id: number;
  PurposeGroupId: number;
  Position: number;
  Deleted: boolean;
  Category: string;
  URI: string;
  ThirdPartyDisclosure: boolean;
  ThirdPartyName: string;
  IsSensitive: boolean;
  SensitiveCategory: string;
  DataTypeId: number;
  /** DataUse, DataUseText, DataPurpose, DataPurposeText */
  text: Tr<[string, string, string, string]>;
}

export interface SimPurposeGroup {
  Id: number;
  Deleted: boolean;
  ConsentType: string;
  DisplayType: string;
  /** Description, Explanation */
  text: Tr<[string, string]>;
}

export interface SimTemplate {
  Id: number;
  ServiceId: number;
  Version: number;
  ConsentType: string;
  DisplayType: string;
  /** Name, Question, Explanation */
  text: Tr<[string, string, string]>;
  groups: SimPurposeGroup[];
  purposes: SimPurpose[];
}

export const CONSENTUA_CLIENT = 266;
export const CONSENTUA_SERVICE = 105;
export const consentuaLanguages: Lang[] = ['en', 'nb', 'sv'];

const p = (
  Id: number,
  PurposeGroupId: number,
  Position: number,
  text: SimPurpose['text'],
  extra: Partial<SimPurpose> = {},
): SimPurpose => ({
  Id, PurposeGroupId, Position, text,
  Deleted: false, Category: 'Marketing', URI: '', ThirdPartyDisclosure: false, ThirdPartyName: '',
  IsSensitive: false, SensitiveCategory: '', DataTypeId: 2, ...extra,
});

export const templates: SimTemplate[] = [
  {
    Id: 41,
    ServiceId: CONSENTUA_SERVICE,
    Version: 3,
    ConsentType: 'Explicit',
    DisplayType: 'Multi',
    text: {
      en: ['Reader services', 'How may we use your data?', 'Choose what you allow. You can change your mind at any time.'],
      nb: ['Lesertjenester', 'Hvordan kan vi bruke dataene dine?', 'Velg hva du tillater. Du kan ombestemme deg når som helst.'],
      sv: ['Läsartjänster', 'Hur får vi använda dina uppgifter?', 'Välj vad du tillåter. Du kan ändra dig när som helst.'],
    },
    groups: [
      {
        Id: 77, Deleted: false, ConsentType: 'Explicit', DisplayType: 'Multi',
        text: {
          en: ['Contact', 'How we may get in touch with you'],
          nb: ['Kontakt', 'Hvordan vi kan ta kontakt med deg'],
          sv: ['Kontakt', 'Hur vi får kontakta dig'],
        },
      },
      {
        Id: 78, Deleted: false, ConsentType: 'Explicit', DisplayType: 'Multi',
        text: {
          en: ['Health content', 'Tailoring our health section'],
          nb: ['Helseinnhold', 'Tilpasning av helsestoffet vårt'],
          sv: ['Hälsoinnehåll', 'Anpassning av vårt hälsoinnehåll'],
        },
      },
      {
        Id: 79, Deleted: false, ConsentType: 'Explicit', DisplayType: 'Binary',
        text: {
          en: ['Partners', 'Sharing with named partners'],
          nb: ['Partnere', 'Deling med navngitte partnere'],
          sv: ['Partner', 'Delning med namngivna partner'],
        },
      },
      {
        Id: 80, Deleted: true, ConsentType: 'Explicit', DisplayType: 'Multi',
        text: {
          en: ['Retired group', 'No longer used'],
          nb: ['Avviklet gruppe', 'Brukes ikke lenger'],
          sv: ['Avvecklad grupp', 'Används inte längre'],
        },
      },
    ],
    purposes: [
      p(312, 77, 2, {
        en: ['Email address', 'Your e-mail address', 'Newsletter', 'Send you our weekly newsletter'],
        nb: ['E-postadresse', 'E-postadressen din', 'Nyhetsbrev', 'Sende deg det ukentlige nyhetsbrevet'],
        sv: ['E-postadress', 'Din e-postadress', 'Nyhetsbrev', 'Skicka dig vårt veckobrev'],
      }, { URI: 'https://example.com/privacy#newsletter' }),
      p(313, 77, 1, {
        en: ['Phone number', 'Your phone number', 'Customer service', 'Call you about your subscription'],
        nb: ['Telefonnummer', 'Telefonnummeret ditt', 'Kundeservice', 'Ringe deg om abonnementet ditt'],
        sv: ['Telefonnummer', 'Ditt telefonnummer', 'Kundtjänst', 'Ringa dig om din prenumeration'],
      }, { URI: 'javascript:alert(document.cookie)' }),
      p(311, 77, 3, {
        en: ['Postal address', 'Your postal address', 'Printed offers', 'Send you printed offers'],
        nb: ['Postadresse', 'Postadressen din', 'Trykte tilbud', 'Sende deg trykte tilbud'],
        sv: ['Postadress', 'Din postadress', 'Tryckta erbjudanden', 'Skicka dig tryckta erbjudanden'],
      }, { Deleted: true }),
      p(320, 78, 1, {
        en: ['Reading history', 'Health articles you read', 'Health recommendations', 'Recommend health articles to you'],
        nb: ['Lesehistorikk', 'Helseartikler du leser', 'Helseanbefalinger', 'Anbefale helseartikler til deg'],
        sv: ['Läshistorik', 'Hälsoartiklar du läser', 'Hälsorekommendationer', 'Rekommendera hälsoartiklar till dig'],
      }, { IsSensitive: true, SensitiveCategory: 'Health', Category: 'Personalisation' }),
      p(330, 79, 2, {
        en: ['Email address', 'Your e-mail address', 'Partner offers', 'Offers from our partner'],
        nb: ['E-postadresse', 'E-postadressen din', 'Partnertilbud', 'Tilbud fra partneren vår'],
        sv: ['E-postadress', 'Din e-postadress', 'Partnererbjudanden', 'Erbjudanden från vår partner'],
      }, { ThirdPartyDisclosure: true, ThirdPartyName: 'Nordic Travel AS', URI: 'https://example.com/partners' }),
      p(331, 79, 1, {
        en: ['Postcode', 'Your postcode', 'Local events', 'Invitations to local events'],
        nb: ['Postnummer', 'Postnummeret ditt', 'Lokale arrangementer', 'Invitasjoner til lokale arrangementer'],
        sv: ['Postnummer', 'Ditt postnummer', 'Lokala evenemang', 'Inbjudningar till lokala evenemang'],
      }, { ThirdPartyDisclosure: true, ThirdPartyName: 'Byen Events' }),
      p(340, 80, 1, {
        en: ['Fax number', 'Your fax number', 'Fax offers', 'Offers by fax'],
        nb: ['Faksnummer', 'Faksnummeret ditt', 'Fakstilbud', 'Tilbud på faks'],
        sv: ['Faxnummer', 'Ditt faxnummer', 'Faxerbjudanden', 'Erbjudanden per fax'],
      }),
    ],
  },
];
