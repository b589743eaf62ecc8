import { createHash, randomUUID } from 'node:crypto';
import * as z from 'zod';
import { json, readJson, type Ctx, type SimCore } from './core.js';
import { CONSENTUA_CLIENT, CONSENTUA_SERVICE, consentuaLanguages, renderTemplate, templates } from '../../fixtures/consentua.js';
import { consentuaTemplateExample } from '../../fixtures/seed-examples.js';
import type { SimConsentuaUser } from './store.js';

/**
 * Consentua Service API v1 under /consentua: service login with the daily MD5 login token,
 * templates, service users, GetConsents/SetConsents/SetConsentsEx (its AuthenticationData kept
 * per purpose, seen at /__sim/consentua/users). Error bodies are bare JSON strings, as
 * Consentua's are; query parameter names match case-insensitively, as ASP.NET's do.
 *
 * From the reference pages: paths, models, the 404 model with Success:false; the template of
 * client 0 / service 0 is the reference's 200 example, verbatim.
 * Inferred: a 200 with Success:false (fault `refused`); a purpose's English fallback text.
 */
export interface ConsentuaSimOptions {
  /** The service key the login token is derived from (made up per run for the demo). */
  consentuaServiceKey: string;
}

export const CONSENTUA_PREFIX = '/consentua';

/** Consentua's LoginToken: upper-case MD5 of `key_D_M_YYYY` (UTC, no zero padding). */
export function consentuaLoginToken(serviceKey: string, when = new Date()): string {
  const s = `${serviceKey}_${when.getUTCDate()}_${when.getUTCMonth() + 1}_${when.getUTCFullYear()}`;
  return createHash('md5').update(s, 'utf8').digest('hex').toUpperCase();
}

const purposeEntry = z.object({ ConsentTemplateId: z.int(), PurposeId: z.int(), Consent: z.boolean() });
const setConsentsBody = z.object({
  Token: z.string(),
  // SetConsentsEx only: evidence of who consented, kept with the user's answers.
  AuthenticationData: z.string().optional(),
  Consent: z.object({ ClientId: z.int(), ServiceId: z.int(), UserId: z.int(), Purposes: z.array(purposeEntry) }),
});
const getConsentsBody = z.object({ ClientId: z.int(), ServiceId: z.int(), UserId: z.int(), Token: z.string() });
const loginBody = z.object({ ClientId: z.int(), ServiceId: z.int(), LoginToken: z.string(), DeviceId: z.string().optional() });

export class ConsentuaSim {
  readonly #core: SimCore;
  readonly #key: string;
  readonly #tokens = new Set<string>();

  constructor(core: SimCore, opts: ConsentuaSimOptions) {
    this.#core = core;
    this.#key = opts.consentuaServiceKey;
    core.faultStyle({
      prefix: CONSENTUA_PREFIX,
      malformed: '{"ClientId": 266, "ServiceId": 105, "Success": true, "Templates": [{"Id": ',
      error: (_status, message) => message, // Consentua answers errors with a bare JSON string
      // Its models carry `Success` and `Message`: the seed does not say when a 200 has Success:false (inferred).
      refusal: (Message) => ({ Success: false, Message }),
    });
    this.#routes();
  }

  get users(): SimConsentuaUser[] {
    return this.#core.store.state.consentua.users;
  }

  #routes() {
    const r = (method: string, path: string, h: (ctx: Ctx) => unknown) => this.#core.route(method, CONSENTUA_PREFIX + path, (ctx) => void h(ctx));
    r('GET', '/consentua/GetSystemInformation', (ctx) => json(ctx, 200, { InstanceName: 'Development', Version: 'simulator' }));
    r('POST', '/login/Service', (ctx) => this.#login(ctx));
    r('GET', '/login/IsLoggedIn', (ctx) => ctx.res.writeHead(this.#tokens.has(ctx.query.get('token') ?? '') ? 200 : 404).end());
    r('GET', '/template/Get', (ctx) => this.#template(ctx));
    r('GET', '/serviceuser/GetServiceUser', (ctx) => this.#getUser(ctx));
    r('POST', '/serviceuser/AddUserToService', (ctx) => this.#addUser(ctx));
    r('POST', '/userconsent/SetConsents', (ctx) => this.#setConsents(ctx));
    r('POST', '/userconsent/SetConsentsEx', (ctx) => this.#setConsents(ctx));
    r('POST', '/userconsent/GetConsents', (ctx) => this.#getConsents(ctx));
    this.#core.route('GET', '/__sim/consentua/users', (ctx) => json(ctx, 200, { users: this.users }));
    // What a host backend would hold after its service login (tests have no service key).
    this.#core.route('POST', '/__sim/consentua/token', (ctx) => {
      const Token = randomUUID();
      this.#tokens.add(Token);
      json(ctx, 200, { Token });
    });
  }

  async #login(ctx: Ctx) {
    const body = loginBody.safeParse(await readJson(ctx.req));
    const failed = (Message: string) =>
      json(ctx, 401, { Id: 0, ClientId: 0, Type: 2, Token: null, Success: false, Role: null, Message });
    if (!body.success) return failed('ClientId, ServiceId and LoginToken are required');
    const { ClientId, ServiceId, LoginToken } = body.data;
    if (ClientId !== CONSENTUA_CLIENT || ServiceId !== CONSENTUA_SERVICE) return failed('Unknown client or service');
    const day = 86_400_000;
    const valid = [0, -day, day].some((d) => consentuaLoginToken(this.#key, new Date(Date.now() + d)) === LoginToken);
    if (!valid) return failed('Invalid login token');
    const Token = randomUUID();
    this.#tokens.add(Token);
    json(ctx, 200, { Id: ServiceId, ClientId, Type: 2, Token, Success: true, Role: 'SERVICE', Message: 'Service Logged in' });
  }

  /** True when the token is valid; otherwise it answers 401 with Consentua's string body. */
  #authorized(ctx: Ctx, token: string | undefined): boolean {
    if (token && this.#tokens.has(token)) return true;
    json(ctx, 401, 'You do Not have the appropriate access credentials!');
    return false;
  }

  #template(ctx: Ctx) {
    if (!this.#authorized(ctx, ctx.query.get('accesstoken'))) return;
    const clientId = Number(ctx.query.get('clientid'));
    const serviceId = Number(ctx.query.get('serviceid'));
    const asked = (ctx.query.get('language') ?? 'en').toLowerCase().split(/[-_]/)[0]!;
    const lang = (consentuaLanguages as string[]).includes(asked) ? (asked as 'en') : 'en';
    const own = templates.filter((t) => t.ServiceId === serviceId);
    // The reference's own example answers for its own ids: client 0, service 0.
    if (clientId === 0 && serviceId === 0) return json(ctx, 200, consentuaTemplateExample);
    const base = { ClientId: clientId, ServiceId: serviceId, Token: ctx.query.get('accesstoken') };
    if (clientId !== CONSENTUA_CLIENT || own.length === 0)
      return json(ctx, 404, { ...base, Success: false, Message: 'No templates found for this service', Templates: [] });
    json(ctx, 200, { ...base, Success: true, Message: '', Templates: own.map((t) => renderTemplate(t, lang)) });
  }

  #findUser(identifier: string | undefined, serviceId: number) {
    return this.users.find((u) => u.Identifier === identifier && u.ServiceId === serviceId);
  }

  #getUser(ctx: Ctx) {
    if (!this.#authorized(ctx, ctx.query.get('token'))) return;
    const user = this.#findUser(ctx.query.get('identifier'), Number(ctx.query.get('serviceid')));
    if (!user) return json(ctx, 404, 'User not found');
    json(ctx, 200, { UserId: user.UserId, Identifier: user.Identifier, ServiceId: user.ServiceId });
  }

  #addUser(ctx: Ctx) {
    if (!this.#authorized(ctx, ctx.query.get('token'))) return;
    const identifier = ctx.query.get('identifier');
    const serviceId = Number(ctx.query.get('serviceid'));
    if (!identifier) return json(ctx, 404, 'User or service not found');
    if (serviceId !== CONSENTUA_SERVICE) return json(ctx, 404, 'User or service not found');
    let user = this.#findUser(identifier, serviceId);
    if (!user) {
      user = { UserId: 9000 + this.users.length + 1, Identifier: identifier, ServiceId: serviceId, consents: {} };
      this.users.push(user);
      this.#core.store.flush();
    }
    json(ctx, 200, { UserId: user.UserId, Identifier: user.Identifier, ServiceId: user.ServiceId });
  }

  async #setConsents(ctx: Ctx) {
    const raw = await readJson(ctx.req);
    this.#core.received(ctx, raw);
    const body = setConsentsBody.safeParse(raw);
    if (!body.success) return json(ctx, 500, `Invalid request: ${z.prettifyError(body.error)}`);
    if (!this.#authorized(ctx, body.data.Token)) return;
    const c = body.data.Consent;
    const user = this.users.find((u) => u.UserId === c.UserId && u.ServiceId === c.ServiceId);
    if (!user || c.ClientId !== CONSENTUA_CLIENT) return json(ctx, 404, 'User not found');
    for (const p of c.Purposes) {
      const t = templates.find((x) => x.Id === p.ConsentTemplateId);
      const purpose = t?.purposes.find((x) => x.Id === p.PurposeId);
      if (!purpose || purpose.Deleted) return json(ctx, 404, `Purpose ${p.PurposeId} not found in template ${p.ConsentTemplateId}`);
    }
    for (const p of c.Purposes) {
      const key = `${p.ConsentTemplateId}:${p.PurposeId}`;
      user.consents[key] = p.Consent;
      if (body.data.AuthenticationData !== undefined) (user.evidence ??= {})[key] = body.data.AuthenticationData;
      else delete user.evidence?.[key];
    }
    this.#core.store.flush();
    json(ctx, 200, { Success: true, Message: 'Consents saved' });
  }

  async #getConsents(ctx: Ctx) {
    const body = getConsentsBody.safeParse(await readJson(ctx.req));
    if (!body.success) return json(ctx, 500, `Invalid request: ${z.prettifyError(body.error)}`);
    if (!this.#authorized(ctx, body.data.Token)) return;
    const { ClientId, ServiceId, UserId } = body.data;
    const user = this.users.find((u) => u.UserId === UserId && u.ServiceId === ServiceId);
    if (!user) return json(ctx, 404, 'User not found');
    const Purposes = Object.entries(user.consents).map(([k, Consent]) => {
      const [ConsentTemplateId, PurposeId] = k.split(':').map(Number);
      return { ConsentTemplateId, PurposeId, Consent };
    });
    // The reference declares an array of these.
    json(ctx, 200, [{ Success: true, Message: '', Consent: { ClientId, ServiceId, UserId, Purposes } }]);
  }
}
