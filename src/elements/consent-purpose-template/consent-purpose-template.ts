import { msg } from '../../i18n/localization.js';
import { str } from '../../i18n/str.js';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { ConsentFormElement, type Loaded } from '../../internal/consent-form-element.js';
import { formStyles, formTokens } from '../../internal/form.styles.js';
import { themeStyles } from '../../internal/theme.js';
import type { CatalogQuery, ConsentGroupModel, ConsentItem, ProviderScope, StateQuery } from '../../model/types.js';
import { styles } from './consent-purpose-template.styles.js';

/**
 * Shows a consent template — its question, purpose groups and purposes — and saves the
 * visitor's answer per purpose.
 *
 * Presentation: a group whose display type is `Binary` is one yes/no (its "Allow" box sets every
 * purpose in it; the purposes are listed, not chosen one by one). Any other display type gives
 * each purpose its own checkbox plus the group's "All" box. The consent type does not change
 * the presentation: nothing is ever pre-ticked unless the visitor's stored answer says so.
 * Deleted groups and purposes are not shown; purposes are ordered by their position.
 *
 * @summary Answer a consent template's purposes, group by group.
 * @tag consent-purpose-template
 *
 * @slot heading - Shown above the template, e.g. a title.
 * @slot footer - Shown below the buttons, e.g. a link to the privacy policy.
 *
 * @csspart base - The wrapper around everything.
 * @csspart intro - The template's question and explanation.
 * @csspart question - The template's question.
 * @csspart explanation - The template's explanation.
 * @csspart group - A purpose group (`fieldset`).
 * @csspart group-title - The group's description (`legend`).
 * @csspart group-description - The group's explanation.
 * @csspart group-toggle - The group's "All" or "Allow" checkbox.
 * @csspart item - One purpose.
 * @csspart item-title - A purpose's name.
 * @csspart item-description - What the purpose is for.
 * @csspart facts - The purpose's data, third party and sensitivity.
 * @csspart data-use - The personal data used.
 * @csspart third-party - The third party the data is disclosed to.
 * @csspart sensitive - The sensitive-data badge.
 * @csspart link - The "More about this" link (only for http and https addresses).
 * @csspart withdraw-link - The "How to withdraw" link (a purpose's `TerminationURI`, only for http and https addresses).
 * @csspart actions - The row of buttons.
 * @csspart button - Every button.
 * @csspart accept-all - The "Accept all" button.
 * @csspart reject-all - The "Reject all" button.
 * @csspart save - The "Save choices" button.
 * @csspart status - The polite status line (loading, saving, saved).
 * @csspart error - The error box with its Retry button.
 * @csspart retry - The Retry button.
 * @csspart empty - Shown when the template has nothing to choose.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop [--consent-template-color] - Text colour. Falls back to `--consent-color-text`.
 * @cssprop [--consent-template-background] - Background. Falls back to `--consent-color-background`.
 * @cssprop [--consent-template-muted-color] - Explanations and status. Falls back to `--consent-color-muted`.
 * @cssprop [--consent-template-border-color] - Group borders. Falls back to `--consent-color-border`.
 * @cssprop [--consent-template-accent-color] - Checkboxes, buttons, links, focus. Falls back to `--consent-color-accent`.
 * @cssprop [--consent-template-danger-color] - Errors. Falls back to `--consent-color-danger`.
 * @cssprop [--consent-template-badge-color] - The sensitive-data badge.
 * @cssprop [--consent-template-radius=0.5rem] - Corner radius. Falls back to `--consent-radius`.
 * @cssprop [--consent-template-gap=0.75rem] - Space between parts. Falls back to `--consent-gap`.
 * @cssprop [--consent-template-font=inherit] - Font shorthand. Falls back to `--consent-font`.
 * @cssprop [--consent-template-min-height=12rem] - Height reserved while loading.
 * @cssprop [--consent-template-focus-ring] - Outline of focused controls. Falls back to `--consent-focus-ring`.
 * @cssprop [--consent-template-button-color] - Button text colour.
 * @cssprop [--consent-template-button-background=transparent] - Button background.
 * @cssprop [--consent-template-button-border-color] - Button border colour.
 *
 * @fires {ConsentLoadEvent} consent-load - The template is loaded and shown. `detail.catalog` (with `version`).
 * @fires {ConsentChangeEvent} consent-change - The visitor changed a choice (not saved yet). `detail.decisions`, `detail.changes`.
 * @fires {ConsentSubmitEvent} consent-submit - About to save; cancelable. `detail.decisions`.
 * @fires {ConsentSavedEvent} consent-saved - The provider confirmed. `detail.receipts` carry the template `version`.
 * @fires {ConsentErrorEvent} consent-error - Loading or saving failed. `detail.code`, `detail.status`, `detail.message`, `detail.retryable`.
 */
export class ConsentPurposeTemplate extends ConsentFormElement {
  static override properties: PropertyDeclarations = {
    clientId: { attribute: 'client-id' },
    serviceId: { attribute: 'service-id' },
    templateId: { attribute: 'template-id' },
  };

  static override styles = [formTokens('template'), formStyles, themeStyles, styles];

  /** Consentua client id. */
  clientId?: string;

  /** Consentua service id. */
  serviceId?: string;

  /** Which of the service's templates to show. Default: the first one. */
  templateId?: string;

  protected loadKeys() {
    // Consentua sends a template in one language: another language is another load.
    return [this.clientId, this.serviceId, this.templateId, this.visitor().id, this.langs()[0]];
  }

  #scope(): ProviderScope {
    return { clientId: this.clientId, serviceId: this.serviceId, templateId: this.templateId };
  }

  protected catalogQuery(): CatalogQuery {
    return { ...this.#scope(), lang: this.langs()[0], onlyActive: true };
  }

  protected stateQuery(): StateQuery {
    return { ...this.#scope(), subject: this.visitor() };
  }

  protected saveFields() {
    return { ...this.#scope(), subject: this.visitor() };
  }

  protected override renderIntro({ catalog }: Loaded) {
    const text = catalog.texts ? this.text(catalog.texts) : undefined;
    if (!text?.title && !text?.description) return nothing;
    return html`<div part="intro">
      ${text.title ? html`<p part="question" dir="auto" lang=${text.lang}>${text.title}</p>` : nothing}
      ${text.description ? html`<p part="explanation" dir="auto" lang=${text.lang}>${text.description}</p>` : nothing}
    </div>`;
  }

  protected renderGroup(group: ConsentGroupModel, loaded: Loaded) {
    // Consent is given per purpose (EDPB 05/2020): a group's one yes/no only where it holds one
    // purpose; otherwise a box per purpose, and the group's own box allows or refuses them all.
    const binary = group.display === 'binary' && group.items.length === 1;
    const items = group.items.map((i) => this.#renderPurpose(i, loaded, binary));
    return this.renderFieldset(group, loaded, items, binary ? { className: 'binary', toggleLabel: msg('Allow') } : {});
  }

  #renderPurpose(item: ConsentItem, loaded: Loaded, binary: boolean) {
    const text = this.text(item.texts);
    const title = html`<span part="item-title" class="item-text purpose-title" dir="auto" lang=${text?.lang ?? nothing}>${text?.title ?? item.id}</span>`;
    return html`<li part="item" class="item" data-item=${item.id}>
      ${binary ? title : html`<label>${this.renderCheckbox(item, loaded, false, text)}${title}</label>`}
      ${this.renderItemDescription(item, text)}
      ${this.renderItemRecord(item, loaded)}
      ${this.#renderFacts(item)}
    </li>`;
  }

  #renderFacts({ info }: ConsentItem) {
    if (!info) return nothing;
    const facts = [
      info.dataUse ? html`<li part="data-use" dir="auto">${msg(str`Data: ${info.dataUse}`)}</li>` : nothing,
      info.thirdParty ? html`<li part="third-party" dir="auto">${msg(str`Shared with ${info.thirdParty}`)}</li>` : nothing,
      info.sensitive
        ? html`<li part="sensitive" dir="auto">${info.sensitive.category ? msg(str`Sensitive data: ${info.sensitive.category}`) : msg('Sensitive data')}</li>`
        : nothing,
      // Only http(s) addresses become links; the transport already dropped anything else.
      info.link && /^https?:\/\//i.test(info.link)
        ? html`<li><a part="link" href=${info.link} target="_blank" rel="noopener noreferrer">${msg('More about this')}</a></li>`
        : nothing,
      info.withdrawLink && /^https?:\/\//i.test(info.withdrawLink)
        ? html`<li><a part="withdraw-link" href=${info.withdrawLink} target="_blank" rel="noopener noreferrer">${msg('How to withdraw')}</a></li>`
        : nothing,
    ];
    return facts.every((f) => f === nothing) ? nothing : html`<ul part="facts" class="facts" role="list">${facts}</ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'consent-purpose-template': ConsentPurposeTemplate;
  }
}
