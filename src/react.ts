'use client';
// React wrappers: `import { ConsentGroupPicker } from 'consent-elements/react'`, for React 18 and 19,
// in the browser and on a server (Next.js App Router and Pages, `react-dom/server`).
// - A string, number or `true` prop that the element reads from an attribute is rendered *as that
//   attribute*, so server-rendered HTML carries it (`issuer`, `client-id`, `privacy-rights`) and the
//   element starts from it when it upgrades.
// - Any other prop of the element (objects such as `transport`) is set as a property after mount.
// - Each event is a typed `on…` prop (`onConsentChange`), added as a listener after mount.
// The `'use client'` line makes these client components, so a Server Component can render them.
import * as React from 'react';
import type { ReactiveElement } from 'lit';
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
import { defineConsentElements } from './register.js';
import type { ElementProps, GateEvents, Handlers, PickerEvents, PromptEvents, TemplateEvents } from './framework-types.js';

defineConsentElements();

/** The props of a wrapper: React's HTML attributes, the element's properties, its `on…` events. */
export type WrapperProps<E extends HTMLElement, Events> = Omit<React.HTMLAttributes<E>, keyof Events> &
  ElementProps<E> &
  Handlers<Events> & { lang?: string; slot?: string; children?: React.ReactNode };
export type Wrapper<E extends HTMLElement, Events> = React.ForwardRefExoticComponent<React.PropsWithoutRef<WrapperProps<E, Events>> & React.RefAttributes<E>>;

// React warns about useLayoutEffect on a server (React 18); it runs nothing there anyway.
const useMountEffect = typeof window === 'undefined' ? React.useEffect : React.useLayoutEffect;

function wrap<E extends HTMLElement, Events>(
  tagName: string,
  elementClass: typeof ReactiveElement,
  events: { [K in keyof Events]: string },
  displayName: string,
): Wrapper<E, Events> {
  // The element's public properties (its @property()s), each with its attribute if it has one.
  const attributes = new Map<string, string | undefined>();
  for (const [name, options] of elementClass.elementProperties)
    if (!options.state)
      attributes.set(String(name), options.attribute === false ? undefined : typeof options.attribute === 'string' ? options.attribute : String(name).toLowerCase());
  // (A form's `value` is an accessor of its own, not a Lit property.)
  if ('value' in elementClass.prototype) attributes.set('value', undefined);
  const eventNames = new Map<string, string>(Object.entries(events));

  const component = React.forwardRef<E, WrapperProps<E, Events>>((props, ref) => {
    const node = React.useRef<E | null>(null);
    const listeners = React.useRef(new Map<string, { handleEvent: (e: Event) => void }>());
    const previous = React.useRef(new Map<string, unknown>());
    const rendered: Record<string, unknown> = { suppressHydrationWarning: true };
    const properties = new Map<string, unknown>();
    const handlers = new Map<string, (e: Event) => void>();
    for (const [key, value] of Object.entries(props as Record<string, unknown>)) {
      const attribute = attributes.get(key);
      if (eventNames.has(key)) {
        if (typeof value === 'function') handlers.set(eventNames.get(key)!, value as (e: Event) => void);
      } else if (attribute !== undefined && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) {
        if (value !== false) rendered[attribute] = value === true ? '' : String(value);
      } else if (attributes.has(key)) {
        if (value !== undefined) properties.set(key, value);
      } else rendered[key === 'className' ? 'class' : key] = value;
    }

    useMountEffect(() => {
      const el = node.current as unknown as Record<string, unknown> | null;
      if (!el) return;
      for (const [key, value] of properties) if (previous.current.get(key) !== value) el[key] = value;
      for (const key of previous.current.keys()) if (!properties.has(key)) el[key] = undefined;
      previous.current = properties;
      const target = node.current!;
      for (const [name, handler] of handlers) {
        const listener = listeners.current.get(name);
        if (listener) listener.handleEvent = handler;
        else {
          const added = { handleEvent: handler };
          listeners.current.set(name, added);
          target.addEventListener(name, added);
        }
      }
      for (const [name, listener] of listeners.current)
        if (!handlers.has(name)) {
          target.removeEventListener(name, listener);
          listeners.current.delete(name);
        }
    });

    rendered.ref = React.useCallback(
      (el: E | null) => {
        node.current = el;
        if (typeof ref === 'function') ref(el);
        else if (ref) ref.current = el;
      },
      [ref],
    );
    return React.createElement(tagName, rendered);
  });
  component.displayName = displayName;
  return component;
}

const formEvents = {
  onConsentLoad: ConsentLoadEvent.eventName,
  onConsentChange: ConsentChangeEvent.eventName,
  onConsentSubmit: ConsentSubmitEvent.eventName,
  onConsentSaved: ConsentSavedEvent.eventName,
  onConsentError: ConsentErrorEvent.eventName,
  onInput: 'input',
};

export const ConsentGroupPicker = wrap<PickerElement, PickerEvents>(
  'consent-group-picker',
  PickerElement,
  { ...formEvents, onPrivacyRequest: PrivacyRequestEvent.eventName },
  'ConsentGroupPicker',
);

export const ConsentPurposeTemplate = wrap<TemplateElement, TemplateEvents>('consent-purpose-template', TemplateElement, formEvents, 'ConsentPurposeTemplate');

export const ConsentAccessGate = wrap<GateElement, GateEvents>(
  'consent-access-gate',
  GateElement,
  { onAccessChange: AccessChangeEvent.eventName, onConsentSaved: ConsentSavedEvent.eventName, onConsentError: ConsentErrorEvent.eventName },
  'ConsentAccessGate',
);

/** The first-layer prompt; put a `ConsentGroupPicker` or `ConsentPurposeTemplate` inside. */
export const ConsentPrompt = wrap<PromptElement, PromptEvents>('consent-prompt', PromptElement, {}, 'ConsentPrompt');

// Not the provider transports (`consent-elements` has them): see src/define.ts.
export * from './common.js';
