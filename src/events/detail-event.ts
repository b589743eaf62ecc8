/** Base of the kit's events: bubbles out of shadow roots and carries a typed, read-only detail. */
export class DetailEvent<T> extends Event {
  readonly detail: T;
  constructor(type: string, detail: T, cancelable = false) {
    super(type, { bubbles: true, composed: true, cancelable });
    this.detail = detail;
  }
}
