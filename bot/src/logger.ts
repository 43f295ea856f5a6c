/**
 * pino, with redaction as a second line of defence: the code never logs request bodies or
 * client records, and these paths are censored should one slip through.
 */
import { pino, type Logger } from 'pino';

export const REDACT_PATHS = [
  'hetu', '*.hetu', '*.*.hetu',
  'client', '*.client',
  'firstName', '*.firstName', 'lastName', '*.lastName', '*.*.firstName', '*.*.lastName',
  'name', '*.clientName',
  'body', '*.body',
  'req.headers.authorization', 'headers.authorization', 'token', '*.token',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { app: 'polku' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination as pino.DestinationStream | undefined,
  );
}
