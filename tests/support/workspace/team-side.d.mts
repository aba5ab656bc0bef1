import type { KamailioHandle } from '../kamailio/kamailio.mjs';
import type { ReceivedMail, SmtpInbox } from '../smtp-inbox';
import type { WorkspaceProcess } from './workspace-process.mjs';

export interface TeamSideOptions {
  dataDir: string;
  domain: string;
  demo: boolean;
  ports?: { ws?: number; udp?: number; rpc?: number; workspace?: number; smtp?: number };
  onMail?: (mail: ReceivedMail) => void;
}

export interface TeamSide {
  url: string;
  kamailio: KamailioHandle;
  mail: SmtpInbox;
  workspace: WorkspaceProcess;
  demoCreated: boolean;
  stop(): Promise<void>;
}

export function startTeamSide(options: TeamSideOptions): Promise<TeamSide>;
