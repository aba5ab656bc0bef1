import { z } from 'zod';

/**
 * Recordings (greetings, voicemail drops, call recordings) move between the
 * window and main in chunks over the ordinary invoke channels: Uint8Array
 * crosses Electron's IPC (structured clone) and the test harness alike, and
 * every chunk is validated and size-checked in main like any payload.
 *
 * ```
 *   upload.begin {kind, mimeType, size, name} ─► {uploadId}
 *   upload.chunk {uploadId, offset, bytes}  ×n ─► (in order; offset = bytes so far)
 *   upload.finish {uploadId}                   ─► RecordingInfo   (written atomically)
 *   read {recordingId, offset, length}          ─► Uint8Array      (range reads, for playback)
 * ```
 */

export const RECORDING_KINDS = ['greeting', 'voicemail-drop', 'call-recording'] as const;
export type RecordingKind = (typeof RECORDING_KINDS)[number];

/** What the app records (MediaRecorder) and stores: Opus in WebM or Ogg. */
export const RECORDING_MIME_TYPES = ['audio/webm', 'audio/ogg'] as const;
export type RecordingMimeType = (typeof RECORDING_MIME_TYPES)[number];

/** Largest recording, bytes: an hour of Opus at 32 kbit/s is about 14 MB. */
export const MAX_RECORDING_BYTES = 20 * 1024 * 1024;
/** Largest chunk per call, bytes: small enough to keep either process responsive. */
export const MAX_RECORDING_CHUNK_BYTES = 256 * 1024;
export const MAX_RECORDING_NAME = 100;

export const recordingUploadBeginSchema = z.object({
  kind: z.enum(RECORDING_KINDS),
  mimeType: z.enum(RECORDING_MIME_TYPES),
  size: z.number().int().min(1).max(MAX_RECORDING_BYTES),
  name: z.string().trim().min(1).max(MAX_RECORDING_NAME),
});
export type RecordingUploadBegin = z.infer<typeof recordingUploadBeginSchema>;

const uploadIdSchema = z.uuid();

export const recordingChunkSchema = z.object({
  uploadId: uploadIdSchema,
  offset: z.number().int().min(0).max(MAX_RECORDING_BYTES),
  bytes: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes')
    .refine((bytes) => bytes.byteLength > 0 && bytes.byteLength <= MAX_RECORDING_CHUNK_BYTES, 'chunk-size'),
});
export type RecordingChunk = z.infer<typeof recordingChunkSchema>;

export const recordingUploadFinishSchema = z.object({ uploadId: uploadIdSchema });

export const recordingReadSchema = z.object({
  recordingId: z.uuid(),
  offset: z.number().int().min(0).max(MAX_RECORDING_BYTES),
  length: z.number().int().min(1).max(MAX_RECORDING_CHUNK_BYTES),
});
export type RecordingRead = z.infer<typeof recordingReadSchema>;

export const recordingInfoSchema = z.object({
  id: z.uuid(),
  kind: z.enum(RECORDING_KINDS),
  mimeType: z.enum(RECORDING_MIME_TYPES),
  name: z.string().max(MAX_RECORDING_NAME),
  size: z.number().int().min(1).max(MAX_RECORDING_BYTES),
  createdAt: z.number().int(),
});
export type RecordingInfo = z.infer<typeof recordingInfoSchema>;

/** Why main refused a recording transfer, as a code (the window words it). */
export type RecordingProblem =
  | 'upload-unknown'
  | 'upload-out-of-order'
  | 'upload-too-big'
  | 'upload-incomplete'
  | 'upload-not-audio'
  | 'too-many-uploads'
  | 'recording-unknown';

/** The first bytes of each container: a file whose bytes disagree with its label is refused. */
export function containerMatches(mimeType: RecordingMimeType, head: Uint8Array): boolean {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  return mimeType === 'audio/webm' ? starts(0x1a, 0x45, 0xdf, 0xa3) : starts(0x4f, 0x67, 0x67, 0x53); // EBML / "OggS"
}
