import { MIN_PASSWORD } from '../../common/schemas/workspace/auth';
import type { InvitationReason } from '../db/schema';

/**
 * Every word an invited agent reads before their app is set up — the
 * invitation email and the pages behind its link — in one place. The app
 * makes its own words from codes (renderer/); these are the server's
 * because nobody else is there to show them. Plain strings only: the email
 * and page builders escape every value they put in.
 */

export interface EmailFacts {
  fullName: string;
  workspaceName: string;
  /** Who asked for it (an admin), when known. */
  inviterName: string | null;
  reason: InvitationReason;
  link: string;
  /** When the link stops working, already in words in the team's time zone. */
  expiresText: string;
}

export const emailWords = {
  subject(f: EmailFacts): string {
    switch (f.reason) {
      case 'email-changed':
        return `Confirm your email address for ${f.workspaceName} on Ringdesk`;
      case 're-enabled':
        return `Your Ringdesk account for ${f.workspaceName} is enabled again`;
      default:
        return f.inviterName ? `${f.inviterName} invited you to ${f.workspaceName} on Ringdesk` : `You are invited to ${f.workspaceName} on Ringdesk`;
    }
  },
  greeting: (f: EmailFacts) => `Hello ${f.fullName},`,
  /** The paragraph saying why this email came. */
  why(f: EmailFacts): string {
    switch (f.reason) {
      case 'email-changed':
        return `Your email address for the ${f.workspaceName} team on Ringdesk was changed to this one. Set a password to confirm it; until then you cannot sign in or take calls.`;
      case 're-enabled':
        return `Your account in the ${f.workspaceName} team on Ringdesk was enabled again. Set a new password to sign in and take calls.`;
      default:
        return `${f.inviterName ?? 'Your administrator'} added you to the ${f.workspaceName} team on Ringdesk, the team's softphone. Set your password to start taking calls.`;
    }
  },
  action: 'Set your password',
  linkIntro: 'Open this link to set it:',
  expiry: (f: EmailFacts) => `The link works once and until ${f.expiresText}. If it has expired, ask your administrator to send a new invitation.`,
  notYou: 'If you were not expecting this email, you can ignore it: nothing happens until the password is set.',
};

export interface PageFacts {
  fullName: string;
  email: string;
  workspaceName: string;
}

export type PageProblem = 'password-too-short' | 'too-long' | 'passwords-differ';

export const pageWords = {
  formTitle: (f: PageFacts) => `Join ${f.workspaceName} on Ringdesk`,
  formIntro: (f: PageFacts) => `Hello ${f.fullName}. Choose a password for ${f.email} to finish setting up your account. You will sign in to Ringdesk with this email and password.`,
  passwordLabel: `Password (at least ${MIN_PASSWORD} characters)`,
  repeatLabel: 'Repeat the password',
  submit: 'Set password',
  haveApp: 'Ringdesk already installed?',
  openApp: 'Open Ringdesk',
  problem: {
    'password-too-short': `Use at least ${MIN_PASSWORD} characters.`,
    'too-long': 'That password is too long.',
    'passwords-differ': 'The two passwords are not the same. Type them again.',
  } satisfies Record<PageProblem, string>,
  doneTitle: 'Your account is ready',
  doneText: (f: PageFacts) => `Thank you, ${f.fullName}. Open Ringdesk and sign in to ${f.workspaceName} with ${f.email} and the password you just chose. Calls to your extension ring you from now on.`,
  dead: {
    expired: { title: 'This invitation has expired', text: 'Invitation links work for 7 days. Ask your administrator to send you a new invitation.' },
    used: {
      title: 'This invitation has already been used',
      text: 'The password for this account is already set: sign in to Ringdesk with your email and password. If that was not you, tell your administrator at once.',
    },
    revoked: {
      title: 'This invitation is no longer valid',
      text: 'A newer invitation was sent for this account, or it was withdrawn. Use the link in the most recent email, or ask your administrator to send a new invitation.',
    },
    unknown: {
      title: 'This invitation link is not valid',
      text: 'The link may be incomplete or mistyped: copy the whole link from the email. If it still does not work, ask your administrator to send a new invitation.',
    },
  },
};
