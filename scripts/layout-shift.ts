// Layout shifts of a page as a visitor's browser scores them (Chromium's layout-shift entries),
// from navigation until every consent element shown has drawn what it loaded. Used by the e2e
// test (repeat views must not move) and by `npm run bench`.
import type { BrowserContext } from 'playwright-core';

/** True once every consent element shown has drawn what it loaded (and every slice of it). */
const settled = () =>
  [...document.querySelectorAll('consent-group-picker, consent-purpose-template, consent-access-gate')]
    .filter((e) => e.getClientRects().length)
    .every((e) =>
      e.localName === 'consent-access-gate'
        ? !e.matches(':state(loading)')
        : e.shadowRoot?.querySelector('[part~="base"][aria-busy="false"]') && !e.shadowRoot.querySelector('.skeleton'),
    );

export interface Shifts {
  /** Cumulative layout shift. */
  cls: number;
  /** Each shift: its score and the elements that moved. */
  shifts: string[];
}

/**
 * Opens `url` in a new tab of `context`, sums its layout shifts until it has settled, then
 * closes the tab: leaving the page, so the elements keep their heights for the next view.
 */
export async function layoutShifts(context: BrowserContext, url: string): Promise<Shifts> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as Shifts;
    w.shifts = [];
    w.cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources: { node?: Node }[] }[]) {
        if (e.hadRecentInput) continue;
        w.cls += e.value;
        w.shifts.push(`${e.value.toFixed(4)} ${e.sources.map((s) => (s.node as Element | undefined)?.localName ?? '#text').join(',')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url);
  await page.waitForFunction(settled);
  await page.waitForLoadState('networkidle');
  // Late shifts (an embed loading, a last slice) come within a few frames.
  await page.waitForTimeout(300);
  const result = await page.evaluate(() => {
    const w = window as unknown as Shifts;
    return { cls: w.cls, shifts: w.shifts };
  });
  await page.close();
  return result;
}
