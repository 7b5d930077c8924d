import { createReadStream, rmSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { loadConfig } from '../src/config';
import type { Actor } from '../src/domain/access/actor';
import { ensureOrganisationAdmin } from '../src/domain/organisations/ensure-organisation-admin';
import { identifyTeamsUser } from '../src/domain/people/identify-teams-user';
import { systemClock } from '../src/domain/shared/clock.port';
import type { DomainContext } from '../src/domain/shared/unit-of-work.port';
import { applyUpload } from '../src/domain/uploads/apply-upload';
import { receiveUpload } from '../src/domain/uploads/receive-upload';
import { createUploadRuntime, type UploadRuntime } from '../src/infra/jobs/upload-jobs';
import { createLogger } from '../src/infra/logging/logger';
import { openStorage, type Storage } from '../src/infra/storage/database';
import { KyselyUnitOfWork } from '../src/infra/storage/kysely-unit-of-work';
import type { Database } from '../src/infra/storage/schema';
import { WorkerPhoneChecker } from '../src/infra/uploads/worker-phone-checker';
import type { Benchmark, Figure } from './figure';
import { benchDir, writeUserGroupFile } from './upload-bench-data';

const ROWS = 100_000;
const GROUPS = 1_000;
/** Convene and the raw inserts alternate this many times; medians are compared. */
const ROUNDS = 3;

/** Tables holding the organisation's data, in foreign-key order. */
const dataTables = [
  'organisations',
  'people',
  'organisation_admins',
  'groups',
  'memberships',
  'card_invites',
  'audit_entries',
] as const;

export interface Convene {
  storage: Storage;
  phones: WorkerPhoneChecker;
  ctx: DomainContext;
  runtime: UploadRuntime;
  actor: Actor;
}

/**
 * A Convene database in `dir` with an org admin, as the server would open it (phones on a thread,
 * UPLOAD_BATCH_ROWS at its default unless given).
 */
export async function openConvene(
  dir: string,
  batchRows = loadConfig({}).uploads.batchRows,
): Promise<Convene> {
  const storage = await openStorage({ dataDir: dir });
  const ctx: DomainContext = { uow: new KyselyUnitOfWork(storage.db), clock: systemClock };
  const identity = { tenantId: 'bench-tenant', aadObjectId: 'bench-admin', displayName: 'Bench Admin' };
  await ensureOrganisationAdmin(
    ctx,
    { tenantId: identity.tenantId, displayName: 'Bench', defaultRegion: 'IN' },
    identity,
  );
  const actor = await identifyTeamsUser(ctx, identity);
  const phones = new WorkerPhoneChecker();
  const runtime = createUploadRuntime(
    ctx,
    dir,
    { maxBytes: 2 ** 40, batchRows, jobLeaseMs: 60_000 },
    createLogger('silent'),
    { phones },
  );
  return { storage, phones, ctx, runtime, actor };
}

/** Validates a file as an upload (not timed by callers), then applies it with this process's worker. */
export async function uploadAndApply(
  convene: Convene,
  file: string,
): Promise<{ uploadId: string; applyMs: number }> {
  const { upload } = await receiveUpload(
    convene.ctx,
    convene.runtime,
    { kind: 'user-group-mapping', fileName: path.basename(file), bytes: createReadStream(file) },
    convene.actor,
  );
  const start = process.hrtime.bigint();
  await applyUpload(convene.ctx, { uploadId: upload.id }, convene.actor);
  while (await convene.runtime.runner.runOnce()) {
    // one job per claim; the loop ends when no job is left
  }
  return { uploadId: upload.id, applyMs: Number(process.hrtime.bigint() - start) / 1e6 };
}

async function rowsOf(
  db: Kysely<Database>,
  table: (typeof dataTables)[number],
): Promise<Record<string, unknown>[]> {
  return (await db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
}

/** Writes the given final rows with raw prepared statements in one transaction; returns the time in ms. */
function rawInsert(dir: string, final: Map<string, Record<string, unknown>[]>): number {
  const raw = new SqliteDatabase(path.join(dir, 'convene.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('synchronous = NORMAL');
  const start = process.hrtime.bigint();
  raw.transaction(() => {
    for (const [table, rows] of final) {
      if (rows.length === 0) continue;
      const columns = Object.keys(rows[0]!);
      const insert = raw.prepare(
        `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
      for (const row of rows) insert.run(...columns.map((c) => row[c]));
    }
  })();
  const rawMs = Number(process.hrtime.bigint() - start) / 1e6;
  raw.close();
  return rawMs;
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * P2: applying 100k memberships on SQLite through the job (batches, each a transaction with its
 * checkpoint, log and audit) against writing the same final rows (people, groups, memberships,
 * card invites, audit entries) with raw prepared better-sqlite3 statements in one transaction.
 * The two alternate for ROUNDS rounds, each on a fresh database, and the medians are compared:
 * single runs on this machine vary by a quarter.
 */
export const uploadApplyBenchmark: Benchmark = {
  ids: ['P2'],
  title: 'apply 100k memberships on SQLite vs raw prepared inserts of the same rows',
  async run(): Promise<Figure[]> {
    const dir = benchDir();
    try {
      const file = path.join(dir, 'users-100k.csv');
      await writeUserGroupFile(file, ROWS, GROUPS);
      const applyTimes: number[] = [];
      const rawTimes: number[] = [];
      let rowCount = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const convene = await openConvene(path.join(dir, `job-${round}`));
        const { applyMs } = await uploadAndApply(convene, file);
        const final = new Map<string, Record<string, unknown>[]>();
        for (const table of dataTables) final.set(table, await rowsOf(convene.storage.db, table));
        await convene.phones.close();
        await convene.storage.close();

        const rawDir = path.join(dir, `raw-${round}`);
        await (await openStorage({ dataDir: rawDir })).close(); // same schema, migrated
        applyTimes.push(applyMs);
        rawTimes.push(rawInsert(rawDir, final));
        rowCount = [...final.values()].reduce((n, rows) => n + rows.length, 0);
        // Deleted at once: the kernel would otherwise write these files back during the next round.
        rmSync(path.join(dir, `job-${round}`), { recursive: true, force: true });
        rmSync(rawDir, { recursive: true, force: true });
      }
      const applyMs = median(applyTimes);
      const rawMs = median(rawTimes);
      return [
        {
          id: 'P2',
          figure: 'apply job time ÷ raw prepared inserts of the same final rows',
          value: applyMs / rawMs,
          unit: 'ratio',
          target: '<= 2.0',
          notes: {
            applyMs: Math.round(applyMs),
            rawMs: Math.round(rawMs),
            rounds: ROUNDS,
            ratios: applyTimes.map((ms, i) => (ms / rawTimes[i]!).toFixed(2)).join(' '),
            applyRounds: applyTimes.map((ms) => Math.round(ms)).join(' '),
            rawRounds: rawTimes.map((ms) => Math.round(ms)).join(' '),
            rows: rowCount,
            membershipsPerSecond: Math.round((ROWS / applyMs) * 1000),
            batchRows: loadConfig({}).uploads.batchRows,
          },
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
