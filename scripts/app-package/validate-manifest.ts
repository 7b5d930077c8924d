import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { AppPackageError } from './app-package.errors';

const teamsSchemaUrl =
  /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/(v1\.\d+)\/MicrosoftTeams\.schema\.json$/;

/**
 * The official Teams schema for the manifest's `$schema` (or, by `name`, another schema of the same version,
 * such as the localization files'), read from the copy @microsoft/app-manifest bundles. It is never
 * downloaded: packaging must work offline and give the same answer every time.
 */
export function bundledTeamsSchema(schemaUrl: unknown, name = 'MicrosoftTeams.schema.json'): object {
  const version = typeof schemaUrl === 'string' ? teamsSchemaUrl.exec(schemaUrl)?.[1] : undefined;
  const root = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = version && path.join(root, 'build', 'json-schemas', 'teams', version, name);
  if (!file || !existsSync(file)) {
    throw new AppPackageError('APP_PACKAGE_SCHEMA_UNAVAILABLE', [
      {
        where: '/$schema',
        message: `is not a Teams manifest schema bundled for offline use: ${String(schemaUrl)}`,
      },
    ]);
  }
  // The published schemas contain "\a" in one pattern, which JSON does not allow; the toolkit patches it the same way.
  return JSON.parse(readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
}

/**
 * Validates against the official schema and throws APP_PACKAGE_SCHEMA_INVALID with each error's JSON path.
 * The schemas are draft-04; this is the same ajv set-up the Teams toolkit validates with.
 */
export function validateManifest(manifest: Record<string, unknown>): void {
  const schema = bundledTeamsSchema(manifest.$schema);
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strict: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  if (!validate(manifest)) {
    throw new AppPackageError(
      'APP_PACKAGE_SCHEMA_INVALID',
      (validate.errors ?? []).map((error) => ({
        where: error.instancePath || '/',
        message: `${error.message ?? 'is not valid'} ${JSON.stringify(error.params)}`,
      })),
    );
  }
  const webApp = manifest.webApplicationInfo as { id?: string; resource?: string } | undefined;
  if (webApp?.resource && webApp.id && !webApp.resource.endsWith(`/${webApp.id}`)) {
    // Teams SSO only issues a token when the resource is api://<tab domain>/<client id>.
    throw new AppPackageError('APP_PACKAGE_SCHEMA_INVALID', [
      {
        where: '/webApplicationInfo/resource',
        message: 'must end with the Entra app client id for Teams SSO',
      },
    ]);
  }
}
