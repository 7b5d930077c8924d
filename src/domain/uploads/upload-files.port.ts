/** Writes a validated file's plan: one tab-separated line per row to apply. */
export interface PlanWriter {
  write(fields: string[]): void;
  /** Lets buffered lines reach the file (awaited between chunks of rows). */
  flush(): Promise<void>;
  /** Makes the plan durable before the upload is reported ready. */
  close(): Promise<void>;
}

/** A page of plan rows and the byte offset to continue from. */
export interface PlanPage {
  rows: string[][];
  nextOffset: number;
  done: boolean;
}

/**
 * The uploaded files themselves (kept so a job can resume and the admin can download the
 * original) and the plan that validation writes beside them.
 */
export interface UploadFiles {
  /** Stores the original as it streams in; refuses (and deletes it) beyond `limitBytes`. */
  saveOriginal(
    uploadId: string,
    bytes: AsyncIterable<Buffer | Uint8Array>,
    limitBytes: number,
  ): Promise<{ sizeBytes: number; sha256: string }>;
  readOriginal(uploadId: string): AsyncIterable<Buffer>;
  /** Whether the original is still kept (checking it again needs it). */
  hasOriginal(uploadId: string): Promise<boolean>;
  originalPath(uploadId: string): string;
  createPlan(uploadId: string): PlanWriter;
  readPlan(uploadId: string, offset: number, maxRows: number): Promise<PlanPage>;
  remove(uploadId: string): Promise<void>;
}
