import * as z from 'zod/mini';
import type { ConsentItem } from '../model/types.js';

// The normalized model on the wire (host contract). Shared by the host transport and the
// reference backend so both sides check the same shapes.

export const localizedText = z.object({
  lang: z.string(),
  title: z.string(),
  description: z.optional(z.string()),
});

export const itemInfo = z.object({
  dataUse: z.optional(z.string()),
  thirdParty: z.optional(z.string()),
  sensitive: z.optional(z.object({ category: z.optional(z.string()) })),
  link: z.optional(z.string()),
  category: z.optional(z.string()),
});

export const consentItem: z.ZodMiniType<ConsentItem> = z.object({
  id: z.string().check(z.minLength(1)),
  order: z.number(),
  texts: z.array(localizedText),
  active: z.boolean(),
  info: z.optional(itemInfo),
  get children() {
    return z.optional(z.array(consentItem));
  },
  ref: z.record(z.string(), z.unknown()),
});

export const consentCatalog = z.object({
  source: z.string(),
  version: z.optional(z.string()),
  texts: z.optional(z.array(localizedText)),
  groups: z.array(
    z.object({
      id: z.string().check(z.minLength(1)),
      order: z.number(),
      texts: z.array(localizedText),
      active: z.boolean(),
      items: z.array(consentItem),
      display: z.optional(z.enum(['multi', 'binary'])),
    }),
  ),
});

export const decision = z.object({ itemId: z.string().check(z.minLength(1)), granted: z.boolean() });

export const subject = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(255)),
  type: z.string().check(z.minLength(1), z.maxLength(32)),
});

export const stateResponse = z.object({ decisions: z.array(decision) });

export const receipt = z.object({
  itemId: z.string(),
  granted: z.boolean(),
  id: z.optional(z.string()),
  created: z.optional(z.number()),
  cascaded: z.optional(z.array(decision)),
  version: z.optional(z.string()),
  superseded: z.optional(z.boolean()),
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
  consent: id,
  subject: z.optional(subject),
});

export const accessResult = z.object({
  granted: z.boolean(),
  pending: z.optional(z.boolean()),
  reason: z.string(),
  accesses: z.optional(
    z.array(z.object({ access: z.boolean(), level: z.optional(z.string()), type: z.optional(z.string()), detail: z.optional(z.unknown()) })),
  ),
});
