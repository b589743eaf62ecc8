import * as z from 'zod/mini';

// The normalized model on the wire (host contract). Shared by the host transport and the
// reference backend so both sides check the same shapes.

export { consentCatalog, consentItem, itemInfo, localizedText } from '../core/schemas.js';

export const decision = z.object({ itemId: z.string().check(z.minLength(1)), granted: z.boolean() });

export const subject = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(255)),
  type: z.string().check(z.minLength(1), z.maxLength(32)),
});

const text = z.optional(z.string().check(z.maxLength(255)));
export const decisionRecord = z.object({
  basis: z.enum(['consent', 'withdrawn', 'legitimate-interest', 'other']),
  basisName: text,
  source: text,
  at: z.optional(z.number()),
});

/** Stored answers, each with the provider's record where it keeps one. */
export const stateResponse = z.object({ decisions: z.array(z.object({ ...decision.shape, record: z.optional(decisionRecord) })) });

export const receipt = z.object({
  itemId: z.string(),
  granted: z.boolean(),
  id: z.optional(z.string()),
  created: z.optional(z.number()),
  cascaded: z.optional(z.array(decision)),
  version: z.optional(z.string()),
  textId: z.optional(z.string()),
  textVersion: z.optional(z.string()),
  superseded: z.optional(z.boolean()),
  principal: z.optional(z.string().check(z.maxLength(100))),
});

const id = z.optional(z.string().check(z.maxLength(255)));

/** What a catalog is looked up by, for any provider (Connect issuer; Consentua ids). */
export const catalogParams = z.object({ issuer: id, clientId: id, serviceId: id, templateId: id, lang: z.optional(z.string().check(z.maxLength(35))) });

export const saveBody = z.object({
  ...catalogParams.shape,
  subject: z.optional(subject),
  source: z.optional(z.string().check(z.maxLength(255))),
  eventTime: z.optional(z.int()),
  decisions: z.array(decision).check(z.minLength(1), z.maxLength(500)),
});

export const saveResponse = z.object({ receipts: z.array(receipt) });

export const accessBody = z.object({
  issuer: id,
  product: id,
  articleId: id,
  domain: id,
  categoryType: id,
  // Connect's flags (check access): Azure AD, aID family, domain access by category type, the list of articles.
  accessAzureAd: z.optional(z.boolean()),
  accessAidFamily: z.optional(z.boolean()),
  accessDomain: z.optional(z.boolean()),
  accessArticle: z.optional(z.boolean()),
  /** Check access by the client's address: the backend takes it from the request, never from the body. */
  ipAccess: z.optional(z.boolean()),
  consent: id,
  subject: z.optional(subject),
});

export const privacyBody = z.object({ sendReceipt: z.boolean() });
export const privacyAnswer = z.object({ accepted: z.boolean(), receiptSent: z.boolean() });

export const accessResult = z.object({
  granted: z.boolean(),
  pending: z.optional(z.boolean()),
  reason: z.string(),
  accesses: z.optional(
    z.array(z.object({ access: z.boolean(), level: z.optional(z.string()), type: z.optional(z.string()), detail: z.optional(z.unknown()) })),
  ),
});
