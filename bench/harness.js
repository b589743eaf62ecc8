// In the bench page: one implementation (/kit.html, /floor.html, /cc.html) shows n consents, then accepts
// them all; each step is timed to its painted frame. Plain browser JS, served as is.
const impl = location.pathname.replace(/^\/|\.html$/g, '');

/** n consents as the kit's catalog: groups of 10 (one group below 10, 100 groups above 1,000: the kit takes at most 200), with titles and descriptions. */
function catalog(n) {
  const size = n <= 10 ? n : Math.max(10, Math.ceil(n / 100));
  return {
    source: 'bench',
    groups: Array.from({ length: Math.ceil(n / size) }, (_, g) => ({
      id: `g${g}`,
      order: g,
      active: true,
      texts: [{ lang: 'en', title: `Group ${g}`, description: `What group ${g} is for` }],
      items: Array.from({ length: size }, (_, i) => ({ id: `${g}-${i}`, order: i, active: true, ref: {}, texts: [{ lang: 'en', title: `Item ${i}`, description: `What item ${i} is for` }] })),
    })),
  };
}

/** When the frame after now has been painted: a message posted from its rAF runs after style, layout and paint. */
const painted = () => new Promise((resolve) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(performance.now()); c.port2.postMessage(0); }));
const turn = () => new Promise((r) => setTimeout(r));

let el;
const kit = {
  /** { first: the first painted frame with choices (a long catalog is drawn a slice per task), all: every slice drawn and painted }. */
  async render(n) {
    // The test data is made in a task of its own: its cost is not the element's. So is the
    // memory transport's code, which the script tag fetches from beside itself when first used.
    const data = catalog(n);
    await new ConsentElements.MemoryTransport({ catalog: { source: 'warm-up', groups: [] } }).loadCatalog({});
    await turn();
    el = document.createElement('consent-group-picker');
    el.lang = 'en';
    // It answers in a task of its own, as a provider over the network does (not within the task
    // that added the element).
    el.transport = new ConsentElements.MemoryTransport({ catalog: data, latency: 1 });
    const loaded = new Promise((r) => el.addEventListener('consent-load', r, { once: true }));
    const t0 = performance.now();
    document.body.append(el);
    await loaded;
    await el.updateComplete;
    const first = (await painted()) - t0;
    // Every slice drawn: the buttons are enabled once the last one is (while busy they are
    // aria-disabled, not disabled, so that the pressed one keeps the focus).
    for (;;) {
      await el.updateComplete;
      const error = el.shadowRoot.querySelector('[part~="error"]');
      if (error) throw new Error(error.textContent.trim());
      const b = el.shadowRoot.querySelector('[part~="accept-all"]');
      if (b && !b.disabled && b.getAttribute('aria-disabled') !== 'true') break;
      await turn();
    }
    return { first, all: (await painted()) - t0 };
  },
  async acceptAll() {
    const saved = new Promise((r) => el.addEventListener('consent-saved', r, { once: true }));
    const t0 = performance.now();
    const button = el.shadowRoot.querySelector('[part~="accept-all"]');
    button.click();
    await saved;
    // Usable again: the groups off screen are drawn again a slice per task, the buttons busy until then.
    for (;;) {
      await el.updateComplete;
      if (button.getAttribute('aria-disabled') !== 'true') break;
      await turn();
    }
    return (await painted()) - t0;
  },
};

const floor = {
  async render(n) {
    const { groups } = catalog(n);
    await turn();
    el = document.createElement('bench-floor');
    el.groups = groups;
    const t0 = performance.now();
    document.body.append(el);
    await el.updateComplete;
    const all = (await painted()) - t0;
    return { first: all, all };
  },
  async acceptAll() {
    const t0 = performance.now();
    el.shadowRoot.querySelectorAll('button')[1].click();
    await el.updateComplete;
    return (await painted()) - t0;
  },
};

/** vanilla-cookieconsent with the same consents: a category per group, a service per item, its preferences modal. */
function ccConfig(n) {
  const groups = catalog(n).groups;
  return {
    autoShow: false,
    // Playwright's browser says it is automated, and the library hides from bots by default.
    hideFromBots: false,
    categories: Object.fromEntries(groups.map((g) => [g.id, { services: Object.fromEntries(g.items.map((i) => [`s${i.id}`, { label: `${i.texts[0].title}: ${i.texts[0].description}` }])) }])),
    language: {
      default: 'en',
      translations: {
        en: {
          consentModal: { title: 'Your choices', description: 'We ask for your consent.', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', showPreferencesBtn: 'Choose' },
          preferencesModal: {
            title: 'Your choices',
            acceptAllBtn: 'Accept all',
            acceptNecessaryBtn: 'Reject all',
            savePreferencesBtn: 'Save choices',
            sections: groups.map((g) => ({ title: g.texts[0].title, description: g.texts[0].description, linkedCategory: g.id })),
          },
        },
      },
    },
  };
}
const cc = {
  async render(n) {
    await CookieConsent.run(ccConfig(n));
    const t0 = performance.now();
    CookieConsent.showPreferences();
    const all = (await painted()) - t0;
    return { first: all, all };
  },
  async acceptAll() {
    const t0 = performance.now();
    document.querySelector('.pm__btn[data-role="all"]').click();
    return (await painted()) - t0;
  },
};

window.bench = { kit, floor, cc }[impl];
window.catalog = catalog;
window.ccConfig = ccConfig;
