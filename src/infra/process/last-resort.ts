import type { Logger } from 'pino';

/** The exit code after an error nothing handled (EX_SOFTWARE): the supervisor restarts the process. */
export const CRASH_EXIT_CODE = 70;

/** What the last resort needs of a process: Node's `process` in production. */
export interface ProcessLike {
  on(event: 'uncaughtException', listener: (error: unknown) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  exit(code: number): unknown;
}

/**
 * An error that reached the top of the event loop leaves the process in an unknown state (a transaction
 * half done, a lease half held): log it once and exit so the supervisor starts a clean one, never
 * limp on. The log line carries the error through the logger's serializer, which hides invite
 * tokens and query strings; nothing else about the request is known here.
 */
export function installLastResort(target: ProcessLike, logger: Logger): void {
  let crashing = false;
  const crash = (kind: string) => (error: unknown) => {
    if (crashing) return;
    crashing = true;
    const err = error instanceof Error ? error : new Error(`non-error value thrown: ${typeof error}`);
    logger.fatal({ err, kind }, `${kind}: the process exits so that it can be restarted clean`);
    logger.flush?.();
    target.exit(CRASH_EXIT_CODE);
  };
  target.on('uncaughtException', crash('uncaught exception'));
  target.on('unhandledRejection', crash('unhandled rejection'));
}
