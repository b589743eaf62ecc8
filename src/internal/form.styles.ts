import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * Maps an element's public `--consent-<name>-*` properties, each falling back to a kit-wide
 * `--consent-*` token and then a default, onto the private `--_*` variables the shared styles
 * use. `name` is a constant of the element (`picker`, `template`), never outside input.
 */
export function formTokens(name: string): CSSResult {
  const p = (prop: string, kit: string | undefined, fallback: string) =>
    `var(--consent-${name}-${prop}, ${kit ? `var(--consent-${kit}, ${fallback})` : fallback})`;
  return unsafeCSS(`:host {
    --_fg: ${p('color', 'color-text', 'light-dark(#1b1f24, #e8eaed)')};
    --_bg: ${p('background', 'color-background', 'light-dark(#ffffff, #16181c)')};
    --_muted: ${p('muted-color', 'color-muted', 'light-dark(#545b64, #a9b0b8)')};
    --_border: ${p('border-color', 'color-border', 'light-dark(#c9ced6, #3a3f47)')};
    --_accent: ${p('accent-color', 'color-accent', 'light-dark(#0b57d0, #8ab4f8)')};
    --_danger: ${p('danger-color', 'color-danger', 'light-dark(#b3261e, #f2b8b5)')};
    --_radius: ${p('radius', 'radius', '0.5rem')};
    --_gap: ${p('gap', 'gap', '0.75rem')};
    --_focus: ${p('focus-ring', 'focus-ring', '2px solid var(--_accent)')};
    --_font: ${p('font', 'font', 'inherit')};
    --_min-height: ${p('min-height', undefined, '12rem')};
    --_button-color: ${p('button-color', undefined, 'var(--_accent)')};
    --_button-background: ${p('button-background', undefined, 'transparent')};
    --_button-border: ${p('button-border-color', undefined, 'var(--_accent)')};
  }`);
}

// Shared by every consent form element; colours and sizes come from formTokens().
export const formStyles = css`
  :host {
    display: block;
    /* A provider text with one very long word wraps instead of widening the page. */
    overflow-wrap: anywhere;
    font: var(--_font);
    color: var(--_fg);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  [part~='base'] {
    background: var(--_bg);
    min-height: var(--_min-height);
    display: grid;
    gap: var(--_gap);
    align-content: start;
  }
  fieldset {
    /* Browsers give a fieldset its content's min-content width: let it shrink instead. */
    min-inline-size: 0;
    margin: 0;
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-width: 0;
  }
  /* The kit's own strings wait for the page's translation (see ConsentElement); the page's slotted text does not. */
  :host(:state(translating)) :is([part~='base'], dialog) > :not(slot) {
    visibility: hidden;
  }
  .controls {
    display: contents;
  }
  .groups {
    display: grid;
    gap: var(--_gap);
  }
  /* In a long catalog, lists off screen skip style, layout and paint until scrolled to: it costs
     what is in view. Only there: a skipped list has a guessed height, which tools that measure
     the page (and visitors' find-in-page) see until it is drawn. (Not on the fieldset: its
     legend sits on the border, which containment clips.) */
  .long > fieldset > ul {
    content-visibility: auto;
    contain-intrinsic-size: auto 12rem;
  }
  legend {
    padding: 0 0.25rem;
    font-weight: 600;
    font-size: 1.05em;
  }
  .group-head {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: var(--_gap);
    align-items: start;
  }
  p {
    margin: 0;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  ul {
    list-style: none;
    margin: 0.75rem 0 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  label {
    display: inline-flex;
    gap: 0.5rem;
    align-items: flex-start;
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  /* What follows a disabled box in its label, muted (not label:has(), which the browser matches
     again for every label when a save disables all boxes; not opacity, which lays them out again). */
  label > input:disabled,
  label > input:disabled ~ * {
    cursor: not-allowed;
    color: var(--_muted);
  }
  input[type='checkbox'] {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    min-inline-size: 24px;
    min-block-size: 24px;
    margin: 0;
    flex: none;
    accent-color: var(--_accent);
  }
  .item-text {
    padding-block-start: 0.15rem;
  }
  .item p {
    margin-inline-start: 2rem;
    font-size: 0.925em;
  }
  .group-toggle {
    font-weight: normal;
    font-size: 0.95em;
    color: var(--_muted);
  }
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  /* Accept, reject and save carry the same visual weight on purpose. */
  button {
    flex: 1 1 10rem;
    min-block-size: 2.75rem;
    padding: 0.5rem 1rem;
    font: inherit;
    font-weight: 600;
    color: var(--_button-color);
    background: var(--_button-background);
    border: 2px solid var(--_button-border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  button:hover:not(:disabled, [aria-disabled='true']) {
    background: color-mix(in srgb, var(--_accent) 10%, transparent);
  }
  button:is(:disabled, [aria-disabled='true']) {
    cursor: progress;
    opacity: 0.6;
  }
  :is(input, button):focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  [part~='status'] {
    min-block-size: 1.5em;
    margin: 0;
    color: var(--_muted);
  }
  [part~='status'].saved {
    color: var(--_fg);
    font-weight: 600;
  }
  [part~='receipt'] {
    display: inline-block;
    min-block-size: 24px;
    color: var(--_accent);
    overflow-wrap: anywhere;
  }
  a:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  [part~='error'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem var(--_gap);
    align-items: center;
    padding: var(--_gap);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    color: var(--_danger);
  }
  [part~='error'] span {
    flex: 1 1 14rem;
  }
  [part~='error'] button {
    flex: 0 0 auto;
  }
  .record {
    color: var(--_muted);
  }
  .record button {
    display: block;
    margin-block-start: 0.5rem;
    min-block-size: 2.75rem;
  }
  [part~='objection'] {
    display: block;
    font-weight: 600;
  }
  [part~='empty'] {
    padding: var(--_gap);
    color: var(--_muted);
  }
  .skeleton {
    display: grid;
    gap: var(--_gap);
    align-content: start;
  }
  /* Given the height it had last time (see HeightMemory), the placeholder takes the free space:
     the status and footer are already where the loaded form puts them. */
  [part~='base']:has(> .skeleton) {
    display: flex;
    flex-direction: column;
    block-size: 100%;
  }
  [part~='base'] > .skeleton {
    flex: 1;
  }
  .bone {
    block-size: 1.25rem;
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_border) 0%, color-mix(in srgb, var(--_border) 40%, transparent) 50%, var(--_border) 100%);
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  .bone.wide {
    block-size: 4.5rem;
  }
  @keyframes shimmer {
    from { background-position: 100% 0; }
    to { background-position: -100% 0; }
  }
  @media (prefers-reduced-motion: reduce) {
    .bone { animation: none; }
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
