// The script-tag bundle loads its on-demand parts (translations, provider transports) from
// beside itself. `currentScript` is only set while the bundle first runs, so it is read now.
const base = (globalThis.document?.currentScript as HTMLScriptElement | null)?.src;

/** Imports `path` (e.g. `locales/nb.js`) relative to the script-tag bundle's own URL. */
export const importBesideScript = (path: string): Promise<unknown> =>
  import(/* @vite-ignore */ new URL(path, base ?? globalThis.location?.href).href);
