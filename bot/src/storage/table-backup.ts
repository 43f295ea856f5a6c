/**
 * Raw table access for backup and restore (scripts/backup.ts, scripts/restore.ts): every
 * entity of a table with each property's EDM type, and loading such entities into an empty
 * table. Lives in storage/ because only storage/ speaks @azure/data-tables; the app itself
 * never uses it.
 *
 * Types: the service reports String, Boolean, Int32, Int64, Double, DateTime, Guid and Binary.
 * JSON carries no type for plain numbers, so the SDK calls every integral number "Int32";
 * restore writes such numbers untyped, exactly as the app first wrote them, so the service
 * stores them as it did then (and an export of the restored table reads the same).
 */
import type { TableEntity } from '@azure/data-tables';
import type { TableStore } from './table-store.js';

export type EdmType = 'String' | 'Boolean' | 'Int32' | 'Int64' | 'Double' | 'DateTime' | 'Guid' | 'Binary';

/** One entity as a backup line: keys, then every property with its type (no ETag, no Timestamp). */
export interface BackupEntity {
  PartitionKey: string;
  RowKey: string;
  properties: Record<string, { type: EdmType; value: string }>;
}

const MAX_BATCH_BYTES = 3 * 1024 * 1024;
const SKIP = new Set(['etag', 'timestamp', 'partitionKey', 'rowKey', 'odata.type', 'odata.id', 'odata.editLink', 'odata.etag']);
const EDM = new Set<EdmType>(['String', 'Boolean', 'Int32', 'Int64', 'Double', 'DateTime', 'Guid', 'Binary']);

/** Table names (without the prefix) that exist under the store's prefix, sorted. */
export async function listPrefixedTables(store: TableStore): Promise<string[]> {
  const prefix = store.tableName('');
  const out: string[] = [];
  for await (const t of store.service().listTables()) {
    const name = t.name ?? '';
    if (name.startsWith(prefix) && name.length > prefix.length) out.push(name.slice(prefix.length));
  }
  return out.sort();
}

/** Every entity of one table, in partition/row order, with typed properties. */
export async function* exportTable(store: TableStore, table: string): AsyncGenerator<BackupEntity> {
  const client = store.client(table);
  const pages = client.listEntities<Record<string, unknown>>({ disableTypeConversion: true }).byPage({ maxPageSize: 1000 });
  for await (const page of pages) {
    for (const e of page) {
      const properties: BackupEntity['properties'] = {};
      for (const [k, v] of Object.entries(e)) {
        if (SKIP.has(k)) continue;
        const typed = v as { type?: string; value?: unknown };
        if (!typed || typeof typed !== 'object' || !EDM.has(typed.type as EdmType))
          throw new Error(`${table}: property ${k} has an unexpected shape`);
        properties[k] = { type: typed.type as EdmType, value: String(typed.value) };
      }
      yield { PartitionKey: String(e.partitionKey), RowKey: String(e.rowKey), properties };
    }
  }
}

/** True when the table does not exist or holds no entity. */
export async function isTableEmpty(store: TableStore, table: string): Promise<boolean> {
  try {
    const first = await store.client(table).listEntities({ queryOptions: { select: ['PartitionKey'] } }).byPage({ maxPageSize: 1 }).next();
    return first.done === true || first.value.length === 0;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return true;
    throw err;
  }
}

function toEntity(b: BackupEntity): TableEntity {
  const e: TableEntity<Record<string, unknown>> = { partitionKey: b.PartitionKey, rowKey: b.RowKey };
  for (const [k, p] of Object.entries(b.properties)) {
    switch (p.type) {
      case 'String':
        e[k] = p.value;
        break;
      case 'Boolean':
        e[k] = p.value === 'true';
        break;
      case 'Int32':
      case 'Double': {
        // Untyped, as the app wrote it; an explicit Double keeps its type where JSON would lose it.
        const n = Number(p.value);
        e[k] = p.type === 'Double' && Number.isInteger(n) ? { type: 'Double', value: p.value } : n;
        break;
      }
      default:
        e[k] = { type: p.type, value: p.value };
    }
  }
  return e;
}

/**
 * Creates the table and inserts the entities (insert, never overwrite: a row that exists makes
 * the restore fail loudly). Rows of one partition go in transactions of up to 100.
 */
export async function importTable(store: TableStore, table: string, entities: AsyncIterable<BackupEntity> | Iterable<BackupEntity>): Promise<number> {
  const client = store.client(table);
  await client.createTable();
  let n = 0;
  let batch: BackupEntity[] = [];
  let bytes = 0;
  const flush = async () => {
    if (!batch.length) return;
    if (batch.length === 1) await client.createEntity(toEntity(batch[0]!));
    else await client.submitTransaction(batch.map((b) => ['create', toEntity(b)]));
    n += batch.length;
    batch = [];
    bytes = 0;
  };
  for await (const b of entities) {
    // A transaction holds at most 100 entities of one partition and 4 MiB.
    const size = Buffer.byteLength(JSON.stringify(b));
    if (batch.length && (batch.length >= 100 || batch[0]!.PartitionKey !== b.PartitionKey || bytes + size > MAX_BATCH_BYTES)) await flush();
    batch.push(b);
    bytes += size;
  }
  await flush();
  return n;
}
