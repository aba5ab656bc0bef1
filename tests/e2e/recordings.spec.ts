import type { RingdeskApi } from '../../preload/contract';
import { expect, test } from '../support/fixtures';

test.describe('recordings between the window and main', () => {
  test('a recording made in the page reaches main in chunks through the real preload and reads back whole', async ({ launch }) => {
    const app = await launch();
    const outcome = await app.page.evaluate(async () => {
      const api = (window as unknown as { ringdesk: RingdeskApi }).ringdesk;
      const size = 300_000;
      const bytes = new Uint8Array(size);
      bytes.set([0x1a, 0x45, 0xdf, 0xa3]); // WebM
      for (let i = 4; i < size; i++) bytes[i] = i % 253;
      const begun = await api.recordings.beginUpload({ kind: 'voicemail-drop', mimeType: 'audio/webm', size, name: 'Callback' });
      if (!begun.ok) return `begin: ${JSON.stringify(begun.error)}`;
      const chunk = 256 * 1024;
      for (let offset = 0; offset < size; offset += chunk) {
        const sent = await api.recordings.sendChunk({ uploadId: begun.value.uploadId, offset, bytes: bytes.subarray(offset, offset + chunk) });
        if (!sent.ok) return `chunk: ${JSON.stringify(sent.error)}`;
      }
      const done = await api.recordings.finishUpload({ uploadId: begun.value.uploadId });
      if (!done.ok) return `finish: ${JSON.stringify(done.error)}`;
      const back = new Uint8Array(size);
      let length = 0;
      for (let offset = 0; offset < size; offset += chunk) {
        const read = await api.recordings.read({ recordingId: done.value.id, offset, length: chunk });
        if (!read.ok) return `read: ${JSON.stringify(read.error)}`;
        back.set(read.value, offset);
        length += read.value.byteLength;
      }
      return length === size && back.every((b, i) => b === bytes[i]) ? 'same' : `differs (${length} bytes)`;
    });
    expect(outcome).toBe('same');
  });
});
