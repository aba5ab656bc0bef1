import { describe, expect, it } from 'vitest';
import { ipcErrorText } from '../../../../renderer/app/ipc-error-text';

describe("the window's words for main's refusals", () => {
  it('tells the agent what to do for each kind of refusal', () => {
    expect(ipcErrorText({ code: 'failed', problem: 'unreachable' })).toMatch(/Restart the app/);
    expect(ipcErrorText({ code: 'failed', problem: 'upload-not-audio' })).toBe('This file is not an Opus recording in WebM or Ogg.');
    expect(ipcErrorText({ code: 'forbidden' })).toMatch(/not allowed/);
    expect(ipcErrorText({ code: 'invalid-input', fields: { password: 'password-missing' } })).toMatch(/fields/);
  });
});
