/**
 * The county's criteria (myöntämisperusteet / beviljandegrunder) per housing service. Versioned:
 * a decision stores the version it cited, so an old decision reads the same forever. Criteria
 * texts are configuration data (see defaults.ts for the demo set), never code.
 */
import { SERVICES } from '../types.js';
import type { Language, LocalDate, Service } from '../types.js';
import { DomainError } from '../errors.js';

export interface CriteriaItem {
  /** Stable across versions while the criterion means the same, e.g. 'RTC-1'. */
  id: string;
  text: Record<Language, string>;
}

export interface CriteriaSet {
  service: Service;
  /** 1, 2, 3… per service. */
  version: number;
  /** First day (Europe/Helsinki) the version is in force. */
  validFrom: LocalDate;
  items: CriteriaItem[];
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The version in force for a service on a day: the latest validFrom on or before `on` (the higher
 * version wins a tie). Null when none is in force yet.
 */
export function criteriaInForce(all: readonly CriteriaSet[], service: Service, on: LocalDate): CriteriaSet | null {
  if (!LOCAL_DATE.test(on)) throw new DomainError('validation', 'Not a date', { field: 'on' });
  let best: CriteriaSet | null = null;
  for (const set of all) {
    if (set.service !== service || set.validFrom > on) continue;
    if (!best || set.validFrom > best.validFrom || (set.validFrom === best.validFrom && set.version > best.version)) best = set;
  }
  return best;
}

/** A given version (as stored with an outcome or decision). */
export function criteriaVersion(all: readonly CriteriaSet[], service: Service, version: number): CriteriaSet | null {
  return all.find((s) => s.service === service && s.version === version) ?? null;
}

/** Checks a configured criteria list; throws 'validation' with the first problem found. */
export function validateCriteriaSets(all: readonly CriteriaSet[]): void {
  const seen = new Set<string>();
  for (const set of all) {
    const where = { service: set.service, version: set.version };
    if (!SERVICES.includes(set.service)) throw new DomainError('validation', 'Unknown service', { field: 'service', ...where });
    if (!Number.isInteger(set.version) || set.version < 1) throw new DomainError('validation', 'Bad version', { field: 'version', ...where });
    if (!LOCAL_DATE.test(set.validFrom)) throw new DomainError('validation', 'Bad validFrom', { field: 'validFrom', ...where });
    const key = `${set.service}@${set.version}`;
    if (seen.has(key)) throw new DomainError('validation', 'Duplicate version', { field: 'version', ...where });
    seen.add(key);
    if (set.items.length === 0) throw new DomainError('validation', 'A version needs criteria', { field: 'items', ...where });
    const ids = new Set<string>();
    for (const item of set.items) {
      if (!item.id || ids.has(item.id)) throw new DomainError('validation', 'Missing or duplicate id', { field: 'items.id', id: item.id, ...where });
      ids.add(item.id);
      if (!item.text.fi?.trim() || !item.text.sv?.trim()) {
        throw new DomainError('validation', 'A criterion needs Finnish and Swedish text', { field: 'items.text', id: item.id, ...where });
      }
    }
  }
}
