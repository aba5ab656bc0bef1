import fs from 'node:fs';
import path from 'node:path';
import type { FileQuarantine } from '../ports/settings-file';

/** Renames a broken file to `<name>.<suffix><ext>` beside it, so nothing is lost. */
export const fsQuarantine: FileQuarantine = {
  moveAside(file, suffix) {
    if (!fs.existsSync(file)) return null;
    const ext = path.extname(file);
    const target = path.join(path.dirname(file), `${path.basename(file, ext)}.${suffix}${ext}`);
    fs.renameSync(file, target);
    return target;
  },
};
