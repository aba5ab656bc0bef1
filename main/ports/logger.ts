/** Where main writes diagnostics. Never pass secrets: callers redact first. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
