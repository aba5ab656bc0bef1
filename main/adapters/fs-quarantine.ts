import fs from 'node:fs';
import path from 'node:path';
import type { FileQuarantine } from '../ports/settings-file';

/**
 * What follows `<name>.tmp-` in the temporary file of a save of `<name>` by
 * `atomically`, the writer under conf and electron-store: 10 digits of
 * Date.now() and 6 lowercase hex digits (atomically/dist/utils/temp.js).
 * Only names exactly like this are ever deleted.
 */
const ATOMIC_WRITE_TEMP_SUFFIX = /^\d{10}[0-9a-f]{6}$/;

export const fsQuarantine: FileQuarantine = {
  /** Renames a broken file to `<name>.<suffix><ext>` beside it, so nothing is lost. */
  moveAside(file, suffix) {
    if (!fs.existsSync(file)) return null;
    const ext = path.extname(file);
    const target = path.join(path.dirname(file), `${path.basename(file, ext)}.${suffix}${ext}`);
    fs.renameSync(file, target);
    return target;
  },

  removeWriteLeftovers(file) {
    const prefix = `${path.basename(file)}.tmp-`;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.dirname(file), { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []; // first run: no folder yet
      throw error;
    }
    const removed: string[] = [];
    for (const entry of entries) {
      // Regular files only: never a folder or a link that happens to carry such a name.
      if (!entry.isFile() || !entry.name.startsWith(prefix) || !ATOMIC_WRITE_TEMP_SUFFIX.test(entry.name.slice(prefix.length))) continue;
      try {
        fs.unlinkSync(path.join(path.dirname(file), entry.name));
        removed.push(entry.name);
      } catch {
        // Held by another program (antivirus, backup): left for the next start.
      }
    }
    return removed;
  },
};
