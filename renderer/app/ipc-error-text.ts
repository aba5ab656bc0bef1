import type { IpcProblem } from '../../common/schemas/ipc-problem';
import type { IpcError } from '../../preload/contract';
import { workspaceFailureText } from '../features/workspace/workspace-failure-text';

const PROBLEMS: Record<IpcProblem, string> = {
  internal: 'Something went wrong in Ringdesk. Please try again.',
  unreachable: 'Ringdesk could not reach its background process. Restart the app if this persists.',
  'upload-unknown': 'This recording upload is not open (it finished, failed or timed out). Start it again.',
  'upload-out-of-order': 'Part of the recording went missing on the way. Start the upload again.',
  'upload-too-big': 'The recording is larger than announced. Start the upload again.',
  'upload-incomplete': 'The recording did not arrive whole. Start the upload again.',
  'upload-not-audio': 'This file is not an Opus recording in WebM or Ogg.',
  'too-many-uploads': 'Too many recordings are being saved at once. Wait for them to finish.',
  'recording-unknown': 'This recording no longer exists.',
};

/** The window's words for a refusal from main (main sends codes only). */
export function ipcErrorText(error: IpcError): string {
  switch (error.code) {
    case 'invalid-input':
      return 'Some fields need attention.';
    case 'forbidden':
      return 'This window is not allowed to control Ringdesk.';
    case 'failed':
      return PROBLEMS[error.problem];
    case 'workspace':
      return workspaceFailureText(error.failure, error.retryAfterSec);
  }
}
