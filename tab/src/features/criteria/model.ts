/**
 * Versions of a service's criteria with their validity: a version is in force from its first day
 * until the day before the next version's first day. Pure: today is passed in.
 */
export type VersionStatus = 'inForce' | 'upcoming' | 'ended' | 'superseded';

export interface VersionLike {
  version: number;
  validFrom: string;
}

export interface Validity<V extends VersionLike> {
  set: V;
  /** Last day in force; none while no later version is published. */
  validUntil?: string;
  status: VersionStatus;
}

export const dayBefore = (d: string): string => new Date(Date.parse(`${d}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Every version, newest first, with its last day and status on `today`. */
export function validity<V extends VersionLike>(versions: readonly V[], today: string): Array<Validity<V>> {
  const sorted = [...versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.version - b.version);
  return sorted
    .map((set, i) => {
      const next = sorted[i + 1];
      const validUntil = next ? dayBefore(next.validFrom) : undefined;
      let status: VersionStatus;
      if (validUntil !== undefined && validUntil < set.validFrom) status = 'superseded';
      else if (set.validFrom > today) status = 'upcoming';
      else if (validUntil !== undefined && validUntil < today) status = 'ended';
      else status = 'inForce';
      return { set, validUntil, status };
    })
    .reverse();
}

/** The form of a new version: the newest version's criteria to start from (an old version is never edited). */
export interface ItemForm {
  key: number;
  id: string;
  fi: string;
  sv: string;
}

let nextKey = 1;
export const newItem = (init: Partial<Omit<ItemForm, 'key'>> = {}): ItemForm => ({ key: nextKey++, id: '', fi: '', sv: '', ...init });

export const itemsFrom = (set: { items: ReadonlyArray<{ id: string; text: { fi: string; sv: string } }> } | undefined): ItemForm[] =>
  set && set.items.length > 0 ? set.items.map((i) => newItem({ id: i.id, fi: i.text.fi, sv: i.text.sv })) : [newItem()];

/** The form's field a server error path names: 'body.items.2.text.sv' → 'items.2.sv'. */
export function criteriaFieldOf(serverField: string): string {
  const p = serverField.replace(/^body\./, '').split('.');
  if (p[0] === 'items' && p[1] !== undefined) return p[2] === 'text' && p[3] ? `items.${p[1]}.${p[3]}` : p[2] ? `items.${p[1]}.${p[2]}` : 'items';
  return p[0] ?? '';
}
