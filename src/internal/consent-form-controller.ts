import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getDefaults } from '../config.js';
import { ConsentChangeEvent } from '../events/consent-change.js';
import { ConsentErrorEvent } from '../events/consent-error.js';
import { ConsentLoadEvent } from '../events/consent-load.js';
import { ConsentSavedEvent } from '../events/consent-saved.js';
import { ConsentSubmitEvent } from '../events/consent-submit.js';
import { visibleGroups } from '../model/catalog.js';
import {
  allItems,
  applyDecisions,
  choiceKey,
  choose,
  chooseAll,
  isGranted,
  itemIndex,
  planDecisions,
  supersededItems,
  toMap,
} from '../model/decisions.js';
import { ConsentError, isAbort, toConsentError } from '../model/errors.js';
import { checkLimits } from '../model/limits.js';
import { publish, scopeKey } from '../page/consents.js';
import { Task } from './task.js';
import { recordReceipt } from './receipts.js';
import type {
  CatalogQuery,
  ConsentCatalog,
  ConsentItem,
  ConsentTransport,
  Decision,
  DecisionRecord,
  LocalizedText,
  QueueEvent,
  QueueState,
  Receipt,
  SaveRequest,
  StateQuery,
} from '../model/types.js';

export interface Loaded {
  catalog: ConsentCatalog;
  stored: Map<string, boolean>;
  /** The provider's record behind a stored answer, per item, where it keeps one; dropped once the visitor's newer answer is stored. */
  records: Map<string, DecisionRecord>;
  /** What the outbox holds for this visitor and catalog, when the transport has one. */
  queue?: QueueState;
}

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'queued'; because: 'connection' | 'provider' }
  | { kind: 'nothing' }
  | { kind: 'error'; error: ConsentError };

/** What a form element tells the controller: its transport, its questions and how it shows texts. */
export interface FormSource {
  transport(): ConsentTransport | ConsentError;
  /** Keys of the element's own properties that mean "load again". */
  loadKeys(): readonly unknown[];
  catalogQuery(): CatalogQuery;
  /** Whose answers to load and save. */
  stateQuery(): StateQuery;
  /** Extra fields for the save request (issuer, subject, source, template version, …). */
  saveFields(loaded: Loaded): Omit<SaveRequest, 'decisions' | 'catalog'>;
  /** The text the visitor is shown of a set of texts (recorded in receipts). */
  shown(texts: readonly LocalizedText[]): LocalizedText | undefined;
  /** Another catalog than the last one was loaded. */
  catalogChanged?(): void;
  /** Code the loaded form draws that loads on demand: the form is shown once it is in (no later shift). */
  parts?(): Promise<unknown> | undefined;
}

export type FormHost = ReactiveControllerHost & HTMLElement;

const NO_VALUE: Readonly<Record<string, boolean>> = Object.freeze({});

/**
 * The load, choices and save machinery of a consent form, without any drawing: it loads the
 * catalog, the stored answers and what the outbox holds; keeps the visitor's unsaved choices;
 * saves only what changed; follows the visitor's other tabs and queued saves; and fires the
 * form events on its host. The element draws what it exposes.
 */
export class ConsentFormController implements ReactiveController {
  readonly #host: FormHost;
  readonly #src: FormSource;
  #choices = new Map<string, boolean>();
  #save: SaveStatus = { kind: 'idle' };
  #receiptUrl?: string;
  #last?: Loaded;
  #saveAbort?: AbortController;
  /** Stops hearing the outbox of the scope last loaded. */
  #unwatch?: () => void;
  /** Per item, the newest save (intent order) heard of: what an older one says of it is out of date. */
  #newest = new Map<string, number>();
  /** Per item, when the visitor last changed it here, on the clock of saves' intent order. */
  readonly #chosenAt = new Map<string, number>();
  /** The decisions of this element's save under way: its own choices, not yet stored. */
  #saving: Decision[] = [];
  /** This element's saves under way at any time during the current load (one may end, refused, before it does). */
  #ownDuringLoad: Decision[] = [];
  /** Queued or refused decisions a newer save replaced since the current load started. */
  #replaced: Decision[] = [];
  /** Decisions saved (here or in other tabs) or queued since the current load started. */
  #heard: Decision[] = [];

  readonly loader: Task<readonly unknown[], Loaded>;

  constructor(host: FormHost, source: FormSource) {
    this.#host = host;
    this.#src = source;
    host.addController(this);
    this.loader = new Task<readonly unknown[], Loaded>(host, {
      args: () => [source.transport(), ...source.loadKeys()] as const,
      task: async ([tr], { signal }) => this.#load(tr as ConsentTransport | ConsentError, signal),
      onComplete: (loaded) => this.#loaded(loaded),
      onError: (e) => {
        if (!isAbort(e)) this.#fail(toConsentError(e), 'load');
      },
    });
  }

  /** Unsaved choices, item id → granted. */
  get choices(): ReadonlyMap<string, boolean> {
    return this.#choices;
  }

  /** `value` as last read, with the choices and load it was read from. */
  #value?: [ReadonlyMap<string, boolean>, Loaded, Readonly<Record<string, boolean>>];
  /** A value set and not yet shown (set before the load ended). */
  #pendingValue?: Readonly<Record<string, boolean>>;

  /**
   * Every active item's answer as shown (saved or not), item id → granted; `{}` until loaded.
   * The same object until an answer changes, so a framework comparing it does not loop.
   */
  get value(): Readonly<Record<string, boolean>> {
    const loaded = this.loaded;
    if (!loaded) return NO_VALUE;
    if (this.#value?.[0] !== this.#choices || this.#value[1] !== loaded)
      this.#value = [this.#choices, loaded, Object.freeze(Object.fromEntries(this.#shown(loaded).map((d) => [d.itemId, d.granted])))];
    return this.#value[2];
  }

  /** Every active item's answer as shown (saved or not), in the catalog's order. */
  #shown(loaded: Loaded): Decision[] {
    return allItems(loaded.catalog)
      .filter((i) => i.active)
      .map((i) => ({ itemId: i.id, granted: isGranted(i.id, loaded.stored, this.#choices) }));
  }

  /**
   * Sets answers as a program sets a form control's value: no events, nothing saved; ids the
   * catalog does not have and answers already shown are ignored. Before the load, kept for it.
   */
  setValue(value: Readonly<Record<string, boolean>>): void {
    this.#pendingValue = value;
    if (this.loaded) this.#showValue(this.loaded);
  }

  #showValue(loaded: Loaded) {
    const value = this.#pendingValue ?? {};
    this.#pendingValue = undefined;
    let next = this.#choices;
    for (const item of allItems(loaded.catalog)) {
      const granted = value[item.id];
      if (item.active && typeof granted === 'boolean' && isGranted(item.id, loaded.stored, next) !== granted) next = choose(next, item, granted);
    }
    if (next !== this.#choices) this.#set({ choices: next });
  }

  get save(): SaveStatus {
    return this.#save;
  }

  /** The receipt of the last confirmed save, as a downloadable file (with `configure({ receipt })`). */
  get receiptUrl(): string | undefined {
    return this.#receiptUrl;
  }

  /** What is shown: the last load, kept while a reload is under way. */
  get loaded(): Loaded | undefined {
    return this.loader.status === 'complete' ? this.loader.value : this.#last;
  }

  get loading(): boolean {
    return this.loader.status === 'pending' || this.loader.status === 'initial';
  }

  /** True while a save or a reload is under way (a reload may show a refused save). */
  get busy(): boolean {
    return this.#save.kind === 'saving' || this.loader.status === 'pending';
  }

  /** Whether an item is on: the visitor's choice, else what the provider holds. */
  isOn(item: ConsentItem, loaded: Loaded): boolean {
    return isGranted(item.id, loaded.stored, this.#choices);
  }

  /** What the page knows of the visitor's decisions follows what this form shows as held (loads, saves, the outbox, other tabs). */
  hostUpdated(): void {
    // (publish tells only what changed: cheap on every render. The scope from the catalog query:
    // the state query would read the visitor's id from storage each time.)
    const loaded = this.loaded;
    // (Not again for the same stored answers: a long catalog renders a slice at a time.)
    if (!loaded || loaded.stored === this.#published) return;
    this.#published = loaded.stored;
    publish(scopeKey(this.#src.catalogQuery()), loaded.stored);
  }

  /** The stored answers last told to the page. */
  #published?: ReadonlyMap<string, boolean>;

  hostDisconnected(): void {
    this.#saveAbort?.abort();
    this.#unwatch?.();
    this.#unwatch = undefined;
  }

  #set(next: { choices?: Map<string, boolean>; save?: SaveStatus }) {
    if (next.choices) this.#choices = next.choices;
    if (next.save) this.#save = next.save;
    this.#host.requestUpdate();
  }

  async #load(tr: ConsentTransport | ConsentError, signal: AbortSignal): Promise<Loaded> {
    if (tr instanceof ConsentError) throw tr;
    const q = this.#src.stateQuery();
    // Saves of the visitor's other tabs heard while this load is under way: its read may predate them.
    this.#heard = [];
    this.#replaced = [];
    this.#ownDuringLoad = [...this.#saving];
    this.#unwatch?.();
    this.#unwatch = tr.watch?.(q, this.#onQueue);
    const [catalog, state, queue] = await Promise.all([
      // Hostile or broken data beyond the limits is refused before anything walks or draws it.
      tr.loadCatalog(this.#src.catalogQuery(), signal).then(checkLimits),
      tr.loadState ? tr.loadState(q, signal) : Promise.resolve([]),
      tr.queued?.(q),
      this.#src.parts?.(),
    ]);
    // What waits in the outbox is what the visitor chose last: shown as chosen, and said to be queued.
    const held = toMap(state);
    // (Not this element's own saves made meanwhile: one refused must not look stored; one stored or queued is heard.)
    const mine = new Set(this.#ownDuringLoad.map(choiceKey));
    const pending = (queue?.pending ?? []).filter((d) => !mine.has(choiceKey(d)));
    const stored = applyDecisions(held, catalog, [...pending, ...this.#heard]);
    // A refused choice the provider holds after all, or one chosen again or replaced since, has nothing left to retry.
    const since = new Set(this.#heard.map((d) => d.itemId));
    const replaced = new Set(this.#replaced.map(choiceKey));
    if (queue?.failed.length)
      queue.failed = queue.failed.filter((d) => held.get(d.itemId) !== d.granted && !since.has(d.itemId) && !replaced.has(choiceKey(d)));
    // The provider's records, but not of items with a newer answer waiting or heard of.
    const records = new Map(state.flatMap((d) => (d.record ? [[d.itemId, d.record] as const] : [])));
    for (const d of [...pending, ...this.#heard]) records.delete(d.itemId);
    return { catalog, stored, records, queue };
  }

  #loaded(loaded: Loaded) {
    // The same catalog again (another language, a retry): the visitor's unsaved choices stay.
    if (this.#last?.catalog.source !== loaded.catalog.source) {
      this.#choices = new Map();
      this.#src.catalogChanged?.();
    }
    this.#last = loaded;
    const { queue } = loaded;
    // A save this visitor was told is queued was refused: not recorded. Their choice is back on screen.
    // (What the visitor chose since, on this page, stays: it is newer.)
    if (queue?.error && queue.failed.length) this.#choices = new Map([...toMap(queue.failed), ...this.#choices]);
    if (this.#pendingValue) this.#showValue(loaded);
    // (A save under way tells its own outcome, and then this. A refused save still on screen stays
    // so, even while other saves wait: "kept on this device" would be untrue of its choices.)
    const unsaved = this.#save.kind === 'error' && planDecisions(loaded.catalog, loaded.stored, this.#choices).length > 0;
    const status = this.#queueStatus(loaded);
    if (this.#save.kind !== 'saving') this.#save = status?.kind === 'error' || !unsaved ? (status ?? { kind: 'idle' }) : this.#save;
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => this.#host.dispatchEvent(new ConsentLoadEvent({ catalog: loaded.catalog })));
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
    const loaded = this.loaded;
    // Before the first load ends, too: it may have read the queue before this refusal.
    if (!loaded) return this.#refused(e);
    if (e.type === 'superseded' && e.remote) this.#forget(e.decisions, loaded);
    if (heard.length) {
      this.#apply(loaded, heard);
      // A choice made since in another tab is newer than one left unsaved here (a refused one shown
      // again); not one made here after it (the same save, heard pending and then confirmed).
      const older = e.remote ? heard.filter((d) => this.#choices.has(d.itemId) && (this.#chosenAt.get(d.itemId) ?? -Infinity) <= (e.seq ?? Infinity)) : [];
      if (older.length) {
        const ids = new Set(older.map((d) => d.itemId));
        this.#choices = new Map([...this.#choices].filter(([id]) => !ids.has(id)));
      }
      this.#host.requestUpdate();
    }
    if (sent) {
      if (this.#save.kind === 'queued') this.#set({ save: { kind: 'saved' } });
      // This page's own queued save, confirmed now: its receipt is made here, naming the wording shown here.
      const receipts = e.remote ? (e.receipts ?? []) : this.#named(loaded.catalog, e.receipts ?? []);
      if (!e.remote) void this.#receipt(loaded.catalog, e.decisions, receipts);
      this.#host.dispatchEvent(new ConsentSavedEvent({ decisions: e.decisions, receipts, queued: false }));
    } else if (queued) {
      this.#set({ save: { kind: 'queued', because: 'connection' } });
    } else this.#refused(e);
  };

  /**
   * A save refused for good: one this visitor was told is queued (they are told it was not
   * recorded), or another tab's shown here as pending. The provider's state and the queue are
   * read again, and a refused choice is shown with Retry.
   */
  #refused(e: QueueEvent) {
    if (e.type !== 'failed') return;
    const told = e.announced && e.error;
    if (told) {
      // Back on screen at once, not only when the reload ends: a Retry made meanwhile must send
      // them (unless the visitor chose those items again since).
      const back = e.decisions.filter((d) => !this.#choices.has(d.itemId) && this.#isNewest(d, e.seq));
      const loaded = this.loaded;
      if (back.length && loaded) {
        // Shown as kept while queued, they are not what the provider holds: unknown until the reload
        // reads it. (Left as stored, the choice would equal it: Retry would send nothing, and confirm it.)
        loaded.stored = new Map([...loaded.stored].filter(([id]) => !back.some((d) => d.itemId === id)));
        this.#set({ choices: new Map([...this.#choices, ...toMap(back)]) });
      }
      this.#host.dispatchEvent(new ConsentErrorEvent({ ...e.error!.toJSON(), operation: 'save', queued: false }));
    }
    if (told || e.remote) this.reload();
  }

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

  /** Loads the choices from the provider again. */
  reload(): void {
    void this.loader.run();
  }

  /** The visitor changed choices: `next` replaces them (see `choose`/`chooseAll` in model/decisions). */
  choose(next: Map<string, boolean>): void {
    const at = performance.timeOrigin + performance.now();
    for (const [id, granted] of next) if (this.#choices.get(id) !== granted) this.#chosenAt.set(id, at);
    this.#set({ choices: next, ...(this.#save.kind !== 'saving' ? { save: { kind: 'idle' } as const } : {}) });
    const loaded = this.loaded;
    if (!loaded) return;
    this.#host.dispatchEvent(new ConsentChangeEvent({ decisions: this.#shown(loaded), changes: planDecisions(loaded.catalog, loaded.stored, this.#choices) }));
    // As a form control does: `value` changed by the visitor (Vue's v-model and form libraries listen).
    this.#host.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }

  /** Accept all or reject all that is shown, and save. */
  async all(granted: boolean): Promise<void> {
    const loaded = this.loaded;
    if (!loaded) return;
    this.choose(chooseAll(this.#choices, visibleGroups(loaded.catalog).flatMap((g) => g.items), granted));
    return this.saveChoices();
  }

  /** Saves the visitor's current choices: only what differs from what the provider holds. */
  async saveChoices(): Promise<void> {
    const loaded = this.loaded;
    const transport = this.#src.transport();
    if (!loaded || this.#save.kind === 'saving') return;
    const decisions = planDecisions(loaded.catalog, loaded.stored, this.#choices);
    if (decisions.length === 0) return this.#set({ save: { kind: 'nothing' } });
    if (!this.#host.dispatchEvent(new ConsentSubmitEvent({ decisions }))) return;
    if (transport instanceof ConsentError || !transport.saveDecisions) {
      const e = transport instanceof ConsentError ? transport : new ConsentError('unsupported', `The ${transport.name} transport cannot save decisions.`);
      return this.#fail(e, 'save');
    }
    this.#set({ save: { kind: 'saving' } });
    this.#saveAbort = new AbortController();
    const confirms = this.#confirms(loaded);
    this.#saving = decisions;
    this.#ownDuringLoad.push(...decisions);
    try {
      const receipts = await transport.saveDecisions(
        { ...this.#src.saveFields(loaded), decisions, confirms, catalog: loaded.catalog, eventTime: Date.now() },
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
      this.#choices = new Map([...this.#choices].filter(([id]) => !answered.has(id)));
      const refused = this.#queueStatus(this.loaded);
      this.#set({ save: refused?.kind === 'error' ? refused : waiting ? { kind: 'queued', because: waiting.queuedBecause ?? 'connection' } : { kind: 'saved' } });
      const named = this.#named(loaded.catalog, receipts);
      if (!queued) void this.#receipt(loaded.catalog, decisions, named);
      this.#host.dispatchEvent(new ConsentSavedEvent({ decisions, receipts: named, queued }));
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

  #fail(error: ConsentError, operation: 'load' | 'save') {
    if (operation === 'save') this.#set({ save: { kind: 'error', error } });
    this.#host.dispatchEvent(new ConsentErrorEvent({ ...error.toJSON(), operation }));
  }

  /**
   * Another tab's newer save replaced these queued or refused choices: shown here unsaved (a
   * refused save put back on screen), they are no longer the visitor's latest. Unless this
   * page's own save under way carries them (two tabs retrying one refused save: this one's is
   * the newer): should it be refused, Retry must still send them.
   */
  #forget(decisions: Decision[], loaded: Loaded) {
    const own = new Set(this.#saving.map(choiceKey));
    const gone = new Set(decisions.map(choiceKey).filter((k) => !own.has(k)));
    const kept = [...this.#choices].filter(([itemId, granted]) => !gone.has(choiceKey({ itemId, granted })));
    if (kept.length === this.#choices.size) return;
    this.#choices = new Map(kept);
    if (this.#save.kind === 'error' && planDecisions(loaded.catalog, loaded.stored, this.#choices).length === 0) this.#save = { kind: 'idle' };
    this.#host.requestUpdate();
  }

  /** What the outbox says of this scope: a refused save still shown, or saves waiting. */
  #queueStatus(loaded: Loaded | undefined): SaveStatus | undefined {
    const queue = loaded?.queue;
    if (queue?.error && queue.failed.some((d) => this.#choices.get(d.itemId) === d.granted)) return { kind: 'error', error: queue.error };
    return queue?.pending.length ? { kind: 'queued', because: 'connection' } : undefined;
  }

  /** Choices the visitor left equal to what the provider holds: they outdate older queued or refused saves of those items. */
  #confirms(loaded: Loaded): Decision[] {
    return [...this.#choices].filter(([id, granted]) => isGranted(id, loaded.stored, new Map()) === granted).map(([itemId, granted]) => ({ itemId, granted }));
  }

  /** Keeps a receipt of a confirmed save; with receipt settings configured, the visitor may download it. */
  async #receipt(catalog: ConsentCatalog, decisions: Decision[], receipts: Receipt[]) {
    // Loaded at the first save: a page pays for the device store (IndexedDB) only when it saves.
    // Made in a task of its own: a receipt of 1,000 answers, stored, is not part of showing the save.
    await new Promise((r) => setTimeout(r));
    const tag = this.#host.localName;
    const receipt = await recordReceipt({ catalog, decisions, receipts, shown: (t) => this.#src.shown(t), subject: this.#src.stateQuery().subject, tag, settings: getDefaults().receipt });
    if (!getDefaults().receipt) return;
    if (this.#receiptUrl) URL.revokeObjectURL(this.#receiptUrl);
    this.#receiptUrl = URL.createObjectURL(new Blob([JSON.stringify(receipt, null, 2)], { type: 'application/json' }));
    this.#host.requestUpdate();
  }

  /** Receipts naming the wording the visitor was shown for each item, where the provider keeps one (its id and version). */
  #named(catalog: ConsentCatalog, receipts: Receipt[]): Receipt[] {
    const items = itemIndex(catalog);
    return receipts.map((r) => {
      const shown = this.#src.shown(items.get(r.itemId)?.texts ?? []);
      return shown?.id ? { ...r, textId: shown.id, ...(shown.version ? { textVersion: shown.version } : {}) } : r;
    });
  }

  /** Records what the provider now holds, in what is shown now (a load may have ended during the save). */
  #stored(decisions: Decision[]) {
    // A load under way may have read the state before: it applies these when it ends.
    this.#heard.push(...decisions);
    const loaded = this.loaded;
    if (loaded && decisions.length) this.#apply(loaded, decisions);
  }

  /** Stored answers now: the provider's older records of those items no longer describe them. */
  #apply(loaded: Loaded, decisions: readonly Decision[]) {
    loaded.stored = applyDecisions(loaded.stored, loaded.catalog, decisions);
    for (const d of decisions) loaded.records.delete(d.itemId);
  }
}
