import { postgresAvailable } from '../../support/postgres';
import { type Dialect, startUploadServer, type UploadServer } from './upload-harness';

const phone = (n: number) => `+91 98100 ${String(n).padStart(5, '0')}`;
const userFile = (rows: string[]) => `Group Name,Phone Number,User Type,Name,Action\n${rows.join('\n')}\n`;

interface OutcomeEntry {
  seq: number;
  part: number;
  line: number | null;
  outcome: string;
  words: string;
  group: string;
  phone: string | null;
  name: string | null;
  code: string | null;
}

for (const dialect of ['sqlite', 'postgres'] as Dialect[]) {
  const run = dialect === 'sqlite' || postgresAvailable() ? describe : describe.skip;
  run(`the per-row job log of an applied upload [${dialect}]`, () => {
    let server: UploadServer;
    beforeEach(async () => {
      server = await startUploadServer(dialect, { UPLOAD_BATCH_ROWS: '7' });
    });
    afterEach(() => server.close());

    const outcomes = async (id: string, query = '') =>
      (await server.json('GET', `/api/v1/jobs/${id}/outcomes?limit=500${query}`)).body as {
        total: number;
        totals: { outcome: string; words: string; count: number }[];
        entries: OutcomeEntry[];
      };

    /** A 20-row file: 3 bad rows, one group new, one known, one member already there, one removal. */
    const applyMixedFile = async () => {
      const setUp = await server.upload(
        'user-group',
        'setup.csv',
        userFile([`Depot,${phone(1)},Member,Asha,Add`, `Depot,${phone(2)},Admin,,Add`]),
      );
      await server.json('POST', `/api/v1/uploads/${setUp.body.job.id}/apply`, {});
      await server.waitForJob(setUp.body.job.id);
      const rows = [
        `Depot,${phone(1)},Member,Asha Rao,Add`, // already there
        `Depot,${phone(2)},Member,,Add`, // role changed
        `Depot,${phone(3)},Member,,Remove`, // not a member
        ...Array.from({ length: 14 }, (_, i) => `Night Crew,${phone(10 + i)},Member,Crew ${i},Add`),
        'Night Crew,12345,Member,,Add',
        'Night Crew,+91 98100 00099,Boss,,Add',
        ',+91 98100 00098,Member,,Add',
      ];
      const uploaded = await server.upload('user-group', 'mixed.csv', userFile(rows));
      return uploaded.body;
    };

    test('when a 20-row file with 3 bad rows is checked, then the counts are the file’s and the new groups are named before anything is applied', async () => {
      const { job } = await applyMixedFile();
      expect(job).toMatchObject({
        status: 'invalid',
        rowsTotal: 20,
        rowsValid: 17,
        rowsInvalid: 3,
        progress: { done: 0, total: 20 },
        groupsToCreate: { count: 1, names: ['Night Crew'] },
      });
      await server.json('POST', `/api/v1/uploads/${job.id}/apply`, { validRowsOnly: true });
      const applied = await server.waitForJob(job.id);
      expect(applied).toMatchObject({ status: 'partial', progress: { done: 20, total: 20 } });
    });

    test('when the file is applied, then every person and group touched has its outcome, paged, filtered, searched and downloadable', async () => {
      const { job } = await applyMixedFile();
      await server.json('POST', `/api/v1/uploads/${job.id}/apply`, { validRowsOnly: true });
      await server.waitForJob(job.id);

      const all = await outcomes(job.id);
      // 17 rows applied, plus the group one of them created.
      expect(all.total).toBe(18);
      expect(all.totals).toEqual([
        { outcome: 'group-created', words: 'Group created', count: 1 },
        { outcome: 'added', words: 'Added', count: 14 },
        { outcome: 'role-changed', words: 'Role changed', count: 1 },
        { outcome: 'already-there', words: 'Already there', count: 1 },
        { outcome: 'not-a-member', words: 'Not a member (nothing to remove)', count: 1 },
      ]);
      expect(all.entries.slice(0, 5)).toEqual([
        expect.objectContaining({ line: 2, outcome: 'already-there', group: 'Depot', name: 'Asha' }),
        expect.objectContaining({ line: 3, outcome: 'role-changed', phone: '+919810000002' }),
        expect.objectContaining({ line: 4, outcome: 'not-a-member' }),
        expect.objectContaining({ line: 5, outcome: 'group-created', group: 'Night Crew', phone: null }),
        expect.objectContaining({ line: 5, outcome: 'added', name: 'Crew 0' }),
      ]);

      const page = await server.json('GET', `/api/v1/jobs/${job.id}/outcomes?offset=5&limit=5&outcome=added`);
      expect(page.body).toMatchObject({ total: 14, offset: 5 });
      expect(page.body.entries.map((e: OutcomeEntry) => e.name)).toEqual([
        'Crew 5',
        'Crew 6',
        'Crew 7',
        'Crew 8',
        'Crew 9',
      ]);
      // A phone found however it is written, a name in any case; totals follow the search.
      const byPhone = await outcomes(job.id, `&search=${encodeURIComponent('98100-00012')}`);
      expect(byPhone.entries).toEqual([expect.objectContaining({ name: 'Crew 2' })]);
      const byName = await outcomes(job.id, '&search=crew%2013');
      expect(byName.entries.map((e) => e.name)).toEqual(['Crew 13']);
      const wildcard = await outcomes(job.id, '&search=%25');
      expect(wildcard.total).toBe(0);
      expect((await outcomes(job.id, '&search=depot')).totals.map((t) => t.outcome)).toEqual([
        'role-changed',
        'already-there',
        'not-a-member',
      ]);

      const csv = await fetch(`${server.app.url}/api/v1/jobs/${job.id}/outcomes.csv?outcome=role-changed`);
      expect(csv.headers.get('content-disposition')).toContain('mixed-log.csv');
      // Read as bytes: fetch's text() drops the BOM that makes Excel read UTF-8.
      expect(Buffer.from(await csv.arrayBuffer()).toString('utf8')).toBe(
        '\uFEFFLine,Outcome,Group,Phone,Name,Role,Reason code,Reason\r\n3,Role changed,Depot,+919810000002,,member,,\r\n',
      );

      const refused = await server.json('GET', `/api/v1/jobs/${job.id}/outcomes?outcome=exploded`);
      expect(refused.status).toBe(400);
      const tooLong = await server.json('GET', `/api/v1/jobs/${job.id}/outcomes?search=${'x'.repeat(101)}`);
      expect(tooLong.status).toBe(400);
    });

    test('when a row fails while applying, then its outcome says why, and the CSV of a parent mapping names both groups', async () => {
      const users = await server.upload(
        'user-group',
        'groups.csv',
        userFile([`North,${phone(1)},Admin,,Add`, `South,${phone(2)},Admin,,Add`]),
      );
      await server.json('POST', `/api/v1/uploads/${users.body.job.id}/apply`, {});
      await server.waitForJob(users.body.job.id);
      // Two files checked against the same flat hierarchy: once the first is applied, the second would
      // make a loop, so its row fails while applying, with the hierarchy rule's code.
      const tree = 'Parent Group Name,Child Group Name\n';
      const parents = await server.upload('parent-group', 'tree.csv', `${tree}North,South\n`);
      const loop = await server.upload('parent-group', 'loop.csv', `${tree}South,North\n`);
      expect(loop.body.job.status).toBe('ready');
      await server.json('POST', `/api/v1/uploads/${parents.body.job.id}/apply`, {});
      await server.waitForJob(parents.body.job.id);
      expect((await outcomes(parents.body.job.id)).entries).toEqual([
        expect.objectContaining({ line: 2, outcome: 'parent-set', group: 'South' }),
      ]);
      const csv = await fetch(`${server.app.url}/api/v1/jobs/${parents.body.job.id}/outcomes.csv`);
      expect(await csv.text()).toContain('2,Parent set,South,North,,\r\n');

      await server.json('POST', `/api/v1/uploads/${loop.body.job.id}/apply`, {});
      expect(await server.waitForJob(loop.body.job.id)).toMatchObject({ status: 'partial' });
      const failed = await outcomes(loop.body.job.id, '&outcome=failed');
      expect(failed.entries).toEqual([
        expect.objectContaining({
          line: 2,
          outcome: 'failed',
          words: 'Failed',
          group: 'North',
          code: 'HIERARCHY_CYCLE',
          message: expect.stringContaining('North'),
        }),
      ]);
    });

    test('when steps run again from an earlier checkpoint (a runner taking over after a crash), then each row keeps the one outcome it first had', async () => {
      const file = userFile(Array.from({ length: 20 }, (_, i) => `Crew,${phone(100 + i)},Member,,Add`));
      const uploaded = await server.upload('user-group', 'crew.csv', file);
      const id = uploaded.body.job.id;
      await server.json('POST', `/api/v1/uploads/${id}/apply`, {});
      await server.waitForJob(id);
      const before = await outcomes(id);
      expect(before.total).toBe(21);

      // What a runner that died after its steps committed but before the job was marked done leaves.
      const db = server.app.storage.db;
      await db.updateTable('uploads').set({ status: 'running', rows_done: 0 }).where('id', '=', id).execute();
      await db
        .updateTable('jobs')
        .set({ status: 'queued', checkpoint: null, lease_owner: null, lease_expires_at: null })
        .where('id', '=', id)
        .execute();
      await server.waitForJob(id);
      const after = await outcomes(id);
      expect(after.total).toBe(21);
      expect(after.entries).toEqual(before.entries);
      expect(after.totals).toEqual([
        { outcome: 'group-created', words: 'Group created', count: 1 },
        { outcome: 'added', words: 'Added', count: 20 },
      ]);
    });
  });
}
