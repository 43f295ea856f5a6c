/**
 * Providers and units (see docs/TABLES-queue.md). Table Providers holds every provider in one
 * partition; table Units holds every unit and every seat (a place taken through Polku) in one
 * partition, so taking a place — occupied+1 on the unit row and the seat row — is one
 * transaction, ETag-checked: two placements racing for the last place cannot both win.
 */
import { DomainError } from '../domain/errors.js';
import type { Provider, Seat, Unit } from '../services/providers/model.js';
import type { EntityStore, TableStore, Versioned } from './table-store.js';

export const PROVIDER_TABLES = ['Providers', 'Units'] as const;

const PROVIDERS = 'provider';
const UNITS = 'unit';
const unitKey = (unitId: string) => `unit|${unitId}`;
const seatKey = (unitId: string, caseId: string) => `seat|${unitId}|${caseId}`;

export class ProviderRepository {
  private readonly providers: EntityStore<Provider>;
  private readonly units: EntityStore<Unit | Seat>;

  constructor(store: TableStore) {
    this.providers = store.entities<Provider>('Providers');
    this.units = store.entities<Unit | Seat>('Units');
  }

  // ---- providers -----------------------------------------------------------------------------

  async listProviders(): Promise<Array<Versioned<Provider>>> {
    return (await this.providers.list(PROVIDERS)).map(({ value, version }) => ({ value, version }));
  }

  getProvider(id: string): Promise<Versioned<Provider> | undefined> {
    return this.providers.get(PROVIDERS, id);
  }

  /** Inserts a new provider; 'conflict.version' if the id is taken. */
  async insertProvider(p: Provider): Promise<string> {
    const v = await this.providers.insert(PROVIDERS, p.id, p, { kind: p.kind });
    if (v === false) throw new DomainError('conflict.version', 'A provider with this id exists');
    return v;
  }

  replaceProvider(p: Provider, version: string): Promise<string> {
    return this.providers.replace(PROVIDERS, p.id, p, version, { kind: p.kind });
  }

  // ---- units -----------------------------------------------------------------------------------

  async listUnits(): Promise<Array<Versioned<Unit>>> {
    return (await this.units.list(UNITS, 'unit|')).map(({ value, version }) => ({ value: value as Unit, version }));
  }

  async getUnit(id: string): Promise<Versioned<Unit> | undefined> {
    return (await this.units.get(UNITS, unitKey(id))) as Versioned<Unit> | undefined;
  }

  async insertUnit(u: Unit): Promise<string> {
    const v = await this.units.insert(UNITS, unitKey(u.id), u, this.columns(u));
    if (v === false) throw new DomainError('conflict.version', 'A unit with this id exists');
    return v;
  }

  replaceUnit(u: Unit, version: string): Promise<string> {
    return this.units.replace(UNITS, unitKey(u.id), u, version, this.columns(u));
  }

  private columns(u: Unit) {
    return { providerId: u.providerId, municipality: u.municipality, unitKind: u.kind };
  }

  // ---- seats (places taken through Polku) ------------------------------------------------------

  async getSeat(unitId: string, caseId: string): Promise<Versioned<Seat> | undefined> {
    return (await this.units.get(UNITS, seatKey(unitId, caseId))) as Versioned<Seat> | undefined;
  }

  async listSeats(unitId: string): Promise<Array<Versioned<Seat>>> {
    return (await this.units.list(UNITS, `seat|${unitId}|`)).map(({ value, version }) => ({ value: value as Seat, version }));
  }

  /**
   * Takes a place: the unit row (only if still at `unitVersion`) with occupied+1 and the seat
   * row, atomically. Any race → 'conflict.version' and nothing written.
   */
  async occupy(unit: Unit, unitVersion: string, seat: Seat): Promise<void> {
    await this.units.batch(UNITS, [
      { op: 'replace', rowKey: unitKey(unit.id), value: { ...unit, occupied: unit.occupied + 1 }, version: unitVersion, columns: this.columns(unit) },
      { op: 'insert', rowKey: seatKey(seat.unitId, seat.caseId), value: seat },
    ]);
  }

  /** Re-labels an existing seat for a new placement of the same case (no change in occupancy). */
  async relabelSeat(seat: Seat, version: string): Promise<void> {
    await this.units.replace(UNITS, seatKey(seat.unitId, seat.caseId), seat, version);
  }

  /** Frees a place: occupied−1 (never below 0) and the seat row gone, atomically. */
  async vacate(unit: Unit, unitVersion: string, seat: Seat): Promise<void> {
    await this.units.batch(UNITS, [
      {
        op: 'replace',
        rowKey: unitKey(unit.id),
        value: { ...unit, occupied: Math.max(0, unit.occupied - 1) },
        version: unitVersion,
        columns: this.columns(unit),
      },
      { op: 'delete', rowKey: seatKey(seat.unitId, seat.caseId) },
    ]);
  }

  /** Demo data and tests: insert-if-absent, no error when present. */
  async seed(providers: Provider[], units: Unit[]): Promise<{ providers: number; units: number }> {
    let p = 0;
    let u = 0;
    for (const x of providers) if ((await this.providers.insert(PROVIDERS, x.id, x, { kind: x.kind })) !== false) p++;
    for (const x of units) if ((await this.units.insert(UNITS, unitKey(x.id), x, this.columns(x))) !== false) u++;
    return { providers: p, units: u };
  }
}
