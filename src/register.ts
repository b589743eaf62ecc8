import { ConsentAccessGate } from './elements/consent-access-gate/consent-access-gate.js';
import { ConsentGroupPicker } from './elements/consent-group-picker/consent-group-picker.js';
import { ConsentPurposeTemplate } from './elements/consent-purpose-template/consent-purpose-template.js';
import { ConsentPrompt } from './elements/consent-prompt/consent-prompt.js';
import { registerBuiltInProviders } from './transports/builtins.js';
import { startPage } from './page/index.js';

/** Registers the consent tags once, whatever else on the page loaded them first, and the built-in providers. */
export function defineConsentElements(): void {
  registerBuiltInProviders();
  const tags: [string, CustomElementConstructor][] = [
    ['consent-group-picker', ConsentGroupPicker],
    ['consent-purpose-template', ConsentPurposeTemplate],
    ['consent-access-gate', ConsentAccessGate],
    ['consent-prompt', ConsentPrompt],
  ];
  for (const [tag, ctor] of tags) if (!customElements.get(tag)) customElements.define(tag, ctor);
  startPage();
}
