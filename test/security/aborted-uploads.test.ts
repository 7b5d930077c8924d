import { existsSync, readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { waitFor } from '../support/convene-process';
import { targetUnderAttack } from './support/target-process';

/**
 * An upload whose sender goes away half way (a phone losing its signal, or someone doing it on purpose,
 * over and over) must leave nothing behind: no partial file in the data folder, no file kept open.
 * Against a real process; after each, `/healthz` answers within 200 ms and the temp dir is empty.
 */
const target = targetUnderAttack();

/** Files kept under `<DATA_DIR>/uploads`, as `<id>/<name>`. */
const keptUploads = (): string[] => {
  const root = path.join(target().dataDir, 'uploads');
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((id) => readdirSync(path.join(root, id)).map((name) => `${id}/${name}`));
};

/** Sends the first `sentBytes` of a multipart upload announcing its full length, then drops the connection. */
async function abortedUpload(sentBytes: number): Promise<void> {
  const form = new FormData();
  form.append('kind', 'user-group-mapping');
  const rows = 'Drivers,+91 98100 00001,Member\n'.repeat(200_000);
  form.append('file', new Blob([`Group Name,Phone Number,User Type\n${rows}`]), 'crews.csv');
  const encoded = new Request('http://encoder.invalid/', { method: 'POST', body: form });
  const body = Buffer.from(await encoded.arrayBuffer());
  await new Promise<void>((resolve) => {
    const req = http.request(`${target().url}/api/v1/uploads`, {
      method: 'POST',
      headers: {
        'content-type': encoded.headers.get('content-type') ?? '',
        'content-length': String(body.length),
      },
    });
    req.on('error', () => resolve());
    req.write(body.subarray(0, sentBytes), () => setTimeout(() => req.destroy(), 300));
    req.on('close', () => resolve());
  });
}

describe('aborted uploads', () => {
  test('when three uploads are dropped half way, then no partial file is kept and none is held open', async () => {
    for (let i = 0; i < 3; i++) await abortedUpload(2 * 1024 * 1024);
    await waitFor(
      () => (keptUploads().length === 0 && target().openUploadFiles().length === 0 ? true : undefined),
      5000,
    ).catch(() => undefined);
    expect(keptUploads()).toEqual([]);
    expect(target().openUploadFiles()).toEqual([]);
  });
});
