/**
 * Which unique constraint a failed write broke, read from either engine's
 * error: PostgreSQL's `23505` (table in `table`, columns in `detail`:
 * "Key (email)=(…) already exists."), SQLite's SQLITE_CONSTRAINT_UNIQUE
 * ("UNIQUE constraint failed: agent.email"). Null for any other error.
 */
export function uniqueViolation(error: unknown): { table: string; columns: string[] } | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { code?: unknown; table?: unknown; detail?: unknown; message?: unknown };
  if (e.code === '23505' && typeof e.table === 'string') {
    const columns = typeof e.detail === 'string' ? /^Key \(([^)]+)\)/.exec(e.detail)?.[1] : undefined;
    return { table: e.table, columns: columns ? columns.split(',').map((c) => c.trim().replace(/^"|"$/g, '')) : [] };
  }
  if ((e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') && typeof e.message === 'string') {
    const list = /constraint failed: (.+)$/.exec(e.message)?.[1] ?? '';
    const names = list.split(',').map((c) => c.trim());
    const table = names[0]?.split('.')[0] ?? '';
    return { table, columns: names.map((n) => n.split('.')[1] ?? '') };
  }
  return null;
}
