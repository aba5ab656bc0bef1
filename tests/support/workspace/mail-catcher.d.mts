export interface CaughtMail {
  to: string[];
  raw: string;
  links: string[];
}

export interface MailCatcher {
  port: number;
  url: string;
  mails: CaughtMail[];
  stop(): Promise<void>;
}

export function startMailCatcher(options?: { port?: number; onMail?: (mail: CaughtMail) => void }): Promise<MailCatcher>;
