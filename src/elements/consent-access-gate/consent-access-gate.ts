import { msg } from '../../i18n/localization.js';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { AccessChangeEvent } from '../../events/access-change.js';
import { ConsentSavedEvent } from '../../events/consent-saved.js';
import { ConsentErrorEvent } from '../../events/consent-error.js';
import { ConsentElement } from '../../internal/consent-element.js';
import { errorMessage } from '../../internal/messages.js';
import { SavedBus } from '../../internal/saved-bus.js';
import { Task } from '../../internal/task.js';
import { freshScript } from '../../internal/run-script.js';
import { recordReceipt } from '../../internal/receipts.js';
import { asksEntitlement } from '../../model/access.js';
import { allItems, toMap } from '../../model/decisions.js';
import { publish, scopeKey } from '../../page/consents.js';
import { ConsentError, isAbort, toConsentError } from '../../model/errors.js';
import type { AccessQuery, AccessResult } from '../../model/types.js';
import { getDefaults } from '../../config.js';
import { styles } from './consent-access-gate.styles.js';
import { themeStyles } from '../../internal/theme.js';

export type GateState = 'loading' | 'granted' | 'denied' | 'pending' | 'error';

/**
 * Shows its content only while access is granted: an entitlement (Connect check access:
 * `product`, `article-id`, `domain`, `category-type` and the flags `access-azure-ad`,
 * `access-aid-family`, `access-domain`, `access-article`, `ip-access`), a given consent (`consent`), or both —
 * then all must hold. It fails closed: while loading, denied, pending or failed, the content
 * is not shown.
 *
 * Put anything that loads or runs (an iframe, an image, a script) inside a `<template>` child:
 * it is stamped into the page only when access is granted, and removed again when access ends,
 * so nothing is requested before that. Plain children are merely hidden.
 *
 * The gate re-checks at once when a `consent-saved` event reaches the document (a picker on
 * the same page), so saving a consent opens it and withdrawing closes it without a reload.
 * Gates asking the same question share one request; answers are reused for 30 seconds.
 *
 * @summary Show content only when an entitlement or a consent allows it.
 * @tag consent-access-gate
 *
 * @slot - The gated content (use a `<template>` for anything that loads).
 * @slot denied - Shown when access is refused, e.g. a subscribe offer or a consent picker. Default
 *   for a gate on a Connect consent alone: the consent in the provider's words and "Allow and show".
 * @slot pending - Shown while someone else has yet to decide (a CSP consent `REQUESTED`).
 * @slot error - Shown when access could not be checked. Default: the reason and a Retry button.
 * @slot loading - Shown while checking. Default: empty space of `--consent-gate-min-height`.
 *
 * @csspart message - The default text of the denied, pending and error states.
 * @csspart consent - The default denied state of a consent gate: the consent asked for.
 * @csspart allow - Its "Allow and show" button (one click grants the consent).
 * @csspart choices - Its link to all choices (with `choices-href`).
 * @csspart retry - The default Retry button.
 * @csspart loading - The default loading placeholder.
 *
 * @cssprop [--consent-gate-min-height=3rem] - Space kept while checking.
 * @cssprop [--consent-gate-padding=0.75rem] - Padding of the default messages.
 * @cssprop [--consent-gate-border-color] - Border of the default messages. Falls back to `--consent-color-border`.
 * @cssprop [--consent-gate-color] - Text of the default messages. Falls back to `--consent-color-muted`.
 * @cssprop [--consent-gate-background] - Background of the default messages. Falls back to `--consent-color-background`.
 * @cssprop [--consent-gate-radius=0.5rem] - Corner radius. Falls back to `--consent-radius`.
 *
 * @fires {AccessChangeEvent} access-change - The gate opened or closed. `detail.granted`, `detail.reason`, `detail.accesses`.
 * @fires {ConsentSavedEvent} consent-saved - "Allow and show" was confirmed (or queued). `detail.decisions`, `detail.receipts`, `detail.queued`.
 * @fires {ConsentErrorEvent} consent-error - Access could not be checked (`operation: 'access'`), or "Allow and show" failed (`operation: 'save'`).
 */
export class ConsentAccessGate extends ConsentElement {
  static override properties: PropertyDeclarations = {
    product: {},
    articleId: { attribute: 'article-id' },
    domain: {},
    categoryType: { attribute: 'category-type' },
    accessAzureAd: { type: Boolean, attribute: 'access-azure-ad' },
    accessAidFamily: { type: Boolean, attribute: 'access-aid-family' },
    accessDomain: { type: Boolean, attribute: 'access-domain' },
    accessArticle: { type: Boolean, attribute: 'access-article' },
    ipAccess: { type: Boolean, attribute: 'ip-access' },
    consent: {},
    issuer: {},
    choicesHref: { attribute: 'choices-href' },
    source: {},
    accessLevel: { attribute: 'access-level', reflect: true },
    accessType: { attribute: 'access-type', reflect: true },
    current: { state: true },
    error: { state: true },
    epoch: { state: true },
    allowing: { state: true },
  };

  static override styles = [themeStyles, styles];

  /** Product code the visitor must be entitled to (Connect check access). */
  product?: string;

  /** Article id the visitor must have access to. */
  articleId?: string;

  /** Domain the visitor must have access to. */
  domain?: string;

  /** Category type the visitor must have a subscription in. */
  categoryType?: string;

  /** Connect: access through the visitor's Azure AD (level G). */
  accessAzureAd = false;

  /** Connect: the visitor's or their aID family's access to `product` (level H). */
  accessAidFamily = false;

  /** Connect: domain access by `category-type`. */
  accessDomain = false;

  /** Connect: access to any bought article (the answer lists them). */
  accessArticle = false;

  /**
   * Connect: access by the visitor's address (an institution's network). Through a host backend
   * only, which takes the address from the request; alone it needs no signed-in reader.
   */
  ipAccess = false;

  /** Id of a consent (Connect consent, Consentua purpose, CSP consent) that must be given. */
  consent?: string;

  /** Connect issuer of that consent. */
  issuer?: string;

  /** Where all of the visitor's choices are (a privacy page): linked from the default denied state. */
  choicesHref?: string;

  /** Recorded with a consent given through "Allow and show" (Connect `source`). */
  source = 'Web';

  /**
   * Where the gate is: `loading`, `granted`, `denied`, `pending` or `error`. Read-only: a page
   * cannot open a gate. For CSS, the same as a custom state: `consent-access-gate:state(granted)`.
   */
  get state(): GateState {
    return this.current;
  }

  protected override get settled(): boolean {
    return this.current !== 'loading' && this.current !== 'error';
  }

  protected override get failed(): boolean {
    return this.current === 'error';
  }

  /** Connect access level of the access that was granted (`A` product … `I` shared subscription). Reflected. */
  accessLevel?: string;

  /** Connect access type of the access that was granted (`A` subscription … `G` category type). Reflected. */
  accessType?: string;

  private current: GateState = 'loading';
  private error?: ConsentError;
  /** Bumped when a consent is saved on the page: ask again. */
  private epoch = 0;

  #stamped: Node[] = [];
  #granted?: boolean;

  /** Runs the access question whenever its inputs change. */
  protected readonly checker = new Task(this, {
    args: () => [this.transports.value, this.#question(), this.epoch] as const,
    // The transport and epoch by identity, the question by value.
    argsEqual: ([t, q, e], [t2, q2, e2]) => t === t2 && e === e2 && JSON.stringify(q) === JSON.stringify(q2),
    task: async ([transport, question]): Promise<AccessResult> => {
      if (transport instanceof ConsentError) throw transport;
      if (!transport.checkAccess) throw new ConsentError('unsupported', `The ${transport.name} transport cannot check access.`);
      return transport.checkAccess(question);
    },
    onComplete: (r) => this.#show(r.granted ? 'granted' : r.pending ? 'pending' : 'denied', r),
    onError: (e) => {
      if (isAbort(e)) return;
      this.error = toConsentError(e);
      this.#show('error', { granted: false, reason: 'error' });
      this.dispatchEvent(new ConsentErrorEvent({ ...this.error.toJSON(), operation: 'access' }));
    },
  });

  constructor() {
    super();
    this.setState('loading', true);
  }

  /** The consent asked for, in the provider's words: for the default denied state of a Connect consent gate. */
  protected readonly asked = new Task(this, {
    args: () => [this.current === 'denied' && this.consent && this.issuer && !this.#entitlement() ? this.transports.value : undefined, this.consent, this.issuer, this.langs()[0]] as const,
    task: async ([transport, consent, issuer, lang], { signal }) => {
      if (!transport || transport instanceof ConsentError || !consent) return undefined;
      const catalog = await transport.loadCatalog({ issuer, lang }, signal);
      return { catalog, item: allItems(catalog).find((i) => i.id === consent) };
    },
  });
  private allowing?: 'saving' | ConsentError;

  /** Gives the gate's consent (as a picker would, one decision), then shows the content. */
  async allow(): Promise<void> {
    const transport = this.transports.value;
    const asked = this.asked.value;
    if (!asked?.item || transport instanceof ConsentError || !transport.saveDecisions || this.allowing === 'saving') return;
    const decisions = [{ itemId: asked.item.id, granted: true }];
    const focused = !!this.shadowRoot?.activeElement;
    this.allowing = 'saving';
    try {
      const receipts = await transport.saveDecisions({ issuer: this.issuer, subject: this.visitor(), source: this.source, catalog: asked.catalog, decisions, eventTime: Date.now() });
      const queued = receipts.some((r) => r.queued);
      this.allowing = undefined;
      if (!queued) {
        void recordReceipt({ catalog: asked.catalog, decisions, receipts, shown: (t) => this.text(t), subject: this.visitor(), tag: this.localName, settings: getDefaults().receipt }).catch(() => undefined);
      }
      publish(scopeKey({ issuer: this.issuer }), toMap(decisions));
      // Heard by the page (pickers, other gates) and by this gate, which opens.
      this.dispatchEvent(new ConsentSavedEvent({ decisions, receipts, queued }));
      if (focused) void this.updateComplete.then(() => this.#keepFocus());
    } catch (e) {
      if (isAbort(e)) return;
      const error = toConsentError(e);
      this.allowing = error;
      this.dispatchEvent(new ConsentErrorEvent({ ...error.toJSON(), operation: 'save' }));
    }
  }

  /**
   * The button the visitor pressed is gone with the content shown: the focus goes to the gate
   * (focusable until it leaves), where the content now is, instead of to <body>.
   */
  #keepFocus() {
    if (this.shadowRoot?.activeElement || this.contains(document.activeElement)) return;
    if (!this.hasAttribute('tabindex')) {
      this.tabIndex = -1;
      this.addEventListener('blur', () => this.removeAttribute('tabindex'), { once: true });
    }
    this.focus();
  }

  #renderDenied() {
    const item = this.asked.value?.item;
    if (!item) return html`<p part="message" lang=${this.uiLocale}>${msg('This content is not available to you.')}</p>`;
    const text = this.text(item.texts);
    const failed = this.allowing instanceof ConsentError ? this.allowing : undefined;
    return html`<div part="message consent" lang=${this.uiLocale}>
      <p lang=${text?.lang ?? nothing}><strong>${text?.title ?? item.id}</strong>${text?.description ? html` — ${text.description}` : nothing}</p>
      <button part="allow" aria-disabled=${this.allowing === 'saving' ? 'true' : nothing} @click=${() => this.allow()}>${msg('Allow and show')}</button>
      ${this.choicesHref && /^(https?:|\/|#)/i.test(this.choicesHref) ? html`<a part="choices" href=${this.choicesHref}>${msg('All choices')}</a>` : nothing}
      ${failed ? html`<p role="alert">${errorMessage(failed.code)}</p>` : nothing}
    </div>`;
  }

  /** Asks again, ignoring any answer kept for this page. */
  recheck(): void {
    const transport = this.transports.value;
    if (!(transport instanceof ConsentError)) transport.forget();
    this.epoch++;
  }

  override render() {
    switch (this.current) {
      case 'granted':
        return html`<slot></slot>`;
      case 'pending':
        return html`<slot name="pending"><p part="message" lang=${this.uiLocale}>${msg('Waiting for approval.')}</p></slot>`;
      case 'denied':
        return html`<slot name="denied">${this.#renderDenied()}</slot>`;
      case 'error':
        return html`<slot name="error"
          ><p part="message" role="alert" lang=${this.uiLocale}>
            ${this.error ? errorMessage(this.error.code) : ''}
            ${this.error?.retryable ? html`<button part="retry" @click=${() => this.recheck()}>${msg('Retry')}</button>` : ''}
          </p></slot
        >`;
      default:
        return html`<slot name="loading"><div part="loading" aria-busy="true"></div></slot>`;
    }
  }

  #question(): AccessQuery {
    const q: AccessQuery = { product: this.product, articleId: this.articleId, domain: this.domain, categoryType: this.categoryType };
    // Only the flags set: an unset flag is no question (Connect would match it too).
    for (const flag of ['accessAzureAd', 'accessAidFamily', 'accessDomain', 'accessArticle', 'ipAccess'] as const) if (this[flag]) q[flag] = true;
    if (this.consent) Object.assign(q, { consent: this.consent, issuer: this.issuer, subject: this.visitor() });
    return q;
  }

  /** Whether the gate asks about an entitlement (not only a consent). */
  #entitlement(): boolean {
    return asksEntitlement(this) || this.ipAccess;
  }

  /** A consent was saved on the page: apply it at once, then make sure with the provider. */
  protected readonly savedOnPage = new SavedBus(this, (e) => {
    const cascaded = e.detail.receipts.flatMap((r) => r.cascaded ?? []);
    const saved = [...e.detail.decisions, ...cascaded].filter((d) => d.itemId === this.consent).at(-1);
    const consentOnly = !this.#entitlement();
    // Only a confirmed answer opens or closes at once; a queued one waits for the provider.
    if (saved && consentOnly && !e.detail.queued) this.#show(saved.granted ? 'granted' : 'denied', { granted: saved.granted, reason: saved.granted ? 'consent-given' : 'consent-missing' });
    this.recheck();
  });

  #show(state: GateState, r: AccessResult) {
    this.setState(this.current, false);
    this.setState(state, true);
    this.current = state;
    if (state !== 'error') this.error = undefined;
    const entry = (r.accesses ?? []).find((a) => a.access) ?? r.accesses?.[0];
    this.accessLevel = r.granted ? entry?.level : undefined;
    this.accessType = r.granted ? entry?.type : undefined;
    if (r.granted) {
      try {
        this.#stamp();
      } catch (e) {
        // Never claim access while showing nothing: say what stopped the content.
        this.#unstamp();
        this.error = toConsentError(e);
        this.#show('error', { granted: false, reason: 'error' });
        this.dispatchEvent(new ConsentErrorEvent({ ...this.error.toJSON(), operation: 'access' }));
        return;
      }
    } else this.#unstamp();
    if (this.#granted !== r.granted || state === 'pending' || state === 'error') {
      this.#granted = r.granted;
      this.dispatchEvent(new AccessChangeEvent({ granted: r.granted, reason: r.reason, ...(r.pending ? { pending: true } : {}), ...(r.accesses ? { accesses: r.accesses } : {}) }));
    }
  }

  /** Puts the `<template>` children's content into the page, once. */
  #stamp() {
    if (this.#stamped.length) return;
    for (const t of this.querySelectorAll<HTMLTemplateElement>(':scope > template:not([slot])')) {
      const fragment = document.importNode(t.content, true);
      // A script made by innerHTML or a framework is marked as already run, and so is its clone:
      // a fresh element runs once, however the template was made.
      // The template is the page's own markup: its scripts are trusted (through the kit's policy).
      for (const old of fragment.querySelectorAll('script')) old.replaceWith(freshScript(old));
      const nodes = [...fragment.childNodes];
      t.after(...nodes);
      this.#stamped.push(...nodes);
    }
  }

  #unstamp() {
    for (const n of this.#stamped) n.parentNode?.removeChild(n);
    this.#stamped = [];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'consent-access-gate': ConsentAccessGate;
  }
}
