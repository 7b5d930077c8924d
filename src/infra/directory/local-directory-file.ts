import { readFileSync, statSync } from 'node:fs';
import type { LocalDirectoryEntry } from './local-directory';

/** Where local mode's directory stand-ins come from: a fixed list (tests) or the file, read as it is now. */
export type LocalDirectorySource = readonly LocalDirectoryEntry[] | LocalDirectoryFile;

/** The stand-ins as they are now. */
export const currentEntries = (source: LocalDirectorySource): readonly LocalDirectoryEntry[] =>
  source instanceof LocalDirectoryFile ? source.current() : source;

/**
 * `LOCAL_DIRECTORY_FILE`, read again whenever it changes (its modification time or size), so someone
 * trying Convene locally can give a person an "account" and see Look up again or the next invite card
 * find them without a restart. A file that cannot be read at start is a configuration error; one that
 * goes bad later keeps the last good list (and says so once).
 */
export class LocalDirectoryFile {
  private entries: LocalDirectoryEntry[];
  private stamp: string;
  private warned = false;

  constructor(
    private readonly path: string,
    private readonly warn: (message: string) => void = () => {},
  ) {
    this.stamp = this.stampNow();
    this.entries = this.read();
  }

  current(): readonly LocalDirectoryEntry[] {
    const stamp = this.stampNow();
    if (stamp === this.stamp) return this.entries;
    try {
      this.entries = this.read();
      this.stamp = stamp;
      this.warned = false;
    } catch (error) {
      if (!this.warned)
        this.warn(`${this.path} could not be read again (${String(error)}); the last good list stays.`);
      this.warned = true;
    }
    return this.entries;
  }

  private stampNow(): string {
    const stat = statSync(this.path);
    return `${stat.mtimeMs}:${stat.size}`;
  }

  private read(): LocalDirectoryEntry[] {
    const parsed: unknown = JSON.parse(readFileSync(this.path, 'utf8'));
    if (!Array.isArray(parsed)) throw new Error(`${this.path} must hold a JSON array of people`);
    return parsed as LocalDirectoryEntry[];
  }
}
