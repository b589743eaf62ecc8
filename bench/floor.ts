// The bare-Lit floor: a Lit element that stamps the same DOM as the picker (fieldset, legend,
// description, a toggle, a list of labelled checkboxes) from the same data, with nothing else:
// no loading, no state, no translations, no busy handling. What any Lit kit pays to show it.
import { LitElement, css, html } from 'lit';

interface Item {
  id: string;
  texts: { title: string; description?: string }[];
}
interface Group {
  id: string;
  texts: { title: string; description?: string }[];
  items: Item[];
}

class BenchFloor extends LitElement {
  static override properties = { groups: { attribute: false }, on: { attribute: false } };
  static override styles = css`
    fieldset { display: grid; gap: 0.5rem; margin: 0 0 0.75rem; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
    label { display: flex; gap: 0.5rem; }
  `;
  groups: Group[] = [];
  on = false;

  override render() {
    return html`${this.groups.map(
        (g) => html`<fieldset>
          <legend>${g.texts[0]!.title}</legend>
          <p>${g.texts[0]!.description}</p>
          <label><input type="checkbox" .checked=${this.on} />All</label>
          <ul>
            ${g.items.map(
              (i) => html`<li><label><input type="checkbox" .checked=${this.on} /><span>${i.texts[0]!.title}</span></label><p>${i.texts[0]!.description}</p></li>`,
            )}
          </ul>
        </fieldset>`,
      )}
      <button>Reject all</button><button @click=${() => (this.on = true)}>Accept all</button><button>Save choices</button>`;
  }
}
customElements.define('bench-floor', BenchFloor);
