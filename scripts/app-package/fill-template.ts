import { AppPackageError } from './app-package.errors';

const placeholder = /\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g;

/** The placeholder names a template uses, e.g. BOT_ID for `${{BOT_ID}}`. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(placeholder)].map((m) => m[1]!))];
}

/**
 * Replaces every `${{NAME}}` with its value, JSON-escaped so a value can never break the document.
 * Any placeholder without a value is an error naming all of them, so one run lists everything to set.
 */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, string | undefined>>,
  hints: Readonly<Record<string, string>> = {},
): unknown {
  const missing = placeholdersIn(template).filter((name) => !values[name]);
  if (missing.length > 0) {
    throw new AppPackageError(
      'APP_PACKAGE_PLACEHOLDER_MISSING',
      missing.map((name) => ({
        where: `placeholder ${name}`,
        message: `has no value: ${hints[name] ?? 'set it'}`,
      })),
    );
  }
  const filled = template.replace(placeholder, (_match, name: string) =>
    JSON.stringify(values[name]).slice(1, -1),
  );
  return JSON.parse(filled);
}
