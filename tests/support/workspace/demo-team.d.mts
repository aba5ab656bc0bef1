export const DEMO_PASSWORD: string;
export const DEMO_TEAM: {
  name: string;
  owner: { email: string; fullName: string; extension: string };
  agents: { email: string; fullName: string; extension: string; role: 'admin' | 'basic' }[];
  group: { name: string; number: string };
};
export function createDemoTeam(url: string, mailbox: { mails: { to: string[]; links: string[] }[] }): Promise<boolean>;
export function acceptInvitation(url: string, mailbox: { mails: { to: string[]; links: string[] }[] }, email: string): Promise<void>;
