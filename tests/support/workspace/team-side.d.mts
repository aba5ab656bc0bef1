import type { KamailioHandle } from '../kamailio/kamailio.mjs';
import type { CaughtMail, MailCatcher } from './mail-catcher.mjs';
import type { WorkspaceProcess } from './workspace-process.mjs';

export interface TeamSideOptions {
  dataDir: string;
  domain: string;
  demo: boolean;
  ports?: { ws?: number; udp?: number; rpc?: number; workspace?: number; smtp?: number };
  onMail?: (mail: CaughtMail) => void;
}

export interface TeamSide {
  url: string;
  kamailio: KamailioHandle;
  mail: MailCatcher;
  workspace: WorkspaceProcess;
  demoCreated: boolean;
  stop(): Promise<void>;
}

export function startTeamSide(options: TeamSideOptions): Promise<TeamSide>;
