export interface WorkspaceProcess {
  url: string;
  output(): string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export function startWorkspaceProcess(options: { env: Record<string, string>; port: number; onLine?: (line: string) => void }): Promise<WorkspaceProcess>;
