import type { TestProject } from 'vitest/node';
import { startPostgres } from '../../support/postgres.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's throwaway PostgreSQL cluster; each test file makes its own database in it. */
    postgresUrl: string;
  }
}

/** One PostgreSQL cluster for the whole server suite (starting one takes ~1.5 s). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await startPostgres();
  project.provide('postgresUrl', postgres.url);
  return () => postgres.stop();
}
