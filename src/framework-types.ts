// Types shared by the framework entries (React wrappers, React's and Vue's tag types): each
// element's settable properties and its events as `on…` handlers.
import type { ConsentAccessGate } from './elements/consent-access-gate/consent-access-gate.js';
import type { ConsentGroupPicker } from './elements/consent-group-picker/consent-group-picker.js';
import type { ConsentPurposeTemplate } from './elements/consent-purpose-template/consent-purpose-template.js';
import type { ConsentPrompt } from './elements/consent-prompt/consent-prompt.js';
import type {
  AccessChangeEvent,
  ConsentChangeEvent,
  ConsentErrorEvent,
  ConsentLoadEvent,
  ConsentSavedEvent,
  ConsentSubmitEvent,
  PrivacyRequestEvent,
} from './events/index.js';

type IfEquals<X, Y, A> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? A : never;
type Settable<E, K extends keyof E> = IfEquals<{ [Q in K]: E[K] }, { -readonly [Q in K]: E[K] }, K>;

/** The element's own settable properties: no methods, no read-only ones, nothing of HTMLElement. */
export type ElementProps<E> = {
  [K in Exclude<keyof E, keyof HTMLElement> as E[K] extends (...args: never[]) => unknown ? never : Settable<E, K>]?: E[K];
};

/** `on…` handler props of an event map. */
export type Handlers<Events> = { [K in keyof Events]?: (event: Events[K]) => void };

export interface FormEvents {
  onConsentLoad: ConsentLoadEvent;
  onConsentChange: ConsentChangeEvent;
  onConsentSubmit: ConsentSubmitEvent;
  onConsentSaved: ConsentSavedEvent;
  onConsentError: ConsentErrorEvent;
  /** The visitor changed `value` (as a form control's `input`). */
  onInput: Event;
}
export type PickerEvents = FormEvents & { onPrivacyRequest: PrivacyRequestEvent };
export type TemplateEvents = FormEvents;
export interface GateEvents {
  onAccessChange: AccessChangeEvent;
  onConsentSaved: ConsentSavedEvent;
  onConsentError: ConsentErrorEvent;
}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PromptEvents {}

/** Each tag: its element class and its events. */
export interface ConsentTags {
  'consent-group-picker': [ConsentGroupPicker, PickerEvents];
  'consent-purpose-template': [ConsentPurposeTemplate, TemplateEvents];
  'consent-access-gate': [ConsentAccessGate, GateEvents];
  'consent-prompt': [ConsentPrompt, PromptEvents];
}
