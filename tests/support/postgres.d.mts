export declare const INSTALL_HINT: string;
/** The newest PostgreSQL server bin dir on this machine; throws with an install hint when there is none. */
export declare function findPostgresBin(): string;
export interface PostgresHandle {
  /** Superuser URL on loopback (trust auth), database "postgres". */
  url: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
}
/** A throwaway cluster on a free loopback port; stop() removes it. */
export declare function startPostgres(): Promise<PostgresHandle>;
