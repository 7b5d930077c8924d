import type { ValidateFunction } from 'ajv';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { PackageProblem } from './app-package.errors';
import { bundledTeamsSchema } from './validate-manifest';

/** One additional language of the manifest: its tag, its file's name in the package and the file's strings. */
export interface LanguageFile {
  languageTag: string;
  file: string;
  strings: Record<string, unknown>;
}

/**
 * The manifest's `localizationInfo.additionalLanguages`: the tag and file of each, in the package's root
 * (beside manifest.json, where Teams reads them).
 */
export function additionalLanguagesOf(
  manifest: Record<string, unknown>,
): { languageTag: string; file: string }[] {
  const info = manifest.localizationInfo as
    | { additionalLanguages?: { languageTag: string; file: string }[] }
    | undefined;
  return info?.additionalLanguages ?? [];
}

/**
 * Checks a language file offline: against the official localization schema of the manifest's own version
 * (the keys Teams translates, their lengths) and against the manifest itself, since a key naming a part
 * the manifest lacks (a command that was removed, say) is silently ignored by Teams.
 */
export function checkLanguageFile(
  manifest: Record<string, unknown>,
  language: LanguageFile,
): PackageProblem[] {
  const problems: PackageProblem[] = [];
  const schemaUrl = String(manifest.$schema).replace(
    /MicrosoftTeams\.schema\.json$/,
    'MicrosoftTeams.Localization.schema.json',
  );
  if (language.strings.$schema !== schemaUrl)
    problems.push({
      where: `${language.file} /$schema`,
      message: `must be ${schemaUrl} (the manifest's version)`,
    });
  const validate = localizationValidator(String(manifest.$schema));
  if (!validate(language.strings)) {
    for (const error of validate.errors ?? [])
      problems.push({
        where: `${language.file} ${error.instancePath || '/'}`,
        message: `${error.message ?? 'is not valid'} ${JSON.stringify(error.params)}`,
      });
  }
  for (const key of Object.keys(language.strings)) {
    if (key === '$schema' || key === 'localizationKeys') continue;
    if (valueAt(manifest, key) === undefined)
      problems.push({ where: `${language.file} ${key}`, message: 'names nothing in the manifest' });
  }
  return problems;
}

/** The manifest's value at a localization key such as `name.short` or `bots[0].commandLists[0].commands[3].title`. */
function valueAt(manifest: Record<string, unknown>, key: string): unknown {
  let value: unknown = manifest;
  for (const step of key.split(/\.|(?=\[)/)) {
    if (value === null || typeof value !== 'object') return undefined;
    const index = /^\[(\d+)\]$/.exec(step);
    value = index ? (value as unknown[])[Number(index[1])] : (value as Record<string, unknown>)[step];
  }
  return value;
}

const validators = new Map<string, ValidateFunction>();

/**
 * The localization schema of a manifest version, compiled once. Its patterns are written for non-Unicode
 * regular expressions (one has a bare `]`, which the `u` flag refuses), so they are compiled that way.
 */
function localizationValidator(schemaUrl: string): ValidateFunction {
  let validate = validators.get(schemaUrl);
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, strictTypes: false, strict: false, unicodeRegExp: false });
    addFormats(ajv, ['uri', 'email', 'regex']);
    validate = ajv.compile(bundledTeamsSchema(schemaUrl, 'MicrosoftTeams.Localization.schema.json'));
    validators.set(schemaUrl, validate);
  }
  return validate;
}
