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
 * PLAYGROUND_PORT (default 56150, passed as -p), PLAYGROUND_VERSION (default 0.2.28). The config
 * it writes is built by playground-config.mjs (the Playground's config schema 0.1.1).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { playgroundConfig, playgroundYaml } from './playground-config.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '3978';
const endpoint = `http://localhost:${port}/api/messages`;
const version = process.env.PLAYGROUND_VERSION ?? '0.2.28';
const user = process.env.PLAYGROUND_USER ?? 'demo-worker-aino';
const playgroundPort = process.env.PLAYGROUND_PORT ?? '56150';

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
let config;
try {
  config = playgroundConfig(me, users.users);
} catch (err) {
  console.error(`Cannot write the Playground's config: ${err.message}`);
  process.exit(1);
}
writeFileSync(path.join(dir, '.m365agentsplayground.yml'), playgroundYaml(config));
const address = `http://localhost:${playgroundPort}`;
console.log(`Agents Playground ${version} → ${endpoint} as ${me.name} (${me.roles.join(', ')}).`);
console.log(`Open ${address} (the Playground opens it too). Type "ohje", "varaa" or "omat varaukset". The Playground sends locale en-US, so the bot answers in English.`);
const child = spawn('npx', ['--yes', `@microsoft/m365agentsplayground@${version}`, '-e', endpoint, '-c', 'msteams', '-p', playgroundPort, '--disable-telemetry'], {
  cwd: dir,
  stdio: 'inherit',
  env: { ...process.env, BOT_ENDPOINT: endpoint },
});
child.on('error', (err) => {
  console.error(`Could not start the Playground with npx: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (code) console.error(`The Playground stopped with exit code ${code}. Its log: ${path.join(dir, 'devTools', 'm365agentsplayground.log')}; its config: ${path.join(dir, '.m365agentsplayground.yml')}`);
  process.exit(code ?? (signal ? 1 : 0));
});
