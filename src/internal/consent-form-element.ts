import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ConsentChangeEvent } from '../events/consent-change.js';
import { ConsentErrorEvent } from '../events/consent-error.js';
import { ConsentLoadEvent } from '../events/consent-load.js';
import { ConsentSavedEvent } from '../events/consent-saved.js';
import { ConsentSubmitEvent } from '../events/consent-submit.js';
import {
  allItems,
  applyDecisions,
  choose,
  choiceKey,
  chooseAll,
  groupState,
  isGranted,
  planDecisions,
  supersededItems,
  toMap,
} from '../model/decisions.js';
import { ConsentError, isAbort, toConsentError } from '../model/errors.js';
import { pickText } from '../model/text.js';
import { checkLimits } from '../model/limits.js';
import { firstItems, visibleGroups } from '../model/catalog.js';

/** Items drawn per task: a slice stays well under the 50 ms of a long task. */
const DRAW_BATCH = 100;
import type {
  CatalogQuery,
  ConsentCatalog,
  ConsentGroupModel,
  ConsentItem,
  ConsentTransport,
  Decision,
  LocalizedText,
  QueueEvent,
  QueueState,
  Receipt,
  SaveRequest,
  StateQuery,
} from '../model/types.js';
import { getDefaults } from '../config.js';
import { ConsentElement } from './consent-element.js';
import { SavedBus } from './saved-bus.js';
import { errorMessage } from './messages.js';

export interface Loaded {
  catalog: ConsentCatalog;
  stored: Map<string, boolean>;
  /** What the outbox holds for this visitor and catalog, when the transport has one. */
  queue?: QueueState;
}

type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'queued'; because: 'connection' | 'provider' }
  | { kind: 'nothing' }
  | { kind: 'error'; error: ConsentError };

/**
 * What every consent form element shares: finding its transport, loading the catalog and the
 * stored answers, the visitor's unsaved choices, saving only what changed, the states
 * (loading, ready, empty, error, saving, saved), the three equal buttons, languages and events.
 * An element adds its own attributes, its queries and how it draws a group.
 */
export abstract class ConsentFormElement extends ConsentElement {
  /** Language of the texts shown when none is in a wanted language (before the first text there is). Default: `configure({ fallbackLang })`, then `en`. */
  @property({ attribute: 'fallback-lang' }) fallbackLang?: string;

  /** Recorded with every decision as where it came from (Connect `source`). */
  @property() source = 'Web';

  /** Items drawn so far: a huge catalog is drawn a slice per task (see `firstItems`). */
  @state() private drawn = DRAW_BATCH;
  #complete = true;
  #drawing = false;
  /** The receipt of the last confirmed save, as a downloadable file. */
  @state() private receiptUrl?: string;

  /** Unsaved choices, item id → granted. */
  @state() protected choices: Map<string, boolean> = new Map();
  @state() private save: SaveStatus = { kind: 'idle' };

  #last?: Loaded;
  #saveAbort?: AbortController;
  /** Stops hearing the outbox of the scope last loaded. */
  #unwatch?: () => void;
  /** Per item, the newest save (intent order) heard of: what an older one says of it is out of date. */
  #newest = new Map<string, number>();
  /** The decisions of this element's save under way: its own choices, not yet stored. */
  #saving: Decision[] = [];
  /** Queued or refused decisions a newer save replaced since the current load started. */
  #replaced: Decision[] = [];
  /** Decisions saved (here or in other tabs) or queued since the current load started. */
  #heard: Decision[] = [];

  /** What to load: the element's own attributes. */
  protected abstract catalogQuery(): CatalogQuery;
  /** Whose answers to load and save. */
  protected abstract stateQuery(): StateQuery;
  /** Extra fields for the save request (issuer, subject, template version, …). */
  protected abstract saveFields(loaded: Loaded): Omit<SaveRequest, 'decisions' | 'catalog'>;
  /** One group of the catalog. */
  protected abstract renderGroup(group: ConsentGroupModel, loaded: Loaded): TemplateResult;
  /** Keys of the element's own properties that mean "load again". */
  protected abstract loadKeys(): readonly unknown[];

  private loader = new Task(this, {
    args: () => [this.transports.value, ...this.loadKeys()] as const,
    task: async ([tr], { signal }): Promise<Loaded> => {
      if (tr instanceof ConsentError) throw tr;
      const q = this.stateQuery();
      // Saves of the visitor's other tabs heard while this load is under way: its read may predate them.
      this.#heard = [];
      this.#replaced = [];
      this.#watch(tr, q);
      const [catalog, state, queue] = await Promise.all([
        // Hostile or broken data beyond the limits is refused before anything walks or draws it.
        tr.loadCatalog(this.catalogQuery(), signal).then(checkLimits),
        tr.loadState ? tr.loadState(q, signal) : Promise.resolve([]),
        tr.queued?.(q),
      ]);
      // What waits in the outbox is what the visitor chose last: shown as chosen, and said to be queued.
      const held = toMap(state);
      // (Not this element's own save under way: should it be refused, it must not look stored.)
      const mine = new Set(this.#saving.map(choiceKey));
      const pending = (queue?.pending ?? []).filter((d) => !mine.has(choiceKey(d)));
      const stored = applyDecisions(held, catalog, [...pending, ...this.#heard]);
      // A refused choice the provider holds after all, or one chosen again or replaced since, has nothing left to retry.
      const since = new Set(this.#heard.map((d) => d.itemId));
      const replaced = new Set(this.#replaced.map(choiceKey));
      if (queue?.failed.length)
        queue.failed = queue.failed.filter((d) => held.get(d.itemId) !== d.granted && !since.has(d.itemId) && !replaced.has(choiceKey(d)));
      return { catalog, stored, queue };
    },
    onComplete: (loaded) => {
      // The same catalog again (another language, a retry): the visitor's unsaved choices stay.
      if (this.#last?.catalog.source !== loaded.catalog.source) {
        this.choices = new Map();
        this.drawn = DRAW_BATCH;
      }
      this.#last = loaded;
      const { queue } = loaded;
      // A save this visitor was told is queued was refused: not recorded. Their choice is back on screen.
      // (What the visitor chose since, on this page, stays: it is newer.)
      if (queue?.error && queue.failed.length) this.choices = new Map([...toMap(queue.failed), ...this.choices]);
      // (A save under way tells its own outcome, and then this. A refused save still on screen stays so.)
      const unsaved = this.save.kind === 'error' && planDecisions(loaded.catalog, loaded.stored, this.choices).length > 0;
      if (this.save.kind !== 'saving') this.save = this.#queueStatus(loaded) ?? (unsaved ? this.save : { kind: 'idle' });
      void this.updateComplete.then(() => this.dispatchEvent(new ConsentLoadEvent({ catalog: loaded.catalog })));
    },
    onError: (e) => {
      if (!isAbort(e)) this.#fail(toConsentError(e), 'load');
    },
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#saveAbort?.abort();
    this.#unwatch?.();
    this.#unwatch = undefined;
  }

  #watch(tr: ConsentTransport, q: StateQuery) {
    this.#unwatch?.();
    this.#unwatch = tr.watch?.(q, this.#onQueue);
  }

  /**
   * Outcomes of this visitor's saves that this element did not wait for itself: a queued save
   * confirmed or refused later, and saves made in the visitor's other tabs.
   */
  #onQueue = (e: QueueEvent) => {
    // News to this element: another tab's save, or a queued one this page no longer waits for.
    const news = e.remote || e.announced;
    const sent = e.type === 'sent' && news;
    const queued = e.type === 'queued' && e.remote;
    const pending = e.type === 'pending' && e.remote;
    // What the provider stored, also of a save that then failed part-way.
    const receipts = news ? (e.receipts ?? []) : [];
    // A decision that reached the provider after a later one of the same item was not stored.
    const outdated = supersededItems(e.receipts ?? []);
    const stored = receipts.filter((r) => !r.queued && !r.superseded).map(({ itemId, granted }) => ({ itemId, granted }));
    const cascaded = receipts.flatMap((r) => r.cascaded ?? []);
    // This page's own save is on its way: older news of its items no longer counts.
    if (e.type === 'pending' && !e.remote) for (const d of e.decisions) this.#isNewest(d, e.seq);
    const heard = [...stored, ...(sent || queued || pending ? e.decisions.filter((d) => !outdated.has(d.itemId)) : []), ...cascaded].filter((d) => this.#isNewest(d, e.seq));
    this.#heard.push(...heard);
    if (e.type === 'superseded') this.#replaced.push(...e.decisions);
    const loaded = this.#current();
    if (!loaded) return;
    if (e.type === 'superseded' && e.remote) this.#forget(e.decisions, loaded);
    if (heard.length) {
      loaded.stored = applyDecisions(loaded.stored, loaded.catalog, heard);
      // A choice made since in another tab is newer than one left unsaved here (a refused one shown again).
      if (e.remote && heard.some((d) => this.choices.has(d.itemId))) {
        const ids = new Set(heard.map((d) => d.itemId));
        this.choices = new Map([...this.choices].filter(([id]) => !ids.has(id)));
      }
      this.requestUpdate();
    }
    if (sent) {
      if (this.save.kind === 'queued') this.save = { kind: 'saved' };
      // This page's own queued save, confirmed now: its receipt is made here.
      if (!e.remote) void this.#receipt(loaded.catalog, e.decisions, e.receipts ?? []);
      this.dispatchEvent(new ConsentSavedEvent({ decisions: e.decisions, receipts: e.receipts ?? [], queued: false }));
    } else if (queued) {
      this.save = { kind: 'queued', because: 'connection' };
    } else if (e.type === 'failed' && e.announced && e.error) {
      // Not recorded after all: the provider's state is read again and the refused choice shown with Retry.
      this.dispatchEvent(new ConsentErrorEvent({ ...e.error.toJSON(), operation: 'save', queued: false }));
      this.reload();
    } else if (e.type === 'failed' && e.remote) {
      // Another tab's save shown here as pending was refused (that tab says so): show what the provider holds.
      this.reload();
    }
  };

  /**
   * Whether an event of the save at `seq` may change what is shown for `d`: not when a newer save
   * (this tab's or another's) decided that item. Records `seq` as the newest for it.
   */
  #isNewest(d: Decision, seq: number | undefined): boolean {
    if (seq === undefined) return true;
    const newest = this.#newest.get(d.itemId) ?? -Infinity;
    if (seq < newest) return false;
    this.#newest.set(d.itemId, seq);
    return true;
  }

  /** Another element on the page saved: what the provider holds may have changed. */
  protected readonly savedElsewhere = new SavedBus(this, (e) => {
    if (e.target !== this && this.#last) this.reload();
  });

  /** Loads the choices from the provider again. */
  reload(): void {
    void this.loader.run();
  }

  /** Saves the visitor's current choices: only what differs from what the provider holds. */
  async saveChoices(): Promise<void> {
    const loaded = this.#current();
    const transport = this.transports.value;
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
    const confirms = this.#confirms(loaded);
    this.#saving = decisions;
    try {
      const receipts = await transport.saveDecisions(
        { ...this.saveFields(loaded), source: this.source, decisions, confirms, catalog: loaded.catalog, eventTime: Date.now() },
        this.#saveAbort.signal,
      );
      // Queued receipts are durably kept on this device and will be sent: show them as chosen.
      const waiting = receipts.find((r) => r.queued);
      const queued = !!waiting;
      // Superseded: a later choice of the same item (another tab's) reached the provider first.
      const outdated = supersededItems(receipts);
      this.#stored(decisions.filter((d) => !outdated.has(d.itemId)));
      if (outdated.size) this.reload();
      // Choices put back meanwhile (an older queued save refused while this one was on its way) stay.
      const answered = new Set([...decisions, ...confirms].map((d) => d.itemId));
      this.choices = new Map([...this.choices].filter(([id]) => !answered.has(id)));
      const refused = this.#queueStatus(this.#current());
      this.save = refused?.kind === 'error' ? refused : waiting ? { kind: 'queued', because: waiting.queuedBecause ?? 'connection' } : { kind: 'saved' };
      if (!queued) void this.#receipt(loaded.catalog, decisions, receipts);
      this.dispatchEvent(new ConsentSavedEvent({ decisions, receipts, queued }));
    } catch (e) {
      if (isAbort(e)) return;
      const error = toConsentError(e);
      // Whatever the provider stored before failing is stored: never send it twice.
      this.#stored((error.receipts ?? []).map((r) => ({ itemId: r.itemId, granted: r.granted })));
      this.#fail(error, 'save');
    } finally {
      this.#saving = [];
    }
  }

  /** Shown above the groups once loaded (e.g. a template's question). */
  protected renderIntro(_loaded: Loaded): unknown {
    return nothing;
  }

  override render() {
    const loaded = this.#current();
    const loading = this.loader.status === TaskStatus.PENDING || this.loader.status === TaskStatus.INITIAL;
    const all = loaded ? visibleGroups(loaded.catalog) : [];
    const { groups, complete } = firstItems(all, this.drawn);
    this.#complete = complete;
    return html`<div part="base" aria-busy=${loading || this.busy ? 'true' : 'false'}>
      <slot name="heading"></slot>
      ${loaded ? this.renderIntro(loaded) : nothing}
      ${this.loader.status === TaskStatus.ERROR ? this.#renderError('load') : nothing}
      ${loaded ? this.#renderLoaded(loaded, groups) : loading ? this.#renderSkeleton() : nothing}
      <p part="status" class=${this.save.kind === 'saved' || this.save.kind === 'queued' ? 'saved' : ''} role="status" aria-live="polite">${this.#statusText(loading)}</p>
      ${this.save.kind === 'saved' && this.receiptUrl
        ? html`<a part="receipt" href=${this.receiptUrl} download="consent-receipt.json">${msg('Download a receipt of your choices (JSON)')}</a>`
        : nothing}
      ${this.save.kind === 'error' ? this.#renderError('save') : nothing}
      <slot name="footer"></slot>
    </div>`;
  }

  /**
   * True while a save or a reload is under way (a reload may show a refused save), or a huge
   * catalog is still being drawn: controls are disabled.
   */
  protected get busy(): boolean {
    return this.save.kind === 'saving' || this.loader.status === TaskStatus.PENDING || !this.#complete;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The next slice after the browser had a chance to paint and take input (not rAF: it stops in hidden tabs).
    if (this.#complete || this.#drawing) return;
    this.#drawing = true;
    setTimeout(() => {
      this.#drawing = false;
      this.drawn += DRAW_BATCH;
    });
  }

  /** The text to show for a set of localized texts, by the fallback chain. */
  protected text(texts: readonly LocalizedText[]): LocalizedText | undefined {
    return pickText(texts, this.langs(), this.language.fallback());
  }

  protected isOn(item: ConsentItem, loaded: Loaded): boolean {
    return isGranted(item.id, loaded.stored, this.choices);
  }

  /**
   * A group's tri-state checkbox: "All" beside per-item boxes, or the group's only control
   * (`label` "Allow") when the group is one yes/no.
   */
  protected renderGroupToggle(group: ConsentGroupModel, title: string, loaded: Loaded, label = msg('All')) {
    const state = groupState(group.items, loaded.stored, this.choices);
    return html`<label part="group-toggle" class="group-toggle">
      <input
        type="checkbox"
        data-group-toggle=${group.id}
        aria-label=${msg(str`${label}: ${title}`)}
        .checked=${state === 'all'}
        .indeterminate=${state === 'some'}
        ?disabled=${this.busy}
        @change=${(e: Event) => this.#choose(chooseAll(this.choices, group.items, (e.target as HTMLInputElement).checked))}
      />${label}
    </label>`;
  }

  /** The checkbox of one item; children are disabled while an ancestor is off. */
  protected renderCheckbox(item: ConsentItem, loaded: Loaded, parentOff: boolean, describedBy?: string) {
    return html`<input
      type="checkbox"
      data-item-input=${item.id}
      .checked=${this.isOn(item, loaded) && !parentOff}
      ?disabled=${parentOff || this.busy}
      aria-describedby=${describedBy ?? nothing}
      @change=${(e: Event) => this.#choose(choose(this.choices, item, (e.target as HTMLInputElement).checked))}
    />`;
  }

  #renderSkeleton() {
    return html`<div part="skeleton" class="skeleton" aria-hidden="true">
      <div class="bone"></div>
      <div class="bone wide"></div>
      <div class="bone wide"></div>
    </div>`;
  }

  #renderLoaded(loaded: Loaded, groups: ConsentGroupModel[]) {
    if (groups.length === 0) return html`<p part="empty">${msg('There is nothing to choose here right now.')}</p>`;
    return html`${groups.map((g) => this.renderGroup(g, loaded))}
      <div part="actions">
        <button part="button reject-all" ?disabled=${this.busy} @click=${() => this.#all(false)}>${msg('Reject all')}</button>
        <button part="button accept-all" ?disabled=${this.busy} @click=${() => this.#all(true)}>${msg('Accept all')}</button>
        <button part="button save" ?disabled=${this.busy} @click=${() => this.saveChoices()}>${msg('Save choices')}</button>
      </div>`;
  }

  #renderError(operation: 'load' | 'save') {
    const error = operation === 'save' && this.save.kind === 'error' ? this.save.error : toConsentError(this.loader.error);
    return html`<div part="error" role="alert">
      <span>${operation === 'save' ? msg('Your choices were not saved.') : msg('Your choices could not be loaded.')}
        ${errorMessage(error.code)}</span>
      ${error.code === 'config' || error.code === 'unsupported'
        ? nothing
        : html`<button part="button retry" @click=${() => (operation === 'save' ? this.saveChoices() : this.reload())}>${msg('Retry')}</button>`}
    </div>`;
  }

  #statusText(loading: boolean): string {
    if (loading && !this.#last) return msg('Loading your choices…');
    switch (this.save.kind) {
      case 'saving':
        return msg('Saving…');
      case 'saved':
        return msg('Your choices are saved.');
      case 'queued':
        return this.save.because === 'provider'
          ? msg('The consent service is busy. Your choices are kept on this device and will be sent shortly.')
          : msg('Your choices are kept on this device and will be sent as soon as the connection is back.');
      case 'nothing':
        return msg('Nothing has changed since you last saved.');
      default:
        return '';
    }
  }

  #all(granted: boolean) {
    const loaded = this.#current();
    if (!loaded) return;
    this.#choose(chooseAll(this.choices, visibleGroups(loaded.catalog).flatMap((g) => g.items), granted));
    void this.saveChoices();
  }

  #choose(next: Map<string, boolean>) {
    this.choices = next;
    if (this.save.kind !== 'saving') this.save = { kind: 'idle' };
    const loaded = this.#current();
    if (!loaded) return;
    const decisions: Decision[] = allItems(loaded.catalog)
      .filter((i) => i.active)
      .map((i) => ({ itemId: i.id, granted: isGranted(i.id, loaded.stored, this.choices) }));
    this.dispatchEvent(new ConsentChangeEvent({ decisions, changes: planDecisions(loaded.catalog, loaded.stored, this.choices) }));
  }

  #fail(error: ConsentError, operation: 'load' | 'save') {
    if (operation === 'save') this.save = { kind: 'error', error };
    this.dispatchEvent(new ConsentErrorEvent({ ...error.toJSON(), operation }));
  }

  /**
   * Another tab's newer save replaced these queued or refused choices: shown here unsaved (a
   * refused save put back on screen), they are no longer the visitor's latest.
   */
  #forget(decisions: Decision[], loaded: Loaded) {
    const gone = new Set(decisions.map(choiceKey));
    const kept = [...this.choices].filter(([id, granted]) => !gone.has(`${id}:${granted}`));
    if (kept.length === this.choices.size) return;
    this.choices = new Map(kept);
    if (this.save.kind === 'error' && planDecisions(loaded.catalog, loaded.stored, this.choices).length === 0) this.save = { kind: 'idle' };
  }

  /** What the outbox says of this scope: a refused save still shown, or saves waiting. */
  #queueStatus(loaded: Loaded | undefined): SaveStatus | undefined {
    const queue = loaded?.queue;
    if (queue?.error && queue.failed.some((d) => this.choices.get(d.itemId) === d.granted)) return { kind: 'error', error: queue.error };
    return queue?.pending.length ? { kind: 'queued', because: 'connection' } : undefined;
  }

  #current(): Loaded | undefined {
    return this.loader.status === TaskStatus.COMPLETE ? this.loader.value : this.#last;
  }

  /** Choices the visitor left equal to what the provider holds: they outdate older queued or refused saves of those items. */
  #confirms(loaded: Loaded): Decision[] {
    return [...this.choices].filter(([id, granted]) => isGranted(id, loaded.stored, new Map()) === granted).map(([itemId, granted]) => ({ itemId, granted }));
  }

  /** Keeps a receipt of a confirmed save; with receipt settings configured, the visitor may download it. */
  async #receipt(catalog: ConsentCatalog, decisions: Decision[], receipts: Receipt[]) {
    // Loaded at the first save: a page pays for the device store (IndexedDB) only when it saves.
    const { recordReceipt } = await import('./receipt-store.js');
    const receipt = await recordReceipt({ catalog, decisions, receipts, shown: (t) => this.text(t), subject: this.stateQuery().subject, tag: this.localName });
    if (!getDefaults().receipt) return;
    if (this.receiptUrl) URL.revokeObjectURL(this.receiptUrl);
    this.receiptUrl = URL.createObjectURL(new Blob([JSON.stringify(receipt, null, 2)], { type: 'application/json' }));
  }

  /** Records what the provider now holds, in what is shown now (a load may have ended during the save). */
  #stored(decisions: Decision[]) {
    // A load under way may have read the state before: it applies these when it ends.
    this.#heard.push(...decisions);
    const loaded = this.#current();
    if (loaded && decisions.length) loaded.stored = applyDecisions(loaded.stored, loaded.catalog, decisions);
  }

}
