import { array, boolean, int, number, object, oneOf, optional, string, unknown } from '../core/check.js';

// The normalized model on the wire (host contract). Shared by the host transport and the
// reference backend so both sides check the same shapes (with the model checks, not zod: the
// browser side of the contract ships to every page).

export { consentCatalog, consentItem, itemInfo, localizedText } from '../core/schemas.js';

export const decision = object({ itemId: string({ min: 1 }), granted: boolean() });

export const subject = object({
  id: string({ min: 1, max: 255 }),
  type: string({ min: 1, max: 32 }),
});

const text = optional(string({ max: 255 }));
export const decisionRecord = object({
  basis: oneOf(['consent', 'withdrawn', 'legitimate-interest', 'other']),
  basisName: text,
  source: text,
  at: optional(number()),
});

/** Stored answers, each with the provider's record where it keeps one. */
export const stateResponse = object({ decisions: array(object({ ...decision.fields, record: optional(decisionRecord) })) });

export const receipt = object({
  itemId: string(),
  granted: boolean(),
  id: optional(string()),
  created: optional(number()),
  cascaded: optional(array(decision)),
  version: optional(string()),
  textId: optional(string()),
  textVersion: optional(string()),
  superseded: optional(boolean()),
  principal: optional(string({ max: 100 })),
});

const id = optional(string({ max: 255 }));

/** What a catalog is looked up by, for any provider (Connect issuer; Consentua ids). */
export const catalogParams = object({ issuer: id, clientId: id, serviceId: id, templateId: id, lang: optional(string({ max: 35 })) });

export const saveBody = object({
  ...catalogParams.fields,
  subject: optional(subject),
  source: optional(string({ max: 255 })),
  eventTime: optional(int()),
  decisions: array(decision, { min: 1, max: 500 }),
});

export const saveResponse = object({ receipts: array(receipt) });

export const accessBody = object({
  issuer: id,
  product: id,
  articleId: id,
  domain: id,
  categoryType: id,
  // Connect's flags (check access): Azure AD, aID family, domain access by category type, the list of articles.
  accessAzureAd: optional(boolean()),
  accessAidFamily: optional(boolean()),
  accessDomain: optional(boolean()),
  accessArticle: optional(boolean()),
  /** Check access by the client's address: the backend takes it from the request, never from the body. */
  ipAccess: optional(boolean()),
  consent: id,
  subject: optional(subject),
});

export const privacyBody = object({ sendReceipt: boolean() });
export const privacyAnswer = object({ accepted: boolean(), receiptSent: boolean() });

export const accessResult = object({
  granted: boolean(),
  pending: optional(boolean()),
  reason: string(),
  accesses: optional(
    array(object({ access: boolean(), level: optional(string()), type: optional(string()), detail: optional(unknown()) })),
  ),
});
