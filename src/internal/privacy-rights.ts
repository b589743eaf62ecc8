import { msg } from '../i18n/localization.js';
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { ConsentErrorEvent } from '../events/consent-error.js';
import { PrivacyRequestEvent } from '../events/privacy-request.js';
import { ConsentError, toConsentError } from '../model/errors.js';
import type { ConsentTransport, PrivacyRight } from '../model/types.js';
import { errorMessage } from './messages.js';

type Status = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent'; receipt: boolean } | { kind: 'error'; error: ConsentError };

/**
 * The visitor's privacy rights as two buttons (a copy of their data; its erasure), each asking
 * first, in a dialog, what happens. The provider opens a case; nothing is shown of the data.
 */
export class PrivacyRights {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #transport: () => ConsentTransport | ConsentError;
  #right: PrivacyRight = 'access';
  #status: Status = { kind: 'idle' };

  constructor(host: ReactiveControllerHost & HTMLElement, transport: () => ConsentTransport | ConsentError) {
    this.#host = host;
    this.#transport = transport;
  }

  /** The dialog, found when needed (lit's `ref` directive would add 1 KB to every page). */
  get #dialog(): HTMLDialogElement | null | undefined {
    return this.#host.shadowRoot?.querySelector<HTMLDialogElement>('dialog[part~="privacy-dialog"]');
  }

  #set(status: Status) {
    this.#status = status;
    this.#host.requestUpdate();
  }

  #ask(right: PrivacyRight) {
    this.#right = right;
    this.#set({ kind: 'idle' });
    this.#dialog?.showModal();
  }

  async #send(sendReceipt: boolean) {
    this.#dialog?.close();
    const t = this.#transport();
    const right = this.#right;
    this.#set({ kind: 'sending' });
    try {
      if (t instanceof ConsentError) throw t;
      if (!t.requestPrivacy) throw new ConsentError('unsupported', `The ${t.name} transport takes no privacy requests.`);
      const answer = await t.requestPrivacy({ right, sendReceipt });
      if (!answer.accepted) throw new ConsentError('http', 'The provider did not open the request.', { retryable: true });
      this.#set({ kind: 'sent', receipt: answer.receiptSent });
      this.#host.dispatchEvent(new PrivacyRequestEvent({ right, ...answer }));
    } catch (e) {
      const error = toConsentError(e);
      this.#set({ kind: 'error', error });
      this.#host.dispatchEvent(new ConsentErrorEvent({ ...error.toJSON(), operation: 'privacy' }));
    }
  }

  /** Whether the transport takes privacy requests. */
  available(): boolean {
    const t = this.#transport();
    return !(t instanceof ConsentError) && !!t.requestPrivacy;
  }

  render() {
    if (!this.available()) return nothing;
    const s = this.#status;
    const erasure = this.#right === 'erasure';
    const sending = s.kind === 'sending';
    // Focusable while sending (see the form's buttons): the dialog gives the focus back to its opener.
    const busy = sending ? 'true' : nothing;
    return html`<div part="privacy">
      <button part="button privacy-access" aria-disabled=${busy} @click=${() => sending || this.#ask('access')}>${msg('Request a copy of my data')}</button>
      <button part="button privacy-erasure" aria-disabled=${busy} @click=${() => sending || this.#ask('erasure')}>${msg('Ask to delete my data')}</button>
      <p part="privacy-status" role="status" aria-live="polite">
        ${s.kind === 'sent' ? msg('Your request was sent.') : s.kind === 'error' ? html`${msg('Your request could not be sent.')} ${errorMessage(s.error.code)}` : ''}
      </p>
      <dialog part="privacy-dialog" aria-labelledby="privacy-title">
        <form
          method="dialog"
          @submit=${(e: SubmitEvent) => {
            if ((e.submitter as HTMLButtonElement | null)?.value !== 'send') return;
            e.preventDefault();
            const receipt = (e.target as HTMLFormElement).querySelector<HTMLInputElement>('input[name="receipt"]');
            void this.#send(!!receipt?.checked);
          }}
        >
          <h2 id="privacy-title">${erasure ? msg('Ask to delete your data?') : msg('Request a copy of your data?')}</h2>
          <p>${msg('A request opens a case with us. Your data is not shown here: you hear from us once the request is handled.')}</p>
          ${erasure ? html`<p>${msg('Once it is handled, the data we hold about you is deleted.')}</p>` : nothing}
          <label><input type="checkbox" name="receipt" checked /> ${msg('Send me a receipt of this request')}</label>
          <div part="actions">
            <button part="button" value="cancel">${msg('Cancel')}</button>
            <button part="button privacy-send" value="send">${msg('Send request')}</button>
          </div>
        </form>
      </dialog>
    </div>`;
  }
}
