import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { type ConveneProcess, listeningUrl, startConveneProcess } from '../../support/convene-process';
import { phoneNumber } from '../../support/delivery-world';

const PEOPLE = 3000;
const FIRST = ['Asha', 'Ravi', 'Meena', 'Kiran', 'Sunil', 'Divya'];

function start(dataDir: string): ConveneProcess {
  return startConveneProcess({
    PORT: '0',
    DATA_DIR: dataDir,
    DEFAULT_REGION: 'IN',
    LOG_LEVEL: 'info',
    JOB_LEASE_SECONDS: '1',
  });
}

async function call(url: string, method: string, route: string, body?: unknown) {
  const response = await fetch(`${url}${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function read<T>(dataDir: string, query: (db: SqliteDatabase.Database) => T): T {
  const db = new SqliteDatabase(path.join(dataDir, 'convene.sqlite'), { readonly: true });
  db.pragma('busy_timeout = 2000');
  try {
    return query(db);
  } finally {
    db.close();
  }
}

describe('account creation survives a crash', () => {
  const dirs: string[] = [];
  const processes: ConveneProcess[] = [];
  afterAll(() => {
    for (const proc of processes) if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  test('when the process is killed with SIGKILL mid-job and started again, then every person ends with exactly one account', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'convene-accounts-crash-'));
    dirs.push(dataDir);
    const first = start(dataDir);
    processes.push(first);
    const url = await listeningUrl(first);
    const group = await call(url, 'POST', '/api/v1/groups', { name: 'Warehouse crew' });
    const groupId = (group.body.group as { id: string }).id;
    const phones = Array.from({ length: PEOPLE }, (_, i) => phoneNumber(i));
    expect(
      (await call(url, 'POST', `/api/v1/groups/${groupId}/members`, { phones, region: 'IN' })).status,
    ).toBeLessThan(300);
    // Names as a CSV's Name column would give them (the portal has no bulk rename).
    const db = new SqliteDatabase(path.join(dataDir, 'convene.sqlite'));
    db.pragma('busy_timeout = 5000');
    const name = db.prepare('update people set display_name = ? where phone = ?');
    db.transaction(() => {
      for (const [i, phone] of phones.entries()) name.run(`${FIRST[i % FIRST.length]} Worker${i}`, phone);
    })();
    db.close();
    const settings = {
      enabled: true,
      upnPattern: '{first}.{last}',
      domain: 'convene.local',
      licenceGroupId: null,
      usageLocationFallback: 'IN',
    };
    expect((await call(url, 'PUT', '/api/v1/portal/account-creation/settings', settings)).status).toBe(200);
    const started = await call(url, 'POST', '/api/v1/portal/account-creation/jobs', { all: true });
    expect(started.status).toBe(202);
    const jobId = started.body.jobId as string;

    // Kill it once some accounts exist and others do not yet.
    for (;;) {
      const made = read(
        dataDir,
        (d) => (d.prepare('select count(*) as n from local_accounts').get() as { n: number }).n,
      );
      if (made > 0 && made < PEOPLE) break;
      if (made >= PEOPLE) throw new Error('The job finished before it could be interrupted');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    first.child.kill('SIGKILL');
    await first.exited;
    const atCrash = read(
      dataDir,
      (d) => (d.prepare('select count(*) as n from local_accounts').get() as { n: number }).n,
    );
    expect(atCrash).toBeLessThan(PEOPLE);

    const second = start(dataDir);
    processes.push(second);
    const again = await listeningUrl(second);
    let report = (await call(again, 'GET', `/api/v1/portal/account-creation/jobs/${jobId}`)).body;
    for (let i = 0; i < 600 && report.status !== 'succeeded' && report.status !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      report = (await call(again, 'GET', `/api/v1/portal/account-creation/jobs/${jobId}`)).body;
    }
    expect(report).toMatchObject({
      status: 'succeeded',
      counts: { created: PEOPLE, partial: 0, failed: 0, skipped: 0 },
    });
    second.child.kill('SIGTERM');
    await second.exited;

    const final = read(dataDir, (d) => ({
      accounts: (d.prepare('select count(*) as n from local_accounts').get() as { n: number }).n,
      distinctPhones: (
        d.prepare('select count(distinct mobile_phone) as n from local_accounts').get() as { n: number }
      ).n,
      linked: (
        d
          .prepare(
            'select count(*) as n from people p join local_accounts a on a.object_id = p.aad_object_id',
          )
          .get() as { n: number }
      ).n,
      smsOn: (
        d.prepare('select count(*) as n from local_accounts where sms_sign_in = 1').get() as { n: number }
      ).n,
    }));
    // Nothing lost, nobody created twice, everyone linked to the account made for them.
    expect(final).toEqual({ accounts: PEOPLE, distinctPhones: PEOPLE, linked: PEOPLE, smsOn: PEOPLE });
  }, 120_000);
});
