import { ConsentError } from '../model/errors.js';
import type { ConsentTransport } from '../model/types.js';
import { consentuaServiceLogin } from '../transports/consentua/login.server.js';
import { ConsentuaTransport } from '../transports/consentua/consentua.js';
import { ConnectTransport } from '../transports/connect/connect.js';
import { clientCredentials } from '../transports/core/oauth.server.js';
import { cspApiTokenLogin } from '../transports/csp/login.server.js';
import { CspTransport } from '../transports/csp/csp.js';
import { SuperOfficeTransport } from '../transports/superoffice/superoffice.js';
import type { ProviderName } from './handler.js';

/** The environment variables each provider is configured by; the first one switches it on. */
export const providerEnv: Record<ProviderName, readonly string[]> = {
  connect: ['PROVIDER_URL', 'PROVIDER_TOKEN_URL', 'CONNECT_CLIENT_ID', 'CONNECT_CLIENT_SECRET'],
  consentua: ['CONSENTUA_URL', 'CONSENTUA_CLIENT_ID', 'CONSENTUA_SERVICE_ID', 'CONSENTUA_SERVICE_KEY'],
  superoffice: ['SUPEROFFICE_URL', 'SUPEROFFICE_AUTHORIZATION'],
  csp: ['CSP_URL', 'CSP_API_TOKEN', 'CSP_ORG_ID'],
};

/**
 * Provider transports from environment variables (secrets stay there, never in code or files):
 * each provider whose URL variable is set, with all its other variables required. Optional:
 * `SUPEROFFICE_APP_TOKEN`. Throws a `config` error naming every missing variable.
 */
export function transportsFromEnv(env: Record<string, string | undefined>): Partial<Record<ProviderName, ConsentTransport>> {
  const on = (p: ProviderName) => !!env[providerEnv[p][0]!];
  const missing = (Object.keys(providerEnv) as ProviderName[]).filter(on).flatMap((p) => providerEnv[p].filter((v) => !env[v]));
  if (missing.length) throw new ConsentError('config', `Missing environment variables: ${missing.join(', ')}.`);
  const out: Partial<Record<ProviderName, ConsentTransport>> = {};
  if (on('connect')) {
    const tokens = clientCredentials({ tokenUrl: env.PROVIDER_TOKEN_URL!, clientId: env.CONNECT_CLIENT_ID!, clientSecret: env.CONNECT_CLIENT_SECRET!, scope: 'read' });
    out.connect = new ConnectTransport({ endpoint: env.PROVIDER_URL!, mode: 'client', getToken: tokens.getToken, refreshToken: tokens.invalidate });
  }
  if (on('consentua')) {
    const ids = { clientId: Number(env.CONSENTUA_CLIENT_ID), serviceId: Number(env.CONSENTUA_SERVICE_ID) };
    const login = consentuaServiceLogin({ endpoint: env.CONSENTUA_URL!, ...ids, serviceKey: env.CONSENTUA_SERVICE_KEY! });
    out.consentua = new ConsentuaTransport({ endpoint: env.CONSENTUA_URL!, ...ids, getToken: login.getToken, refreshToken: login.invalidate });
  }
  if (on('superoffice')) {
    out.superoffice = new SuperOfficeTransport({
      endpoint: env.SUPEROFFICE_URL!,
      getAuthorization: () => env.SUPEROFFICE_AUTHORIZATION,
      ...(env.SUPEROFFICE_APP_TOKEN ? { appToken: env.SUPEROFFICE_APP_TOKEN } : {}),
    });
  }
  if (on('csp')) {
    const login = cspApiTokenLogin({ endpoint: env.CSP_URL!, apiToken: env.CSP_API_TOKEN! });
    out.csp = new CspTransport({ endpoint: env.CSP_URL!, orgId: env.CSP_ORG_ID!, getToken: login.getToken, refreshToken: login.invalidate });
  }
  return out;
}
