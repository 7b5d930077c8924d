import { once } from 'node:events';
import { createWriteStream, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A temporary directory for generated benchmark files (never committed). */
export const benchDir = (): string => mkdtempSync(path.join(os.tmpdir(), 'convene-bench-'));

/** The i-th unique Indian mobile number, written as people type it. */
export const benchPhone = (i: number): string => {
  const digits = String(8_100_000_000 + i * 7);
  return `+91 ${digits.slice(0, 5)} ${digits.slice(5)}`;
};

/**
 * Writes a User Group Mapping file with `rows` unique numbers spread over `groups` groups, streaming
 * so that even a million rows never sit in memory.
 */
export async function writeUserGroupFile(file: string, rows: number, groups: number): Promise<void> {
  const out = createWriteStream(file);
  out.write('Group Name,Phone Number,User Type,Name\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += `Site ${i % groups} – Operations,${benchPhone(i)},${i % 50 === 0 ? 'Admin' : 'Member'},Person ${i}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}
