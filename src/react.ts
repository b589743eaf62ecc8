// React wrappers: `import { ConsentGroupPicker } from 'consent-elements/react'`. Properties
// (like `transport`) are set as properties, and the events become typed `on…` props.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { ConsentAccessGate as GateElement } from './elements/consent-access-gate/consent-access-gate.js';
import { ConsentGroupPicker as PickerElement } from './elements/consent-group-picker/consent-group-picker.js';
import { ConsentPurposeTemplate as TemplateElement } from './elements/consent-purpose-template/consent-purpose-template.js';
import { ConsentPrompt as PromptElement } from './elements/consent-prompt/consent-prompt.js';
import {
  AccessChangeEvent,
  ConsentChangeEvent,
  ConsentErrorEvent,
  ConsentLoadEvent,
  ConsentSavedEvent,
  ConsentSubmitEvent,
  PrivacyRequestEvent,
} from './events/index.js';
import { defineConsentElements } from './define.js';

defineConsentElements();

const formEvents = {
  onConsentLoad: ConsentLoadEvent.eventName as EventName<ConsentLoadEvent>,
  onConsentChange: ConsentChangeEvent.eventName as EventName<ConsentChangeEvent>,
  onConsentSubmit: ConsentSubmitEvent.eventName as EventName<ConsentSubmitEvent>,
  onConsentSaved: ConsentSavedEvent.eventName as EventName<ConsentSavedEvent>,
  onConsentError: ConsentErrorEvent.eventName as EventName<ConsentErrorEvent>,
};

export const ConsentGroupPicker = createComponent({
  tagName: 'consent-group-picker',
  elementClass: PickerElement,
  react: React,
  events: { ...formEvents, onPrivacyRequest: PrivacyRequestEvent.eventName as EventName<PrivacyRequestEvent> },
  displayName: 'ConsentGroupPicker',
});

export const ConsentPurposeTemplate = createComponent({
  tagName: 'consent-purpose-template',
  elementClass: TemplateElement,
  react: React,
  events: formEvents,
  displayName: 'ConsentPurposeTemplate',
});

export const ConsentAccessGate = createComponent({
  tagName: 'consent-access-gate',
  elementClass: GateElement,
  react: React,
  events: {
    onAccessChange: AccessChangeEvent.eventName as EventName<AccessChangeEvent>,
    onConsentSaved: ConsentSavedEvent.eventName as EventName<ConsentSavedEvent>,
    onConsentError: ConsentErrorEvent.eventName as EventName<ConsentErrorEvent>,
  },
  displayName: 'ConsentAccessGate',
});

/** The first-layer prompt; put a `ConsentGroupPicker` or `ConsentPurposeTemplate` inside. */
export const ConsentPrompt = createComponent({
  tagName: 'consent-prompt',
  elementClass: PromptElement,
  react: React,
  displayName: 'ConsentPrompt',
});

export * from './index.js';
