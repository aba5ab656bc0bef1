import type { AppLinkRefusal, LinkOpened } from '../../../common/schemas/app-link';
import { fieldProblemText } from '../setup/field-problem-text';

/** Why a link was refused, as the end of "Ringdesk did not open that link: ___". */
const REFUSAL_TEXT: Record<AppLinkRefusal, string> = {
  'not-a-link': 'it could not be read as a link.',
  'too-long': 'it is far longer than any Ringdesk link.',
  'unknown-scheme': 'it is not a Ringdesk link.',
  'unknown-action': 'it asks for something Ringdesk does not do. If it came from your team, check that Ringdesk is up to date.',
  credentials: 'it carries a user name or password, which Ringdesk links never do.',
  'unexpected-parameter': 'it holds parts a sign-in link never has.',
  'workspace-missing': 'it does not say which team workspace to sign in to.',
  'workspace-invalid': "its workspace address can't be used.",
  'email-invalid': 'the email address in it is not valid.',
};

const FALLBACK = 'Open the link from your invitation email again, or choose "Sign in to your team" and type the details.';

/**
 * What the agent reads when main could not act on a link (a `linkOpened`
 * other than `sign-in`), with its tone; null for `sign-in`, which opens the form instead.
 */
export function linkOpenedText(opened: LinkOpened): { message: string; tone: 'info' | 'error' } | null {
  switch (opened.kind) {
    case 'sign-in':
      return null;
    case 'signed-in-elsewhere':
      return {
        tone: 'info',
        message: `That link is for the team workspace ${opened.workspace}, but Ringdesk is signed in to ${opened.current}. Nothing was changed; to switch, sign out in Settings, then open the link again.`,
      };
    case 'sip-account-in-use':
      return { tone: 'info', message: `That link signs in to the team workspace ${opened.workspace}, but Ringdesk uses a SIP account on this computer. Nothing was changed.` };
    case 'refused': {
      const problem = opened.refusal === 'workspace-invalid' && opened.problem ? ` ${fieldProblemText(opened.problem)}.` : '';
      return { tone: 'error', message: `Ringdesk did not open that link: ${REFUSAL_TEXT[opened.refusal]}${problem} Nothing was signed in to or dialled. ${FALLBACK}` };
    }
  }
}

/** A sign-in link arrived while a form was busy (signing in, saving, testing). */
export const LINK_WHILE_BUSY_TEXT = 'Ringdesk was busy connecting when you opened that link. Once it is done, open the link again.';
