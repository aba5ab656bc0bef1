import type { RecordingProblem } from './recording';

/**
 * Why main could not do what the window asked, beyond a field problem: a
 * code the window puts into words (renderer/app/ipc-error-text.ts).
 */
export type IpcProblem =
  /** Something went wrong in main; it is logged there, with the detail. */
  | 'internal'
  /** The window could not reach main at all. */
  | 'unreachable'
  | RecordingProblem;
