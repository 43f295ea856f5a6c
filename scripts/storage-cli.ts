/**
 * Storage for the operator scripts (backup, restore, verify-access-log): the same settings as
 * the server (STORAGE_CONNECTION_STRING, or STORAGE_ACCOUNT_URL with managed identity, or local
 * Azurite) and TABLE_PREFIX, parsed by the server's own schema. Only the storage settings are
 * needed: the production start checks (sign-in, bot) do not apply to a script.
 *
 * Local Azurite: when something listens on AZURITE_PORT (the server is running) the script uses
 * it; otherwise it starts Azurite on the same folder as `npm start` (bot/.data/azurite unless
 * AZURITE_LOCATION is absolute) and stops it at the end.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigSchema } from '../bot/src/config.js';
import { azuriteConnectionString, isPortOpen, startAzurite, type AzuriteHandle } from '../bot/src/storage/azurite.js';
import { TableStore } from '../bot/src/storage/table-store.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface OpenedStorage {
  store: TableStore;
  prefix: string;
  /** Where it is, for the operator (no secrets). */
  where: string;
  close(): Promise<void>;
}

export async function openStorage(env: NodeJS.ProcessEnv = process.env): Promise<OpenedStorage> {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const c = parsed.data;
  const prefix = c.TABLE_PREFIX;
  if (c.STORAGE_CONNECTION_STRING) {
    const account = /AccountName=([^;]+)/i.exec(c.STORAGE_CONNECTION_STRING)?.[1] ?? 'connection string';
    return { store: new TableStore({ connectionString: c.STORAGE_CONNECTION_STRING, prefix }), prefix, where: account, close: async () => undefined };
  }
  if (c.STORAGE_ACCOUNT_URL) {
    const { DefaultAzureCredential } = await import('@azure/identity');
    return {
      store: new TableStore({ accountUrl: c.STORAGE_ACCOUNT_URL, credential: new DefaultAzureCredential(), prefix }),
      prefix,
      where: c.STORAGE_ACCOUNT_URL,
      close: async () => undefined,
    };
  }
  let azurite: AzuriteHandle | undefined;
  if (!(await isPortOpen(c.AZURITE_PORT))) {
    const location = path.isAbsolute(c.AZURITE_LOCATION) ? c.AZURITE_LOCATION : path.join(ROOT, 'bot', c.AZURITE_LOCATION);
    azurite = await startAzurite({ port: c.AZURITE_PORT, location, inMemory: c.AZURITE_IN_MEMORY });
  }
  return {
    store: new TableStore({ connectionString: azuriteConnectionString(c.AZURITE_PORT), prefix }),
    prefix,
    where: `Azurite on port ${c.AZURITE_PORT}${azurite ? ' (started for this run)' : ''}`,
    close: async () => {
      await azurite?.stop();
    },
  };
}

/** `--name value` and `--flag` arguments. */
export function argsOf(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      out[a.slice(2)] = next;
      i++;
    } else out[a.slice(2)] = true;
  }
  return out;
}

/** Runs a script's main when the file is executed directly (not when a test imports it). */
export function isMain(metaUrl: string): boolean {
  return !!process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(metaUrl);
}
