import type { AccessQuery } from './types.js';

/**
 * The entitlement questions of check access (Connect): each needs the reader's identity to be
 * answered. Not IP access (an institution's address alone needs none), nor a consent.
 */
export const entitlementKeys = ['product', 'articleId', 'domain', 'categoryType', 'accessAzureAd', 'accessAidFamily', 'accessDomain', 'accessArticle'] as const;

/** Whether a question asks about an entitlement (see `entitlementKeys`). */
export const asksEntitlement = (q: Pick<AccessQuery, (typeof entitlementKeys)[number]>): boolean => entitlementKeys.some((k) => !!q[k]);
