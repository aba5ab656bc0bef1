import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcSender } from '../../../../main/ipc/ipc-registry';
import { registerHandlers } from '../../../../main/ipc/register-handlers';
import { createSenderTrust } from '../../../../main/security/sender-trust';
import { MAX_RECORDING_CHUNK_BYTES } from '../../../../common/schemas/recording';
import type { RingdeskApi } from '../../../../preload/contract';
import { createRingdeskApi } from '../../../../preload/create-api';
import { MemoryIpc } from '../../../fakes/memory-ipc';
import { createTestRingdesk } from '../../../fakes/test-ringdesk';

const APP = 'ringdesk://app';
const own: IpcSender = { webContentsId: 1, frameUrl: `${APP}/index.html`, isMainFrame: true };

let dir: string;
let api: RingdeskApi;
let ipc: MemoryIpc;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringdesk-recording-ipc-'));
  const t = await createTestRingdesk({ dir });
  ipc = new MemoryIpc();
  registerHandlers({ registry: ipc, handlers: t.ringdesk.handlers, isTrustedSender: createSenderTrust(APP, () => 1), log: t.log });
  // The window's own generated API, over the same transport shape the preload uses.
  api = createRingdeskApi({ invoke: (channel, payload) => ipc.invoke(own, channel, payload), on: () => () => undefined });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A fake Ogg file: "OggS" then patterned bytes. */
function ogg(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0x4f, 0x67, 0x67, 0x53]);
  for (let i = 4; i < size; i++) bytes[i] = (i * 7) % 256;
  return bytes;
}

const unwrap = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.value;
};

describe('a recording sent from the window to main and read back', () => {
  it('makes the round trip through the contract, byte for byte', async () => {
    const bytes = ogg(600_000);
    const { uploadId } = unwrap(await api.recordings.beginUpload({ kind: 'greeting', mimeType: 'audio/ogg', size: bytes.byteLength, name: 'My greeting' }));
    for (let offset = 0; offset < bytes.byteLength; offset += MAX_RECORDING_CHUNK_BYTES) {
      unwrap(await api.recordings.sendChunk({ uploadId, offset, bytes: bytes.subarray(offset, offset + MAX_RECORDING_CHUNK_BYTES) }));
    }
    const recording = unwrap(await api.recordings.finishUpload({ uploadId }));
    expect(recording).toMatchObject({ kind: 'greeting', name: 'My greeting', size: 600_000 });

    const back = new Uint8Array(recording.size);
    for (let offset = 0; offset < recording.size; offset += MAX_RECORDING_CHUNK_BYTES) {
      back.set(unwrap(await api.recordings.read({ recordingId: recording.id, offset, length: MAX_RECORDING_CHUNK_BYTES })), offset);
    }
    expect(back).toEqual(bytes);
  });

  it('refuses oversized chunks, announced sizes over the limit and bytes that are not bytes, with typed errors', async () => {
    const { uploadId } = unwrap(await api.recordings.beginUpload({ kind: 'greeting', mimeType: 'audio/ogg', size: 1_000_000, name: 'x' }));
    for (const payload of [
      { uploadId, offset: 0, bytes: ogg(MAX_RECORDING_CHUNK_BYTES + 1) },
      { uploadId, offset: 0, bytes: [0x4f, 0x67, 0x67, 0x53] },
      { uploadId, offset: 0, bytes: 'T2dnUw==' },
      { uploadId, offset: 0, bytes: new Uint8Array(0) },
      { uploadId: 'not-an-id', offset: 0, bytes: ogg(10) },
    ]) {
      const result = await ipc.invoke(own, 'ringdesk:recordings:send-chunk', payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    const tooBig = await api.recordings.beginUpload({ kind: 'greeting', mimeType: 'audio/ogg', size: 21 * 1024 * 1024, name: 'x' });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses a file whose bytes are not what its label says, saying why as a code', async () => {
    const { uploadId } = unwrap(await api.recordings.beginUpload({ kind: 'voicemail-drop', mimeType: 'audio/webm', size: 10, name: 'x' }));
    const result = await api.recordings.sendChunk({ uploadId, offset: 0, bytes: ogg(10) });
    expect(result).toEqual({ ok: false, error: { code: 'failed', problem: 'upload-not-audio' } });
  });
});
