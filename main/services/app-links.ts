import type { LinkOpened } from '../../common/schemas/app-link';
import { createSerialQueue } from '../../common/serial-queue';
import { parseAppLink, type AppLink } from '../domain/app-link';
import type { Logger } from '../ports/logger';

/** Where this computer's phone account comes from now, as far as a link cares. */
export interface LinkSession {
  /** The workspace signed in to (its address as kept), or null. */
  workspaceUrl: string | null;
  /** A typed-in SIP account is saved (SIP-account mode). */
  sipAccount: boolean;
}

export interface AppLinkIntake {
  /** A link from the OS (open-url, second-instance or the first start's command line): read, then acted on. */
  open(raw: unknown): Promise<void>;
  /** The window is listening from now on: what came before it was, if anything (the newest only). */
  takePending(): LinkOpened | null;
  /** The window is reloading or gone: hold what comes until the next one listens. */
  rendererGone(): void;
}

/**
 * Acts on links handed to the app. Never signs in, signs out or dials by
 * itself: a sign-in link opens the form filled in for the agent to finish,
 * and everything else is only said. The window is always brought forward,
 * so the agent sees what became of the link they clicked.
 *
 * ```
 *  link ──parse──► refused ───────────────────────────────► "refused" (code)
 *                  sign-in ─┬ no account here ──────────────► "sign-in" (form filled in)
 *                           ├ signed in to that workspace ──► (window only)
 *                           ├ signed in to another one ─────► "signed-in-elsewhere"
 *                           └ a SIP account is in use ──────► "sip-account-in-use"
 * ```
 * What is for the window goes to it at once while it listens; before that
 * (first start, a reload) the newest waits for {@link AppLinkIntake.takePending}.
 */
export function createAppLinkIntake(deps: {
  session: () => Promise<LinkSession>;
  showWindow: () => void;
  send: (opened: LinkOpened) => void;
  log: Logger;
}): AppLinkIntake {
  let listening = false;
  let pending: LinkOpened | null = null;
  // One link at a time, in the order the OS handed them over.
  const queue = createSerialQueue((error) => deps.log.error(`opening a link failed: ${String(error)}`));

  async function decide(link: AppLink): Promise<LinkOpened | null> {
    const session = await deps.session();
    if (session.workspaceUrl !== null) {
      return sameWorkspace(session.workspaceUrl, link.workspace) ? null : { kind: 'signed-in-elsewhere', workspace: link.workspace, current: session.workspaceUrl };
    }
    if (session.sipAccount) return { kind: 'sip-account-in-use', workspace: link.workspace };
    return { kind: 'sign-in', workspace: link.workspace, ...(link.email ? { email: link.email } : {}) };
  }

  return {
    open: (raw) =>
      queue
        .run(async () => {
          const parsed = parseAppLink(raw);
          deps.showWindow();
          // The code only: a link may hold an email address, which the log has no need of.
          if (!parsed.ok) deps.log.warn(`link refused: ${parsed.refusal}${parsed.problem ? ` (${parsed.problem})` : ''}`);
          const opened: LinkOpened | null = parsed.ok ? await decide(parsed.link) : { kind: 'refused', refusal: parsed.refusal, ...(parsed.problem ? { problem: parsed.problem } : {}) };
          if (!opened) return;
          if (listening) deps.send(opened);
          else pending = opened;
        })
        .catch(() => undefined), // logged by the queue
    takePending() {
      listening = true;
      const taken = pending;
      pending = null;
      return taken;
    },
    rendererGone() {
      listening = false;
    },
  };
}

/** Host names are case-blind; both addresses are already in the schema's one spelling (no trailing slash). */
function sameWorkspace(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
