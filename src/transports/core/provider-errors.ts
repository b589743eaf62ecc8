import type { ErrorBody } from './http.js';

/**
 * What a provider's error body says: a short reason (a bare string, or a message field of the
 * usual names), its request id and error code, and its other short plain fields (CSP, Connect,
 * Consentua). The host transport reads its backend's own `{ code, message }` instead.
 */
export const providerErrorBody: ErrorBody = (body) => {
  if (typeof body === 'string') return { detail: body.slice(0, 200) };
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const b = body as Record<string, unknown>;
  const msg = b.errorMessage ?? b.message ?? b.Message ?? b.error_description ?? b.Error ?? b.error;
  const code = b.cspErrorCode ?? b.errorCode;
  // Short plain fields only (moduleCode, statusCode, …): nothing nested, nothing long.
  const plain = Object.entries(b).filter(([, v]) => typeof v === 'number' || (typeof v === 'string' && v.length <= 200)).slice(0, 12);
  return {
    ...(typeof msg === 'string' ? { detail: msg.slice(0, 200) } : {}),
    ...(typeof b.requestId === 'string' ? { requestId: b.requestId } : {}),
    ...(typeof code === 'string' ? { providerCode: code } : {}),
    ...(plain.length ? { providerDetail: Object.fromEntries(plain) as Record<string, string | number> } : {}),
  };
};
