import type { z } from 'zod';

/**
 * Turns a schema failure into one message per field ("fields.domain" →
 * "Enter the domain…"), the shape both the setup form and IPC errors use.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
}
