import type { Logger } from '../../main/ports/logger';

/** Keeps every log line so tests can check nothing secret was written. */
export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  info = (m: string) => void this.lines.push(`info ${m}`);
  warn = (m: string) => void this.lines.push(`warn ${m}`);
  error = (m: string) => void this.lines.push(`error ${m}`);
}
