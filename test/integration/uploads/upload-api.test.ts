import { rmSync } from 'node:fs';
import path from 'node:path';
import { postgresAvailable } from '../../support/postgres';
import { type Dialect, startUploadServer, type UploadServer } from './upload-harness';

const people = (group: string, from: number, count: number, type = 'Member') =>
  Array.from({ length: count }, (_, i) => `${group},+91 98100 ${String(from + i).padStart(5, '0')},${type}`);

const userFile = (rows: string[]) => `Group Name,Phone Number,User Type\n${rows.join('\n')}\n`;

for (const dialect of ['sqlite', 'postgres'] as Dialect[]) {
  const run = dialect === 'sqlite' || postgresAvailable() ? describe : describe.skip;
  run(`bulk upload over HTTP [${dialect}]`, () => {
    let server: UploadServer;
    beforeEach(async () => {
      server = await startUploadServer(dialect, { UPLOAD_BATCH_ROWS: '7' });
    });
    afterEach(() => server.close());

    test('when the template is downloaded and uploaded as it is, then it validates without a problem', async () => {
      const response = await fetch(`${server.app.url}/api/v1/templates/user-group-mapping.csv`);
      expect(response.headers.get('content-type')).toContain('text/csv');
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="user-group-mapping.csv"; filename*=UTF-8''user-group-mapping.csv`,
      );
      const bytes = Buffer.from(await response.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      expect(text).toContain('\n# Phone Number (required)');
      expect(text).toContain('Group Name,Phone Number,User Type,Name,Email,Employee ID,Region,Action');
      const uploaded = await server.upload('user-group-mapping', 'template.csv', bytes);
      expect(uploaded.status).toBe(201);
      expect(uploaded.body.job).toMatchObject({ status: 'ready', rowsTotal: 2, rowsValid: 2, errorCount: 0 });

      const parent = await fetch(`${server.app.url}/api/v1/templates/parent-group-mapping.csv`);
      expect(await parent.text()).toContain('Parent Group Name,Child Group Name');
    });

    test('when the process checking a file died, then a runner checks the kept file again; without the file, the upload fails and says so', async () => {
      const uploaded = await server.upload('user-group', 'crew.csv', userFile(people('Crew', 1, 20)), {
        region: 'IN',
      });
      const id = uploaded.body.job.id;
      const db = server.app.storage.db;
      // What a process that died while checking leaves behind: the upload `validating`, its job leased to it.
      const dieWhileChecking = async () => {
        await db
          .updateTable('uploads')
          .set({ status: 'validating', rows_valid: 0 })
          .where('id', '=', id)
          .execute();
        await db
          .updateTable('jobs')
          .set({
            status: 'running',
            lease_owner: 'validation:gone',
            lease_expires_at: '2000-01-01T00:00:00.000Z',
          })
          .where('kind', '=', 'upload.validate')
          .execute();
      };
      const settled = async () => {
        for (let i = 0; i < 200; i++) {
          const { body } = await server.json('GET', `/api/v1/jobs/${id}`);
          if (body.job.status !== 'validating') return body.job;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        throw new Error('still validating');
      };

      await dieWhileChecking();
      expect(await settled()).toMatchObject({ status: 'ready', rowsTotal: 20, rowsValid: 20, errorCount: 0 });

      await dieWhileChecking();
      rmSync(path.join(server.dataDir, 'uploads', id, 'original'));
      expect(await settled()).toMatchObject({ status: 'failed' });
      const log = await server.json('GET', `/api/v1/jobs/${id}/log`);
      expect(log.body.entries).toEqual([
        expect.objectContaining({
          code: 'UPLOAD_VALIDATION_FAILED',
          severity: 'error',
          message: expect.stringMatching(/crew\.csv is no longer kept.*Upload the file again/),
        }),
      ]);
    });

    test('when a valid file is applied, then groups and members exist, every change is audited with the job id, and applying it again changes nothing', async () => {
      const file = userFile([
        ...people('Drivers – North', 1, 12, 'Member'),
        ...people('Drivers – South', 100, 5, 'Admin'),
      ]);
      const first = await server.upload('user-group', 'drivers.csv', file, { region: 'IN' });
      expect(first.body.job).toMatchObject({
        status: 'ready',
        rowsValid: 17,
        progress: { done: 0, total: 17 },
      });
      const applied = await server.json('POST', `/api/v1/uploads/${first.body.job.id}/apply`, {});
      expect(applied.status).toBe(202);
      const job = await server.waitForJob(first.body.job.id);
      expect(job).toMatchObject({ status: 'completed', rowsDone: 17, progress: { done: 17, total: 17 } });
      expect(job.counts).toMatchObject({ groupsCreated: 2, membersAdded: 17, unchanged: 0, failed: 0 });

      const { body: groups } = await server.json('GET', '/api/v1/groups');
      const north = groups.groups.find((g: { name: string }) => g.name === 'Drivers – North');
      // The uploader is the new group's first admin, as when creating a group by hand.
      expect(north.memberCount).toBe(13);
      const audit = await server.app.storage.db
        .selectFrom('audit_entries')
        .select(['action', 'job_id'])
        .where('job_id', '=', job.id)
        .execute();
      const actions = audit.map((a) => a.action);
      expect(actions.filter((a) => a === 'member.added')).toHaveLength(17);
      expect(actions.filter((a) => a === 'group.created')).toHaveLength(2);

      const again = await server.upload('user-group', 'drivers.csv', file, { region: 'IN' });
      expect(again.body.job.sha256).toBe(job.sha256);
      await server.json('POST', `/api/v1/uploads/${again.body.job.id}/apply`, {});
      const second = await server.waitForJob(again.body.job.id);
      expect(second).toMatchObject({ status: 'completed' });
      expect(second.counts).toMatchObject({ groupsCreated: 0, membersAdded: 0, unchanged: 17 });
      const log = await server.json('GET', `/api/v1/jobs/${again.body.job.id}/log?phase=apply`);
      expect(log.body.entries.at(-1).message).toContain('Nothing changed');
      const memberships = await server.app.storage.db
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(memberships.n)).toBe(19);
    });

    test('when a file has errors, then problems are paged with totals per code, applying is refused, and valid rows only can be applied', async () => {
      const rows = [
        ...people('Sales', 1, 3),
        'Sales,12345,Member',
        'Sales,+91 98100 00050,Boss',
        '"=HYPERLINK(""http://evil"")",+91 98100 00051,Member',
        '"Sales",+91 98100 00001,Admin',
      ];
      const uploaded = await server.upload('user-group-mapping', 'sales.csv', userFile(rows));
      expect(uploaded.status).toBe(201);
      const { job, totals } = uploaded.body;
      expect(job).toMatchObject({ status: 'invalid', errorCount: 3, rowsValid: 4, rowsInvalid: 3 });
      expect(totals).toEqual([
        { code: 'CSV_CONFLICTING_ROLE', severity: 'error', count: 1 },
        { code: 'CSV_UNKNOWN_USER_TYPE', severity: 'error', count: 1 },
        { code: 'PHONE_INVALID', severity: 'error', count: 1 },
      ]);
      const page = await server.json('GET', `/api/v1/uploads/${job.id}/problems?offset=1&limit=1`);
      expect(page.body).toMatchObject({ total: 3, offset: 1 });
      expect(page.body.problems).toEqual([
        expect.objectContaining({
          line: 6,
          column: 'User Type',
          code: 'CSV_UNKNOWN_USER_TYPE',
          severity: 'error',
        }),
      ]);
      const byCode = await server.json('GET', `/api/v1/uploads/${job.id}/problems?code=PHONE_INVALID`);
      expect(byCode.body.problems[0]).toMatchObject({ line: 5, details: { region: 'IN' } });

      const refused = await server.json('POST', `/api/v1/uploads/${job.id}/apply`, {});
      expect(refused).toMatchObject({ status: 409, body: { error: { code: 'UPLOAD_HAS_ERRORS' } } });
      const accepted = await server.json('POST', `/api/v1/uploads/${job.id}/apply`, { validRowsOnly: true });
      expect(accepted.status).toBe(202);
      const done = await server.waitForJob(job.id);
      expect(done).toMatchObject({ status: 'partial', validRowsOnly: true });
      // The formula-like group name is a valid name: it is created (and defused in reports).
      expect(done.counts).toMatchObject({ membersAdded: 4, groupsCreated: 2, failed: 3 });
      const twice = await server.json('POST', `/api/v1/uploads/${job.id}/apply`, { validRowsOnly: true });
      expect(twice.body.error.code).toBe('UPLOAD_NOT_APPLICABLE');

      const report = await fetch(`${server.app.url}/api/v1/jobs/${job.id}/errors.csv`);
      expect(report.headers.get('content-disposition')).toContain('sales-errors.csv');
      const lines = (await report.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('Line,Group Name,Phone Number,User Type,Reason code,Reason');
      expect(lines[1]).toBe(
        '5,Sales,12345,Member,PHONE_INVALID,"""12345"" is not a valid phone number for region IN: it is too short."',
      );
      expect(lines[2]).toMatch(/^6,Sales,\+91 98100 00050,Boss,CSV_UNKNOWN_USER_TYPE,/);
      expect(lines[3]).toMatch(/^8,Sales,\+91 98100 00001,Admin,CSV_CONFLICTING_ROLE,/);
      expect(lines).toHaveLength(4);
    });

    test('when a cell starts like a formula, then the error report defuses it but keeps phone numbers readable', async () => {
      const rows = ['"=HYPERLINK(""http://evil"")",+91 98100 00051,Boss', '@SUM(A1),-12,Member'];
      const uploaded = await server.upload('user-group-mapping', 'evil.csv', userFile(rows));
      const report = await fetch(`${server.app.url}/api/v1/jobs/${uploaded.body.job.id}/errors.csv`);
      const lines = (await report.text()).trim().split('\r\n');
      expect(lines[1]).toMatch(/^2,"'=HYPERLINK\(""http:\/\/evil""\)",\+91 98100 00051,Boss,/);
      expect(lines[2]).toMatch(/^3,'@SUM\(A1\),-12,Member,PHONE_INVALID,/);
    });

    test('when a parent mapping names groups of the companion user upload, then it validates and applies the hierarchy', async () => {
      const users = await server.upload(
        'user-group',
        'users.csv',
        userFile([...people('All Staff', 1, 2), ...people('Sales', 10, 2), ...people('Sales (East)', 20, 2)]),
      );
      const parents = 'Parent Group Name,Child Group Name\nAll Staff,Sales\nSales,Sales (East)\n';
      const alone = await server.upload('parent-group', 'parents.csv', parents);
      expect(alone.body.totals).toEqual([{ code: 'CSV_UNKNOWN_GROUP', severity: 'error', count: 4 }]);
      const together = await server.upload('parent-group', 'parents.csv', parents, {
        companionUploadId: users.body.job.id,
      });
      expect(together.body.job).toMatchObject({ status: 'ready', companionUploadId: users.body.job.id });
      await server.json('POST', `/api/v1/uploads/${users.body.job.id}/apply`, {});
      await server.waitForJob(users.body.job.id);
      await server.json('POST', `/api/v1/uploads/${together.body.job.id}/apply`, {});
      const applied = await server.waitForJob(together.body.job.id);
      expect(applied).toMatchObject({
        status: 'completed',
        counts: expect.objectContaining({ parentsSet: 2 }),
      });
      const east = await server.app.storage.db
        .selectFrom('groups as child')
        .innerJoin('groups as parent', 'parent.id', 'child.parent_id')
        .select(['child.name as child', 'parent.name as parent'])
        .orderBy('child.name')
        .execute();
      expect(east).toEqual([
        { child: 'Sales', parent: 'All Staff' },
        { child: 'Sales (East)', parent: 'Sales' },
      ]);
    });

    test('when the original is downloaded and jobs are listed, then the bytes and the record match the upload', async () => {
      const content = Buffer.from(`\uFEFF${userFile(people('Café Zürich', 1, 2))}`, 'utf8');
      const uploaded = await server.upload('user-group', 'zürich.csv', content);
      const original = await fetch(`${server.app.url}/api/v1/jobs/${uploaded.body.job.id}/file`);
      expect(Buffer.from(await original.arrayBuffer())).toEqual(content);
      expect(original.headers.get('content-disposition')).toContain("filename*=UTF-8''z%C3%BCrich.csv");
      const list = await server.json('GET', '/api/v1/jobs');
      expect(list.body.jobs[0]).toMatchObject({
        id: uploaded.body.job.id,
        fileName: 'zürich.csv',
        status: 'ready',
      });
      const missing = await server.json('GET', '/api/v1/jobs/00000000-0000-0000-0000-000000000000');
      expect(missing).toMatchObject({ status: 404, body: { error: { code: 'UPLOAD_NOT_FOUND' } } });
    });

    test('when the form has no kind or no file, then a coded 400 says what is missing', async () => {
      const noKind = new FormData();
      noKind.set('file', new Blob(['x']), 'a.csv');
      const a = await fetch(`${server.app.url}/api/v1/uploads`, { method: 'POST', body: noKind });
      expect(a.status).toBe(400);
      expect(((await a.json()) as { error: { code: string } }).error.code).toBe('UPLOAD_REQUEST_INVALID');
      const noFile = new FormData();
      noFile.set('kind', 'user-group');
      const b = await fetch(`${server.app.url}/api/v1/uploads`, { method: 'POST', body: noFile });
      expect(((await b.json()) as { error: { code: string } }).error.code).toBe('UPLOAD_FILE_MISSING');
    });
  });
}

describe('upload size limits', () => {
  test('when a file is over the configured limit, then 413 UPLOAD_TOO_LARGE; a file over the 1 MB JSON limit but under it is accepted', async () => {
    const server = await startUploadServer('sqlite', { UPLOAD_MAX_MB: '3' });
    try {
      // Wide rows (an extra notes column) make a big file out of few rows.
      const notes = 'n'.repeat(30_000);
      const rows = (from: number, count: number) =>
        Array.from(
          { length: count },
          (_, i) => `Sales,+91 98100 ${String(from + i).padStart(5, '0')},Member,${notes}\n`,
        ).join('');
      const header = 'Group Name,Phone Number,User Type,Notes\n';
      const big = header + rows(1, 70);
      const accepted = await server.upload('user-group', 'big.csv', big);
      expect(accepted.status).toBe(201);
      expect(accepted.body.job.sizeBytes).toBeGreaterThan(2 * 1024 * 1024);
      expect(accepted.body.job).toMatchObject({ status: 'ready', rowsValid: 70 });
      const tooBig = await server.upload('user-group', 'huge.csv', big + rows(100, 50));
      expect(tooBig.status).toBe(413);
      expect(tooBig.body.error).toMatchObject({
        code: 'UPLOAD_TOO_LARGE',
        details: { limitBytes: 3 * 1024 * 1024 },
      });
    } finally {
      await server.close();
    }
  });
});
