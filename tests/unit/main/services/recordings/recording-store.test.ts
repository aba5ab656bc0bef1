import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RECORDING_CHUNK_BYTES } from '../../../../../common/schemas/recording';
import { createRecordingStore, MAX_OPEN_UPLOADS, UPLOAD_IDLE_MS, type RecordingStore } from '../../../../../main/services/recordings/recording-store';

const WEBM_HEAD = [0x1a, 0x45, 0xdf, 0xa3];

/** A fake WebM: the EBML magic, then `size - 4` patterned bytes. */
function webm(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(WEBM_HEAD);
  for (let i = WEBM_HEAD.length; i < size; i++) bytes[i] = i % 251;
  return bytes;
}

let dir: string;
let clock: number;
let store: RecordingStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringdesk-recordings-'));
  clock = Date.UTC(2026, 11, 2, 10);
  store = createRecordingStore({ dir: path.join(dir, 'recordings'), now: () => clock });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function upload(bytes: Uint8Array, chunk = MAX_RECORDING_CHUNK_BYTES) {
  const { uploadId } = await store.begin({ kind: 'voicemail-drop', mimeType: 'audio/webm', size: bytes.byteLength, name: 'Follow-up' });
  for (let offset = 0; offset < bytes.byteLength; offset += chunk) {
    await store.chunk({ uploadId, offset, bytes: bytes.subarray(offset, offset + chunk) });
  }
  return { uploadId, done: () => store.finish(uploadId) };
}

async function readAll(id: string, size: number): Promise<Uint8Array> {
  const out = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += MAX_RECORDING_CHUNK_BYTES) {
    out.set(await store.read({ recordingId: id, offset, length: MAX_RECORDING_CHUNK_BYTES }), offset);
  }
  return out;
}

describe('recordings moving between the window and main', () => {
  it('arrive in chunks and read back byte for byte, in ranges', async () => {
    const bytes = webm(700_000); // three chunks, the last one short
    const recording = await (await upload(bytes)).done();
    expect(recording).toMatchObject({ kind: 'voicemail-drop', mimeType: 'audio/webm', name: 'Follow-up', size: 700_000 });
    expect(await readAll(recording.id, recording.size)).toEqual(bytes);
    expect(await store.read({ recordingId: recording.id, offset: 699_990, length: 100 })).toHaveLength(10);
    expect(await store.info(recording.id)).toEqual(recording);
  });

  it('are not visible before the upload finishes, and are stored owner-only', async () => {
    const { uploadId } = await upload(webm(1000));
    const visible = () => fs.readdirSync(path.join(dir, 'recordings')).filter((f) => !f.startsWith('.'));
    expect(visible()).toEqual([]);
    const recording = await store.finish(uploadId);
    expect(visible().sort()).toEqual([`${recording.id}.audio`, `${recording.id}.json`]);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, 'recordings', `${recording.id}.audio`)).mode & 0o777).toBe(0o600);
  });

  it('refuses a chunk out of order, more bytes than announced, and a short upload', async () => {
    const { uploadId } = await store.begin({ kind: 'greeting', mimeType: 'audio/webm', size: 10, name: 'Hello' });
    await expect(store.chunk({ uploadId, offset: 4, bytes: new Uint8Array(4) })).rejects.toMatchObject({ problem: 'upload-out-of-order' });
    await store.chunk({ uploadId, offset: 0, bytes: webm(6) });
    await expect(store.chunk({ uploadId, offset: 6, bytes: new Uint8Array(5) })).rejects.toMatchObject({ problem: 'upload-too-big' });
    await expect(store.finish(uploadId)).rejects.toMatchObject({ problem: 'upload-unknown' });

    const short = await store.begin({ kind: 'greeting', mimeType: 'audio/webm', size: 10, name: 'Hello' });
    await store.chunk({ uploadId: short.uploadId, offset: 0, bytes: webm(6) });
    await expect(store.finish(short.uploadId)).rejects.toMatchObject({ problem: 'upload-incomplete' });
    expect(fs.readdirSync(path.join(dir, 'recordings'))).toEqual([]); // nothing half-written left
  });

  it('refuses bytes that are not the audio the upload said it was', async () => {
    const { uploadId } = await store.begin({ kind: 'greeting', mimeType: 'audio/ogg', size: 8, name: 'Hello' });
    await expect(store.chunk({ uploadId, offset: 0, bytes: webm(8) })).rejects.toMatchObject({ problem: 'upload-not-audio' });
  });

  it('limits uploads open at once, and lets idle ones lapse', async () => {
    for (let i = 0; i < MAX_OPEN_UPLOADS; i++) await store.begin({ kind: 'greeting', mimeType: 'audio/webm', size: 8, name: `n${i}` });
    await expect(store.begin({ kind: 'greeting', mimeType: 'audio/webm', size: 8, name: 'one more' })).rejects.toMatchObject({ problem: 'too-many-uploads' });
    clock += UPLOAD_IDLE_MS + 1;
    await expect(store.begin({ kind: 'greeting', mimeType: 'audio/webm', size: 8, name: 'later' })).resolves.toHaveProperty('uploadId');
    expect(fs.readdirSync(path.join(dir, 'recordings'))).toHaveLength(1);
  });

  it('says a recording that does not exist is unknown', async () => {
    await expect(store.read({ recordingId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', offset: 0, length: 10 })).rejects.toMatchObject({ problem: 'recording-unknown' });
  });
});
