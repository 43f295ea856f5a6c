/**
 * What the use cases need, built once in compose.ts. Tests build the same object against
 * Azurite with a fixed clock.
 */
import type { Logger } from 'pino';
import type { CountyConfig } from '../county.js';
import type { TableStore } from '../storage/table-store.js';
import type { CaseRepository } from '../storage/case-repository.js';
import type { AccessLog } from '../audit/access-log.js';
import type { WorkingCalendar } from '../domain/calendar/index.js';

export interface Clock {
  now(): Date;
}

export interface Deps {
  county: CountyConfig;
  clock: Clock;
  calendar: WorkingCalendar;
  log: Logger;
  store: TableStore;
  cases: CaseRepository;
  accessLog: AccessLog;
  /** Keyed hash of an identity (henkilötunnus, or name + birth date): look-up keys hold no identity. */
  identityKey(kind: 'hetu' | 'nameBirth', value: string): string;
  newId(): string;
  /** Outside production only test-range henkilötunnus (900–999) are accepted. */
  testDataOnly: boolean;
}
