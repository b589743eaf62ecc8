// Vite replaces import.meta.env.MODE at build time; elsewhere (tests, Node) it is undefined.
interface ImportMeta {
  readonly env?: { readonly MODE?: string };
}
