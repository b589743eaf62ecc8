// Do not modify this file by hand!
// Re-generate this file by running lit-localize.

/**
 * The locale code that templates in this source code are written in.
 */
export const sourceLocale = `en`;

/**
 * The other locale codes that this application is localized into. Sorted
 * lexicographically.
 */
export const targetLocales = [
  `ar`,
  `bg`,
  `ca`,
  `cs`,
  `da`,
  `de`,
  `el`,
  `es`,
  `et`,
  `fi`,
  `fr`,
  `ga`,
  `he`,
  `hr`,
  `hu`,
  `is`,
  `it`,
  `ja`,
  `ko`,
  `lt`,
  `lv`,
  `nb`,
  `nl`,
  `nn`,
  `pl`,
  `pt`,
  `ro`,
  `ru`,
  `sk`,
  `sl`,
  `sv`,
  `tr`,
  `uk`,
  `zh`,
] as const;

/**
 * All valid project locale codes. Sorted lexicographically.
 */
export const allLocales = [
  `ar`,
  `bg`,
  `ca`,
  `cs`,
  `da`,
  `de`,
  `el`,
  `en`,
  `es`,
  `et`,
  `fi`,
  `fr`,
  `ga`,
  `he`,
  `hr`,
  `hu`,
  `is`,
  `it`,
  `ja`,
  `ko`,
  `lt`,
  `lv`,
  `nb`,
  `nl`,
  `nn`,
  `pl`,
  `pt`,
  `ro`,
  `ru`,
  `sk`,
  `sl`,
  `sv`,
  `tr`,
  `uk`,
  `zh`,
] as const;
