// Vue's types for the tags (`consent-elements/vue`, types only): add it to `compilerOptions.types`
// (or `import type {} from 'consent-elements/vue'`) and vue-tsc checks each tag's attributes and
// `@event` handlers; with `vueCompilerOptions.strictTemplates` it also refuses unknown attributes.
// At run time Vue only needs to know the tags are custom elements (`isCustomElement`, README).
import type { AllowedComponentProps, HTMLAttributes } from 'vue';
import type { ConsentTags, ElementProps, Handlers } from './framework-types.js';

/** How Vue's tooling types a custom element in templates (the shape Vue's guide uses). */
export type VueCustomElement<E extends HTMLElement, Events> = new () => E & {
  /** @deprecated For template type checking only: not a property of the element. */
  $props: Omit<HTMLAttributes, keyof Events> & AllowedComponentProps & ElementProps<E> & Handlers<Events> & ModelProps<E>;
};

/** `v-model` on a form: Vue binds the element's `value` and `input` event (a custom element's model), typed here as Vue's tooling reads a model. */
type ModelProps<E> = E extends { value: infer V } ? { modelValue?: V; 'onUpdate:modelValue'?: (value: V) => void } : object;

declare module 'vue' {
  // The tags take content for named slots (`<p slot="denied">`), which Vue's own HTML types lack.
  interface HTMLAttributes {
    slot?: string;
  }
  interface GlobalComponents {
    'consent-group-picker': VueCustomElement<ConsentTags['consent-group-picker'][0], ConsentTags['consent-group-picker'][1]>;
    'consent-purpose-template': VueCustomElement<ConsentTags['consent-purpose-template'][0], ConsentTags['consent-purpose-template'][1]>;
    'consent-access-gate': VueCustomElement<ConsentTags['consent-access-gate'][0], ConsentTags['consent-access-gate'][1]>;
    'consent-prompt': VueCustomElement<ConsentTags['consent-prompt'][0], ConsentTags['consent-prompt'][1]>;
  }
}
