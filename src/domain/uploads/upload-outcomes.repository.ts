import type { OutcomeQuery, OutcomeTotal, UploadOutcomeEntry } from './row-outcome';

/** The per-row job log of applied uploads. */
export interface UploadOutcomeRepository {
  /** Idempotent: an entry already kept for the same row and part is left as it is. */
  append(entries: UploadOutcomeEntry[]): Promise<void>;
  /** A page in plan order, filtered by outcome and search, with how many match. */
  read(uploadId: string, query: OutcomeQuery): Promise<{ total: number; entries: UploadOutcomeEntry[] }>;
  /** How many entries each outcome has (searched when a search is given). */
  totals(uploadId: string, search?: string): Promise<Omit<OutcomeTotal, 'words'>[]>;
  /** Entries after `afterSeq`/`afterPart` in plan order, for the download. */
  after(
    uploadId: string,
    query: Omit<OutcomeQuery, 'offset' | 'limit'>,
    after: { seq: number; part: number } | null,
    limit: number,
  ): Promise<UploadOutcomeEntry[]>;
}
