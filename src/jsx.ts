// React 19's types for the tags themselves (`consent-elements/jsx`, types only), for apps that
// write `<consent-group-picker>` rather than the wrappers of `consent-elements/react`. React 19
// renders each prop as the attribute of that name (so `privacy-rights`, `client-id`: the same
// names as in HTML, kept by server rendering), sets objects such as `transport` as properties,
// and adds `on<event-name>` props as listeners (`onconsent-change`).
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ConsentTags, ElementProps } from './framework-types.js';

type Kebab<S extends string> = S extends `${infer H}${infer T}` ? `${H extends Lowercase<H> ? H : `-${Lowercase<H>}`}${Kebab<T>}` : S;
type Unon<K> = K extends `on${infer N}` ? Kebab<Uncapitalize<N>> : never;

/** Attribute names for string, number and boolean properties; objects stay properties. */
type AttributeProps<E> = {
  [K in keyof ElementProps<E> as NonNullable<ElementProps<E>[K]> extends string | number | boolean ? Kebab<K & string> : K]?: ElementProps<E>[K];
};
type ListenerProps<Events> = { [K in keyof Events as `on${Unon<K>}`]?: (event: Events[K]) => void };

export type ConsentTagProps<E extends HTMLElement, Events> = DetailedHTMLProps<HTMLAttributes<E>, E> & AttributeProps<E> & ListenerProps<Events>;

type Tags = { [T in keyof ConsentTags]: ConsentTagProps<ConsentTags[T][0], ConsentTags[T][1]> };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends Tags {}
  }
}
