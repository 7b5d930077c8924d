import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { createLogger } from '../../../src/infra/logging/logger';
import { CRASH_EXIT_CODE, installLastResort } from '../../../src/infra/process/last-resort';

/** A process double: the real event emitter, and `exit` recorded instead of ending the test runner. */
class RecordingProcess extends EventEmitter {
  exits: number[] = [];
  exit(code: number) {
    this.exits.push(code);
  }
}

function logged() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

describe('the process last resort', () => {
  test('when an error reaches the top once or twice, then it is logged once as fatal and the process exits 70 once', () => {
    const target = new RecordingProcess();
    const { logger, lines } = logged();
    installLastResort(target, logger);
    target.emit('uncaughtException', new Error('boom at /join/AbCdEfGhIjKlMnOpQrStUv?x=1'));
    target.emit('unhandledRejection', 'a string, not an error');
    expect(target.exits).toEqual([CRASH_EXIT_CODE]);
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]);
    expect(line).toMatchObject({ level: 60, kind: 'uncaught exception' });
    expect(line.err.message).toBe('boom at /join/[redacted]');
  });

  test('when a promise is rejected with no handler, then the process exits for a restart too', () => {
    const target = new RecordingProcess();
    installLastResort(target, logged().logger);
    target.emit('unhandledRejection', new Error('lost'));
    expect(target.exits).toEqual([CRASH_EXIT_CODE]);
  });
});
