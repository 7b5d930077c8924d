import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  type ConveneProcess,
  listeningUrl,
  STARTUP_MS,
  startConveneProcess,
} from '../../support/convene-process';
import { healthAnswerMs } from '../../support/health-probe';

/** A real Convene process under attack, with a temp dir of its own to prove nothing is left behind. */
export interface TargetProcess {
  url: string;
  proc: ConveneProcess;
  /** The process's TMPDIR: empty before and after every hostile request. */
  tmpDir: string;
  /** The process's DATA_DIR (its database, kept uploads). */
  dataDir: string;
  /** What is in the temp dir now. */
  tmpEntries(): string[];
  /** Files under the data folder's uploads that the process holds open (Linux's /proc). */
  openUploadFiles(): string[];
  /** Milliseconds `/healthz` took to answer 200 (the fastest of a few probes: see health-probe.ts). */
  healthMs(): Promise<number>;
  stop(): Promise<void>;
}

export async function startTarget(env: Record<string, string> = {}): Promise<TargetProcess> {
  const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'convene-sec-tmp-'));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'convene-sec-data-'));
  // tsx would keep its compile cache in TMPDIR; without it the temp dir is the server's alone.
  const proc = startConveneProcess({
    DATA_DIR: dataDir,
    PORT: '0',
    TMPDIR: tmpDir,
    TSX_DISABLE_CACHE: '1',
    ...env,
  });
  const url = await listeningUrl(proc);
  return {
    url,
    proc,
    tmpDir,
    dataDir,
    tmpEntries: () => readdirSync(tmpDir),
    openUploadFiles() {
      const fds = `/proc/${proc.child.pid}/fd`;
      const uploads = path.join(dataDir, 'uploads');
      return readdirSync(fds).flatMap((fd) => {
        try {
          const file = readlinkSync(path.join(fds, fd));
          return file.startsWith(uploads) ? [file] : [];
        } catch {
          return []; // closed while we looked
        }
      });
    },
    healthMs: () => healthAnswerMs(url),
    async stop() {
      proc.child.kill('SIGTERM');
      await proc.exited;
      rmSync(tmpDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One target for a test file: started before its tests, stopped after them, and after each test the
 * server must still answer `/healthz` within 200 ms and have left nothing in its temp dir.
 */
export function targetUnderAttack(env: Record<string, string> = {}): () => TargetProcess {
  let target: TargetProcess | undefined;
  const current = (): TargetProcess => {
    if (!target) throw new Error('The target process has not started.');
    return target;
  };
  beforeAll(async () => {
    target = await startTarget(env);
  }, STARTUP_MS + 10_000);
  afterAll(() => target?.stop());
  afterEach(async () => {
    expect(await current().healthMs()).toBeLessThan(200);
    expect(current().tmpEntries()).toEqual([]);
  });
  return current;
}

/** A JSON answer, loosely typed: each test asserts the shape it relies on. */
// biome-ignore lint/suspicious/noExplicitAny: answers are checked by the assertions, not the compiler.
export const json = (response: Response): Promise<any> => response.json();
