import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ConsentChangeEvent } from '../../events/consent-change.js';
import { ConsentErrorEvent } from '../../events/consent-error.js';
import { ConsentLoadEvent } from '../../events/consent-load.js';
import { ConsentSavedEvent } from '../../events/consent-saved.js';
import { ConsentSubmitEvent } from '../../events/consent-submit.js';
import { useLocale } from '../../i18n/localization.js';
import { inheritedLang, preferredLangs } from '../../internal/lang.js';
import { errorMessage } from '../../internal/messages.js';
import { pseudonymousSubject } from '../../internal/subject.js';
import {
  allItems,
  applyDecisions,
  choose,
  chooseAll,
  groupState,
  isGranted,
  planDecisions,
  toMap,
  type DecisionMap,
} from '../../model/decisions.js';
import { ConsentError, isAbort, toConsentError } from '../../model/errors.js';
import { pickText } from '../../model/text.js';
import type { ConsentCatalog, ConsentGroupModel, ConsentItem, ConsentTransport, Decision, Subject } from '../../model/types.js';
import { transportContext } from '../../transports/context.js';
import { getDefaults, transportFor } from '../../transports/index.js';
import { styles } from './consent-group-picker.styles.js';

interface Loaded {
  catalog: ConsentCatalog;
  stored: Map<string, boolean>;
}

type SaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'nothing' } | { kind: 'error'; error: ConsentError };

/**
 * Shows a provider's consent groups and their consents, in the provider's order and the page
 * language, and sends one decision per changed consent back to it.
 *
 * @summary Grant or refuse the consents a provider owns, group by group.
 * @tag consent-group-picker
 *
 * @slot heading - Shown above the groups, e.g. a title and an intro.
 * @slot footer - Shown below the buttons, e.g. a link to the privacy policy.
 *
 * @csspart base - The wrapper around everything.
 * @csspart group - A consent group (`fieldset`).
 * @csspart group-title - The group's name (`legend`).
 * @csspart group-description - The group's description.
 * @csspart group-toggle - The tri-state "All" toggle of a group.
 * @csspart item - One consent row.
 * @csspart item-title - A consent's name.
 * @csspart item-description - A consent's description.
 * @csspart actions - The row of buttons.
 * @csspart button - Every button.
 * @csspart accept-all - The "Accept all" button.
 * @csspart reject-all - The "Reject all" button.
 * @csspart save - The "Save choices" button.
 * @csspart status - The polite status line (loading, saving, saved).
 * @csspart error - The error box with its Retry button.
 * @csspart retry - The Retry button.
 * @csspart empty - Shown when the provider has nothing to choose.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop [--consent-picker-color] - Text colour. Falls back to `--consent-color-text`.
 * @cssprop [--consent-picker-background] - Background. Falls back to `--consent-color-background`.
 * @cssprop [--consent-picker-muted-color] - Descriptions and status. Falls back to `--consent-color-muted`.
 * @cssprop [--consent-picker-border-color] - Group borders. Falls back to `--consent-color-border`.
 * @cssprop [--consent-picker-accent-color] - Checkboxes, buttons, focus. Falls back to `--consent-color-accent`.
 * @cssprop [--consent-picker-danger-color] - Errors. Falls back to `--consent-color-danger`.
 * @cssprop [--consent-picker-radius=0.5rem] - Corner radius. Falls back to `--consent-radius`.
 * @cssprop [--consent-picker-gap=0.75rem] - Space between parts. Falls back to `--consent-gap`.
 * @cssprop [--consent-picker-font=inherit] - Font shorthand. Falls back to `--consent-font`.
 * @cssprop [--consent-picker-indent=2rem] - Indent of nested consents.
 * @cssprop [--consent-picker-min-height=12rem] - Height reserved while loading, so nothing jumps.
 * @cssprop [--consent-picker-focus-ring] - Outline of focused controls. Falls back to `--consent-focus-ring`.
 * @cssprop [--consent-picker-button-color] - Button text colour.
 * @cssprop [--consent-picker-button-background=transparent] - Button background.
 * @cssprop [--consent-picker-button-border-color] - Button border colour.
 *
 * @fires {ConsentLoadEvent} consent-load - The choices are loaded and shown. `detail.catalog`.
 * @fires {ConsentChangeEvent} consent-change - The visitor changed a choice (not saved yet). `detail.decisions`, `detail.changes`.
 * @fires {ConsentSubmitEvent} consent-submit - About to save; cancelable. `detail.decisions`.
 * @fires {ConsentSavedEvent} consent-saved - The provider confirmed. `detail.decisions`, `detail.receipts`, `detail.queued`.
 * @fires {ConsentErrorEvent} consent-error - Loading or saving failed. `detail.code`, `detail.status`, `detail.message`, `detail.retryable`.
 */
@localized()
export class ConsentGroupPicker extends LitElement {
  static override styles = styles;

  /** Provider to talk to when no `transport` is set: `host`, `connect`, or one given to `configure({ transports })`. */
  @property() provider?: string;

  /** Base URL for the provider: the host backend's consent API, or a Connect proxy. */
  @property() endpoint?: string;

  /** Language of the texts, BCP 47 (`nb-NO`) or provider code (`nb_NO`). Default: nearest `lang`, then the browser's. */
  @property({ reflect: true }) override lang = '';

  /** Language used when a text is missing in `lang` (before falling back to the first text). */
  @property({ attribute: 'fallback-lang' }) fallbackLang = 'en';

  /** The provider's issuer id (Connect: the company that asks for consent). */
  @property() issuer?: string;

  /** Who decides. Default: a pseudonymous id kept in localStorage, with subject type `EXTERNAL`. */
  @property() subject?: string;

  /** Kind of `subject`: Connect `CONNECT`, `CONNECTID`, `EXTERNAL` or `ORDER`. */
  @property({ attribute: 'subject-type' }) subjectType = 'EXTERNAL';

  /** Recorded with every decision as where it came from (Connect `source`). */
  @property() source = 'Web';

  /** A transport object; wins over `provider`/`endpoint`, context and `configure()`. */
  @property({ attribute: false }) transport?: ConsentTransport;

  /** From an ancestor that provides `transportContext`. */
  @consume({ context: transportContext, subscribe: true })
  @state()
  private contextTransport?: ConsentTransport;

  /** Unsaved choices, item id → granted. */
  @state() private choices: Map<string, boolean> = new Map();
  @state() private save: SaveStatus = { kind: 'idle' };
  /** The nearest ancestor's `lang` (e.g. `<html lang>`), followed while connected. */
  @state() private inheritedLang = '';
  /** Bumped by `configure()`, so new page-wide defaults apply. */
  @state() private defaultsVersion = 0;
  /** The transport in use, or why there is none; resolved when its inputs change. */
  @state() private resolved: ConsentTransport | ConsentError = new ConsentError('config', 'Not connected yet.');

  #last?: Loaded;
  #observer?: MutationObserver;
  #saveAbort?: AbortController;

  private loader = new Task(this, {
    args: () => [this.resolved, this.issuer, this.#subject().id, this.#subject().type] as const,
    task: async ([tr], { signal }): Promise<Loaded> => {
      if (tr instanceof ConsentError) throw tr;
      const q = { issuer: this.issuer, subject: this.#subject(), onlyActive: true };
      const [catalog, state] = await Promise.all([
        tr.loadCatalog(q, signal),
        tr.loadState ? tr.loadState(q, signal) : Promise.resolve([]),
      ]);
      return { catalog, stored: toMap(state) };
    },
    onComplete: (loaded) => {
      this.#last = loaded;
      this.choices = new Map();
      this.save = { kind: 'idle' };
      void this.updateComplete.then(() => this.dispatchEvent(new ConsentLoadEvent({ catalog: loaded.catalog })));
    },
    onError: (e) => {
      if (!isAbort(e)) this.#fail(toConsentError(e), 'load');
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // Follow the page language (e.g. <html lang>) when this element has none of its own.
    this.inheritedLang = inheritedLang(this);
    this.#observer = new MutationObserver(() => (this.inheritedLang = inheritedLang(this)));
    this.#observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    globalThis.addEventListener('consent-configure', this.#onConfigure);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    globalThis.removeEventListener('consent-configure', this.#onConfigure);
    this.#saveAbort?.abort();
  }

  #onConfigure = () => this.defaultsVersion++;

  protected override willUpdate(changed: PropertyValues): void {
    const first = !this.hasUpdated;
    if (first || ['provider', 'endpoint', 'transport', 'contextTransport', 'defaultsVersion'].some((k) => changed.has(k)))
      this.resolved = this.#transport();
    if (first || ['lang', 'inheritedLang', 'defaultsVersion'].some((k) => changed.has(k))) void useLocale(this.#langs()[0]);
  }

  /** Reloads the choices from the provider. */
  reload(): void {
    void this.loader.run();
  }

  override render() {
    const loaded = this.loader.status === TaskStatus.COMPLETE ? this.loader.value : this.#last;
    const loading = this.loader.status === TaskStatus.PENDING || this.loader.status === TaskStatus.INITIAL;
    const busy = this.save.kind === 'saving';
    return html`<div part="base" aria-busy=${loading || busy ? 'true' : 'false'}>
      <slot name="heading"></slot>
      ${this.loader.status === TaskStatus.ERROR ? this.#renderError('load') : nothing}
      ${loaded ? this.#renderLoaded(loaded, busy) : loading ? this.#renderSkeleton() : nothing}
      <p part="status" class=${this.save.kind === 'saved' ? 'saved' : ''} role="status" aria-live="polite">${this.#statusText(loading)}</p>
      ${this.save.kind === 'error' ? this.#renderError('save') : nothing}
      <slot name="footer"></slot>
    </div>`;
  }

  #renderSkeleton() {
    return html`<div part="skeleton" class="skeleton" aria-hidden="true">
      <div class="bone"></div>
      <div class="bone wide"></div>
      <div class="bone wide"></div>
    </div>`;
  }

  #renderLoaded({ catalog, stored }: Loaded, busy: boolean) {
    const groups = catalog.groups
      .filter((g) => g.active)
      .map((g) => ({ ...g, items: activeItems(g.items) }))
      .filter((g) => g.items.length > 0);
    if (groups.length === 0) return html`<p part="empty">${msg('There is nothing to choose here right now.')}</p>`;
    return html`${groups.map((g) => this.#renderGroup(g, stored))}
      <div part="actions">
        <button part="button reject-all" ?disabled=${busy} @click=${() => this.#all(false)}>${msg('Reject all')}</button>
        <button part="button accept-all" ?disabled=${busy} @click=${() => this.#all(true)}>${msg('Accept all')}</button>
        <button part="button save" ?disabled=${busy} @click=${() => this.#save()}>${msg('Save choices')}</button>
      </div>`;
  }

  #renderGroup(group: ConsentGroupModel, stored: DecisionMap) {
    const text = pickText(group.texts, this.#langs(), this.fallbackLang);
    const title = text?.title ?? group.id;
    const state = groupState(group.items, stored, this.choices);
    const descId = `g-${group.id}-desc`;
    return html`<fieldset part="group" data-group=${group.id} aria-describedby=${text?.description ? descId : nothing}>
      <legend part="group-title" dir="auto">${title}</legend>
      <div class="group-head">
        ${text?.description ? html`<p part="group-description" id=${descId} dir="auto">${text.description}</p>` : html`<span></span>`}
        <label part="group-toggle" class="group-toggle">
          <input
            type="checkbox"
            data-group-toggle=${group.id}
            aria-label=${msg(str`All in ${title}`)}
            .checked=${state === 'all'}
            .indeterminate=${state === 'some'}
            ?disabled=${this.save.kind === 'saving'}
            @change=${(e: Event) => this.#toggleGroup(group, (e.target as HTMLInputElement).checked)}
          />${msg('All')}
        </label>
      </div>
      <ul role="list">
        ${group.items.map((i) => this.#renderItem(i, stored, false))}
      </ul>
    </fieldset>`;
  }

  #renderItem(item: ConsentItem, stored: DecisionMap, parentOff: boolean): TemplateResult {
    const text = pickText(item.texts, this.#langs(), this.fallbackLang);
    const on = isGranted(item.id, stored, this.choices);
    const descId = `i-${item.id}-desc`;
    return html`<li part="item" class="item" data-item=${item.id}>
      <label>
        <input
          type="checkbox"
          data-item-input=${item.id}
          .checked=${on && !parentOff}
          ?disabled=${parentOff || this.save.kind === 'saving'}
          aria-describedby=${text?.description ? descId : nothing}
          @change=${(e: Event) => this.#toggle(item, (e.target as HTMLInputElement).checked)}
        />
        <span part="item-title" class="item-text" dir="auto">${text?.title ?? item.id}</span>
      </label>
      ${text?.description ? html`<p part="item-description" id=${descId} dir="auto">${text.description}</p>` : nothing}
      ${item.children?.length
        ? html`<ul role="list">${item.children.map((c) => this.#renderItem(c, stored, parentOff || !on))}</ul>`
        : nothing}
    </li>`;
  }

  #renderError(operation: 'load' | 'save') {
    const error = operation === 'save' && this.save.kind === 'error' ? this.save.error : toConsentError(this.loader.error);
    return html`<div part="error" role="alert">
      <span>${operation === 'save' ? msg('Your choices were not saved.') : msg('Your choices could not be loaded.')}
        ${errorMessage(error.code)}</span>
      ${error.code === 'config' || error.code === 'unsupported'
        ? nothing
        : html`<button part="button retry" @click=${() => (operation === 'save' ? this.#save() : this.reload())}>${msg('Retry')}</button>`}
    </div>`;
  }

  #statusText(loading: boolean): string {
    if (loading && !this.#last) return msg('Loading your choices…');
    switch (this.save.kind) {
      case 'saving':
        return msg('Saving…');
      case 'saved':
        return msg('Your choices are saved.');
      case 'nothing':
        return msg('Nothing has changed since you last saved.');
      default:
        return '';
    }
  }

  #toggle(item: ConsentItem, granted: boolean) {
    this.choices = choose(this.choices, item, granted);
    this.#changed();
  }

  #toggleGroup(group: ConsentGroupModel, granted: boolean) {
    this.choices = chooseAll(this.choices, group.items, granted);
    this.#changed();
  }

  #all(granted: boolean) {
    const loaded = this.#current();
    if (!loaded) return;
    const groups = loaded.catalog.groups.filter((g) => g.active);
    this.choices = chooseAll(this.choices, groups.flatMap((g) => activeItems(g.items)), granted);
    this.#changed();
    void this.#save();
  }

  #changed() {
    if (this.save.kind !== 'saving') this.save = { kind: 'idle' };
    const loaded = this.#current();
    if (!loaded) return;
    this.dispatchEvent(
      new ConsentChangeEvent({ decisions: this.#shown(loaded), changes: planDecisions(loaded.catalog, loaded.stored, this.choices) }),
    );
  }

  /** Every active item's answer as the visitor sees it now. */
  #shown({ catalog, stored }: Loaded): Decision[] {
    return allItems(catalog)
      .filter((i) => i.active)
      .map((i) => ({ itemId: i.id, granted: isGranted(i.id, stored, this.choices) }));
  }

  async #save() {
    const loaded = this.#current();
    const transport = this.resolved;
    if (!loaded || this.save.kind === 'saving') return;
    const decisions = planDecisions(loaded.catalog, loaded.stored, this.choices);
    if (decisions.length === 0) {
      this.save = { kind: 'nothing' };
      return;
    }
    if (!this.dispatchEvent(new ConsentSubmitEvent({ decisions }))) return;
    if (transport instanceof ConsentError || !transport.saveDecisions) {
      const e = transport instanceof ConsentError ? transport : new ConsentError('unsupported', `The ${transport.name} transport cannot save decisions.`);
      return this.#fail(e, 'save');
    }
    this.save = { kind: 'saving' };
    this.#saveAbort = new AbortController();
    try {
      const receipts = await transport.saveDecisions(
        { issuer: this.issuer, subject: this.#subject(), source: this.source, decisions, catalog: loaded.catalog, eventTime: Date.now() },
        this.#saveAbort.signal,
      );
      loaded.stored = applyDecisions(loaded.stored, loaded.catalog, decisions);
      this.choices = new Map();
      this.save = { kind: 'saved' };
      this.dispatchEvent(new ConsentSavedEvent({ decisions, receipts, queued: false }));
    } catch (e) {
      if (isAbort(e)) return;
      const error = toConsentError(e);
      // Whatever the provider stored before failing is stored: never send it twice.
      const done = (error.receipts ?? []).map((r) => ({ itemId: r.itemId, granted: r.granted }));
      loaded.stored = applyDecisions(loaded.stored, loaded.catalog, done);
      this.#fail(error, 'save');
    }
  }

  #fail(error: ConsentError, operation: 'load' | 'save') {
    if (operation === 'save') this.save = { kind: 'error', error };
    this.dispatchEvent(new ConsentErrorEvent({ ...error.toJSON(), operation }));
  }

  #current(): Loaded | undefined {
    return this.loader.status === TaskStatus.COMPLETE ? this.loader.value : this.#last;
  }

  #langs(): string[] {
    return preferredLangs(this.lang, this.inheritedLang, getDefaults().lang, globalThis.navigator?.languages ?? []);
  }

  #subject(): Subject {
    return this.subject ? { id: this.subject, type: this.subjectType } : { id: pseudonymousSubject(), type: 'EXTERNAL' };
  }

  /** The transport to use, or the configuration error that explains why there is none. */
  #transport(): ConsentTransport | ConsentError {
    if (this.transport) return this.transport;
    try {
      if (this.provider) return transportFor(this.provider, this.endpoint);
    } catch (e) {
      return toConsentError(e);
    }
    return (
      this.contextTransport ??
      getDefaults().transport ??
      new ConsentError('config', 'No transport: set provider and endpoint, the transport property, or configure({ transport }).')
    );
  }
}

/** Items the provider still offers, with retired children dropped too. */
function activeItems(items: readonly ConsentItem[]): ConsentItem[] {
  return items
    .filter((i) => i.active)
    .map((i) => (i.children ? { ...i, children: activeItems(i.children) } : i));
}

declare global {
  interface HTMLElementTagNameMap {
    'consent-group-picker': ConsentGroupPicker;
  }
}
