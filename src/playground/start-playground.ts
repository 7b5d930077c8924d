import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

/** Where the Playground reads its mock tenant from: the local developer identity (see the yml). */
export const PLAYGROUND_CONFIG_DIR = __dirname;

const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');

export interface RunningPlayground {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the Microsoft 365 Agents Playground (offline, no browser of its own) against a bot
 * endpoint, and resolves once it listens.
 */
export function startPlayground(botEndpoint: string, port: number): Promise<RunningPlayground> {
  const child = spawn(
    process.execPath,
    [cli, '-e', botEndpoint, '-c', 'msteams', '--disable-telemetry', '-p', String(port)],
    {
      cwd: PLAYGROUND_CONFIG_DIR,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Listening on \d+/.test(output)) {
        resolve({ url: `http://127.0.0.1:${port}`, process: child, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`The Agents Playground stopped (exit ${code}): ${output.trim() || 'no output'}`)),
    );
  });
}

export const playgroundConfigFile = path.join(PLAYGROUND_CONFIG_DIR, '.m365agentsplayground.yml');
