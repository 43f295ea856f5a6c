/**
 * The county's criteria (myöntämisperusteet), every version of every service (see
 * docs/TABLES-decisions.md). One partition per service, one row per version; a version is
 * inserted once (insert-if-absent) and never replaced, so a decision that cites "version 2"
 * reads the same forever. On first start the demo sets are seeded the same way (idempotent
 * across instances).
 */
import type { CriteriaSet } from '../domain/criteria/index.js';
import { SERVICES, type Service } from '../domain/types.js';
import type { EntityStore, TableStore } from './table-store.js';

export const CRITERIA_TABLES = ['Criteria'] as const;

const partitionOf = (service: Service) => `service-${service}`;
const versionKey = (version: number) => `v-${String(version).padStart(6, '0')}`;

export class CriteriaRepository {
  private readonly rows: EntityStore<CriteriaSet>;

  constructor(store: TableStore) {
    this.rows = store.entities<CriteriaSet>('Criteria');
  }

  /** Every version of every service (a small table: one query). */
  async all(): Promise<CriteriaSet[]> {
    const rows = await this.rows.query(SERVICES.map((s) => `PartitionKey eq '${partitionOf(s)}'`).join(' or '));
    return rows.map((r) => r.value).sort((a, b) => a.service.localeCompare(b.service) || a.version - b.version);
  }

  /** Every version of one service, oldest first. */
  async versions(service: Service): Promise<CriteriaSet[]> {
    return (await this.rows.list(partitionOf(service), 'v-')).map((r) => r.value).sort((a, b) => a.version - b.version);
  }

  /** Adds a version; false when that version number exists already (someone published first). */
  async insert(set: CriteriaSet): Promise<boolean> {
    const v = await this.rows.insert(partitionOf(set.service), versionKey(set.version), set, { validFrom: set.validFrom });
    return v !== false;
  }

  /** Seeds the given sets where a service has none yet. Returns how many were written. */
  async seedIfEmpty(sets: readonly CriteriaSet[]): Promise<number> {
    let written = 0;
    for (const service of SERVICES) {
      const own = sets.filter((s) => s.service === service);
      if (own.length === 0 || (await this.versions(service)).length > 0) continue;
      for (const s of own) if (await this.insert(s)) written++;
    }
    return written;
  }
}
