import { stat } from 'node:fs/promises';
import type { Config } from '../config';
import type { Actor } from '../domain/access/actor';
import { ensureOrganisationAdmin } from '../domain/organisations/ensure-organisation-admin';
import { identifyTeamsUser } from '../domain/people/identify-teams-user';
import { systemClock } from '../domain/shared/clock.port';
import type { DomainContext } from '../domain/shared/unit-of-work.port';
import { UploadTooLarge } from '../domain/uploads/upload.errors';
import { createUploadRuntime, type UploadRuntime } from '../infra/jobs/upload-jobs';
import { createLogger } from '../infra/logging/logger';
import { openStorage, type Storage } from '../infra/storage/database';
import { describeDatabase } from '../infra/storage/database-description';
import { KyselyUnitOfWork } from '../infra/storage/kysely-unit-of-work';
import { WorkerPhoneChecker } from '../infra/uploads/worker-phone-checker';

/** What a CLI command works with: the same database and upload files as `npm start`. */
export interface CliContext {
  config: Readonly<Config>;
  storage: Storage;
  ctx: DomainContext;
  uploads: UploadRuntime;
  actor: Actor;
  close(): Promise<void>;
}

export interface IdentityOptions {
  tenant?: string;
  user?: string;
}

/**
 * Opens the configured database. The CLI acts as an org admin: the local developer identity in
 * local mode, or the org admin named with --tenant and --user (their Entra object id) in tenant mode.
 */
export async function openCli(config: Readonly<Config>, identity: IdentityOptions): Promise<CliContext> {
  // On stderr, so `--json` output stays one JSON document: which database is the first question when a
  // job the portal shows is missing here (another DATA_DIR, or SQLite instead of the shared PostgreSQL).
  process.stderr.write(`convene: using ${describeDatabase(config)} (data directory ${config.dataDir})\n`);
  const storage = await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const ctx: DomainContext = { uow: new KyselyUnitOfWork(storage.db), clock: systemClock };
  const logger = createLogger(process.env.LOG_LEVEL ? config.logLevel : 'warn');
  const phones = new WorkerPhoneChecker();
  const uploads = createUploadRuntime(ctx, config.dataDir, config.uploads, logger, { pollMs: 100, phones });
  let actor: Actor;
  if (identity.tenant || identity.user) {
    if (!identity.tenant || !identity.user) throw new UsageError('--tenant and --user go together.');
    actor = await identifyTeamsUser(ctx, {
      tenantId: identity.tenant,
      aadObjectId: identity.user,
      displayName: null,
    });
  } else if (config.mode === 'local') {
    const { tenantId, organisationName, userId, userName } = config.localIdentity;
    const local = { tenantId, aadObjectId: userId, displayName: userName };
    await ensureOrganisationAdmin(
      ctx,
      { tenantId, displayName: organisationName, defaultRegion: config.defaultRegion },
      local,
    );
    actor = await identifyTeamsUser(ctx, local);
  } else {
    throw new UsageError(
      'In tenant mode say which org admin you are with --tenant <tenant id> --user <Entra object id>.',
    );
  }
  return {
    config,
    storage,
    ctx,
    uploads,
    actor,
    close: async () => {
      await uploads.runner.stop();
      await phones.close();
      await storage.close();
    },
  };
}

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {}

/** Refuses a file over the upload limit before reading it, as the API does. */
export async function checkFileSize(file: string, maxBytes: number): Promise<void> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new UsageError(`Cannot read ${file}.`);
  }
  if (size > maxBytes) throw new UploadTooLarge(maxBytes);
}
