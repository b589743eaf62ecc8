// A script held back by data-consent in test/page/page.test.ts: counts its runs.
window.gatedRuns = (window.gatedRuns ?? 0) + 1;
