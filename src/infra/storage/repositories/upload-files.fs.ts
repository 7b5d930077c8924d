import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { access, mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { UploadTooLarge } from '../../../domain/uploads/upload.errors';
import type { PlanPage, PlanWriter, UploadFiles } from '../../../domain/uploads/upload-files.port';

const READ_CHUNK = 256 * 1024;

/**
 * Uploaded files on disk under `<dataDir>/uploads/<id>/`: `original` (the bytes as received) and
 * `plan.tsv` (the validated rows). Both are flushed to disk before the upload is reported, so a job
 * acknowledged to the admin can always be resumed.
 */
export class FsUploadFiles implements UploadFiles {
  constructor(private readonly root: string) {}

  private dir(uploadId: string): string {
    if (!/^[0-9a-f-]{36}$/.test(uploadId)) throw new Error(`not an upload id: ${uploadId}`);
    return path.join(this.root, uploadId);
  }

  originalPath(uploadId: string): string {
    return path.join(this.dir(uploadId), 'original');
  }

  private planPath(uploadId: string): string {
    return path.join(this.dir(uploadId), 'plan.tsv');
  }

  async saveOriginal(
    uploadId: string,
    bytes: AsyncIterable<Buffer | Uint8Array>,
    limitBytes: number,
  ): Promise<{ sizeBytes: number; sha256: string }> {
    await mkdir(this.dir(uploadId), { recursive: true });
    const file = await open(this.originalPath(uploadId), 'w');
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of bytes) {
        size += chunk.length;
        if (size > limitBytes) throw new UploadTooLarge(limitBytes);
        hash.update(chunk);
        await file.write(chunk);
      }
      await file.sync();
    } catch (error) {
      await file.close();
      await this.remove(uploadId);
      throw error;
    }
    await file.close();
    return { sizeBytes: size, sha256: hash.digest('hex') };
  }

  readOriginal(uploadId: string): AsyncIterable<Buffer> {
    return createReadStream(this.originalPath(uploadId), { highWaterMark: READ_CHUNK });
  }

  async hasOriginal(uploadId: string): Promise<boolean> {
    return access(this.originalPath(uploadId)).then(
      () => true,
      () => false,
    );
  }

  createPlan(uploadId: string): PlanWriter {
    const stream: WriteStream = createWriteStream(this.planPath(uploadId));
    let lines: string[] = [];
    const writeOut = async () => {
      if (lines.length === 0) return;
      const text = lines.join('');
      lines = [];
      if (!stream.write(text)) await once(stream, 'drain');
    };
    return {
      write: (fields) => {
        lines.push(`${fields.join('\t')}\n`);
      },
      flush: writeOut,
      close: async () => {
        await writeOut();
        stream.end();
        await once(stream, 'finish');
        const handle = await open(this.planPath(uploadId), 'r+');
        await handle.sync();
        await handle.close();
      },
    };
  }

  async readPlan(uploadId: string, offset: number, maxRows: number): Promise<PlanPage> {
    const handle = await open(this.planPath(uploadId), 'r');
    try {
      const rows: string[][] = [];
      let position = offset;
      let carry = Buffer.alloc(0);
      while (rows.length < maxRows) {
        const buffer = Buffer.alloc(READ_CHUNK);
        const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, position + carry.length);
        if (bytesRead === 0) return { rows, nextOffset: position, done: true };
        const data =
          carry.length > 0
            ? Buffer.concat([carry, buffer.subarray(0, bytesRead)])
            : buffer.subarray(0, bytesRead);
        let start = 0;
        let end = data.indexOf(10, start);
        while (end >= 0 && rows.length < maxRows) {
          rows.push(data.toString('utf8', start, end).split('\t'));
          start = end + 1;
          end = data.indexOf(10, start);
        }
        position += start;
        carry = Buffer.from(data.subarray(start));
      }
      const size = (await handle.stat()).size;
      return { rows, nextOffset: position, done: position >= size };
    } finally {
      await handle.close();
    }
  }

  async remove(uploadId: string): Promise<void> {
    await rm(this.dir(uploadId), { recursive: true, force: true });
  }
}
