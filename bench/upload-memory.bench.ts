import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Benchmark, Figure } from './figure';
import { benchDir, writeUserGroupFile } from './upload-bench-data';

const ROWS = 1_000_000;
const GROUPS = 1_000;

/**
 * P3: peak resident memory of a process that validates and applies a 1M-row User Group Mapping file
 * (streamed from disk, cross-row checks on compact keys, applied in batches).
 */
export const uploadMemoryBenchmark: Benchmark = {
  ids: ['P3'],
  title: 'peak RSS validating and applying a 1M-row User Group Mapping CSV',
  async run(): Promise<Figure[]> {
    const dir = benchDir();
    try {
      const file = path.join(dir, 'users-1m.csv');
      await writeUserGroupFile(file, ROWS, GROUPS);
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', path.join(__dirname, 'upload-memory.child.ts'), file, dir],
        { cwd: path.join(__dirname, '..'), maxBuffer: 1 << 20 },
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
