import { html, nothing, type TemplateResult, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ConsentFormElement, type Loaded } from '../../internal/consent-form-element.js';
import { formStyles, formTokens } from '../../internal/form.styles.js';
import { themeStyles } from '../../internal/theme.js';
import type { PrivacyRights } from '../../internal/privacy-rights.js';
import { loadPrivacyRights } from '../../internal/privacy-rights.load.js';
import type { CatalogQuery, ConsentGroupModel, ConsentItem, StateQuery } from '../../model/types.js';
import { styles } from './consent-group-picker.styles.js';

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
 * @csspart privacy - The privacy-rights buttons (with `privacy-rights`).
 * @csspart privacy-access - "Request a copy of my data".
 * @csspart privacy-erasure - "Ask to delete my data".
 * @csspart privacy-dialog - The dialog that says what a request does before it is sent.
 * @csspart privacy-send - The dialog's "Send request" button.
 * @csspart privacy-status - Whether the request was sent.
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
 * @fires {PrivacyRequestEvent} privacy-request - The provider opened the visitor's privacy request. `detail.right` (`access`, `erasure`), `detail.accepted`, `detail.receiptSent`.
 * @fires {ConsentErrorEvent} consent-error - Loading or saving failed. `detail.code`, `detail.status`, `detail.message`, `detail.retryable`.
 */
export class ConsentGroupPicker extends ConsentFormElement {
  static override properties: PropertyDeclarations = {
    issuer: {},
    privacyRights: { type: Boolean, attribute: 'privacy-rights' },
  };

  static override styles = [formTokens('picker'), formStyles, themeStyles, styles];

  /** The provider's issuer id (Connect: the company that asks for consent). */
  issuer?: string;

  /**
   * Offer the visitor their privacy rights: a copy of their data, and its erasure (Connect
   * Access / Remove private data, for a signed-in reader; or the host backend's `privacy/…`).
   * Shown only where the transport takes such requests.
   */
  privacyRights = false;

  #privacy?: PrivacyRights;
  #privacyLoad?: Promise<void>;

  protected loadKeys() {
    const s = this.visitor();
    return [this.issuer, s.id, s.type];
  }

  protected catalogQuery(): CatalogQuery {
    return { issuer: this.issuer, onlyActive: true };
  }

  protected stateQuery(): StateQuery {
    return { issuer: this.issuer, subject: this.visitor() };
  }

  protected saveFields() {
    return { issuer: this.issuer, subject: this.visitor() };
  }

  // Most pages never offer privacy rights: their buttons and dialog load when `privacy-rights` is set.
  protected override loadParts(): Promise<void> | undefined {
    if (!this.privacyRights) return undefined;
    return (this.#privacyLoad ??= loadPrivacyRights().then(
      ({ PrivacyRights }) => {
        this.#privacy = new PrivacyRights(this, () => this.transports.value);
        this.requestUpdate();
      },
      (e: unknown) => console.warn('consent-elements: the privacy-rights buttons could not be loaded, so none are shown.', e),
    ));
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Set after the load: drawn once its code is in.
    if (changed.has('privacyRights')) void this.loadParts();
  }

  protected override renderMore() {
    return (this.privacyRights && this.#privacy?.render()) || nothing;
  }

  protected renderGroup(group: ConsentGroupModel, loaded: Loaded) {
    return this.renderFieldset(group, loaded, group.items.map((i) => this.#renderItem(i, loaded, false)));
  }

  #renderItem(item: ConsentItem, loaded: Loaded, parentOff: boolean): TemplateResult {
    const text = this.text(item.texts);
    const off = parentOff || !this.isOn(item, loaded);
    return html`<li part="item" class="item" data-item=${item.id}>
      <label>
        ${this.renderCheckbox(item, loaded, parentOff, text)}
        <span part="item-title" class="item-text" dir="auto" lang=${text?.lang ?? nothing}>${text?.title ?? item.id}</span>
      </label>
      ${this.renderItemDescription(item, text)}
      ${this.renderItemRecord(item, loaded)}
      ${item.children?.length ? html`<ul role="list">${item.children.map((c) => this.#renderItem(c, loaded, off))}</ul>` : nothing}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'consent-group-picker': ConsentGroupPicker;
  }
}
