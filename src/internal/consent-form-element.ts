import { msg } from '../i18n/localization.js';
import { str } from '../i18n/str.js';
import { html, noChange, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { countItems, firstItems, undecidedItems, visibleGroups } from '../model/catalog.js';
import { choose, chooseAll, groupState } from '../model/decisions.js';
import { flattenItems } from '../model/tree.js';
import { toConsentError } from '../model/errors.js';
import type { CatalogQuery, ConsentGroupModel, ConsentItem, LocalizedText, SaveRequest, StateQuery } from '../model/types.js';
import { ConsentElement } from './consent-element.js';
import { ConsentFormController, type Loaded } from './consent-form-controller.js';
import { errorMessage } from './messages.js';
import { SavedBus } from './saved-bus.js';

export type { Loaded } from './consent-form-controller.js';

const stopInput = (e: Event) => e.stopPropagation();

/**
 * Items in the first slice: more than a screen holds (16 reach about 1,050 px down, at 1280 and
 * 390 px wide), and no more: the first slice also pays for the templates' first use.
 */
const FIRST_BATCH = 16;
/**
 * Time a later slice may take to draw (ms). Its task takes more (garbage collection, the
 * update's own work) and the pace of drawing varies threefold from slice to slice: it stays
 * under the 50 ms of a long task.
 */
const SLICE_MS = 12;

/**
 * Items in the next slice of a huge catalog, from how long the last one took to draw: as many
 * as fit in SLICE_MS at that pace (a slow phone draws fewer per task), at most half as many
 * again as the last (one quick slice is no promise), at least 10.
 */
export const nextSlice = (last: number, tookMs: number): number =>
  Math.max(10, Math.min(Math.ceil(1.5 * last), Math.floor((last * SLICE_MS) / Math.max(tookMs, 0.1))));

/**
 * How every consent form element draws: the states (loading, ready, empty, error, saving,
 * saved), groups with their toggles and checkboxes, the three equal buttons. Loading, choices
 * and saving are the `form` controller's. An element adds its own attributes, its queries and
 * how it draws a group.
 */
export abstract class ConsentFormElement extends ConsentElement {
  static override properties: PropertyDeclarations = {
    fallbackLang: { attribute: 'fallback-lang' },
    source: {},
    drawn: { state: true },
  };

  /** Language of the texts shown when none is in a wanted language (before the first text there is). Default: `configure({ fallbackLang })`, then `en`. */
  fallbackLang?: string;

  /** Recorded with every decision as where it came from (Connect `source`). */
  source = 'Web';

  /** Items drawn so far: a huge catalog is drawn a slice per task (see `firstItems`). */
  private drawn = FIRST_BATCH;
  #complete = true;
  #drawing = false;
  /** The first slice of a huge catalog is drawn in a task after the load's (which parsed and checked it all). */
  #loadYielded = false;
  /** Items in the slice being drawn, and when its render began. */
  #slice = FIRST_BATCH;
  #sliceStarted = 0;
  /** Groups whose lists the browser skips, off screen (`content-visibility: auto`). */
  #offscreen = new Set<string>();
  /** What each group was last drawn from. */
  #drawnFrom = new Map<string, unknown[]>();
  /**
   * What the list's part at each position last drew (see `#drawFrom`); empty while no list is
   * shown. As Lit's `guard` does: with its directive classes, 0.08 KB more for every visitor.
   */
  #drawnAt: unknown[][] = [];
  /** Groups off screen show what they showed before: a later task draws them (see `#drawFrom`). */
  #behind = false;
  /** Items of groups off screen that may still be drawn again in this task. */
  #budget = FIRST_BATCH;
  /** What each list of items showed (see `#shows`), with the answers and choices it was worked out from. */
  #showing = new WeakMap<readonly ConsentItem[], unknown[]>();

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

  /** Loading, the visitor's choices and saving. */
  protected readonly form = new ConsentFormController(this, {
    transport: () => this.transports.value,
    loadKeys: () => this.loadKeys(),
    catalogQuery: () => this.catalogQuery(),
    stateQuery: () => this.stateQuery(),
    saveFields: (loaded) => ({ ...this.saveFields(loaded), source: this.source }),
    shown: (texts) => this.text(texts),
    parts: () => this.loadParts(),
    catalogChanged: () => {
      this.drawn = this.#slice = FIRST_BATCH;
      this.#loadYielded = false;
      // (Lists drawn again for other groups tell only when their state changes: taken as in view.)
      this.#drawnFrom.clear();
      this.#offscreen.clear();
    },
  });

  /** Another element on the page saved: what the provider holds may have changed. */
  protected readonly savedElsewhere = new SavedBus(this, (e) => {
    if (e.target !== this && this.form.loaded) this.reload();
  });

  /** Loads the choices from the provider again. */
  reload(): void {
    this.form.reload();
  }

  /** Saves the visitor's current choices: only what differs from what the provider holds. */
  saveChoices(): Promise<void> {
    return this.form.saveChoices();
  }

  /** Grants (`true`) or refuses everything shown and saves, as "Accept all" and "Reject all" do. */
  chooseAll(granted: boolean): Promise<void> {
    return this.form.all(granted);
  }

  /**
   * The visitor's answers as shown (saved or not), item id → granted, for `v-model` and form
   * libraries; `input` fires when the visitor changes one. Setting it changes the answers shown
   * (unknown ids ignored) without saving; "Save choices" or `saveChoices()` sends them.
   */
  get value(): Readonly<Record<string, boolean>> {
    return this.form.value;
  }
  set value(value: Readonly<Record<string, boolean>>) {
    this.form.setValue(value);
  }

  /**
   * The consents shown that the visitor has not decided (the provider holds no answer and none
   * waits to be sent), with their titles in the page language; empty until loaded.
   */
  get undecided(): { id: string; title: string }[] {
    const loaded = this.form.loaded;
    return loaded ? undecidedItems(loaded.catalog, loaded.stored).map((i) => ({ id: i.id, title: this.text(i.texts)?.title ?? i.id })) : [];
  }

  /** Shown above the groups once loaded (e.g. a template's question). */
  protected renderIntro(_loaded: Loaded): unknown {
    return nothing;
  }

  /** What of `renderMore` loads on demand, started with the load: the form is shown once both are in. */
  protected loadParts(): Promise<unknown> | undefined {
    return undefined;
  }

  /** Shown below the buttons once loaded (e.g. the picker's privacy rights). */
  protected renderMore(): unknown {
    return nothing;
  }

  override render() {
    this.#sliceStarted = performance.now();
    const { loaded, loading, save, receiptUrl } = this.form;
    const all = loaded ? visibleGroups(loaded.catalog) : [];
    const { groups, complete } = firstItems(all, this.drawn);
    this.#complete = complete;
    // A huge catalog just loaded stays a skeleton until the next task (see `updated`).
    const shown = loaded && (complete || this.#loadYielded) ? loaded : undefined;
    const from = shown ? this.#drawFrom(groups, shown) : [];
    // A list not drawn loses its parts: drawn in full when it comes back.
    if (!shown || !groups.length) this.#drawnAt = [];
    else this.#drawnAt.length = groups.length;
    // The checkboxes' own `input` events stop here: the element fires its own once `value` has changed.
    // Buttons and messages are in the UI language (English where the page's has no translation);
    // the provider's texts inside say their own.
    return html`<div part="base" lang=${this.uiLocale} aria-busy=${loading || this.busy ? 'true' : 'false'} @input=${stopInput}>
      <slot name="heading"></slot>
      ${loaded ? this.renderIntro(loaded) : nothing}
      ${this.form.loader.status === 'error' ? this.#renderError('load') : nothing}
      ${shown ? this.#renderLoaded(shown, groups, from) : loading || loaded ? this.#renderSkeleton() : nothing}
      <p part="status" class=${save.kind === 'saved' || save.kind === 'queued' ? 'saved' : ''} role="status" aria-live="polite">${this.#statusText(loading)}</p>
      ${save.kind === 'saved' && receiptUrl
        ? html`<a part="receipt" href=${receiptUrl} download="consent-receipt.json">${msg('Download a receipt of your choices (JSON)')}</a>`
        : nothing}
      ${save.kind === 'error' ? this.#renderError('save') : nothing}
      <slot name="footer"></slot>
    </div>`;
  }

  /**
   * True while a save or a reload is under way (a reload may show a refused save), or a huge
   * catalog is still being drawn: controls are disabled.
   */
  protected get busy(): boolean {
    return this.form.busy || !this.#complete || this.#behind;
  }

  protected override get settled(): boolean {
    return !!this.form.loaded && this.#complete && !this.#behind;
  }

  protected override get failed(): boolean {
    return this.form.loader.status === 'error';
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The next slice after the browser had a chance to paint and take input (not rAF: it stops in hidden tabs).
    if ((this.#complete && !this.#behind) || this.#drawing) return;
    const first = !this.#loadYielded;
    if (!first) this.#slice = nextSlice(this.#slice, performance.now() - this.#sliceStarted);
    this.#drawing = true;
    setTimeout(() => {
      this.#drawing = false;
      if (first) this.#loadYielded = true;
      else if (!this.#complete) this.drawn += this.#slice;
      this.#budget = this.#slice;
      this.requestUpdate();
    });
  }

  protected isOn(item: ConsentItem, loaded: Loaded): boolean {
    return this.form.isOn(item, loaded);
  }

  /**
   * A group as a fieldset: its title, description and toggle, then `items`. `toggleLabel` is
   * "All" beside per-item boxes, or "Allow" when the toggle is the group's only control.
   */
  protected renderFieldset(group: ConsentGroupModel, loaded: Loaded, items: unknown, o: { className?: string; toggleLabel?: string } = {}) {
    const text = this.text(group.texts);
    // A group without a title of its own (SuperOffice's one list of purposes) is never shown by its id.
    const title = text?.title ?? msg('Your consents');
    const descId = `g-${group.id}-desc`;
    return html`<fieldset part="group" class=${o.className ?? nothing} data-group=${group.id} aria-describedby=${text?.description ? descId : nothing}>
      <legend part="group-title" dir="auto" lang=${text?.lang ?? nothing}>${title}</legend>
      <div class="group-head">
        ${text?.description ? html`<p part="group-description" id=${descId} dir="auto" lang=${text.lang}>${text.description}</p>` : html`<span></span>`}
        ${this.#renderGroupToggle(group, title, loaded, o.toggleLabel ?? msg('All'))}
      </div>
      <ul role="list" @contentvisibilityautostatechange=${this.#skipped}>
        ${items}
      </ul>
    </fieldset>`;
  }

  /** An item's description, when it has one (its id is what the checkbox is described by). */
  protected renderItemDescription(item: ConsentItem, text: LocalizedText | undefined) {
    return text?.description ? html`<p part="item-description" id=${`i-${item.id}-desc`} dir="auto" lang=${text.lang}>${text.description}</p>` : nothing;
  }

  /**
   * What the provider's record says of an item, where it keeps one (SuperOffice): when and where
   * it was given or withdrawn, or that the data is processed on another legal basis. On
   * legitimate interest the visitor may object: their "no" is then sent at Save.
   */
  protected renderItemRecord(item: ConsentItem, loaded: Loaded) {
    const r = loaded.records.get(item.id);
    if (!r) return nothing;
    const date = r.at ? new Intl.DateTimeFormat(this.langs()[0], { dateStyle: 'medium' }).format(r.at) : '';
    const source = r.source ? msg(str`Recorded via ${r.source}.`) : '';
    const basis =
      r.basis === 'consent'
        ? date && msg(str`Given on ${date}.`)
        : r.basis === 'withdrawn'
          ? date && msg(str`Withdrawn on ${date}.`)
          : r.basis === 'legitimate-interest'
            ? date
              ? msg(str`Processed on legitimate interest since ${date}, not on your consent.`)
              : msg('Processed on legitimate interest, not on your consent.')
            : r.basisName && msg(str`Legal basis: ${r.basisName}.`);
    const objecting = r.basis === 'legitimate-interest' && this.form.choices.get(item.id) === false;
    return html`<p part="record" class="record" data-basis=${r.basis} dir="auto">
      <span id=${`i-${item.id}-record`}>${[basis, source].filter(Boolean).join(' ')}</span>
      ${r.basis !== 'legitimate-interest'
        ? nothing
        : objecting
          ? html`<span part="objection">${msg('Your objection is sent when you save.')}</span>`
          : html`<button
              part="button object"
              @click=${() => this.form.choose(choose(this.form.choices, item, false))}
            >${msg('Object to this processing')}</button>`}
    </p>`;
  }

  /** The checkbox of one item; children are disabled while an ancestor is off. */
  protected renderCheckbox(item: ConsentItem, loaded: Loaded, parentOff: boolean, text: LocalizedText | undefined) {
    return html`<input
      type="checkbox"
      data-item-input=${item.id}
      .checked=${this.isOn(item, loaded) && !parentOff}
      ?disabled=${parentOff}
      aria-describedby=${[text?.description && `i-${item.id}-desc`, loaded.records.has(item.id) && `i-${item.id}-record`].filter(Boolean).join(' ') || nothing}
      @change=${(e: Event) => this.form.choose(choose(this.form.choices, item, (e.target as HTMLInputElement).checked))}
    />`;
  }

  #renderGroupToggle(group: ConsentGroupModel, title: string, loaded: Loaded, label: string) {
    const state = groupState(group.items, loaded.stored, this.form.choices);
    return html`<label part="group-toggle" class="group-toggle">
      <input
        type="checkbox"
        data-group-toggle=${group.id}
        aria-label=${msg(str`${label}: ${title}`)}
        .checked=${state === 'all'}
        .indeterminate=${state === 'some'}
        @change=${(e: Event) => this.form.choose(chooseAll(this.form.choices, group.items, (e.target as HTMLInputElement).checked))}
      /><span>${label}</span>
    </label>`;
  }

  /**
   * What a group's items show, as a string: on or off, and a record with the visitor's objection.
   * A save that stores what was shown changes none of it, so draws nothing again.
   */
  #shows(items: readonly ConsentItem[], loaded: Loaded): string {
    // Worked out again only when the answers or choices changed (not at each slice of a huge catalog).
    const key = [loaded.stored, loaded.records, this.form.choices];
    const last = this.#showing.get(items);
    if (last && key.every((k, i) => k === last[i])) return last[3] as string;
    let out = '';
    for (const i of flattenItems(items)) {
      const r = loaded.records.get(i.id);
      out += `${+this.isOn(i, loaded)}${r ? `${r.basis}${this.form.choices.get(i.id)}` : ''},`;
    }
    this.#showing.set(items, [...key, out]);
    return out;
  }

  /** A group's list left or came back on screen: one coming back is drawn now if it shows older answers. */
  #skipped = (e: Event) => {
    const id = (e.currentTarget as HTMLElement).parentElement!.dataset.group!;
    if ((e as Event & { skipped: boolean }).skipped) this.#offscreen.add(id);
    else if (this.#offscreen.delete(id) && this.#behind) this.requestUpdate();
  };

  /**
   * What each group is drawn from: what it shows now, or, for a group off screen, what it was last
   * drawn from once `budget` items were drawn again in this task. "Accept all" on a huge
   * catalog draws what is in view at once and the rest a slice per task, never in one long task.
   */
  #drawFrom(groups: readonly ConsentGroupModel[], loaded: Loaded): unknown[][] {
    const langs = [...this.langs(), this.language.fallback()].join();
    // The UI strings drawn: a translation arriving draws the groups again.
    const strings = this.language.translation();
    // A new change draws a first slice in the task that made it; later tasks a slice each (see `updated`).
    if (!this.#behind) this.#budget = FIRST_BATCH;
    this.#behind = false;
    return groups.map((g) => {
      let from: unknown[] = [g, loaded, langs, strings, this.#shows(g.items, loaded)];
      const last = this.#drawnFrom.get(g.id);
      if (last && this.#offscreen.has(g.id) && from.some((v, i) => v !== last[i])) {
        const n = countItems(g.items);
        if (n > this.#budget) (from = last), (this.#behind = true);
        else this.#budget -= n;
      }
      this.#drawnFrom.set(g.id, from);
      return from;
    });
  }

  #renderSkeleton() {
    return html`<div part="skeleton" class="skeleton" aria-hidden="true">
      <div class="bone"></div>
      <div class="bone wide"></div>
      <div class="bone wide"></div>
    </div>`;
  }

  #renderLoaded(loaded: Loaded, groups: ConsentGroupModel[], from: unknown[][]) {
    if (groups.length === 0) return html`<p part="empty">${msg('There is nothing to choose here right now.')}</p>`;
    // One disabled fieldset disables every control inside while busy, so that a save or the last
    // slice of a huge catalog touches one attribute, not every checkbox. It draws no box
    // (`display: contents`): a fieldset's box is laid out whole at every change, so each slice
    // of a huge catalog would lay out every group again. A group is drawn again only when what
    // it is drawn from changed (see `#drawFrom`).
    // While busy the buttons refuse clicks but stay focusable (not `disabled`): the button a
    // keyboard user pressed keeps the focus through the save, instead of dropping it to <body>.
    const busy = this.busy ? 'true' : nothing;
    return html`<fieldset class="controls" role="none" ?disabled=${this.busy}>
        <div class=${this.#complete && this.drawn <= FIRST_BATCH ? 'groups' : 'groups long'}>
          ${groups.map((g, i) => {
            // Drawn from the same as last time at this place: left as it is.
            const last = this.#drawnAt[i];
            this.#drawnAt[i] = from[i]!;
            return last && from[i]!.every((v, k) => v === last[k]) ? noChange : this.renderGroup(g, loaded);
          })}
        </div>
      </fieldset>
      <div part="actions">
        <button part="button reject-all" aria-disabled=${busy} @click=${() => this.busy || this.form.all(false)}>${msg('Reject all')}</button>
        <button part="button accept-all" aria-disabled=${busy} @click=${() => this.busy || this.form.all(true)}>${msg('Accept all')}</button>
        <button part="button save" aria-disabled=${busy} @click=${() => this.busy || this.saveChoices()}>${msg('Save choices')}</button>
      </div>
      ${this.renderMore()}`;
  }

  #renderError(operation: 'load' | 'save') {
    const { save, loader } = this.form;
    const error = operation === 'save' && save.kind === 'error' ? save.error : toConsentError(loader.error);
    return html`<div part="error" role="alert">
      <span>${operation === 'save' ? msg('Your choices were not saved.') : msg('Your choices could not be loaded.')}
        ${errorMessage(error.code)}</span>
      ${(error.code === 'config' || error.code === 'unsupported') && !error.retryable
        ? nothing
        : html`<button part="button retry" @click=${() => (operation === 'save' ? this.saveChoices() : this.reload())}>${msg('Retry')}</button>`}
    </div>`;
  }

  #statusText(loading: boolean): string {
    const { save, loaded } = this.form;
    if (loading && !loaded) return msg('Loading your choices…');
    switch (save.kind) {
      case 'saving':
        return msg('Saving…');
      case 'saved':
        return msg('Your choices are saved.');
      case 'queued':
        return save.because === 'provider'
          ? msg('The consent service is busy. Your choices are kept on this device and will be sent shortly.')
          : msg('Your choices are kept on this device and will be sent as soon as the connection is back.');
      case 'nothing':
        return msg('Nothing has changed since you last saved.');
      default:
        return '';
    }
  }
}
