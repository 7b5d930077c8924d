import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResourceFileStore } from '../../domain/rollout/rollout.ports';

const keyPattern = /^[0-9a-f-]{36}$/;

/**
 * Keeps custom resources' bytes under DATA_DIR/rollout-resources, one file per resource id. Writes go to a
 * temporary name first and are renamed into place, so a crash never leaves half a file under a real id.
 */
export class DiskResourceStore implements ResourceFileStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'rollout-resources');
  }

  private file(key: string): string {
    // Keys are resource ids (UUIDs); anything else could walk out of the folder.
    if (!keyPattern.test(key)) throw new Error(`Invalid resource key "${key}"`);
    return path.join(this.dir, key);
  }

  async save(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.file(key);
    await mkdir(this.dir, { recursive: true });
    const temporary = `${target}.partial`;
    await writeFile(temporary, bytes);
    await rename(temporary, target);
  }

  async read(key: string): Promise<Uint8Array> {
    return readFile(this.file(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }
}
