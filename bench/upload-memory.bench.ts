import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Benchmark, Figure } from './figure';
import { benchDir, writeUserGroupFile } from './upload-bench-data';

const ROWS = 1_000_000;
const GROUPS = 1_000;

const root = path.join(__dirname, '..');

/**
 * P3: peak resident memory of a process that validates and applies a 1M-row User Group Mapping file
 * (streamed from disk, cross-row checks on compact keys, applied in batches). The process runs the
 * compiled JavaScript, as `npm start` does: under tsx the transpiler itself takes 40–60 MB more
 * (in the main thread and again in the phone thread), which is the tool's memory, not Convene's.
 */
export const uploadMemoryBenchmark: Benchmark = {
  ids: ['P3'],
  title: 'peak RSS validating and applying a 1M-row User Group Mapping CSV',
  async run(): Promise<Figure[]> {
    const dir = benchDir();
    try {
      const file = path.join(dir, 'users-1m.csv');
      await writeUserGroupFile(file, ROWS, GROUPS);
      const run = promisify(execFile);
      await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.bench.json'], {
        cwd: root,
      });
      const { stdout } = await run(
        process.execPath,
        [path.join(root, 'dist/bench/upload-memory.child.js'), file, dir],
        { cwd: root, maxBuffer: 1 << 20 },
      );
      const measured = JSON.parse(stdout) as {
        maxRssMb: number;
        applyMs: number;
        validateMs: number;
        status: string;
        rows_done: number;
      };
      if (measured.status !== 'completed' || Number(measured.rows_done) !== ROWS) {
        throw new Error(`the 1M-row job ended ${measured.status} after ${measured.rows_done} rows`);
      }
      return [
        {
          id: 'P3',
          figure: 'peak RSS validating + applying 1M rows',
          value: measured.maxRssMb,
          unit: 'MB',
          target: '<= 300',
          notes: {
            validateS: Math.round(measured.validateMs / 1000),
            applyS: Math.round(measured.applyMs / 1000),
          },
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
