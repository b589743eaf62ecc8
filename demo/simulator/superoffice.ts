import { timingSafeEqual } from 'node:crypto';
import { json, noContent, readJson, type Ctx, type SimCore } from './core.js';
import type { SimConsentPerson } from './store.js';
import { SO_EXAMPLE_PERSON, superofficePersons, superofficePurposes, superofficeSeedRows, type Ml } from '../../fixtures/superoffice.js';
import { superofficeConsentsExample } from '../../fixtures/seed-examples.js';

/**
 * SuperOffice CRM person consents under /superoffice/api/v1: the consent purposes list, a
 * person's ConsentPerson rows, PUT to give and DELETE to withdraw (the row stays, with legal
 * base WITHDRAWN). Texts are multi-language strings (`NO:"…";US:"…"`) unless the request sends
 * Accept-Language or SO-Language.
 *
 * From the reference pages: paths, ConsentPurpose and ConsentPerson shapes, multi-language
 * strings; person 30339's consents start as the reference's sample response, verbatim. Inferred:
 * the error bodies, at most one row per purpose and person, legal base keys (61A consent, 61F
 * legitimate interest, WITHDRAWN) and source keys, from the public SetConsent page.
 */
export interface SuperOfficeSimOptions {
  /** The Authorization header value the simulator accepts (`Bearer …`, `SoTicket …` or `Basic …`). */
  superofficeAuthorization: string;
}

export const SUPEROFFICE_PREFIX = '/superoffice/api/v1';

export { superofficePersons, superofficePurposes };

const legalBases: Record<string, [number, string]> = { '61A': [1, 'Consent'], '61F': [4, 'Legitimate interest'], WITHDRAWN: [9, 'Withdrawn'] };
const sources: Record<string, [number, string]> = { WEBFORM: [5, 'Web form'], API: [6, 'API'], USER: [1, 'User'] };

/** SuperOffice's language codes for the ISO codes a request may send. */
const soLang: Record<string, keyof Ml> = { no: 'NO', nb: 'NO', nn: 'NO', en: 'US', sv: 'SE', de: 'GE' };

const soError = (status: number, message: string) => ({ Error: message, ErrorType: status === 401 ? 'Unauthorized' : 'Error', Message: message });

export class SuperOfficeSim {
  readonly #core: SimCore;
  readonly #auth: string;

  constructor(core: SimCore, opts: SuperOfficeSimOptions) {
    this.#core = core;
    this.#auth = opts.superofficeAuthorization;
    core.faultStyle({ prefix: '/superoffice', malformed: '[{"ConsentPersonId": 988, "LegalBaseKey": ', error: soError });
    this.#routes();
  }

  get rows(): SimConsentPerson[] {
    const state = this.#core.store.state;
    state.superoffice ??= { rows: superofficeSeedRows() };
    return state.superoffice.rows;
  }

  #routes() {
    const r = (method: string, path: string, h: (ctx: Ctx, p: string[]) => void) =>
      this.#core.route(method, SUPEROFFICE_PREFIX + path, (ctx, p) => (this.#authorized(ctx) ? h(ctx, p) : undefined));
    r('GET', '/List/ConsentPurpose/Items', (ctx) => this.#purposes(ctx));
    r('GET', '/Person/:personId/Consent', (ctx, [id]) => this.#personConsents(ctx, Number(id)));
    r('PUT', '/Person/:personId/Consent/:purpose', (ctx, [id, key]) => this.#give(ctx, Number(id), key!));
    r('DELETE', '/Person/:personId/Consent/:purpose', (ctx, [id, key]) => this.#withdraw(ctx, Number(id), key!));
    this.#core.route('GET', '/__sim/superoffice/rows', (ctx) => json(ctx, 200, { rows: this.rows }));
    // A row as staff would record it (e.g. on legitimate interest), for tests to start from.
    this.#core.route('POST', '/__sim/superoffice/rows', async (ctx) => {
      const b = (await readJson(ctx.req)) as { personId?: number; key?: string; legalBase?: string; source?: string } | undefined;
      if (!b?.personId || !b.key || !b.legalBase || !legalBases[b.legalBase]) return json(ctx, 400, soError(400, 'personId, key and a known legalBase are required'));
      this.#upsert(b.personId, b.key, b.legalBase, b.source ?? 'USER', '');
      json(ctx, 200, { rows: this.rows.filter((r) => r.PersonId === b.personId) });
    });
  }

  #authorized(ctx: Ctx): boolean {
    const given = Buffer.from(ctx.req.headers.authorization ?? '');
    const want = Buffer.from(this.#auth);
    if (given.length === want.length && timingSafeEqual(given, want)) return true;
    json(ctx, 401, soError(401, 'Authentication failed'));
    return false;
  }

  /** The one language asked for, or undefined: then multi-language strings are returned raw. */
  #lang(ctx: Ctx): keyof Ml | undefined {
    const header = String(ctx.req.headers['so-language'] ?? ctx.req.headers['accept-language'] ?? '');
    for (const part of header.split(',')) {
      const code = part.trim().split(/[;_-]/)[0]!.toLowerCase();
      if (soLang[code]) return soLang[code];
    }
    return undefined;
  }

  #text(ctx: Ctx, m: Ml): string {
    const lang = this.#lang(ctx);
    return lang ? m[lang] : Object.entries(m).map(([k, v]) => `${k}:"${v}"`).join(';');
  }

  #purposes(ctx: Ctx) {
    json(
      ctx,
      200,
      superofficePurposes.map((p) => ({
        ConsentPurposeId: p.ConsentPurposeId,
        Name: this.#text(ctx, p.Name),
        ConsentText: this.#text(ctx, p.ConsentText),
        FormText: this.#text(ctx, p.FormText),
        Key: p.Key,
        Tooltip: '',
        Active: p.Active,
        UpdatedDate: '2024-01-10T08:00:00',
        UpdatedBy: null,
        Deleted: p.Deleted,
        Rank: p.Rank,
        PrivacyStatementDesc: p.PrivacyStatementUrl ? 'Privacy policy' : '',
        PrivacyStatementUrl: p.PrivacyStatementUrl,
        TableRight: null,
        FieldProperties: {},
      })),
    );
  }

  #person(ctx: Ctx, id: number): boolean {
    if (superofficePersons.includes(id)) return true;
    json(ctx, 404, soError(404, `Person ${id} not found`));
    return false;
  }

  #personConsents(ctx: Ctx, id: number) {
    if (!this.#person(ctx, id)) return;
    json(ctx, 200, [
      ...(id === SO_EXAMPLE_PERSON ? superofficeConsentsExample : []),
      ...this.rows
        .filter((r) => r.PersonId === id)
        .map((r) => {
          const purpose = superofficePurposes.find((p) => p.Key === r.ConsentPurposeKey)!;
          const [LegalBaseId, LegalBaseName] = legalBases[r.LegalBaseKey] ?? [0, r.LegalBaseKey];
          const [ConsentSourceId, ConsentSourceName] = sources[r.ConsentSourceKey] ?? [0, r.ConsentSourceKey];
          return {
            ConsentPersonId: r.ConsentPersonId, Comment: r.Comment,
            Registered: r.Registered, RegisteredAssociateId: 52, Updated: r.Updated, UpdatedAssociateId: 52,
            LegalBaseId, LegalBaseKey: r.LegalBaseKey, LegalBaseName,
            ConsentPurposeId: purpose.ConsentPurposeId, ConsentPurposeKey: purpose.Key, ConsentPurposeName: this.#text(ctx, purpose.Name),
            ConsentSourceId, ConsentSourceKey: r.ConsentSourceKey, ConsentSourceName,
            TableRight: null, FieldProperties: {},
          };
        }),
    ]);
  }

  #upsert(personId: number, key: string, legalBase: string, source: string, comment: string) {
    const now = new Date().toISOString();
    const row = this.rows.find((r) => r.PersonId === personId && r.ConsentPurposeKey === key);
    if (row) Object.assign(row, { LegalBaseKey: legalBase, ConsentSourceKey: source, Comment: comment, Updated: now });
    else
      this.rows.push({
        ConsentPersonId: 988 + this.rows.length, PersonId: personId, ConsentPurposeKey: key,
        LegalBaseKey: legalBase, ConsentSourceKey: source, Comment: comment, Registered: now, Updated: now,
      });
    this.#core.store.flush();
  }

  #give(ctx: Ctx, personId: number, key: string) {
    if (!this.#person(ctx, personId)) return;
    this.#core.received(ctx, { personId, key, query: Object.fromEntries(ctx.url.searchParams) });
    const purpose = superofficePurposes.find((p) => p.Key === key && !p.Deleted);
    const source = ctx.query.get('source');
    const legalBase = ctx.query.get('legalbase');
    if (!purpose) return json(ctx, 400, soError(400, `Unknown consent purpose ${key}`));
    if (!source || !sources[source]) return json(ctx, 400, soError(400, 'source is required and must be a known key'));
    if (!legalBase || !legalBases[legalBase] || legalBase === 'WITHDRAWN') return json(ctx, 400, soError(400, 'legalBase is required'));
    this.#upsert(personId, key, legalBase, source, ctx.query.get('comment') ?? '');
    noContent(ctx);
  }

  #withdraw(ctx: Ctx, personId: number, key: string) {
    if (!this.#person(ctx, personId)) return;
    this.#core.received(ctx, { personId, key });
    const row = this.rows.find((r) => r.PersonId === personId && r.ConsentPurposeKey === key);
    // Withdrawal keeps the row with legal base WITHDRAWN; withdrawing what was never given records that too.
    this.#upsert(personId, key, 'WITHDRAWN', row?.ConsentSourceKey ?? 'WEBFORM', row?.Comment ?? '');
    noContent(ctx);
  }
}
