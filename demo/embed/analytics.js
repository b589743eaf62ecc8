// Stands in for a third party's analytics tag: only run once the visitor allowed "Audience
// measurement" (data-consent="121"). It counts its runs and records a page view in dataLayer.
window.analyticsRuns = (window.analyticsRuns ?? 0) + 1;
(window.dataLayer = window.dataLayer || []).push({ event: 'page_view', tag: 'demo-analytics' });
