import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  containerMatches,
  recordingInfoSchema,
  type RecordingChunk,
  type RecordingInfo,
  type RecordingProblem,
  type RecordingRead,
  type RecordingUploadBegin,
} from '../../../common/schemas/recording';
import { UserFacingError } from '../user-facing-error';
import { syncDirectory } from '../file-durability';

/** A transfer main refused; the code says why (the window words it). */
export class RecordingRefused extends UserFacingError {
  constructor(problem: RecordingProblem) {
    super({ problem });
  }
}

/** Recordings kept by main in the data folder (later: uploaded to the workspace). */
export interface RecordingStore {
  begin(upload: RecordingUploadBegin): Promise<{ uploadId: string }>;
  chunk(chunk: RecordingChunk): Promise<void>;
  /** Checks the upload is whole and stores it atomically: before this returns, nothing is visible. */
  finish(uploadId: string): Promise<RecordingInfo>;
  read(range: RecordingRead): Promise<Uint8Array>;
  info(recordingId: string): Promise<RecordingInfo>;
  /** Cancels unfinished uploads (e.g. the window reloaded); their partial files go. */
  abandonUploads(): Promise<void>;
}

/** Uploads in progress at once; a page that opens more gets refused. */
export const MAX_OPEN_UPLOADS = 4;
/** An upload without a chunk for this long is abandoned. */
export const UPLOAD_IDLE_MS = 2 * 60_000;
/** Owner-only, like the settings and history. */
const FILE_MODE = 0o600;

interface Upload {
  meta: RecordingUploadBegin;
  part: string;
  received: number;
  lastActivity: number;
}

/**
 * Files under `<dir>`: `<id>.audio` and `<id>.json` (its RecordingInfo) per
 * recording; `.upload-<uploadId>.part` while one arrives. A recording is
 * renamed into place and its info written after, atomically, so a crash
 * leaves either nothing or the whole recording.
 */
export function createRecordingStore(deps: { dir: string; now: () => number }): RecordingStore {
  const uploads = new Map<string, Upload>();

  const dropUpload = async (uploadId: string) => {
    const upload = uploads.get(uploadId);
    uploads.delete(uploadId);
    if (upload) await fs.rm(upload.part, { force: true }).catch(() => undefined);
  };

  const expireIdle = async () => {
    const stale = [...uploads].filter(([, upload]) => deps.now() - upload.lastActivity > UPLOAD_IDLE_MS).map(([id]) => id);
    await Promise.all(stale.map(dropUpload));
  };

  const uploadOf = (uploadId: string): Upload => {
    const upload = uploads.get(uploadId);
    if (!upload) throw new RecordingRefused('upload-unknown');
    return upload;
  };

  const info = async (recordingId: string): Promise<RecordingInfo> => {
    try {
      return recordingInfoSchema.parse(JSON.parse(await fs.readFile(path.join(deps.dir, `${recordingId}.json`), 'utf8')));
    } catch {
      throw new RecordingRefused('recording-unknown');
    }
  };

  return {
    async begin(meta) {
      await expireIdle();
      if (uploads.size >= MAX_OPEN_UPLOADS) throw new RecordingRefused('too-many-uploads');
      await fs.mkdir(deps.dir, { recursive: true, mode: 0o700 });
      const uploadId = randomUUID();
      const part = path.join(deps.dir, `.upload-${uploadId}.part`);
      await (await fs.open(part, 'wx', FILE_MODE)).close();
      uploads.set(uploadId, { meta, part, received: 0, lastActivity: deps.now() });
      return { uploadId };
    },

    async chunk({ uploadId, offset, bytes }) {
      const upload = uploadOf(uploadId);
      if (offset !== upload.received) throw new RecordingRefused('upload-out-of-order');
      if (upload.received + bytes.byteLength > upload.meta.size) {
        await dropUpload(uploadId);
        throw new RecordingRefused('upload-too-big');
      }
      if (offset === 0 && !containerMatches(upload.meta.mimeType, bytes)) {
        await dropUpload(uploadId);
        throw new RecordingRefused('upload-not-audio');
      }
      await fs.appendFile(upload.part, bytes);
      upload.received += bytes.byteLength;
      upload.lastActivity = deps.now();
    },

    async finish(uploadId) {
      const upload = uploadOf(uploadId);
      if (upload.received !== upload.meta.size) {
        await dropUpload(uploadId);
        throw new RecordingRefused('upload-incomplete');
      }
      uploads.delete(uploadId);
      const id = randomUUID();
      const recording: RecordingInfo = { id, kind: upload.meta.kind, mimeType: upload.meta.mimeType, name: upload.meta.name, size: upload.received, createdAt: deps.now() };
      const handle = await fs.open(upload.part, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(upload.part, path.join(deps.dir, `${id}.audio`));
      const infoTemp = path.join(deps.dir, `.${id}.json.tmp`);
      await fs.writeFile(infoTemp, JSON.stringify(recording), { mode: FILE_MODE });
      await fs.rename(infoTemp, path.join(deps.dir, `${id}.json`));
      await syncDirectory(deps.dir);
      return recording;
    },

    async read({ recordingId, offset, length }) {
      const recording = await info(recordingId);
      const end = Math.min(recording.size, offset + length);
      if (offset >= end) return new Uint8Array(0);
      const handle = await fs.open(path.join(deps.dir, `${recordingId}.audio`), 'r');
      try {
        const buffer = new Uint8Array(end - offset);
        const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, offset);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },

    info,

    async abandonUploads() {
      await Promise.all([...uploads.keys()].map(dropUpload));
    },
  };
}
