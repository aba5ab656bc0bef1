import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const COMMON = path.resolve(import.meta.dirname, '../../../common');

/** Every .ts file of the shared layer. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** String and template literals outside comments that read like words for people: three words or more, or two with a capital. */
function sentences(code: string): string[] {
  const withoutComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  const literals = withoutComments.match(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g) ?? [];
  return literals.filter((literal) => /[A-Za-z]+ [a-z]+ [a-z]+|[A-Z][a-z]+ [a-z]+/.test(literal));
}

describe('the shared layer (common/)', () => {
  it('composes no sentence for people: codes cross the boundary, text is made where it is shown', () => {
    const found = sources(COMMON).flatMap((file) => sentences(fs.readFileSync(file, 'utf8')).map((s) => `${path.relative(COMMON, file)}: ${s}`));
    expect(found).toEqual([]);
  });

  it('is checked on real files (the scan is not empty)', () => {
    expect(sources(COMMON).length).toBeGreaterThan(5);
    expect(sentences("const a = 'Enter the password';")).toHaveLength(1);
    expect(sentences("const b = 'A call cannot end';")).toHaveLength(1);
    expect(sentences("const c = 'display-name-missing';")).toHaveLength(0);
  });
});
