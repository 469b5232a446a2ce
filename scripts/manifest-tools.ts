/**
 * The manifest in git is a template: `{{BASE_URL}}` and friends are filled from
 * manifest/env/<env>.json. These helpers render it, and check a rendered copy the way a tenant
 * admin would find it broken: schema errors (office-addin-manifest, offline), URLs that name pages
 * or icons the build does not have, icons at the wrong size, a localization file that does not
 * match. Used by scripts/validate.ts and scripts/package.ts.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { PNG } from 'pngjs';

export const ROOT = resolve(__dirname, '..');
export const MANIFEST_DIR = join(ROOT, 'manifest');
export const ENVS = ['local', 'dev', 'prod'] as const;
export type EnvName = (typeof ENVS)[number];
export const isEnvName = (s: string): s is EnvName => (ENVS as readonly string[]).includes(s);

export type Values = Readonly<Record<string, string>>;

/** KEY=VALUE lines of a toolkit env file; `#` comments and blank lines skipped, quotes removed. */
export const parseEnvFile = (text: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m || line.trimStart().startsWith('#')) continue;
    out[m[1]!] = m[2]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
};

/** The Agents Toolkit's env file for an environment (env/.env.<env>), or nothing when there is none. */
export const readToolkitEnv = (env: string, envDir = join(ROOT, 'env')): Record<string, string> => {
  const file = join(envDir, `.env.${env}`);
  return existsSync(file) ? parseEnvFile(readFileSync(file, 'utf8')) : {};
};

/** The shell's non-empty values over the env file's: the toolkit puts the file in the shell anyway. */
export const withToolkitEnv = (fromFile: Record<string, string>, shell: NodeJS.ProcessEnv): NodeJS.ProcessEnv => {
  const out: NodeJS.ProcessEnv = { ...fromFile };
  for (const [k, v] of Object.entries(shell)) if (v !== undefined && v.trim() !== '') out[k] = v;
  return out;
};

/**
 * What the Microsoft 365 Agents Toolkit knows better than manifest/env/<env>.json: the host it
 * provisioned (TAB_ENDPOINT), the Teams app id and the app registration's client id. They are in
 * env/.env.<env> (written by `atk provision`, or by hand for an app registered in the Entra admin
 * centre) and, when the toolkit runs `npm run package` (m365agents.yml), in process.env as well.
 */
export const toolkitOverrides = (shell: NodeJS.ProcessEnv): Record<string, string> => {
  const out: Record<string, string> = {};
  const endpoint = shell.TAB_ENDPOINT?.trim().replace(/\/+$/, '');
  if (endpoint) {
    out.BASE_URL = endpoint;
    out.WEBSITE_URL = `${endpoint}/tab.html?host=web`;
    out.PRIVACY_URL = `${endpoint}/tab.html?host=web#about`;
    out.TERMS_URL = `${endpoint}/tab.html?host=web#about`;
  }
  if (shell.TEAMS_APP_ID?.trim()) out.APP_ID = shell.TEAMS_APP_ID.trim();
  if (shell.AAD_APP_CLIENT_ID?.trim()) out.CLIENT_ID = shell.AAD_APP_CLIENT_ID.trim();
  return out;
};

/**
 * Reads manifest/env/<env>.json (overridden by the toolkit's values, above: the shell's, else the env
 * file's, so a client id written by hand in env/.env.local reaches the package), adds VERSION
 * (package.json) and BASE_HOST (from BASE_URL).
 */
export const loadEnvValues = (
  env: EnvName,
  manifestDir = MANIFEST_DIR,
  shell: NodeJS.ProcessEnv = process.env,
  envDir = join(ROOT, 'env'),
): Values => {
  const file = join(manifestDir, 'env', `${env}.json`);
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v !== 'string') throw new Error(`${file}: ${k} must be a string`);
    values[k] = v;
  }
  Object.assign(values, toolkitOverrides(withToolkitEnv(readToolkitEnv(env, envDir), shell)));
  const base = values.BASE_URL;
  if (!base) throw new Error(`${file}: BASE_URL is missing`);
  const url = new URL(base);
  if (url.protocol !== 'https:') throw new Error(`${file}: BASE_URL must be https (Teams and Outlook load only https pages)`);
  if (base.endsWith('/')) throw new Error(`${file}: BASE_URL must not end with "/"`);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  return { VERSION: pkg.version, BASE_HOST: url.host, ...values };
};

/** Fills every `{{KEY}}`; a placeholder without a value is an error, never left in the output. */
export const renderTemplate = (text: string, values: Values): string => {
  const missing = new Set<string>();
  const out = text.replace(/\{\{(\w+)\}\}/g, (_whole, key: string) => {
    const v = values[key];
    if (v === undefined) {
      missing.add(key);
      return '';
    }
    // Values land inside JSON strings: keep them valid JSON.
    return JSON.stringify(v).slice(1, -1);
  });
  if (missing.size) throw new Error(`no value for ${[...missing].map((k) => `{{${k}}}`).join(', ')}`);
  return out;
};

export interface RenderedManifest {
  readonly dir: string;
  readonly manifestPath: string;
  readonly manifest: ManifestJson;
  /** Files to put in the app package, relative to `dir`. */
  readonly packageFiles: readonly string[];
}

export type ManifestJson = Record<string, unknown>;

/** The relative files (icons, localization) the manifest itself names. */
export const localFilesOf = (manifest: ManifestJson): string[] => {
  const files: string[] = [];
  const icons = manifest.icons as Record<string, unknown> | undefined;
  for (const v of Object.values(icons ?? {})) if (typeof v === 'string') files.push(v);
  const loc = manifest.localizationInfo as
    | { defaultLanguageFile?: string; additionalLanguages?: { file?: string }[] }
    | undefined;
  if (loc?.defaultLanguageFile) files.push(loc.defaultLanguageFile);
  for (const l of loc?.additionalLanguages ?? []) if (typeof l.file === 'string') files.push(l.file);
  return files;
};

/**
 * Renders `templatePath` (and the files it names, from beside it) into a fresh directory.
 * Missing files are not an error here: `checkManifest` reports them with a clear message.
 */
export const renderManifest = (templatePath: string, values: Values, outDir?: string): RenderedManifest => {
  const srcDir = dirname(templatePath);
  const dir = outDir ?? mkdtempSync(join(tmpdir(), 'au-revoir-manifest-'));
  mkdirSync(dir, { recursive: true });
  const text = renderTemplate(readFileSync(templatePath, 'utf8'), values);
  let manifest: ManifestJson;
  try {
    manifest = JSON.parse(text) as ManifestJson;
  } catch (e) {
    throw new Error(`${templatePath} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const manifestPath = join(dir, 'manifest.json');
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  const packageFiles = ['manifest.json'];
  for (const rel of localFilesOf(manifest)) {
    const from = join(srcDir, rel);
    if (!existsSync(from)) continue;
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    if (rel.endsWith('.json')) writeFileSync(join(dir, rel), renderTemplate(readFileSync(from, 'utf8'), values));
    else copyFileSync(from, join(dir, rel));
    packageFiles.push(rel);
  }
  return { dir, manifestPath, manifest, packageFiles };
};

/** Every string value in the manifest with its JSON path, e.g. `staticTabs[0].contentUrl`. */
export const stringsWithPaths = (value: unknown, path = ''): [string, string][] => {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsWithPaths(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringsWithPaths(v, path ? `${path}.${k}` : k));
  return [];
};

/** Whether a localization key such as `extensions[0].ribbons[1].tabs[0].groups[0].label` names a string in the manifest. */
const pathExists = (manifest: ManifestJson, key: string): boolean => {
  let node: unknown = manifest;
  for (const part of key.match(/[^.[\]]+/g) ?? []) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
};

const pngSize = (file: string): { width: number; height: number; transparent: boolean } => {
  const png = PNG.sync.read(readFileSync(file));
  let transparent = false;
  for (let i = 3; i < png.data.length; i += 4) if ((png.data[i] ?? 255) < 255) { transparent = true; break; }
  return { width: png.width, height: png.height, transparent };
};

export interface CheckInput {
  readonly rendered: RenderedManifest;
  readonly baseUrl: string;
  /** The build output the URLs must point into; undefined to skip (remote environments). */
  readonly distDir?: string;
}

const SCHEMA_DIR = join(ROOT, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams');

/** Every problem found, as one clear line each; an empty list means valid. */
export const checkManifest = async ({ rendered, baseUrl, distDir }: CheckInput): Promise<string[]> => {
  const problems: string[] = [];
  const { manifest, dir, manifestPath } = rendered;

  // 1. Schema, offline, by office-addin-manifest (the schemas are bundled in @microsoft/app-manifest).
  const { validateManifest } = await import('office-addin-manifest');
  try {
    const result = await validateManifest(manifestPath);
    if (!result.isValid) {
      for (const issue of result.report?.errors ?? []) problems.push(`schema: ${issue.content ?? issue.title ?? 'invalid'}`.trim());
      if (!result.report?.errors?.length) problems.push('schema: office-addin-manifest says the manifest is not valid');
    }
  } catch (e) {
    // The typed reader stops at the first missing required field; the raw schema check lists them all.
    const reason = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();
    const raw = await schemaErrorsOfRawJson(manifest);
    if (raw.length) for (const err of raw) problems.push(`schema: ${err}`);
    else problems.push(`schema: office-addin-manifest could not read it (${reason})`);
  }

  // 2. Files the package carries: present, and icons at the sizes Teams asks for.
  const expected: Record<string, { size: number; transparent?: boolean }> = {
    color: { size: 192 },
    outline: { size: 32, transparent: true },
    color32x32: { size: 32, transparent: true },
  };
  const icons = (manifest.icons ?? {}) as Record<string, string>;
  for (const [key, rel] of Object.entries(icons)) {
    const file = join(dir, rel);
    if (!existsSync(file)) {
      problems.push(`icons.${key}: ${rel} is missing from the manifest folder`);
      continue;
    }
    const want = expected[key];
    if (!want) continue;
    try {
      const got = pngSize(file);
      if (got.width !== want.size || got.height !== want.size)
        problems.push(`icons.${key}: ${rel} is ${got.width}×${got.height}, Teams needs ${want.size}×${want.size}`);
      if (want.transparent && !got.transparent) problems.push(`icons.${key}: ${rel} needs a transparent background`);
    } catch (e) {
      problems.push(`icons.${key}: ${rel} is not a readable PNG (${e instanceof Error ? e.message : String(e)})`);
    }
  }

  // 3. Localization files: present, valid against the localization schema, keys that exist.
  const loc = manifest.localizationInfo as { additionalLanguages?: { languageTag: string; file: string }[] } | undefined;
  for (const { languageTag, file: rel } of loc?.additionalLanguages ?? []) {
    const file = join(dir, rel);
    if (!existsSync(file)) {
      problems.push(`localizationInfo: ${rel} (${languageTag}) is missing from the manifest folder`);
      continue;
    }
    const strings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const version = String(manifest.manifestVersion);
    const schemaFile = join(SCHEMA_DIR, `v${version}`, 'MicrosoftTeams.Localization.schema.json');
    if (existsSync(schemaFile)) {
      for (const err of validateLocalization(strings, schemaFile)) problems.push(`${rel}: ${err}`);
    } else {
      problems.push(`${rel}: no localization schema bundled for manifest version ${version}`);
    }
    for (const key of Object.keys(strings)) {
      if (key === '$schema' || key === 'localizationKeys') continue;
      if (!pathExists(manifest, key)) problems.push(`${rel}: "${key}" names nothing in manifest.json`);
    }
  }

  // 4. Every URL of ours names a page or an icon the build has.
  const base = new URL(baseUrl);
  const missingPages = new Map<string, string[]>();
  for (const [path, value] of stringsWithPaths(manifest)) {
    if (!/^https?:\/\//i.test(value)) continue;
    let url: URL;
    try {
      url = new URL(value);
    } catch (e) {
      problems.push(`${path}: "${value}" is not a valid URL (${e instanceof Error ? e.message : String(e)})`);
      continue;
    }
    if (url.protocol !== 'https:') problems.push(`${path}: ${value} must use https`);
    if (url.host !== base.host) continue;
    if (!distDir) continue;
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = join(distDir, rel);
    if (!rel || !existsSync(file)) {
      missingPages.set(url.pathname, [...(missingPages.get(url.pathname) ?? []), path]);
      continue;
    }
    const declared = /\.(icons\[\d+\]|icon|highResolutionIcon)\.url$/.test(path) ? readSizeBeside(manifest, path) : undefined;
    if (declared !== undefined && file.endsWith('.png')) {
      // A high-resolution icon is declared at its logical size and drawn at twice the pixels
      // (the schema's size enum stops at 80, so the 128 px add-in icon is declared as 64).
      const want = path.endsWith('highResolutionIcon.url') ? declared * 2 : declared;
      const got = pngSize(file);
      if (got.width !== want || got.height !== want)
        problems.push(`${path}: ${url.pathname} is ${got.width}×${got.height} but should be ${want}×${want} (declared size ${declared})`);
    }
  }
  for (const [pathname, paths] of missingPages) {
    const more = paths.length > 1 ? ` and ${paths.length - 1} more place${paths.length > 2 ? 's' : ''}` : '';
    problems.push(`${paths[0]}${more}: ${pathname} is not in the build output (${distDir ?? 'dist'})`);
  }
  return problems;
};

/** For `...icons[2].url`, the `size` declared next to it. */
const readSizeBeside = (manifest: ManifestJson, urlPath: string): number | undefined => {
  let node: unknown = manifest;
  for (const part of urlPath.replace(/\.url$/, '').match(/[^.[\]]+/g) ?? []) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  const size = (node as { size?: unknown } | undefined)?.size;
  return typeof size === 'number' ? size : undefined;
};

/**
 * The localization schema's patterns use `\b` inside character-class-like brackets that the `u`
 * flag rejects, so @microsoft/app-manifest's own helper cannot compile it; ajv (its dependency,
 * draft-04 like the schema) with non-unicode regexps can.
 */
const validateLocalization = (strings: Record<string, unknown>, schemaFile: string): string[] => {
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strict: false, unicodeRegExp: false });
  addFormats(ajv, ['uri']);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  if (validate(strings)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'} ${e.params ? JSON.stringify(e.params) : ''}`.trim());
};

const schemaErrorsOfRawJson = async (manifest: ManifestJson): Promise<string[]> => {
  const schemaFile = join(SCHEMA_DIR, `v${String(manifest.manifestVersion)}`, 'MicrosoftTeams.schema.json');
  if (!existsSync(schemaFile)) return [`no schema bundled for manifestVersion ${String(manifest.manifestVersion)}`];
  const { AppManifestUtils } = await import('@microsoft/app-manifest');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
  return AppManifestUtils.validateAgainstSchema(manifest as never, schema);
};
