import type { Notice, NoticeCode, SettingsProblem } from '../../../common/schemas/snapshot';

/** Why the settings could not be read, as the end of "…because ___". */
const SETTINGS_PROBLEM: Record<SettingsProblem, (detail: string | undefined) => string> = {
  'invalid-json': () => 'it is not valid JSON',
  'wrong-layout': (detail) => `it does not match the expected layout (${detail ?? 'root'})`,
  unreadable: (detail) => (detail ? `it could not be read (${detail})` : 'it could not be read'),
};

function settingsRecovered(params: Record<string, string>): string {
  const problem = SETTINGS_PROBLEM[params.problem as SettingsProblem] ?? SETTINGS_PROBLEM.unreadable;
  const start = `Your settings could not be read because ${problem(params.detail)}, so Ringdesk started with fresh settings.`;
  return params.backup ? `${start} The old file was kept as ${params.backup}.` : start;
}

/** Every word of main's notices, in one table: main sends codes (and a few params), the window says them. */
const NOTICE_TEXT: Record<NoticeCode, (params: Record<string, string>) => string> = {
  'settings-recovered': settingsRecovered,
  'weak-keyring': () =>
    'No system keyring (such as GNOME Keyring or KWallet) is available, so your SIP password is stored with weak protection. Install or unlock a keyring to protect it.',
  'no-keyring': () =>
    'This computer offers no secure storage, so your SIP password is kept only until Ringdesk quits; you will be asked for it again next time.',
  'secrets-locked': () => 'Your saved SIP password could not be unlocked on this computer. Open Edit account and enter it again.',
  'history-not-saved': () =>
    'A call could not be saved to the call history: the disk refused it (full or read-only?). It is listed until Ringdesk restarts.',
  'workspace-signed-out': () =>
    'Your team workspace ended the session on this computer (you were signed out, removed or disabled). Sign in again to take calls.',
  'workspace-removed': (p) => `Your admin ${p.reason === 'disabled' ? 'disabled your account' : 'removed you from the team'}, so Ringdesk signed you out here. Ask them if this is a mistake.`,
};

/** What the agent reads for one of main's notices. */
export function noticeText(notice: Notice): string {
  return (NOTICE_TEXT[notice.id] ?? (() => 'Ringdesk has something to tell you.'))(notice.params ?? {});
}
