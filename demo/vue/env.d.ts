// The app's types: .vue files, and the tags' types from consent-elements/vue.
import type {} from 'consent-elements/vue';

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
