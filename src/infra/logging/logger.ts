import pino, { type Logger } from 'pino';
import { redactText } from './redact';

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

/** Errors are logged with their message and stack, minus any query string or invite token they quote. */
function errorSerializer(error: Error): ReturnType<typeof pino.stdSerializers.err> {
  const serialized: Record<string, unknown> = pino.stdSerializers.err(error);
  for (const [key, value] of Object.entries(serialized)) {
    if (typeof value === 'string') serialized[key] = redactText(value);
  }
  return serialized as ReturnType<typeof pino.stdSerializers.err>;
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'convene' },
      redact: { paths: redactedPaths, censor: '[redacted]' },
      serializers: { err: errorSerializer },
    },
    destination,
  );
}

export type { Logger };
