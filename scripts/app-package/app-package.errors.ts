/** One thing wrong with the app package, located by a JSON path ("/bots/0/botId") or a file name. */
export interface PackageProblem {
  where: string;
  message: string;
}

/**
 * The package cannot be built. `code` is stable (APP_PACKAGE_PLACEHOLDER_MISSING, APP_PACKAGE_SCHEMA_INVALID,
 * APP_PACKAGE_ICON_INVALID, APP_PACKAGE_LOCALIZATION_INVALID, APP_PACKAGE_SCHEMA_UNAVAILABLE,
 * APP_PACKAGE_SETTING_INVALID); every problem found is listed.
 */
export class AppPackageError extends Error {
  constructor(
    readonly code: string,
    readonly problems: PackageProblem[],
  ) {
    super(`${code}: ${problems.map((p) => `${p.where} ${p.message}`).join('; ')}`);
    this.name = 'AppPackageError';
  }
}
