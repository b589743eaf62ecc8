// `str` for UI strings with values (`msg(str`Given on ${date}.`)`), and the shape of a generated
// translation (each defines its own `str`: see scripts/locale-imports.ts).
import type { StrResult } from '@lit/localize/internal/str-tag.js';

export { str } from '@lit/localize/internal/str-tag.js';
export type { StrResult };

/** A generated translation: message id → string, or `str` whose values are indexes of the source's. */
export type Templates = Record<string, string | StrResult>;
