import { waitFor } from '../support/convene-process';
import { targetUnderAttack } from './support/target-process';

/**
 * Bulk upload files made to cost the server rather than to add anyone. Against a real process (local
 * mode: the caller is an org admin); after each, `/healthz` answers within 200 ms and the temp dir is
 * empty.
 */
const target = targetUnderAttack();

/** Uploads `text` as a User Group Mapping file while asking `/healthz` every 20 ms; the slowest answer. */
async function uploadWhileProbing(text: string) {
  const form = new FormData();
  form.append('kind', 'user-group-mapping');
  form.append('file', new Blob([text]), 'crews.csv');
  let done = false;
  const upload = fetch(`${target().url}/api/v1/uploads`, { method: 'POST', body: form }).then(
    async (response) => {
      done = true;
      // biome-ignore lint/suspicious/noExplicitAny: the test asserts on the fields it relies on
      return { status: response.status, body: (await response.json()) as any };
    },
  );
  let slowestHealthMs = 0;
  while (!done) {
    slowestHealthMs = Math.max(slowestHealthMs, await target().healthMs());
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { ...(await upload), slowestHealthMs };
}

describe('hostile bulk upload files', () => {
  test('when a line holds 20 million empty cells, then the file is refused as unreadable and the server keeps answering', async () => {
    const answer = await uploadWhileProbing(
      `Group Name,Phone Number,User Type\n${','.repeat(20 * 1024 * 1024)}\n`,
    );
    expect(answer.status).toBe(201);
    expect(answer.body.job.status).toBe('invalid');
    expect(answer.body.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'CSV_MALFORMED',
          message: expect.stringContaining('more than 1,000 cells'),
        }),
      ]),
    );
    expect(answer.slowestHealthMs).toBeLessThan(1000);
    await waitFor(() => (target().openUploadFiles().length === 0 ? true : undefined), 3000).catch(
      () => undefined,
    );
    expect(target().openUploadFiles()).toEqual([]);
  }, 60_000);

  test('when a large file has no usable header, then checking it stops and the kept file is not left open', async () => {
    const rows = 'Drivers,+91 98100 00001,Member\n'.repeat(200_000);
    const answer = await uploadWhileProbing(`Crew,Mobile\n${rows}`);
    expect(answer.status).toBe(201);
    expect(answer.body.job.status).toBe('invalid');
    await waitFor(() => (target().openUploadFiles().length === 0 ? true : undefined), 3000).catch(
      () => undefined,
    );
    expect(target().openUploadFiles()).toEqual([]);
  }, 60_000);

  test('when a file repeats one row 300,000 times, then every repeat is reported and /healthz keeps answering meanwhile', async () => {
    const rows = 'Drivers,+91 98100 00001,Member\n'.repeat(300_000);
    const answer = await uploadWhileProbing(`Group Name,Phone Number,User Type\n${rows}`);
    expect(answer.status).toBe(201);
    const reported = (answer.body.totals as { count: number }[]).reduce((sum, total) => sum + total.count, 0);
    expect(reported).toBeGreaterThanOrEqual(299_999);
    expect(answer.slowestHealthMs).toBeLessThan(500);
  }, 120_000);
});
