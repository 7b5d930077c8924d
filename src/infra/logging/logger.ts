import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs. Anything that can carry a credential is censored by path, so a careless
 * `log.info({ req })` still never prints a token or a secret.
 */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  '*.authorization',
  'token',
  '*.token',
  'password',
  '*.password',
  'secret',
  '*.secret',
  '*.appPassword',
  '*.clientSecret',
  'bot.appPassword',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, base: { app: 'convene' }, redact: { paths: redactedPaths, censor: '[redacted]' } },
    destination,
  );
}

export type { Logger };
