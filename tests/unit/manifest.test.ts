/**
 * The Teams app package and its deployment files (issue 6), offline and fast:
 * the package builds from env/.env.local, the filled manifest and every localisation file match
 * the official JSON schemas of the manifest's version (shipped by @microsoft/app-manifest), the
 * zip holds what Teams expects, the icons have the right sizes, the env files commit no secrets,
 * every ${{VAR}} is declared or produced by provisioning, the Entra app declares Polku's roles,
 * and the server refuses an incomplete production configuration.
 */
import AdmZip from 'adm-zip';
import pngjs from 'pngjs';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  buildPackage,
  PackageError,
  parseEnvFile,
  PROVISIONED,
  ROOT,
  schemaDir,
  validateAgainst,
  type PackageResult,
} from '../../scripts/package.js';
import { ConfigError, ConfigSchema, loadConfig, productionProblems } from '../../bot/src/config.js';
import { ROLES } from '../../bot/src/domain/types.js';
import { parseCommand } from '../../bot/src/teams/commands.js';

const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VAR = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

let tmp: string;
let pkg: PackageResult;
let zip: AdmZip;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'polku-package-'));
  // The schema must come from disk: any network access fails the test.
  vi.stubGlobal('fetch', () => {
    throw new Error('network access during offline validation');
  });
  pkg = await buildPackage({ env: 'local', outDir: path.join(tmp, 'out') });
  zip = new AdmZip(pkg.zipPath);
});

afterAll(() => {
  vi.unstubAllGlobals();
  rmSync(tmp, { recursive: true, force: true });
});

const entryJson = (name: string) => JSON.parse(zip.readAsText(name));

describe('npm run package -- --env local', () => {
  it('writes the filled manifest and the zip into the output directory', () => {
    expect(pkg.zipPath).toBe(path.join(tmp, 'out', 'appPackage.local.zip'));
    expect(pkg.manifestPath).toBe(path.join(tmp, 'out', 'manifest.local.json'));
    expect(existsSync(pkg.zipPath)).toBe(true);
    expect(JSON.parse(readFileSync(pkg.manifestPath, 'utf8'))).toEqual(pkg.manifest);
    // Only ids that provisioning writes may be placeholders.
    for (const name of pkg.placeholders) expect(Object.keys(PROVISIONED)).toContain(name);
  });

  it('zips manifest.json, both icons and the localisation files at the root, nothing else', () => {
    const names = zip.getEntries().map((e) => e.entryName).sort();
    const loc = pkg.manifest.localizationInfo.additionalLanguages.map((l: { file: string }) => l.file);
    expect(names).toEqual(['color.png', 'manifest.json', 'outline.png', ...loc].sort());
    expect(loc).toEqual(expect.arrayContaining(['fi.json', 'sv.json']));
    expect(entryJson('manifest.json')).toEqual(pkg.manifest);
    for (const name of names) expect(name).not.toMatch(/[/\\]/);
    for (const name of names.filter((n) => n.endsWith('.json'))) expect(zip.readAsText(name)).not.toMatch(VAR);
  });

  it('fills the newest 1.x manifest that validates against the official schema of its version, offline', () => {
    const m = pkg.manifest;
    const shipped = readdirSync(path.dirname(schemaDir(m.manifestVersion)))
      .map((d) => /^v1\.(\d+)$/.exec(d)?.[1])
      .filter((x): x is string => !!x)
      .map(Number);
    expect(m.manifestVersion).toBe(`1.${Math.max(...shipped)}`);
    expect(m.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${m.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(validateAgainst(m, m.manifestVersion, 'manifest')).toEqual([]);
    // The validator really validates.
    expect(validateAgainst({ ...m, accentColor: 'teal' }, m.manifestVersion, 'manifest').join()).toMatch(/accentColor/);
  });

  it('validates every localisation file against the localisation schema, with the same keys', () => {
    const m = pkg.manifest;
    const files = m.localizationInfo.additionalLanguages as Array<{ languageTag: string; file: string }>;
    expect(files.map((f) => f.languageTag).sort()).toEqual(['fi', 'sv']);
    const keySets = files.map(({ file }) => {
      const doc = entryJson(file);
      expect(doc.$schema).toBe(
        `https://developer.microsoft.com/json-schemas/teams/v${m.manifestVersion}/MicrosoftTeams.Localization.schema.json`,
      );
      expect(validateAgainst(doc, m.manifestVersion, 'localization'), file).toEqual([]);
      return Object.keys(doc).filter((k) => k !== '$schema').sort();
    });
    for (const keys of keySets) expect(keys).toEqual(keySets[0]);
    // Every localised key names a string that exists in the default (English) manifest.
    for (const key of keySets[0]!) {
      const value = key
        .split('.')
        .flatMap((part) => part.split(/[[\]]/).filter(Boolean))
        .reduce<any>((o, k) => (o == null ? undefined : o[/^\d+$/.test(k) ? Number(k) : k]), m);
      expect(typeof value, key).toBe('string');
    }
  });

  it('offers the bot commands in Finnish, Swedish and English', () => {
    const m = pkg.manifest;
    const bot = m.bots[0];
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    const personal = bot.commandLists.findIndex((l: { scopes: string[] }) => l.scopes.includes('personal'));
    const titles = (lang: string): string[] => {
      if (lang === 'en') return bot.commandLists[personal].commands.map((c: { title: string }) => c.title);
      const doc = entryJson(`${lang}.json`);
      return bot.commandLists[personal].commands.map((_: unknown, i: number) => doc[`bots[0].commandLists[${personal}].commands[${i}].title`]);
    };
    expect(titles('en')).toEqual(['book', 'my bookings', 'settings', 'help']);
    expect(titles('fi')).toEqual(['varaa', 'omat varaukset', 'asetukset', 'ohje']);
    expect(titles('sv')).toEqual(['boka', 'mina bokningar', 'inställningar', 'hjälp']);
    for (const lang of ['fi', 'sv']) {
      const doc = entryJson(`${lang}.json`);
      bot.commandLists.forEach((list: { commands: unknown[] }, l: number) =>
        list.commands.forEach((_, i) => {
          expect(doc[`bots[0].commandLists[${l}].commands[${i}].title`], `${lang} ${l}/${i}`).toBeTruthy();
          expect(doc[`bots[0].commandLists[${l}].commands[${i}].description`], `${lang} ${l}/${i}`).toBeTruthy();
        }),
      );
    }
    // Teams shows at most 32 characters of a command title; the bot understands every title.
    for (const lang of ['en', 'fi', 'sv'])
      for (const t of titles(lang)) {
        expect(t.length).toBeLessThanOrEqual(32);
        expect(parseCommand(t), `${lang}: "${t}"`).not.toBeNull();
      }
    expect(titles('fi').map(parseCommand)).toEqual(titles('en').map(parseCommand));
    expect(titles('sv').map(parseCommand)).toEqual(titles('en').map(parseCommand));
  });

  it('declares the tabs, bot and single sign-on on one origin', () => {
    const m = pkg.manifest;
    const origin: string = m.staticTabs[0].contentUrl.replace(/\/my-work$/, '');
    const host = new URL(origin).host;
    expect(m.staticTabs[0]).toMatchObject({ entityId: 'my-work', contentUrl: `${origin}/my-work`, scopes: ['personal'] });
    expect(entryJson('fi.json')['staticTabs[0].name']).toBe('Oma työ');
    expect(m.configurableTabs[0]).toMatchObject({ configurationUrl: `${origin}/configure`, canUpdateConfiguration: true });
    expect(m.configurableTabs[0].scopes).toEqual(expect.arrayContaining(['team', 'groupChat']));
    expect(m.configurableTabs[0].context).toEqual(expect.arrayContaining(['channelTab', 'meetingSidePanel']));
    expect(origin).toMatch(/^https:\/\//);
    expect(m.validDomains).toEqual([host]);
    expect(m.webApplicationInfo).toEqual({ id: expect.stringMatching(GUID), resource: `api://${host}/${m.webApplicationInfo.id}` });
    expect(m.bots[0].botId).toMatch(GUID);
    expect(m.id).toMatch(GUID);
  });

  it('ships a 192×192 colour icon and a 32×32 transparent white outline', () => {
    const color = pngjs.PNG.sync.read(zip.readFile('color.png')!);
    expect([color.width, color.height]).toEqual([192, 192]);
    const colours = new Set<number>();
    for (let i = 0; i < color.data.length; i += 4) colours.add(color.data.readUInt32BE(i));
    expect(colours.size).toBeGreaterThan(2);

    const outline = pngjs.PNG.sync.read(zip.readFile('outline.png')!);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    let opaque = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      if (a === 0) transparent++;
      else {
        expect([r, g, b]).toEqual([255, 255, 255]);
        if (a === 255) opaque++;
      }
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.3);
    expect(opaque).toBeGreaterThan(32);
    expect(outline.data[3]).toBe(0); // the corner is transparent: no background
  });
});

describe('filling ${{VAR}} placeholders', () => {
  function project(env: string, user?: string): string {
    const root = mkdtempSync(path.join(tmp, 'root-'));
    cpSync(path.join(ROOT, 'appPackage'), path.join(root, 'appPackage'), {
      recursive: true,
      filter: (src) => path.relative(path.join(ROOT, 'appPackage'), src).split(path.sep)[0] !== 'build',
    });
    mkdirSync(path.join(root, 'env'));
    const vars = parseEnvFile(read('env/.env.local'));
    const lines = Object.entries({ ...vars, ...Object.fromEntries(Object.entries(PROVISIONED).map(([k]) => [k, ''])) })
      .filter(([k]) => k !== 'DEVELOPER_NAME')
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`);
    writeFileSync(path.join(root, 'env', '.env.t'), `# test\n${lines.join('\n')}\n${env}`);
    if (user !== undefined) writeFileSync(path.join(root, 'env', '.env.t.user'), user);
    return root;
  }

  it('fails naming every undeclared variable, and in --strict every unprovisioned one', async () => {
    const root = project('');
    const strict = await buildPackage({ env: 't', rootDir: root, strict: true }).catch((e) => e);
    expect(strict).toBeInstanceOf(PackageError);
    expect(strict.message).toMatch(/DEVELOPER_NAME: not declared/);
    for (const name of Object.keys(PROVISIONED)) expect(strict.message).toContain(`${name}: empty`);

    const lenient = await buildPackage({ env: 't', rootDir: root }).catch((e) => e);
    expect(lenient).toBeInstanceOf(PackageError);
    expect(lenient.message).toMatch(/DEVELOPER_NAME/);
    expect(lenient.message).not.toMatch(/BOT_ID/);

    const empty = await buildPackage({ env: 't', rootDir: project('DEVELOPER_NAME=\n') }).catch((e) => e);
    expect(empty.message).toMatch(/DEVELOPER_NAME: empty/);
    await expect(buildPackage({ env: 'nope', rootDir: root })).rejects.toThrow(/env\/\.env\.nope not found/);
  });

  it('lets env/.env.<env>.user win, escapes values for JSON and uses placeholders before provisioning', async () => {
    const root = project('DEVELOPER_NAME=Base\n', `DEVELOPER_NAME='Kunta "Polku" Oy'\nBOT_ID=0f0e0d0c-0b0a-4909-8807-060504030201\n`);
    const r = await buildPackage({ env: 't', rootDir: root });
    expect(r.manifest.developer.name).toBe('Kunta "Polku" Oy');
    expect(r.manifest.bots[0].botId).toBe('0f0e0d0c-0b0a-4909-8807-060504030201');
    expect(r.manifest.id).toBe(PROVISIONED.TEAMS_APP_ID);
    expect(r.placeholders).toEqual(['AAD_APP_CLIENT_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT', 'TEAMS_APP_ID']);
    expect(r.zipPath).toBe(path.join(root, 'appPackage', 'build', 'appPackage.t.zip'));
  });

  it('parses env files the way the toolkit writes them', () => {
    expect(parseEnvFile('# c\nA=1\nB=" (dev)"\nC=x # note\nexport D=\'y z\'\nE=\n')).toEqual({ A: '1', B: ' (dev)', C: 'x', D: 'y z', E: '' });
  });
});

describe('environment files and templates', () => {
  const templateVars = (files: string[]) => {
    const out = new Set<string>();
    for (const f of files) for (const m of read(f).matchAll(VAR)) out.add(m[1]!);
    return out;
  };
  /** Variables that provisioning writes: writeToEnvironmentFile in the yml, outputs of the bicep. */
  const produced = (yml: string, bicep?: string) => {
    const out = new Set<string>(['AAD_APP_ACCESS_AS_USER_PERMISSION_ID']); // aadApp/update
    let indent = -1;
    for (const line of read(yml).split('\n')) {
      const start = /^(\s*)writeToEnvironmentFile:\s*$/.exec(line);
      if (start) {
        indent = start[1]!.length;
        continue;
      }
      if (indent < 0 || !line.trim() || line.trim().startsWith('#')) continue;
      const kv = /^(\s*)[A-Za-z]+:\s*([A-Z][A-Z0-9_]*)\s*$/.exec(line);
      if (kv && kv[1]!.length > indent) out.add(kv[2]!);
      else indent = -1;
    }
    if (bicep) for (const m of read(bicep).matchAll(/^output\s+([A-Z][A-Z0-9_]*)\s/gm)) out.add(m[1]!);
    return out;
  };
  const cases = [
    {
      env: 'dev',
      yml: 'teamsapp.yml',
      bicep: 'infra/azure.bicep',
      templates: ['appPackage/manifest.json', 'appPackage/fi.json', 'appPackage/sv.json', 'appPackage/aad.manifest.json', 'infra/azure.parameters.json', 'teamsapp.yml'],
      // May stay empty: the toolkit asks, the county has no own domain yet, or the value lives in .user.
      operator: ['AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'CUSTOM_DOMAIN', 'SECRET_IDENTITY_HASH_SECRET', 'SECRET_ACCESS_LOG_KEY'],
    },
    {
      env: 'local',
      yml: 'teamsapp.local.yml',
      bicep: undefined,
      templates: ['appPackage/manifest.json', 'appPackage/fi.json', 'appPackage/sv.json', 'appPackage/aad.manifest.json', 'teamsapp.local.yml'],
      operator: ['TAB_DOMAIN', 'TAB_ENDPOINT'], // the developer's dev tunnel
    },
  ];

  it.each(cases)('declares every variable of env $env, and only provisioning fills the empty ones', ({ env, yml, bicep, templates, operator }) => {
    const declared = parseEnvFile(read(`env/.env.${env}`));
    const made = produced(yml, bicep);
    const undeclared = [...templateVars(templates)].filter((v) => !(v in declared) && !made.has(v));
    expect(undeclared).toEqual([]);
    const unfilled = Object.entries(declared)
      .filter(([k, v]) => v === '' && !made.has(k) && !operator.includes(k))
      .map(([k]) => k);
    expect(unfilled).toEqual([]);
  });

  it('uses placeholders only for values that provisioning writes', () => {
    const made = produced('teamsapp.yml', 'infra/azure.bicep');
    for (const name of Object.keys(PROVISIONED)) expect(made.has(name), name).toBe(true);
  });

  it('commits no secrets in env/ and keeps *.user files out of git', () => {
    const committed = readdirSync(path.join(ROOT, 'env')).filter((f) => /^\.env\.[A-Za-z0-9_-]+$/.test(f));
    expect(committed).toEqual(expect.arrayContaining(['.env.dev', '.env.local']));
    const secretName = /SECRET|PASSWORD|PASSWD|TOKEN|CONNECTION_STRING|(^|_)KEY($|_)|SAS/;
    const looksSecret = (v: string) =>
      /AccountKey=|SharedAccessSignature|[?&]sig=|^crypto_|-----BEGIN|^eyJ[\w-]{10,}\./.test(v) ||
      (v.length >= 30 &&
        !/\s/.test(v) &&
        !/^https?:\/\//.test(v) &&
        !v.startsWith('/subscriptions/') &&
        /[A-Z]/.test(v) &&
        /[a-z]/.test(v) &&
        /\d/.test(v));
    for (const f of committed) {
      for (const [k, v] of Object.entries(parseEnvFile(read(`env/${f}`)))) {
        if (secretName.test(k)) expect(v, `${f}: ${k} must be empty (put it in ${f}.user)`).toBe('');
        expect(looksSecret(v), `${f}: ${k} looks like a secret`).toBe(false);
      }
    }
    expect(read('.gitignore').split(/\r?\n/)).toContain('env/.env.*.user');
  });

  it('declares Polku roles, access_as_user and the pre-authorised Teams clients in the Entra app', () => {
    const aad = JSON.parse(read('appPackage/aad.manifest.json'));
    expect(aad.appRoles.map((r: { value: string }) => r.value).sort()).toEqual([...ROLES].sort());
    const ids = aad.appRoles.map((r: { id: string }) => r.id);
    for (const r of aad.appRoles) expect(r).toMatchObject({ id: expect.stringMatching(GUID), isEnabled: true, allowedMemberTypes: ['User'] });
    expect(new Set(ids).size).toBe(ids.length);
    const scope = aad.api.oauth2PermissionScopes.find((s: { value: string }) => s.value === 'access_as_user');
    expect(scope).toMatchObject({ type: 'User', isEnabled: true });
    const clients = [
      '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
      '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
      '4765445b-32c6-49b0-83e6-1d93765276ca',
      '0ec893e0-5785-4de6-99da-4ed124e5296c',
      'd3590ed6-52b3-4102-aeff-aad2292ab01c',
      'bc59ab01-8403-45c6-8796-ac3ef710b3e3',
      '27922004-5251-4030-b22d-91ecd9a37ea4',
    ];
    expect(aad.api.preAuthorizedApplications.map((a: { appId: string }) => a.appId).sort()).toEqual(clients.sort());
    for (const a of aad.api.preAuthorizedApplications) expect(a.delegatedPermissionIds).toEqual([scope.id]);
    expect(aad.api.requestedAccessTokenVersion).toBe(2);
    expect(aad.signInAudience).toBe('AzureADMyOrg');
    // The Application ID URI is exactly the manifest's SSO resource.
    const manifest = JSON.parse(read('appPackage/manifest.json'));
    expect(aad.identifierUris).toEqual([manifest.webApplicationInfo.resource]);
    expect(aad.appId).toBe(manifest.webApplicationInfo.id);
  });

  it('runs the toolkit lifecycle actions the deployment needs', () => {
    const uses = (f: string) => [...read(f).matchAll(/^\s*- uses: (\S+)/gm)].map((m) => m[1]);
    for (const f of ['teamsapp.yml', 'teamsapp.local.yml']) {
      expect(read(f)).toMatch(/^version: v1\.\d+$/m);
      expect(uses(f)).toEqual(
        expect.arrayContaining(['teamsApp/create', 'aadApp/create', 'aadApp/update', 'teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/update']),
      );
    }
    expect(uses('teamsapp.yml')).toEqual(expect.arrayContaining(['arm/deploy', 'azureAppService/zipDeploy', 'teamsApp/publishAppPackage']));
    expect(uses('teamsapp.local.yml')).toEqual(expect.arrayContaining(['botFramework/create']));
    // The local lifecycle ends with the link a developer opens in Teams to install the app.
    const lastStep = read('teamsapp.local.yml').trimEnd().split(/\n\s*- uses: /).at(-1)!;
    expect(lastStep).toMatch(/^script\b/);
    expect(lastStep).toContain('https://teams.microsoft.com/l/app/${{TEAMS_APP_ID}}?installAppPackage=true');
    // The local server config written by `teamsapp deploy --env local` uses the server's own keys.
    const envs = /envs:\n((?:\s{8}\w+: .*\n)+)/.exec(read('teamsapp.local.yml'))![1]!;
    for (const m of envs.matchAll(/^\s+(\w+):/gm)) expect(Object.keys(ConfigSchema.shape)).toContain(m[1]);
  });

  it('gives the web app every production setting the server checks, with no stored secret', () => {
    const bicep = read('infra/azure.bicep');
    const settings = new Map([...bicep.matchAll(/\{ name: '([A-Z_]+)', value: (.+?) \}/g)].map((m) => [m[1]!, m[2]!]));
    const appService = ['WEBSITES_PORT', 'WEBSITE_RUN_FROM_PACKAGE', 'SCM_DO_BUILD_DURING_DEPLOYMENT', 'TZ', 'AZURE_CLIENT_ID'];
    for (const name of settings.keys()) if (!appService.includes(name)) expect(Object.keys(ConfigSchema.shape), name).toContain(name);
    for (const key of ['PUBLIC_ORIGIN', 'STORAGE_ACCOUNT_URL', 'AAD_CLIENT_ID', 'AAD_TENANT_ID', 'AAD_APP_ID_URI', 'BOT_ID', 'BOT_TENANT_ID', 'IDENTITY_HASH_SECRET', 'ACCESS_LOG_KEY', 'ACCESS_LOG_KEY_ID', 'HOST'])
      expect(settings.has(key), key).toBe(true);
    expect(settings.get('ACCESS_LOG_KEY')).toMatch(/^'@Microsoft\.KeyVault\(/);
    expect(settings.get('NODE_ENV')).toBe("'production'");
    expect(settings.get('BOT_TYPE')).toBe("'UserAssignedMSI'");
    expect(settings.get('AAD_APP_ID_URI')).toBe("'api://${domain}/${aadAppClientId}'");
    expect(settings.get('PUBLIC_ORIGIN')).toBe('origin');
    expect(settings.get('IDENTITY_HASH_SECRET')).toMatch(/^'@Microsoft\.KeyVault\(/);
    expect(settings.has('DEV_SIGN_IN') || settings.has('BOT_PASSWORD') || settings.has('STORAGE_CONNECTION_STRING')).toBe(false);
    expect(bicep).toMatch(/allowSharedKeyAccess: false/);
    expect(bicep).toMatch(/minimumTlsVersion: 'TLS1_2'/);
    expect(bicep).toMatch(/httpsOnly: true/);
    expect(bicep).toMatch(/linuxFxVersion: 'NODE\|24-lts'/);
    expect(bicep).toMatch(/msaAppType: 'UserAssignedMSI'/);
    expect(bicep).toMatch(/channelName: 'MsTeamsChannel'/);
    expect(bicep).toContain("'0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'"); // Storage Table Data Contributor
    const params = JSON.parse(read('infra/azure.parameters.json')).parameters;
    for (const name of Object.keys(params)) expect(bicep).toMatch(new RegExp(`^param ${name} `, 'm'));
  });
});

describe('production configuration check', () => {
  const PROD: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    PUBLIC_ORIGIN: 'https://polku.example.fi',
    STORAGE_ACCOUNT_URL: 'https://stpolkudev.table.core.windows.net/',
    AAD_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
    AAD_TENANT_ID: '66666666-7777-4888-9999-000000000000',
    AAD_APP_ID_URI: 'api://polku.example.fi/11111111-2222-4333-8444-555555555555',
    BOT_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
    BOT_TENANT_ID: '66666666-7777-4888-9999-000000000000',
    BOT_TYPE: 'UserAssignedMSI',
    IDENTITY_HASH_SECRET: 'q8WmZ2rT5yXv9bNc3dLk7hJf4gPs6aEuR1tYo0iQ',
    ACCESS_LOG_KEY: 'Zr4tY7uI0oP3aS6dF9gH2jK5lZ8xC1vB4nM7qW0e',
    ACCESS_LOG_KEY_ID: 'k1',
    HOST: '0.0.0.0',
  };
  const problems = (env: NodeJS.ProcessEnv) => {
    try {
      loadConfig(env);
      return '';
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as Error).message;
    }
  };

  it('starts with a complete production configuration (what infra/azure.bicep sets)', () => {
    const config = loadConfig(PROD);
    expect(config.storageMode).toBe('managedIdentity');
    expect(productionProblems(config)).toEqual([]);
  });

  it('refuses dev sign-in in production, naming DEV_SIGN_IN', () => {
    expect(() => loadConfig({ ...PROD, DEV_SIGN_IN: 'true' })).toThrow(ConfigError);
    expect(problems({ ...PROD, DEV_SIGN_IN: 'true' })).toMatch(/DEV_SIGN_IN/);
  });

  it('names every missing id and setting', () => {
    const message = problems({ NODE_ENV: 'production' });
    for (const key of ['PUBLIC_ORIGIN', 'STORAGE_ACCOUNT_URL', 'AAD_CLIENT_ID', 'AAD_TENANT_ID', 'AAD_APP_ID_URI', 'BOT_ID', 'BOT_TENANT_ID', 'BOT_PASSWORD', 'IDENTITY_HASH_SECRET', 'ACCESS_LOG_KEY'])
      expect(message).toContain(key);
  });

  it.each([
    [{ PUBLIC_ORIGIN: 'http://polku.example.fi' }, /PUBLIC_ORIGIN must be an https/],
    [{ PUBLIC_ORIGIN: 'https://localhost:3978' }, /PUBLIC_ORIGIN .*not localhost/],
    [{ PUBLIC_ORIGIN: 'https://polku.example.fi/app' }, /PUBLIC_ORIGIN must be an origin only/],
    [{ AAD_APP_ID_URI: 'api://other.example.fi/11111111-2222-4333-8444-555555555555' }, /AAD_APP_ID_URI must be api:\/\/polku\.example\.fi\//],
    [{ BOT_ID: 'polku-bot' }, /BOT_ID must be a GUID/],
    [{ IDENTITY_HASH_SECRET: 'short-but-sixteen+' }, /IDENTITY_HASH_SECRET is shorter than 32/],
    [{ IDENTITY_HASH_SECRET: '@Microsoft.KeyVault(VaultName=kv;SecretName=identity-hash-secret)' }, /IDENTITY_HASH_SECRET is an unresolved Key Vault reference/],
    [{ ACCESS_LOG_KEY: undefined }, /ACCESS_LOG_KEY is the development default/],
    [{ ACCESS_LOG_KEY: 'q8WmZ2rT5yXv9bNc3dLk7hJf4gPs6aEuR1tYo0iQ' }, /ACCESS_LOG_KEY must differ from IDENTITY_HASH_SECRET/],
    [{ ACCESS_LOG_KEY_ID: undefined }, /ACCESS_LOG_KEY_ID is the development id/],
    [{ ACCESS_LOG_KEY: '@Microsoft.KeyVault(VaultName=kv;SecretName=access-log-key)' }, /ACCESS_LOG_KEY is an unresolved Key Vault reference/],
    [{ STORAGE_ACCOUNT_URL: undefined, STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }, /STORAGE_CONNECTION_STRING points at Azurite/],
    [{ BOT_TYPE: 'SingleTenant' }, /BOT_PASSWORD is missing/],
    [{ AAD_JWKS_URL: 'http://127.0.0.1:9/jwks' }, /AAD_JWKS_URL/],
  ])('refuses %o', (change, expected) => {
    expect(problems({ ...PROD, ...change })).toMatch(expected);
  });

  it('checks nothing outside production', () => {
    const config = loadConfig({ NODE_ENV: 'development', DEV_SIGN_IN: 'true' });
    expect(productionProblems(config)).toEqual([]);
  });
});
