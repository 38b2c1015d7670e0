import { pino, type Logger } from 'pino';

/** For apps under test: nothing is written, so test output stays readable. */
export const silentLogger: Logger = pino({ level: 'silent' });

/** A logger that keeps every line it writes, parsed, for tests that read the log. */
export function capturedLogs(): { logger: Logger; lines: () => Array<Record<string, unknown>> } {
  const written: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void written.push(line) });
  return { logger, lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
