import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** One stored consent event, as Connect keeps it (append-only). */
export interface SimEvent {
  consentEventId: number;
  consentId: number;
  subject: string;
  subjectType: string;
  source: string;
  action: boolean;
  /** Server time, epoch ms. */
  created: number;
  /** Client time, epoch ms, when given. */
  eventTime?: number;
  data?: string;
  /** Set on events the server derived from an event on the parent consent. */
  parentEventId?: number;
}

interface StoreFile {
  events: SimEvent[];
}

/** Consent events persisted to a JSON file, so decisions survive a restart. */
export class EventStore {
  #events: SimEvent[] = [];
  readonly file?: string;

  constructor(file?: string) {
    this.file = file;
    if (!file) return;
    try {
      this.#events = (JSON.parse(readFileSync(file, 'utf8')) as StoreFile).events ?? [];
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }

  get events(): readonly SimEvent[] {
    return this.#events;
  }

  append(event: Omit<SimEvent, 'consentEventId'>): SimEvent {
    const stored = { consentEventId: this.#events.length + 1, ...event };
    this.#events.push(stored);
    return stored;
  }

  /** Writes atomically (temp file + rename) so a crash never leaves half a file. */
  flush(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ events: this.#events } satisfies StoreFile, null, 1));
    renameSync(tmp, this.file);
  }

  reset(): void {
    this.#events = [];
    this.flush();
  }
}
