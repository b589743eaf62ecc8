import * as z from 'zod/mini';
import type { ConsentItem } from '../../model/types.js';

// The normalized catalog, checked wherever one arrives from outside: the host contract, and
// catalogs kept in sessionStorage by the cache decorator.

export const localizedText = z.object({
  id: z.optional(z.string().check(z.maxLength(64))),
  version: z.optional(z.string().check(z.maxLength(64))),
  lang: z.string(),
  title: z.string(),
  description: z.optional(z.string()),
});

export const itemInfo = z.object({
  dataUse: z.optional(z.string()),
  thirdParty: z.optional(z.string()),
  sensitive: z.optional(z.object({ category: z.optional(z.string()) })),
  link: z.optional(z.string()),
  withdrawLink: z.optional(z.string()),
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
