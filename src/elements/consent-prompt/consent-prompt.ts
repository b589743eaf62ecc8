import { drawIn, msg } from '../../i18n/localization.js';
import { html, LitElement, type PropertyValues, type PropertyDeclarations } from 'lit';
import { formStyles, formTokens } from '../../internal/form.styles.js';
import { LangController } from '../../internal/language.js';
import { showTheme, themeStyles, type Theme } from '../../internal/theme.js';
import type { ConsentFormElement } from '../../internal/consent-form-element.js';
import { styles } from './consent-prompt.styles.js';

/**
 * The first layer of consent: a native `<dialog>` that opens only while the visitor has
 * undecided consents, with "Accept all", "Reject all" and "Choose" of equal weight. Its child —
 * a `<consent-group-picker>` or `<consent-purpose-template>` — loads the provider's consents and
 * records the decisions (same events, outbox and receipts); "Choose" shows it. Esc closes the
 * prompt without deciding; focus returns to where it was.
 *
 * ```html
 * <consent-prompt layout="banner">
 *   <consent-group-picker provider="host" endpoint="/api/consent" issuer="468979834"></consent-group-picker>
 * </consent-prompt>
 * ```
 *
 * @summary Ask a visitor for their consent once, until everything is decided.
 * @tag consent-prompt
 *
 * @slot - The picker or template that loads and records the consents.
 * @slot title - The prompt's heading (default: "Your privacy choices").
 * @slot intro - Text above the list of consents asked for.
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart title - The heading.
 * @csspart intro - The introduction.
 * @csspart list - The consents asked for, by the provider's titles.
 * @csspart actions - The row of buttons.
 * @csspart button - Every button.
 * @csspart accept-all - "Accept all".
 * @csspart reject-all - "Reject all".
 * @csspart choose - "Choose".
 *
 * @cssprop [--consent-prompt-color] - Text colour. Falls back to `--consent-color-text`.
 * @cssprop [--consent-prompt-background] - Background. Falls back to `--consent-color-background`.
 * @cssprop [--consent-prompt-border-color] - Border. Falls back to `--consent-color-border`.
 * @cssprop [--consent-prompt-accent-color] - Buttons, focus. Falls back to `--consent-color-accent`.
 * @cssprop [--consent-prompt-radius=0.5rem] - Corner radius. Falls back to `--consent-radius`.
 * @cssprop [--consent-prompt-gap=0.75rem] - Space between parts. Falls back to `--consent-gap`.
 */
export class ConsentPrompt extends LitElement {
  static override properties: PropertyDeclarations = {
    layout: { reflect: true },
    opened: { state: true },
    choosing: { state: true },
    asked: { state: true },
    theme: {},
  };

  static override styles = [formTokens('prompt'), formStyles, themeStyles, styles];

  /** `modal` (default): the page waits behind it. `banner`: along the bottom, the page stays usable. */
  layout: 'modal' | 'banner' = 'modal';

  /** Whether the prompt is showing. */
  private opened = false;
  /** "Choose": the full picker or template is shown. */
  private choosing = false;
  private asked: { id: string; title: string }[] = [];

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }
  #returnFocus?: HTMLElement;
  /** Colours, as on the picker: `light`, `dark` or `auto`; its child inherits them. Default: `configure({ theme })`, else the page's `color-scheme`. */
  theme?: Theme;

  /** Its strings follow its own `lang` chain, as its child's do. */
  readonly #language = new LangController(this);
  readonly #internals = this.attachInternals();

  protected override update(changed: PropertyValues): void {
    showTheme(this.#internals, this.theme);
    drawIn(this.#language.translation(), () => super.update(changed));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('consent-load', this.#check);
    this.addEventListener('consent-saved', this.#check);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('consent-load', this.#check);
    this.removeEventListener('consent-saved', this.#check);
  }

  /** The picker or template inside. */
  get form(): ConsentFormElement | undefined {
    return [...this.children].find((c): c is ConsentFormElement => 'undecided' in c && 'chooseAll' in c);
  }

  /** Opens while something is undecided; closes, with focus back, once nothing is. */
  #check = () => {
    const form = this.form;
    if (!form) return;
    this.asked = form.undecided;
    if (this.asked.length && !this.opened) void this.show();
    else if (!this.asked.length && this.opened) this.close();
  };

  /** Shows the prompt (as it does on its own while something is undecided). */
  async show(): Promise<void> {
    const active = document.activeElement;
    this.#returnFocus = active instanceof HTMLElement && active !== document.body ? active : undefined;
    this.opened = true;
    await this.updateComplete;
    const dialog = this.dialog;
    if (!dialog || dialog.open) return;
    if (this.layout === 'banner') dialog.show();
    else dialog.showModal();
    // Into the prompt: its first button (a modal dialog would pick the first control of its child, hidden).
    (this.renderRoot.querySelector('button') as HTMLButtonElement | null)?.focus();
  }

  /** Closes the prompt without deciding anything. */
  close(): void {
    const dialog = this.dialog;
    if (dialog?.open) dialog.close();
    else this.#closed();
  }

  #closed = () => {
    this.opened = false;
    this.choosing = false;
    this.#returnFocus?.focus();
    this.#returnFocus = undefined;
  };

  async #all(granted: boolean) {
    await this.form?.chooseAll(granted);
  }

  async #choose() {
    this.choosing = true;
    await this.updateComplete;
    this.form?.focus();
    (this.form?.shadowRoot?.querySelector('input, button') as HTMLElement | null)?.focus();
  }

  override render() {
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.#closed}>
      <h2 part="title" id="title"><slot name="title">${msg('Your privacy choices')}</slot></h2>
      <div class="choose" ?hidden=${this.choosing}>
        <p part="intro"><slot name="intro">${msg('We would like your consent for:')}</slot></p>
        <ul part="list">
          ${this.asked.map((a) => html`<li>${a.title}</li>`)}
        </ul>
        <div part="actions">
          <button part="button reject-all" @click=${() => this.#all(false)}>${msg('Reject all')}</button>
          <button part="button accept-all" @click=${() => this.#all(true)}>${msg('Accept all')}</button>
          <button part="button choose" @click=${() => this.#choose()}>${msg('Choose')}</button>
        </div>
      </div>
      <div class="choose" ?hidden=${!this.choosing}><slot></slot></div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'consent-prompt': ConsentPrompt;
  }
}
