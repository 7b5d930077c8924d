import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** A Convene process started from `src/main.ts`, with everything it printed so far. */
export interface ConveneProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
}

/**
 * Starts `src/main.ts` as a real process, the way `npm start` does (minus the build step), with only the
 * given environment (and PATH). `nodeArgs` go before the script, e.g. another `--import`.
 */
export function startConveneProcess(env: Record<string, string>, nodeArgs: string[] = []): ConveneProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', ...nodeArgs, 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Polls `probe` until it returns a value (or the time is up). */
export async function waitFor<T>(probe: () => T | undefined, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('timed out');
}

/** How long a test may wait for a Convene process to listen (see listeningUrl). */
export const STARTUP_MS = 60_000;

/**
 * The address the process logged once listening. Starting compiles the whole tree through tsx, which on
 * a shared 2-core machine under other test files' load has taken 25 s; a minute leaves room.
 */
export const listeningUrl = (proc: ConveneProcess): Promise<string> =>
  waitFor(() => /"url":"(http:\/\/[^"]+)","mode"/.exec(proc.output())?.[1], STARTUP_MS);
