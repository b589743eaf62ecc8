import { css } from 'lit';

export const styles = css`
  dialog {
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_gap) * 1.5);
    max-width: min(40rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    overflow: auto;
    box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 0.25);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  /* The banner: along the bottom of the viewport, the page stays usable above it. */
  :host([layout='banner']) dialog {
    position: fixed;
    inset: auto 0 0 0;
    margin: 0 auto;
    width: 100%;
    max-width: 60rem;
    border-radius: var(--_radius) var(--_radius) 0 0;
  }
  [part~='title'] {
    margin: 0 0 var(--_gap);
    font-size: 1.25rem;
  }
  [part~='intro'],
  [part~='list'] {
    margin: 0 0 var(--_gap);
  }
  [part~='list'] {
    padding-inline-start: 1.25rem;
  }
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
  }
  /* Equal weight: the same size, colours and border for all three. */
  [part~='actions'] button {
    flex: 1 1 10rem;
  }
  .choose[hidden] {
    display: none;
  }
`;
