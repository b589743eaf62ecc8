import { LitElement, type PropertyValues, type PropertyDeclarations } from 'lit';
import { drawIn, type UiLocale } from '../i18n/localization.js';
import { pickText } from '../model/text.js';
import type { ConsentTransport, LocalizedText, Subject } from '../model/types.js';
import { HeightMemory } from './height-memory.js';
import type { ConsentErrorEvent } from '../events/consent-error.js';
import { warnDeveloper } from './diagnostics.js';
import { LangController } from './language.js';
import { showTheme, type Theme } from './theme.js';
import { visitorSubject } from './subject.js';
import { TransportController } from './transport-controller.js';

/**
 * What every consent element shares, declared once: which transport it uses, whose consent
 * it asks about, and its languages. Elements add their own questions and drawing.
 */
export abstract class ConsentElement extends LitElement {
  // Reactive properties are declared here, not with decorators, in every element: the decorator
  // helpers cost each visitor 0.4–0.5 KB of brotli. Each field below still has its JSDoc.
  static override properties: PropertyDeclarations = {
    provider: {},
    endpoint: {},
    transport: { attribute: false },
    lang: {},
    subject: {},
    subjectType: { attribute: 'subject-type' },
    theme: {},
  };

  /** Provider to talk to when no `transport` is set: `host`, `connect`, or one given to `configure({ transports })`. */
  provider?: string;

  /** Base URL for the provider: the host backend's consent API, or a provider proxy. */
  endpoint?: string;

  /** A transport object; wins over `provider`/`endpoint`, context and `configure()`. */
  transport?: ConsentTransport;

  /**
   * Language of texts and messages, BCP 47 (`nb-NO`) or provider code (`nb_NO`). Default: the
   * nearest ancestor's `lang`, then `configure({ lang })`, then the browser's. The element's own
   * strings follow it too (`uiLocale`), whatever language other elements of the page use.
   */
  override lang = '';

  /** Who decides (Connect subject, Consentua user identifier). Default: a pseudonymous id kept in localStorage, of type `EXTERNAL`. */
  subject?: string;

  /** Kind of a given `subject`: Connect `CONNECT`, `CONNECTID`, `EXTERNAL` or `ORDER`. The pseudonymous id is always `EXTERNAL`. */
  subjectType = 'EXTERNAL';

  /**
   * Colours: `light`, `dark`, or `auto` (the visitor's system setting). Default:
   * `configure({ theme })`, else the page's own `color-scheme` (light unless it declares dark).
   */
  theme?: Theme;

  /** The transport in use, or why there is none. */
  protected readonly transports = new TransportController(this);
  protected readonly language = new LangController(this);
  /** Custom states (`:state(…)`) the element shows the page and its own styles. */
  protected readonly internals = this.attachInternals();
  /** While loading, the element keeps the height it had when the visitor last left the page: nothing below it moves. */
  protected readonly heights = new HeightMemory(this, () => this.settled, () => this.failed, () => this.langs()[0] ?? '');

  /** Whether the element shows what it loaded (its height then is the one to keep). */
  protected get settled(): boolean {
    return true;
  }

  /** Whether the element shows that it could not load (it keeps no height reserved then). */
  protected get failed(): boolean {
    return false;
  }

  constructor() {
    super();
    this.addEventListener('consent-error', (e) => warnDeveloper(this, (e as ConsentErrorEvent).detail));
  }

  /** The shipped UI language of the element's own strings (buttons, messages), nearest to its `lang` chain. */
  get uiLocale(): UiLocale {
    return this.language.uiLocale();
  }

  /**
   * The element draws its strings in its own UI language. While that translation loads, the
   * element is in the `translating` state and its styles hide its own strings (laid out, so
   * nothing moves): no English flashes on a Norwegian page.
   */
  protected override update(changed: PropertyValues): void {
    const strings = this.language.translation();
    this.setState('translating', !strings);
    showTheme(this.internals, this.theme);
    drawIn(strings, () => super.update(changed));
  }

  /** Turns a custom state on or off. */
  protected setState(name: string, on: boolean): void {
    try {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    } catch {
      // Browsers before 2024 take only `--name` states: the state is an enhancement.
    }
  }

  /** The visitor whose consents this element reads and writes. */
  protected visitor(): Subject {
    return visitorSubject(this.subject, this.subjectType);
  }

  /** Languages to try for texts, best first. */
  protected langs(): string[] {
    return this.language.langs();
  }

  /** The text to show for a set of localized texts, by the fallback chain. */
  protected text(texts: readonly LocalizedText[]): LocalizedText | undefined {
    return pickText(texts, this.langs(), this.language.fallback());
  }
}
