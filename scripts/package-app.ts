import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import JSZip from 'jszip';
import { AppPackageError, type PackageProblem } from './app-package/app-package.errors';
import { checkIcon, iconRules } from './app-package/check-icons';
import { additionalLanguagesOf, checkLanguageFile } from './app-package/check-localization';
import { fillTemplate } from './app-package/fill-template';
import { validateManifest } from './app-package/validate-manifest';

/**
 * `npm run package`: fills appPackage/manifest.json from configuration, validates it offline against
 * the official Teams schema, checks the icons and writes the zip to sideload or upload to the tenant.
 */

/** Convene's Teams app id. One id for every deployment is fine: each tenant has its own app catalogue. */
export const CONVENE_TEAMS_APP_ID = '73e602c2-db27-47f2-90b0-0c5d05fe8b04';

export const appPackageDir = path.join(__dirname, '..', 'appPackage');

export interface PackageSettings {
  /** The Azure Bot's Microsoft App ID (MICROSOFT_APP_ID). */
  botId?: string;
  /** Where Teams reaches Convene over HTTPS (PUBLIC_BASE_URL); the tab and its domain come from it. */
  publicBaseUrl?: string;
  /** The Entra app used for tab SSO (AAD_APP_CLIENT_ID); the bot's app by default. */
  aadAppClientId?: string;
  /** The server's AAD_APP_ID_URI, when set: tab SSO only works if it is the manifest's resource. */
  aadAppIdUri?: string;
  teamsAppId?: string;
  privacyUrl?: string;
  termsUrl?: string;
  version?: string;
}

export interface PackageOptions extends PackageSettings {
  /** The manifest template; appPackage/manifest.json by default. */
  template?: string;
  /** The folder holding color.png, outline.png and the language files; appPackage/ by default. */
  iconDir?: string;
  /** Where the zip goes; appPackage/build/convene.zip by default. */
  out?: string;
}

export interface BuiltPackage {
  manifest: Record<string, unknown>;
  zipPath: string;
  bytes: Buffer;
}

/** Which setting fills each placeholder, for the message when one is missing. */
const placeholderHints: Record<string, string> = {
  BOT_ID: 'set MICROSOFT_APP_ID or pass --bot-id',
  AAD_APP_CLIENT_ID: 'set AAD_APP_CLIENT_ID (or MICROSOFT_APP_ID) or pass --aad-app-client-id',
  TAB_ENDPOINT: 'set PUBLIC_BASE_URL or pass --public-base-url',
  TAB_DOMAIN: 'set PUBLIC_BASE_URL or pass --public-base-url',
  PRIVACY_URL: 'set PRIVACY_URL or PUBLIC_BASE_URL',
  TERMS_URL: 'set TERMS_URL or PUBLIC_BASE_URL',
};

/** Reads the settings the server also uses, so one environment file serves both. */
export function settingsFromEnvironment(env: NodeJS.ProcessEnv): PackageSettings {
  return {
    botId: env.MICROSOFT_APP_ID,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    aadAppClientId: env.AAD_APP_CLIENT_ID,
    aadAppIdUri: env.AAD_APP_ID_URI,
    teamsAppId: env.TEAMS_APP_ID,
    privacyUrl: env.PRIVACY_URL,
    termsUrl: env.TERMS_URL,
  };
}

/** The template's placeholder values, worked out from the settings (every problem reported at once). */
export function placeholderValues(settings: PackageSettings): Record<string, string | undefined> {
  const problems: PackageProblem[] = [];
  let base: URL | undefined;
  if (settings.publicBaseUrl) {
    try {
      base = new URL(settings.publicBaseUrl);
    } catch {
      problems.push({ where: 'PUBLIC_BASE_URL', message: 'is not a URL' });
    }
    if (base && base.protocol !== 'https:') {
      problems.push({
        where: 'PUBLIC_BASE_URL',
        message: 'must start with https:// (Teams loads tabs only over HTTPS)',
      });
    }
  }
  const clientId = settings.aadAppClientId ?? settings.botId;
  const resource = base && clientId ? `api://${base.host}/${clientId}` : undefined;
  if (settings.aadAppIdUri && resource && settings.aadAppIdUri.replace(/\/+$/, '') !== resource) {
    problems.push({
      where: 'AAD_APP_ID_URI',
      message: `is ${settings.aadAppIdUri} but Teams SSO needs ${resource} (the manifest's webApplicationInfo.resource)`,
    });
  }
  if (problems.length > 0) throw new AppPackageError('APP_PACKAGE_SETTING_INVALID', problems);
  const endpoint = base ? `${base.origin}${base.pathname.replace(/\/+$/, '')}` : undefined;
  const version = settings.version ?? readPackageVersion();
  return {
    APP_VERSION: version,
    TEAMS_APP_ID: settings.teamsAppId ?? CONVENE_TEAMS_APP_ID,
    BOT_ID: settings.botId,
    AAD_APP_CLIENT_ID: clientId,
    TAB_ENDPOINT: endpoint,
    TAB_DOMAIN: base?.host,
    PRIVACY_URL: settings.privacyUrl ?? endpoint,
    TERMS_URL: settings.termsUrl ?? endpoint,
  };
}

function readPackageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Fills, validates, checks the icons and writes the zip. Throws AppPackageError saying what is wrong. */
export async function buildAppPackage(options: PackageOptions): Promise<BuiltPackage> {
  const template = readFileSync(options.template ?? path.join(appPackageDir, 'manifest.json'), 'utf8');
  const manifest = fillTemplate(template, placeholderValues(options), placeholderHints) as Record<
    string,
    unknown
  >;
  validateManifest(manifest);

  const icons = manifest.icons as { color: string; outline: string };
  const iconDir = options.iconDir ?? appPackageDir;
  const zip = new JSZip();
  const problems: PackageProblem[] = [];
  for (const kind of ['color', 'outline'] as const) {
    const file = path.join(iconDir, icons[kind]);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      problems.push({ where: icons[kind], message: `is missing from ${iconDir}` });
      continue;
    }
    problems.push(...checkIcon(icons[kind], bytes, iconRules[kind]));
    zip.file(icons[kind], bytes);
  }
  if (problems.length > 0) throw new AppPackageError('APP_PACKAGE_ICON_INVALID', problems);

  // Teams shows the name, descriptions, command hints and tab names in the user's language from these.
  for (const { languageTag, file } of additionalLanguagesOf(manifest)) {
    let text: string;
    try {
      text = readFileSync(path.join(iconDir, file), 'utf8');
    } catch {
      problems.push({ where: file, message: `is missing from ${iconDir}` });
      continue;
    }
    problems.push(...checkLanguageFile(manifest, { languageTag, file, strings: JSON.parse(text) }));
    zip.file(file, text);
  }
  if (problems.length > 0) throw new AppPackageError('APP_PACKAGE_LOCALIZATION_INVALID', problems);

  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const zipPath = options.out ?? path.join(appPackageDir, 'build', 'convene.zip');
  mkdirSync(path.dirname(zipPath), { recursive: true });
  writeFileSync(zipPath, bytes);
  return { manifest, zipPath, bytes };
}

async function main(argv: string[]): Promise<void> {
  const program = new Command('package')
    .description('Build the Convene Teams app package (validated offline against the Teams schema).')
    .option('--bot-id <guid>', 'the Azure Bot app id (default: MICROSOFT_APP_ID)')
    .option('--public-base-url <url>', 'https address of Convene (default: PUBLIC_BASE_URL)')
    .option(
      '--aad-app-client-id <guid>',
      'Entra app for tab SSO (default: AAD_APP_CLIENT_ID, else the bot id)',
    )
    .option('--teams-app-id <guid>', 'Teams app id (default: TEAMS_APP_ID, else Convene’s own)')
    .option('--out <file>', 'where to write the zip', path.join(appPackageDir, 'build', 'convene.zip'))
    .parse(argv);
  const cli = program.opts<PackageSettings & { out: string }>();
  const fromEnv = settingsFromEnvironment(process.env);
  const merged: PackageOptions = { ...fromEnv };
  for (const [key, value] of Object.entries(cli))
    if (value !== undefined) Object.assign(merged, { [key]: value });
  try {
    const built = await buildAppPackage(merged);
    console.log(`Valid Teams manifest ${String(built.manifest.manifestVersion)}; wrote ${built.zipPath}`);
  } catch (error) {
    if (!(error instanceof AppPackageError)) throw error;
    console.error(`The app package was not built (${error.code}):`);
    for (const problem of error.problems) console.error(`  ${problem.where} ${problem.message}`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main(process.argv).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
