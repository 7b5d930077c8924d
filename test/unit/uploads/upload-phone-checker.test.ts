import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { PhoneInvalid } from '../../../src/domain/people/phone.errors';
import { type Region, toE164 } from '../../../src/domain/people/phone-number';
import {
  inProcessPhoneChecker,
  type PhoneBatchChecker,
  phoneRefusal,
} from '../../../src/domain/uploads/phone-batch-checker';
import type { Problem } from '../../../src/domain/uploads/upload-problem';
import { validateCsv } from '../../../src/domain/uploads/validate-csv';
import { WorkerPhoneChecker } from '../../../src/infra/uploads/worker-phone-checker';

const repo = path.join(__dirname, '../../..');
const fixtures = path.join(repo, 'test/fixtures/csv');

const numbers: Array<[string, Region]> = [
  ['+91 98765 43210', 'IN'],
  ['98765 43210', 'IN'],
  ['0091-98765-43210', 'IN'],
  ['(020) 7946 0958', 'GB'],
  ['12345', 'IN'],
  ['+91 999', 'IN'],
  ['+91 98765 43210 12345', 'IN'],
  ['call me', 'IN'],
  ['', 'US'],
  ['+1 202 555 0100 ext 12', 'US'],
  ['+91 11111 11111', 'IN'],
];

/** A file of several phone batches: valid rows, repeats, conflicts and bad cells spread through it. */
function mixedFile(rows: number): string {
  const lines = ['Group Name,Phone Number,User Type,Name,Email,Region,Action'];
  for (let i = 0; i < rows; i++) {
    const phone = i % 101 === 0 ? '12345' : i % 103 === 0 ? 'abc' : `+91 ${8_100_000_000 + (i % 1850) * 7}`;
    const type = i % 211 === 0 ? 'Boss' : i % 9 === 0 ? 'Admin' : 'Member';
    const region = i % 223 === 0 ? 'ZZ' : i % 227 === 0 ? 'gb' : '';
    const action = i % 229 === 0 ? 'Remove' : '';
    const email = i % 233 === 0 ? 'nope' : '';
    const group = i % 241 === 0 ? '' : `Site ${i % 37}`;
    if (i === rows - 10) lines.push(`${group},"${phone},${type}`);
    else lines.push(`${group},${phone},${type},Person ${i},${email},${region},${action}`);
  }
  return `${lines.join('\n')}\n`;
}

async function validate(bytes: () => AsyncIterable<Buffer>, phones: PhoneBatchChecker) {
  const problems: Array<[Problem, string[] | null]> = [];
  const plan: string[][] = [];
  const summary = await validateCsv(
    bytes(),
    { kind: 'user-group-mapping', defaultRegion: 'IN', phones },
    { problem: (p, cells) => problems.push([p, cells ?? null]), planRow: (row) => plan.push(row) },
  );
  return { summary, problems, plan };
}

describe('checking phone numbers on a worker thread', () => {
  let worker: WorkerPhoneChecker;
  beforeAll(() => {
    worker = new WorkerPhoneChecker();
  });
  afterAll(() => worker.close());

  test('when numbers are checked on the thread, then each verdict is what toE164 says on the spot', async () => {
    const verdicts = await worker.check(
      numbers.map(([input]) => input),
      numbers.map(([, region]) => region),
    );
    numbers.forEach(([input, region], i) => {
      let expected: string | PhoneInvalid;
      try {
        expected = toE164(input, region);
      } catch (error) {
        expected = error as PhoneInvalid;
      }
      const refusal = phoneRefusal(input, region, verdicts[i]!);
      if (typeof expected === 'string') {
        expect(refusal).toBeUndefined();
        expect(verdicts[i]).toBe(expected);
      } else {
        expect(refusal).toBeInstanceOf(PhoneInvalid);
        expect([refusal!.code, refusal!.message, refusal!.details]).toEqual([
          expected.code,
          expected.message,
          expected.details,
        ]);
      }
    });
  });

  test.each(readdirSync(fixtures).filter((name) => name.startsWith('ugm-')))(
    'when the fixture %s is validated with the thread, then problems, cells and plan equal the one-thread run',
    async (name) => {
      const read = () => createReadStream(path.join(fixtures, name), { highWaterMark: 7 });
      expect(await validate(read, worker)).toEqual(await validate(read, inProcessPhoneChecker));
    },
  );

  test('when a file spans several batches with problems throughout, then both runs report them identically and in line order', async () => {
    const text = Buffer.from(mixedFile(6000));
    for (const chunk of [7, 64 * 1024]) {
      const read = () => Readable.from(chunkOf(text, chunk));
      const threaded = await validate(read, worker);
      expect(threaded).toEqual(await validate(read, inProcessPhoneChecker));
      const lines = threaded.problems.map(([p]) => p.line ?? 0);
      expect(lines).toEqual([...lines].sort((a, b) => a - b));
      expect(new Set(threaded.problems.map(([p]) => p.code))).toEqual(
        new Set([
          'PHONE_INVALID',
          'CSV_UNKNOWN_USER_TYPE',
          'REGION_INVALID',
          'GROUP_NAME_EMPTY',
          'CSV_EMAIL_INVALID',
          'CSV_DUPLICATE_ROW',
          'CSV_CONFLICTING_ROLE',
          'CSV_CONFLICTING_ACTION',
          'CSV_MALFORMED',
        ]),
      );
      expect(threaded.plan.length).toBe(threaded.summary.rowsValid);
    }
  });

  test('when the checker is closed, then the next batch starts a fresh thread', async () => {
    const checker = new WorkerPhoneChecker();
    expect(await checker.check(['+91 98765 43210'], ['IN'])).toEqual(['+919876543210']);
    await checker.close();
    expect(await checker.check(['12345'], ['IN'])).toEqual(['too-short']);
    await checker.close();
  });

  test('when Convene runs from its compiled JavaScript, then the thread runs the compiled checker', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'convene-phone-worker-'));
    try {
      execFileSync(
        process.execPath,
        [
          path.join(repo, 'node_modules/typescript/bin/tsc'),
          ...['--ignoreConfig', '--module', 'commonjs', '--target', 'es2022', '--esModuleInterop'],
          ...['--skipLibCheck', '--types', 'node', '--rootDir', repo, '--outDir', out],
          path.join(repo, 'src/infra/uploads/worker-phone-checker.ts'),
        ],
        { cwd: repo },
      );
      symlinkSync(path.join(repo, 'node_modules'), path.join(out, 'node_modules'));
      const script = path.join(out, 'check.js');
      writeFileSync(
        script,
        `const { WorkerPhoneChecker } = require('./src/infra/uploads/worker-phone-checker.js');
const checker = new WorkerPhoneChecker();
checker.check(['+91 98765 43210', '+91 999'], ['IN', 'IN']).then((v) => {
  process.stdout.write(JSON.stringify(v));
  return checker.close();
});`,
      );
      const printed = execFileSync(process.execPath, [script], { cwd: out, encoding: 'utf8' });
      expect(JSON.parse(printed)).toEqual(['+919876543210', 'too-short']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

function* chunkOf(bytes: Buffer, size: number): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
