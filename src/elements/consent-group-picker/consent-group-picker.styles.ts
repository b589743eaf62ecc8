import { css } from 'lit';

/** What only the picker has: nested consents. Colours and sizes: `formTokens('picker')`. */
export const styles = css`
  ul ul {
    padding-inline-start: var(--consent-picker-indent, 2rem);
  }
`;
