import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ensureOrganisationAdmin } from '../../../src/domain/organisations/ensure-organisation-admin';
import { identifyTeamsUser } from '../../../src/domain/people/identify-teams-user';
import { systemClock } from '../../../src/domain/shared/clock.port';
import { applyUpload } from '../../../src/domain/uploads/apply-upload';
import { receiveUpload } from '../../../src/domain/uploads/receive-upload';
import { openStorage, type Storage } from '../../../src/infra/storage/database';
import { KyselyUnitOfWork } from '../../../src/infra/storage/kysely-unit-of-work';
import { FsUploadFiles } from '../../../src/infra/storage/repositories/upload-files.fs';
import { dropSchema, postgresAvailable, testDatabaseUrl, uniqueSchemaName } from '../../support/postgres';

const root = path.resolve(__dirname, '../../..');
const JOBS = 6;
const ROWS = 400;

function runWorker(schema: string, dataDir: string, owner: string): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(__dirname, 'upload-worker.child.ts'),
      testDatabaseUrl,
      schema,
      dataDir,
      owner,
    ],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`worker ${owner} exited ${code}`)),
    ),
  );
}

const run = postgresAvailable() ? describe : describe.skip;

run('upload jobs with two workers [postgres]', () => {
  let storage: Storage;
  let schema: string;
  let dataDir: string;
  beforeAll(async () => {
    schema = uniqueSchemaName();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'convene-workers-'));
    storage = await openStorage({ databaseUrl: testDatabaseUrl, schema, dataDir });
  });
  afterAll(async () => {
    await storage.close();
    await dropSchema(schema);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('when two worker processes share the queue, then every job and every batch runs exactly once', async () => {
    const ctx = { uow: new KyselyUnitOfWork(storage.db), clock: systemClock };
    const identity = { tenantId: 'tenant-two-workers', aadObjectId: 'admin-1', displayName: 'Ira' };
    await ensureOrganisationAdmin(
      ctx,
      { tenantId: identity.tenantId, displayName: 'Contoso', defaultRegion: 'IN' },
      identity,
    );
    const actor = await identifyTeamsUser(ctx, identity);
    const services = { files: new FsUploadFiles(path.join(dataDir, 'uploads')), maxUploadBytes: 1e9 };
    const ids: string[] = [];
    for (let j = 0; j < JOBS; j++) {
      const rows = Array.from(
        { length: ROWS },
        (_, i) => `Team ${j}-${i % 4},+91 9${j}100 ${String(i).padStart(5, '0')},Member`,
      );
      const csv = `Group Name,Phone Number,User Type\n${rows.join('\n')}\n`;
      const { upload } = await receiveUpload(
        ctx,
        services,
        { kind: 'user-group-mapping', fileName: `teams-${j}.csv`, bytes: Readable.from([Buffer.from(csv)]) },
        actor,
      );
      await applyUpload(ctx, { uploadId: upload.id }, actor);
      ids.push(upload.id);
    }

    await Promise.all([runWorker(schema, dataDir, 'worker-a'), runWorker(schema, dataDir, 'worker-b')]);

    const jobs = await storage.db
      .selectFrom('jobs')
      .select(['id', 'status', 'attempts', 'lease_owner'])
      // Checking each file was a job of its own, finished by the request that received it.
      .where('kind', '=', 'upload.apply')
      .execute();
    expect(jobs).toHaveLength(JOBS);
    for (const job of jobs) expect(job).toMatchObject({ status: 'succeeded', attempts: 1 });
    // Both workers took part (each job is long enough for the other worker to claim the next one).
    expect(new Set(jobs.map((job) => job.lease_owner))).toEqual(new Set(['worker-a', 'worker-b']));

    const uploads = await storage.db
      .selectFrom('uploads')
      .select(['status', 'rows_done', 'counts'])
      .execute();
    for (const upload of uploads) {
      expect(upload).toMatchObject({ status: 'completed', rows_done: ROWS });
      expect(JSON.parse(upload.counts)).toMatchObject({ membersAdded: ROWS, groupsCreated: 4, unchanged: 0 });
    }
    const added = await storage.db
      .selectFrom('audit_entries')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('action', '=', 'member.added')
      .executeTakeFirstOrThrow();
    expect(Number(added.n)).toBe(JOBS * ROWS);
    const memberships = await storage.db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('source', '=', 'bulk')
      .executeTakeFirstOrThrow();
    expect(Number(memberships.n)).toBe(JOBS * ROWS);
  }, 120_000);
});
