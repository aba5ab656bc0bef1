export interface WorkspaceProcess {
  url: string;
  output(): string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
  /** SIGKILL, as a replica dies (no shutdown of any kind); resolves once it is gone. */
  crash(): Promise<number | null>;
}

export function startWorkspaceProcess(options: { env: Record<string, string>; port: number; onLine?: (line: string) => void }): Promise<WorkspaceProcess>;
