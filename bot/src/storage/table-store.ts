/**
 * The one place that speaks @azure/data-tables. Repositories use EntityStore; nothing above
 * storage/ sees TableEntity, partition keys or ETag strings — only an opaque `version`.
 *
 * Values are stored as JSON in `data` (chunked over data, data1… to stay under the 64 KiB
 * property limit), next to a few scalar columns a repository names for server-side filters.
 */
import {
  TableClient,
  TableServiceClient,
  RestError,
  type TableEntity,
  type TransactionAction,
} from '@azure/data-tables';
import { DomainError } from '../domain/errors.js';

const CHUNK = 30_000;
const MAX_CHUNKS = 15;

export interface Versioned<T> {
  value: T;
  version: string;
}

export interface StorageTarget {
  /** Connection string (Azurite or a real account with a key)… */
  connectionString?: string;
  /** …or an account URL with a token credential (managed identity). */
  accountUrl?: string;
  credential?: import('@azure/core-auth').TokenCredential;
  prefix: string;
}

const clientOptions = {
  allowInsecureConnection: true,
  // Fail fast when storage is away: the HTTP layer answers 503 with Retry-After instead of hanging.
  retryOptions: { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1000 },
};

export class TableStore {
  private readonly clients = new Map<string, TableClient>();
  constructor(private readonly target: StorageTarget) {}

  tableName(name: string): string {
    return `${this.target.prefix}${name}`;
  }

  client(name: string): TableClient {
    const full = this.tableName(name);
    let c = this.clients.get(full);
    if (!c) {
      c = this.target.connectionString
        ? TableClient.fromConnectionString(this.target.connectionString, full, clientOptions)
        : new TableClient(this.target.accountUrl!, full, this.target.credential!, clientOptions);
      this.clients.set(full, c);
    }
    return c;
  }

  service(): TableServiceClient {
    return this.target.connectionString
      ? TableServiceClient.fromConnectionString(this.target.connectionString, clientOptions)
      : new TableServiceClient(this.target.accountUrl!, this.target.credential!, clientOptions);
  }

  async ensureTables(names: readonly string[]): Promise<void> {
    for (const n of names) {
      await this.client(n).createTable();
    }
  }

  /** Cheap round trip used by /api/health. */
  async ping(): Promise<boolean> {
    try {
      const it = this.service().listTables().byPage({ maxPageSize: 1 });
      await it.next();
      return true;
    } catch {
      return false;
    }
  }

  entities<T>(table: string): EntityStore<T> {
    return new EntityStore<T>(this.client(table));
  }
}

export function encode(value: unknown): Record<string, string> {
  const json = JSON.stringify(value);
  const chunks = Math.max(1, Math.ceil(json.length / CHUNK));
  if (chunks > MAX_CHUNKS) throw new DomainError('validation', 'Value too large to store', { field: 'body' });
  const out: Record<string, string> = {};
  for (let i = 0; i < chunks; i++) out[i === 0 ? 'data' : `data${i}`] = json.slice(i * CHUNK, (i + 1) * CHUNK);
  return out;
}

export function decode<T>(e: Record<string, unknown>): T {
  let json = String(e.data ?? 'null');
  for (let i = 1; typeof e[`data${i}`] === 'string'; i++) json += e[`data${i}`] as string;
  return JSON.parse(json) as T;
}

/** Translate storage failures into domain errors; the HTTP layer maps those to statuses. */
export function storageError(err: unknown): unknown {
  if (err instanceof DomainError) return err;
  if (err instanceof RestError) {
    if (err.statusCode === 412) return new DomainError('conflict.version', 'Someone else changed this first');
    if (err.statusCode === 404) return new DomainError('notFound', 'Not found');
    if (err.statusCode === undefined || err.statusCode >= 500 || err.code === 'REQUEST_SEND_ERROR')
      return new DomainError('storage.unavailable', 'Storage is unavailable');
    return err;
  }
  const code = (err as { code?: string })?.code;
  if (code && /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|UND_ERR/.test(code))
    return new DomainError('storage.unavailable', 'Storage is unavailable');
  return err;
}

export function isConflict(err: unknown): boolean {
  return err instanceof RestError && err.statusCode === 409;
}

/** Extra scalar columns for server-side filters (e.g. state, workerId). */
export type Columns = Record<string, string | number | boolean | undefined>;

export type BatchOp<T> =
  | { op: 'insert'; rowKey: string; value: T; columns?: Columns }
  | { op: 'upsert'; rowKey: string; value: T; columns?: Columns }
  | { op: 'replace'; rowKey: string; value: T; version: string; columns?: Columns }
  | { op: 'delete'; rowKey: string; version?: string };

export class EntityStore<T> {
  constructor(private readonly table: TableClient) {}

  private entity(pk: string, rk: string, value: unknown, columns?: Columns): TableEntity {
    const cols: Record<string, string | number | boolean> = {};
    for (const [k, v] of Object.entries(columns ?? {})) if (v !== undefined) cols[k] = v;
    return { partitionKey: pk, rowKey: rk, ...cols, ...encode(value) };
  }

  async get(pk: string, rk: string): Promise<Versioned<T> | undefined> {
    try {
      const e = await this.table.getEntity(pk, rk);
      return { value: decode<T>(e), version: String(e.etag) };
    } catch (err) {
      if (err instanceof RestError && err.statusCode === 404) return undefined;
      throw storageError(err);
    }
  }

  /** Insert; returns false when the row already exists (insert-if-absent). */
  async insert(pk: string, rk: string, value: T, columns?: Columns): Promise<string | false> {
    try {
      const r = await this.table.createEntity(this.entity(pk, rk, value, columns));
      return String(r.etag);
    } catch (err) {
      if (isConflict(err)) return false;
      throw storageError(err);
    }
  }

  async upsert(pk: string, rk: string, value: T, columns?: Columns): Promise<string> {
    try {
      const r = await this.table.upsertEntity(this.entity(pk, rk, value, columns), 'Replace');
      return String(r.etag);
    } catch (err) {
      throw storageError(err);
    }
  }

  /** Replace only if the stored version is `version`; otherwise DomainError conflict.version. */
  async replace(pk: string, rk: string, value: T, version: string, columns?: Columns): Promise<string> {
    try {
      const r = await this.table.updateEntity(this.entity(pk, rk, value, columns), 'Replace', { etag: version });
      return String(r.etag);
    } catch (err) {
      throw storageError(err);
    }
  }

  async delete(pk: string, rk: string, version?: string): Promise<void> {
    try {
      await this.table.deleteEntity(pk, rk, version ? { etag: version } : undefined);
    } catch (err) {
      if (err instanceof RestError && err.statusCode === 404) return;
      throw storageError(err);
    }
  }

  /** All rows of a partition (optionally those whose row key starts with a prefix). */
  async list(pk: string, rowPrefix?: string, filter?: string): Promise<Array<Versioned<T> & { rowKey: string }>> {
    const parts = [`PartitionKey eq '${esc(pk)}'`];
    if (rowPrefix) parts.push(`RowKey ge '${esc(rowPrefix)}'`, `RowKey lt '${esc(rowPrefix)}\uffff'`);
    if (filter) parts.push(`(${filter})`);
    return this.query(parts.join(' and '));
  }

  async query(filter: string): Promise<Array<Versioned<T> & { rowKey: string; partitionKey: string }>> {
    const out: Array<Versioned<T> & { rowKey: string; partitionKey: string }> = [];
    try {
      for await (const e of this.table.listEntities({ queryOptions: { filter } })) {
        out.push({
          value: decode<T>(e),
          version: String(e.etag),
          rowKey: String(e.rowKey),
          partitionKey: String(e.partitionKey),
        });
      }
    } catch (err) {
      throw storageError(err);
    }
    return out;
  }

  /**
   * Atomic operations on one partition (at most 100). Any failed condition fails them all.
   * Returns the new version (ETag) of each row written, by row key, from the transaction's own
   * response — so a caller need not read a row back for its version.
   */
  async batch(pk: string, ops: Array<BatchOp<T>>): Promise<Map<string, string>> {
    const actions: TransactionAction[] = ops.map((o) => {
      switch (o.op) {
        case 'insert':
          return ['create', this.entity(pk, o.rowKey, o.value, o.columns)];
        case 'upsert':
          return ['upsert', this.entity(pk, o.rowKey, o.value, o.columns), 'Replace'];
        case 'replace':
          return ['update', this.entity(pk, o.rowKey, o.value, o.columns), 'Replace', { etag: o.version }];
        case 'delete':
          return ['delete', { partitionKey: pk, rowKey: o.rowKey }];
      }
    });
    try {
      const r = await this.table.submitTransaction(actions);
      // The service answers a changeset in the order of its operations (an update's answer
      // carries no row key, so the order is what pairs them).
      const versions = new Map<string, string>();
      if (r.subResponses.length === ops.length)
        ops.forEach((o, i) => {
          const etag = r.subResponses[i]?.etag?.trim();
          if (o.op !== 'delete' && etag) versions.set(o.rowKey, etag);
        });
      return versions;
    } catch (err) {
      if (isConflict(err)) throw new DomainError('conflict.version', 'Someone else changed this first');
      throw storageError(err);
    }
  }
}

/** Escape a value for an OData filter string literal. */
export function esc(v: string): string {
  return v.replace(/'/g, "''");
}
