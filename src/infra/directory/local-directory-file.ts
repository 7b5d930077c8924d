import { readFileSync, statSync } from 'node:fs';

/**
 * An entry of the optional local directory file (`LOCAL_DIRECTORY_FILE`, a JSON array): a stand-in
 * Entra user with a mobile number and, like an Entra account, optionally business phones, an e-mail
 * address, a sign-in name and an employee id, so every way of finding an account can be tried locally.
 */
export interface LocalDirectoryEntry {
  /** The mobile number, E.164 (`+919876543210`). */
  phone: string;
  aadObjectId: string;
  displayName?: string;
  /** The stand-in's sign-in name, so the portal can find them by account. */
  userPrincipalName?: string;
  /** As Entra's `mail`. */
  email?: string;
  /** As Entra's `employeeId`. */
  employeeId?: string;
  /** As Entra's `businessPhones`, written any way a person would (read in the default region). */
  businessPhones?: string[];
}

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
