import { getDefaults } from '../config.js';

// The script-tag bundle loads its on-demand parts (translations, provider transports) from
// beside itself, or from the folder a page names. `currentScript` is only set while the bundle
// first runs, so it is read now.
const script = globalThis.document?.currentScript as HTMLScriptElement | null | undefined;
const own = { src: script?.src, assetsPath: script?.dataset.assetsPath };

/**
 * The URL of `path` (e.g. `locales/nb.js`) in the folder of the script tag's on-demand files:
 * `configure({ assetsPath })`, else the script tag's `data-assets-path`, else the bundle's own
 * folder. A folder is read relative to the page.
 */
export function assetUrl(path: string): string {
  const folder = getDefaults().assetsPath ?? own.assetsPath;
  const page = globalThis.location?.href;
  const base = folder ? new URL(folder.endsWith('/') ? folder : `${folder}/`, page) : (own.src ?? page);
  return new URL(path, base).href;
}

/**
 * Imports one of those files. A failure names the URL and what usually causes it: the folder
 * not served there, or a CDN without CORS headers (a module from another origin needs them).
 */
export const importBesideScript = (path: string): Promise<unknown> => {
  const url = assetUrl(path);
  return import(/* @vite-ignore */ url).catch((e: unknown) => {
    throw new Error(
      `${url}: ${e instanceof Error ? e.message : String(e)}. Serve dist/${path.split('/')[0]}/ there or name its folder (data-assets-path, configure({ assetsPath })); from a CDN, with CORS headers.`,
      { cause: e },
    );
  });
};
