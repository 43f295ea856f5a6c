/**
 * Builds the Teams app package of one environment, offline:
 *
 *   npm run package -- --env local|dev [--out DIR] [--strict]
 *
 * Reads env/.env.<env> and, when present, env/.env.<env>.user (which wins), fills every
 * ${{VAR}} in appPackage/manifest.json and the localisation files it names, validates them against
 * the official JSON schemas of the manifest's version (shipped by @microsoft/app-manifest, no
 * network), and writes DIR/manifest.<env>.json and DIR/appPackage.<env>.zip (manifest, icons and
 * localisation files at the zip's root). DIR defaults to appPackage/build.
 *
 * A variable that no env file declares, or that is declared empty, fails the build with its name.
 * The one exception: ids and the domain that `teamsapp provision` writes (PROVISIONED below) may
 * still be empty before the first provision; they are then replaced by recognisable placeholders
 * so the package can be checked, with a warning that it cannot be installed. --strict turns that
 * warning into an error (use it for a package you will upload).
 */
import AdmZip from 'adm-zip';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Written by provisioning (teamsApp/create, aadApp/create, arm/deploy); placeholders until then. */
export const PROVISIONED: Readonly<Record<string, string>> = {
  TEAMS_APP_ID: '00000000-0000-4000-8000-000000000001',
  AAD_APP_CLIENT_ID: '00000000-0000-4000-8000-000000000002',
  BOT_ID: '00000000-0000-4000-8000-000000000003',
  TAB_DOMAIN: 'polku.invalid',
  TAB_ENDPOINT: 'https://polku.invalid',
};

/** Variables that may be empty on purpose (e.g. no name suffix in production). */
const MAY_BE_EMPTY = /_SUFFIX$/;

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export interface PackageOptions {
  env: string;
  /** Project root holding appPackage/ and env/ (tests point it at a temporary copy). */
  rootDir?: string;
  /** Where manifest.<env>.json and appPackage.<env>.zip go. Default: <root>/appPackage/build. */
  outDir?: string;
  /** Fail instead of using placeholders for ids that provisioning has not written yet. */
  strict?: boolean;
}

export interface PackageResult {
  env: string;
  zipPath: string;
  manifestPath: string;
  /** The filled manifest. */
  manifest: Record<string, any>;
  /** Filled localisation files by their file name in the package. */
  localizations: Record<string, Record<string, string>>;
  /** File names at the zip's root. */
  entries: string[];
  /** Variables replaced by placeholders (package not installable). */
  placeholders: string[];
}

export class PackageError extends Error {}

/** Parses a dotenv file as the toolkit writes them: KEY=value, optional quotes, # comments. */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2]!;
    const q = value[0];
    if ((q === '"' || q === "'") && value.indexOf(q, 1) > 0) {
      value = value.slice(1, value.indexOf(q, 1));
      if (q === '"') value = value.replace(/\\n/g, '\n');
    } else {
      value = value.replace(/\s+#.*$/, '').trim();
    }
    out[m[1]!] = value;
  }
  return out;
}

/** env/.env.<env> overlaid with env/.env.<env>.user, like the toolkit does. */
export function loadEnv(rootDir: string, env: string): { vars: Record<string, string>; files: string[] } {
  if (!/^[A-Za-z0-9_-]+$/.test(env)) throw new PackageError(`--env must be a plain name such as local or dev, not "${env}"`);
  const base = path.join(rootDir, 'env', `.env.${env}`);
  if (!existsSync(base)) {
    const known = existsSync(path.join(rootDir, 'env'))
      ? readdirSync(path.join(rootDir, 'env'))
          .map((f) => /^\.env\.([A-Za-z0-9_-]+)$/.exec(f)?.[1])
          .filter(Boolean)
      : [];
    throw new PackageError(`env/.env.${env} not found (environments: ${known.join(', ') || 'none'})`);
  }
  const files = [base];
  const user = `${base}.user`;
  if (existsSync(user)) files.push(user);
  const vars: Record<string, string> = {};
  for (const f of files) Object.assign(vars, parseEnvFile(readFileSync(f, 'utf8')));
  return { vars, files };
}

interface Fill {
  text: string;
  missing: Set<string>;
  empty: Set<string>;
  placeholders: Set<string>;
}

/** Replaces ${{VAR}} in JSON text; values are JSON-string escaped. */
function fill(text: string, vars: Record<string, string>, strict: boolean): Fill {
  const r: Fill = { text: '', missing: new Set(), empty: new Set(), placeholders: new Set() };
  r.text = text.replace(PLACEHOLDER, (whole, name: string) => {
    let value = vars[name];
    if (value === undefined) {
      r.missing.add(name);
      return whole;
    }
    if (value === '' && !MAY_BE_EMPTY.test(name)) {
      if (strict || PROVISIONED[name] === undefined) {
        r.empty.add(name);
        return whole;
      }
      value = PROVISIONED[name]!;
      r.placeholders.add(name);
    }
    return JSON.stringify(value).slice(1, -1);
  });
  return r;
}

const require = createRequire(import.meta.url);

/** Directory of the official JSON schemas shipped by @microsoft/app-manifest for a version. */
export function schemaDir(manifestVersion: string): string {
  const pkg = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const dir = path.join(pkg, 'build', 'json-schemas', 'teams', `v${manifestVersion}`);
  if (!existsSync(dir)) throw new PackageError(`No offline schema for manifestVersion ${manifestVersion} in @microsoft/app-manifest`);
  return dir;
}

export function loadSchema(manifestVersion: string, kind: SchemaKind): object {
  const file = kind === 'manifest' ? 'MicrosoftTeams.schema.json' : 'MicrosoftTeams.Localization.schema.json';
  return JSON.parse(readFileSync(path.join(schemaDir(manifestVersion), file), 'utf8'));
}

export type SchemaKind = 'manifest' | 'localization';
type Validate = ((doc: unknown) => boolean) & { errors?: Array<{ instancePath: string; message?: string; params?: unknown }> | null };
const validators = new Map<string, Validate>();
// CommonJS packages: `.default` is the export under every ESM interop (Node, tsx, vitest).
const Ajv = ajvDraft04.default;
const addFormats = ajvFormats.default;

/**
 * Schema errors of a filled manifest or localisation file (empty when valid), offline: the schema
 * comes from the package, never from the network. Ajv is set up as @microsoft/app-manifest sets it
 * up (draft-04, formats uri/email/regex, strictTypes off), except that patterns are compiled
 * without the `u` flag: Microsoft's localisation schemas contain patterns (`...\b]\.description`)
 * that are valid JavaScript regular expressions only without it. Compiled once per process.
 */
export function validateAgainst(doc: unknown, manifestVersion: string, kind: SchemaKind): string[] {
  const key = `${manifestVersion}/${kind}`;
  let validate = validators.get(key);
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, strictTypes: false, strict: false, unicodeRegExp: false });
    addFormats(ajv, ['uri', 'email', 'regex']);
    validate = ajv.compile(loadSchema(manifestVersion, kind)) as Validate;
    validators.set(key, validate);
  }
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${e.params ? JSON.stringify(e.params) : ''}`.trim());
}

function parseJson(text: string, name: string): Record<string, any> {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new PackageError(`${name} is not valid JSON after filling: ${(err as Error).message}`);
  }
}

// A fixed time for every zip entry, so the same input gives the same package.
const ZIP_TIME = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));

export async function buildPackage(opts: PackageOptions): Promise<PackageResult> {
  const rootDir = opts.rootDir ?? ROOT;
  const strict = opts.strict ?? false;
  const appDir = path.join(rootDir, 'appPackage');
  const outDir = opts.outDir ?? path.join(appDir, 'build');
  const { vars } = loadEnv(rootDir, opts.env);

  const manifestText = readFileSync(path.join(appDir, 'manifest.json'), 'utf8');
  const template = parseJson(manifestText, 'appPackage/manifest.json');
  const locFiles: string[] = (template.localizationInfo?.additionalLanguages ?? []).map((l: { file: string }) => l.file);
  if (template.localizationInfo?.defaultLanguageFile) locFiles.push(template.localizationInfo.defaultLanguageFile);

  const texts: Array<[string, string]> = [['manifest.json', manifestText]];
  for (const f of locFiles) {
    const p = path.join(appDir, f);
    if (!existsSync(p)) throw new PackageError(`appPackage/${f} is named by localizationInfo but does not exist`);
    texts.push([f, readFileSync(p, 'utf8')]);
  }

  const missing = new Map<string, Set<string>>();
  const empty = new Map<string, Set<string>>();
  const placeholders = new Set<string>();
  const filled: Record<string, string> = {};
  for (const [name, text] of texts) {
    const r = fill(text, vars, strict);
    filled[name] = r.text;
    for (const v of r.missing) (missing.get(v) ?? missing.set(v, new Set()).get(v)!).add(name);
    for (const v of r.empty) (empty.get(v) ?? empty.set(v, new Set()).get(v)!).add(name);
    for (const v of r.placeholders) placeholders.add(v);
  }
  if (missing.size || empty.size) {
    const lines = [
      ...[...missing].map(([v, f]) => `${v}: not declared in env/.env.${opts.env} (used in ${[...f].join(', ')})`),
      ...[...empty].map(
        ([v, f]) =>
          `${v}: empty in env/.env.${opts.env}${PROVISIONED[v] !== undefined ? ' (written by `teamsapp provision`)' : ''} (used in ${[...f].join(', ')})`,
      ),
    ];
    throw new PackageError(`Unresolved variables for env "${opts.env}":\n  ${lines.join('\n  ')}`);
  }

  const manifest = parseJson(filled['manifest.json']!, 'manifest.json');
  const version = String(manifest.manifestVersion);
  const manifestErrors = validateAgainst(manifest, version, 'manifest');
  if (manifestErrors.length) throw new PackageError(`manifest.json does not match the ${version} schema:\n  ${manifestErrors.join('\n  ')}`);

  const localizations: Record<string, Record<string, string>> = {};
  for (const f of locFiles) {
    const doc = parseJson(filled[f]!, f);
    const errors = validateAgainst(doc, version, 'localization');
    if (errors.length) throw new PackageError(`${f} does not match the ${version} localisation schema:\n  ${errors.join('\n  ')}`);
    localizations[f] = doc;
  }

  const icons = [manifest.icons.color, manifest.icons.outline, manifest.icons.color32x32].filter(Boolean) as string[];
  const zip = new AdmZip();
  const add = (name: string, data: Buffer) => {
    if (name.includes('/') || name.includes('\\')) throw new PackageError(`${name}: package files must sit at the zip's root`);
    zip.addFile(name, data);
    zip.getEntry(name)!.header.time = ZIP_TIME;
  };
  add('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2) + '\n'));
  for (const icon of icons) {
    const p = path.join(appDir, icon);
    if (!existsSync(p)) throw new PackageError(`appPackage/${icon} is named by the manifest but does not exist`);
    add(icon, readFileSync(p));
  }
  for (const f of locFiles) add(f, Buffer.from(JSON.stringify(localizations[f], null, 2) + '\n'));

  mkdirSync(outDir, { recursive: true });
  const manifestPath = path.join(outDir, `manifest.${opts.env}.json`);
  const zipPath = path.join(outDir, `appPackage.${opts.env}.zip`);
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  writeFileSync(zipPath, zip.toBuffer());

  return {
    env: opts.env,
    zipPath,
    manifestPath,
    manifest,
    localizations,
    entries: zip.getEntries().map((e) => e.entryName),
    placeholders: [...placeholders].sort(),
  };
}

function parseArgs(argv: string[]): PackageOptions {
  let env: string | undefined;
  let outDir: string | undefined;
  let strict = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--env') env = value();
    else if (flag === '--out') outDir = value();
    else if (flag === '--strict') strict = true;
    else throw new PackageError(`Unknown argument ${a}. Usage: npm run package -- --env local|dev [--out DIR] [--strict]`);
  }
  if (!env) throw new PackageError('Usage: npm run package -- --env local|dev [--out DIR] [--strict]');
  return { env, outDir: outDir ? path.resolve(outDir) : undefined, strict };
}

async function main() {
  try {
    const r = await buildPackage(parseArgs(process.argv.slice(2)));
    const rel = (p: string) => path.relative(process.cwd(), p) || p;
    console.log(`Teams app package (${r.env}, manifest ${r.manifest.manifestVersion}): ${rel(r.zipPath)}`);
    console.log(`  ${r.entries.join(', ')}`);
    console.log(`  filled manifest: ${rel(r.manifestPath)}`);
    if (r.placeholders.length) {
      console.warn(
        `WARNING: ${r.placeholders.join(', ')} not provisioned yet in env/.env.${r.env}; placeholders used.\n` +
          `  The package validates but cannot be installed. Run \`teamsapp provision --env ${r.env}\` first,\n` +
          `  or pass --strict to fail instead.`,
      );
    }
  } catch (err) {
    if (err instanceof PackageError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  void main();
}
