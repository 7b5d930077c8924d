import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { startUploadServer } from './upload-harness';

const root = path.resolve(__dirname, '../../..');
const ROWS = 6000;
const file = `Group Name,Phone Number,User Type\n${Array.from(
  { length: ROWS },
  (_, i) => `Crew ${i % 60},+91 98100 ${String(i).padStart(5, '0')},${i % 97 === 0 ? 'Admin' : 'Member'}`,
).join('\n')}\n`;

/** Starts `src/main.ts` as a real separate process and resolves with its address once it listens. */
function startConvene(dataDir: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      DEFAULT_REGION: 'IN',
      LOG_LEVEL: 'info',
      UPLOAD_BATCH_ROWS: '40',
      JOB_LEASE_SECONDS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:[^"]+)"/.exec(output);
      if (match) resolve({ child, url: match[1]!, output: () => output });
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`Convene exited (${code}) before listening:\n${output}`)));
  });
}

/** The upload still being checked, read straight from the database of a stopped or running process. */
function validatingUpload(dataDir: string): string | undefined {
  const file = path.join(dataDir, 'convene.sqlite');
  if (!existsSync(file)) return undefined;
  const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare(`select id from uploads where status = 'validating'`).get() as
      | { id: string }
      | undefined;
    return row?.id;
  } catch {
    return undefined;
  } finally {
    db.close();
  }
}

/** The job fields these tests follow (the API sends more). */
interface JobView {
  id: string;
  status: string;
  rowsDone: number;
  rowsTotal: number;
  rowsValid: number;
  rowsInvalid: number;
  errorCount: number;
  counts: Record<string, number>;
}

async function getJob(url: string, id: string): Promise<JobView> {
  return ((await (await fetch(`${url}/api/v1/jobs/${id}`)).json()) as { job: JobView }).job;
}

/** What the organisation looks like: every membership as group › phone › role, and the audit of adds. */
function finalState(dataDir: string) {
  const db = new SqliteDatabase(path.join(dataDir, 'convene.sqlite'), { readonly: true });
  try {
    const memberships = db
      .prepare(
        `select g.name || ' › ' || coalesce(p.phone, 'creator') || ' › ' || m.role as row
         from memberships m join groups g on g.id = m.group_id join people p on p.id = m.person_id order by 1`,
      )
      .all()
      .map((r) => (r as { row: string }).row);
    const added = db
      .prepare(`select group_id, details from audit_entries where action = 'member.added'`)
      .all() as {
      group_id: string;
      details: string;
    }[];
    const addedKeys = new Set(added.map((a) => `${a.group_id}:${JSON.parse(a.details).personId}`));
    const invites = (db.prepare('select count(*) as n from card_invites').get() as { n: number }).n;
    // The job log's per-row outcomes, as line › outcome › group › phone, in plan order.
    const outcomes = db
      .prepare(
        `select line || ' › ' || outcome || ' › ' || group_name || ' › ' || coalesce(phone, '') as row
         from upload_outcomes order by seq, part`,
      )
      .all()
      .map((r) => (r as { row: string }).row);
    return { memberships, added: added.length, distinctAdded: addedKeys.size, invites, outcomes };
  } finally {
    db.close();
  }
}

describe('crash-safe upload jobs', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  test('when the process is killed with SIGKILL mid-job and started again, then the job resumes and ends as an uninterrupted run', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'convene-crash-'));
    dirs.push(dataDir);
    const first = await startConvene(dataDir);
    children.push(first.child);
    const form = new FormData();
    form.set('kind', 'user-group');
    form.set('file', new Blob([file]), 'crews.csv');
    const uploaded = (await (
      await fetch(`${first.url}/api/v1/uploads`, { method: 'POST', body: form })
    ).json()) as {
      job: { id: string };
    };
    const id = uploaded.job.id;
    await fetch(`${first.url}/api/v1/uploads/${id}/apply`, { method: 'POST' });
    let job = await getJob(first.url, id);
    while (job.rowsDone < 400) job = await getJob(first.url, id);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const atCrash = finalState(dataDir);
    expect(atCrash.added).toBeGreaterThan(0);
    expect(atCrash.added).toBeLessThan(ROWS);
    // Only whole batches committed: the audit matches the memberships written, row for row, and so does the log.
    expect(atCrash.added).toBe(atCrash.memberships.length - 60);
    expect(atCrash.outcomes.filter((row) => row.includes(' › added › '))).toHaveLength(atCrash.added);

    const second = await startConvene(dataDir);
    children.push(second.child);
    for (let i = 0; i < 600 && !['completed', 'partial', 'failed'].includes(job.status); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = await getJob(second.url, id);
    }
    expect(job).toMatchObject({ status: 'completed', rowsDone: ROWS });
    expect(job.counts).toMatchObject({ groupsCreated: 60, membersAdded: ROWS, unchanged: 0, failed: 0 });
    expect(second.output()).toMatch(/"resumed":true[^\n]*"msg":"job started"/);
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));

    const reference = await startUploadServer('sqlite', { UPLOAD_BATCH_ROWS: '40' });
    try {
      const clean = await reference.upload('user-group', 'crews.csv', file);
      await reference.json('POST', `/api/v1/uploads/${clean.body.job.id}/apply`, {});
      expect(await reference.waitForJob(clean.body.job.id)).toMatchObject({ status: 'completed' });
      await reference.app.stop();
      const expected = finalState(reference.dataDir);
      const resumed = finalState(dataDir);
      expect(resumed.memberships).toEqual(expected.memberships);
      // Each row logged once, with what an uninterrupted run says about it.
      expect(resumed.outcomes).toHaveLength(ROWS + 60);
      expect(resumed.outcomes).toEqual(expected.outcomes);
      expect(resumed).toMatchObject({ added: ROWS, distinctAdded: ROWS, invites: expected.invites });
    } finally {
      await reference.close();
    }
  }, 120_000);
  test('when the process is killed with SIGKILL while the file is being checked, then a restart checks it again and it ends as an uninterrupted check', async () => {
    // Big enough that checking takes a while; every 500th number is wrong, so there are problems to log.
    const rows = 60_000;
    const big = `Group Name,Phone Number,User Type\n${Array.from(
      { length: rows },
      (_, i) => `Crew ${i % 60},+91 98${String(i).padStart(8, '0')}${i % 500 === 7 ? '99' : ''},Member`,
    ).join('\n')}\n`;
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'convene-crash-'));
    dirs.push(dataDir);
    const first = await startConvene(dataDir);
    children.push(first.child);
    const form = new FormData();
    form.set('kind', 'user-group');
    form.set('file', new Blob([big]), 'crews.csv');
    const answer = fetch(`${first.url}/api/v1/uploads`, { method: 'POST', body: form }).catch(
      () => undefined,
    );
    // Killed once checking is under way: the upload is recorded and its plan has begun.
    let id: string | undefined;
    for (let i = 0; i < 600 && !id; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      id = validatingUpload(dataDir);
      if (id && !existsSync(path.join(dataDir, 'uploads', id, 'plan.tsv'))) id = undefined;
    }
    expect(id).toBeDefined();
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    await answer;
    expect(validatingUpload(dataDir)).toBe(id);

    const second = await startConvene(dataDir);
    children.push(second.child);
    let job = await getJob(second.url, id!);
    for (let i = 0; i < 600 && job.status === 'validating'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = await getJob(second.url, id!);
    }
    const resumed = (await (await fetch(`${second.url}/api/v1/jobs/${id}/log?limit=1`)).json()) as {
      total: number;
      totals: unknown;
    };
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));

    const reference = await startUploadServer('sqlite');
    try {
      const clean = await reference.upload('user-group', 'crews.csv', big);
      const expected = (await reference.json('GET', `/api/v1/jobs/${clean.body.job.id}/log?limit=1`)).body;
      expect(job).toMatchObject({
        status: 'invalid',
        rowsTotal: rows,
        rowsValid: clean.body.job.rowsValid,
        rowsInvalid: clean.body.job.rowsInvalid,
        errorCount: clean.body.job.errorCount,
      });
      expect(clean.body.job.errorCount).toBe(rows / 500);
      expect({ total: resumed.total, totals: resumed.totals }).toEqual({
        total: expected.total,
        totals: expected.totals,
      });
      // The resumed file can be applied like any other.
      await reference.app.stop();
    } finally {
      await reference.close();
    }
  }, 180_000);
});
