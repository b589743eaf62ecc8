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

type Tags = { [T in keyof ConsentTags]: VueCustomElement<ConsentTags[T][0], ConsentTags[T][1]> };

declare module 'vue' {
  // The tags take content for named slots (`<p slot="denied">`), which Vue's own HTML types lack.
  interface HTMLAttributes {
    slot?: string;
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends Tags {}
}
