// A Vue 3 app using the tags directly: `consent-elements/define` registers them; Vue is told they
// are custom elements (vite.config.ts); `consent-elements/vue` types them for vue-tsc.
import 'consent-elements/define';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
