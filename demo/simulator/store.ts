import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** One stored Connect consent event (append-only). */
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

/** A Consentua service user and their answers per purpose. */
export interface SimConsentuaUser {
  UserId: number;
  Identifier: string;
  ServiceId: number;
  /** `${ConsentTemplateId}:${PurposeId}` → consent. */
  consents: Record<string, boolean>;
  /** `${ConsentTemplateId}:${PurposeId}` → the AuthenticationData of the SetConsentsEx that set it. */
  evidence?: Record<string, string>;
}

/** A SuperOffice ConsentPerson row. */
export interface SimConsentPerson {
  ConsentPersonId: number;
  PersonId: number;
  ConsentPurposeKey: string;
  LegalBaseKey: string;
  ConsentSourceKey: string;
  Comment: string;
  Registered: string;
  Updated: string;
}

/** A CSP organization consent (an access grant another org asked for). */
export interface SimCspConsent {
  consentId: string;
  orgId: string;
  sourceUserId: string;
  status: 'ACTIVE' | 'REQUESTED' | 'REJECTED';
  orgOwnerEmail: string;
  expiry?: string;
}

export interface SimState {
  connect: { events: SimEvent[] };
  consentua: { users: SimConsentuaUser[] };
  /** Undefined until first used, then seeded. */
  superoffice?: { rows: SimConsentPerson[] };
  /** Undefined until first used, then seeded (so a reset brings the seed back). */
  csp?: { consents: SimCspConsent[] };
}

const empty = (): SimState => ({ connect: { events: [] }, consentua: { users: [] } });

/** The simulator's state, persisted to a JSON file so decisions survive a restart. */
export class SimStore {
  state: SimState = empty();
  readonly file?: string;

  constructor(file?: string) {
    this.file = file;
    if (!file) return;
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<SimState>;
      this.state = { ...empty(), ...saved };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }

  /** Writes atomically (temp file + rename) so a crash never leaves half a file. */
  flush(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state, null, 1));
    renameSync(tmp, this.file);
  }

  reset(): void {
    this.state = empty();
    this.flush();
  }
}
