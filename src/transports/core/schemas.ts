import type { ConsentItem } from '../../model/types.js';
import { array, boolean, lazy, number, object, oneOf, optional, record, string, type Check } from './check.js';

// The normalized catalog, checked wherever one arrives from outside: the host contract, and
// catalogs kept in localStorage by the cache decorator.

export const localizedText = object({
  id: optional(string({ max: 64 })),
  version: optional(string({ max: 64 })),
  lang: string(),
  title: string(),
  description: optional(string()),
});

export const itemInfo = object({
  dataUse: optional(string()),
  thirdParty: optional(string()),
  sensitive: optional(object({ category: optional(string()) })),
  link: optional(string()),
  withdrawLink: optional(string()),
  category: optional(string()),
});

export const consentItem: Check<ConsentItem> = object({
  id: string({ min: 1 }),
  order: number(),
  texts: array(localizedText),
  active: boolean(),
  info: optional(itemInfo),
  children: optional(array(lazy(() => consentItem))),
  ref: record(),
});

export const consentCatalog = object({
  source: string(),
  version: optional(string()),
  texts: optional(array(localizedText)),
  groups: array(
    object({
      id: string({ min: 1 }),
      order: number(),
      texts: array(localizedText),
      active: boolean(),
      items: array(consentItem),
      display: optional(oneOf(['multi', 'binary'])),
    }),
  ),
});
