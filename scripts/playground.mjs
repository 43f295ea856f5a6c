#!/usr/bin/env node
/**
 * `npm run playground`: opens Polku's bot in Microsoft 365 Agents Playground against the local
 * server (npm start in another terminal), without a tenant. The Playground is fetched on demand
 * with npx (it is not a dependency of the project: its licence is Microsoft's own and CI does not
 * need it). The bot runs unauthenticated locally (no BOT_ID), as the Playground expects.
 *
 * Who you are in the Playground: PLAYGROUND_USER (default demo-worker-aino), one of the demo
 * users, written into the Playground's .m365agentsplayground.yml as the current user's
 * aadObjectId, so Polku knows your roles. Options: PORT (Polku, default 3978),
 * PLAYGROUND_PORT (default 56150), PLAYGROUND_VERSION (default 0.2.28).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '3978';
const endpoint = `http://localhost:${port}/api/messages`;
const version = process.env.PLAYGROUND_VERSION ?? '0.2.28';
const user = process.env.PLAYGROUND_USER ?? 'demo-worker-aino';

const health = await fetch(`http://localhost:${port}/api/health`).then((r) => r.json()).catch(() => null);
if (!health) {
  console.error(`Polku is not answering on http://localhost:${port}. Start it first: npm start`);
  process.exit(1);
}
const users = await fetch(`http://localhost:${port}/api/dev/users`).then((r) => (r.ok ? r.json() : null)).catch(() => null);
const me = users?.users?.find((u) => u.id === user);
if (!me) {
  console.error(`Demo user ${user} not found (is DEV_SIGN_IN on?). Known: ${(users?.users ?? []).map((u) => u.id).join(', ')}`);
  process.exit(1);
}

const dir = path.join(root, '.data', 'playground');
mkdirSync(dir, { recursive: true });
const tenant = '00000000-0000-4000-8000-000000000001';
const person = (u, i) => `  - id: user-${i}\n    name: ${u.name}\n    aadObjectId: ${u.id}\n`;
writeFileSync(
  path.join(dir, '.m365agentsplayground.yml'),
  [
    'version: "0.0.1"',
    `tenantId: ${tenant}`,
    'bot:',
    '  id: 00000000-0000-4000-8000-000000000011',
    '  name: Polku',
    'currentUser:',
    '  id: user-0',
    `  name: ${me.name}`,
    `  aadObjectId: ${me.id}`,
    'users:',
    ...users.users.filter((u) => u.id !== me.id).map((u, i) => person(u, i + 1).trimEnd()),
    '',
  ].join('\n'),
);
console.log(`Agents Playground → ${endpoint} as ${me.name} (${me.roles.join(', ')}). Type "ohje", "varaa" or "omat varaukset".`);
const child = spawn('npx', ['--yes', `@microsoft/m365agentsplayground@${version}`, '-e', endpoint, '-c', 'msteams', '--disable-telemetry'], {
  cwd: dir,
  stdio: 'inherit',
  env: { ...process.env, BOT_ENDPOINT: endpoint },
});
child.on('exit', (code) => process.exit(code ?? 0));
