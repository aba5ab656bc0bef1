import type { Logger } from '../ports/logger';

/** Timestamped lines on stdout/stderr; callers never pass secrets. */
export function createConsoleLogger(scope: string): Logger {
  const line = (level: string, message: string) => `${new Date().toISOString()} ${level} [${scope}] ${message}`;
  return {
    info: (m) => console.log(line('info', m)),
    warn: (m) => console.warn(line('warn', m)),
    error: (m) => console.error(line('error', m)),
  };
}
