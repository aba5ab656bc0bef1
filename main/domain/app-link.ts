import { MAX_APP_LINK, type AppLinkRefusal } from '../../common/schemas/app-link';
import { fieldErrors, type FieldProblem } from '../../common/schemas/field-errors';
import { emailSchema } from '../../common/schemas/workspace/agent';
import { workspaceUrlSchema } from '../../common/schemas/workspace/app-session';

/**
 * Reads a link the OS handed the app (the URL of macOS `open-url`, or one in
 * the command line on Windows and Linux). The link comes from whatever page
 * or program the agent clicked in, so it is remote-controlled text: only
 * what is listed here is accepted, everything else is refused with a code,
 * and nothing here throws.
 *
 * Today: `ringdesk://sign-in?workspace=<address>&email=<email>` (the
 * invitation page's "Open Ringdesk", server/pages/invite-page.ts). Click-to-call
 * (`tel:`, `sip:`) joins as another scheme in {@link APP_LINK_SCHEMES} and
 * another {@link AppLink} kind.
 */

/** What a link asks the app to do. */
export type AppLink = {
  /** Open "Sign in to your team" with these filled in (nothing is sent anywhere until the agent signs in). */
  kind: 'sign-in';
  /** Checked like the sign-in form's address (https, or http only on this computer), without a trailing slash. */
  workspace: string;
  /** Checked and lower-cased like the sign-in form's email. */
  email?: string;
};

export type ParsedAppLink = { ok: true; link: AppLink } | { ok: false; refusal: AppLinkRefusal; problem?: FieldProblem };

/** The schemes the app registers with the OS and answers. */
export const APP_LINK_SCHEMES = ['ringdesk'] as const;

/** Spaces and invisible characters (controls, bidi overrides, zero-width, unassigned): no real link holds them. */
const UNSAFE_CHARACTERS = /[\s\p{C}]/u;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** `//authority path ?query #fragment` of a `ringdesk:` link. */
const RINGDESK_PARTS = /^\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(#.*)?$/;
/** A user name or password in a URL's authority. */
const USERINFO = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i;
const SIGN_IN_PARAMETERS = new Set(['workspace', 'email']);

const refuse = (refusal: AppLinkRefusal, problem?: FieldProblem): ParsedAppLink => (problem ? { ok: false, refusal, problem } : { ok: false, refusal });

/** Parses a link; never throws, whatever it is given. */
export function parseAppLink(raw: unknown): ParsedAppLink {
  if (typeof raw !== 'string' || raw.length === 0) return refuse('not-a-link');
  if (raw.length > MAX_APP_LINK) return refuse('too-long');
  if (UNSAFE_CHARACTERS.test(raw)) return refuse('not-a-link');
  const scheme = SCHEME.exec(raw)?.[1]?.toLowerCase();
  if (!scheme) return refuse('not-a-link');
  if (scheme !== 'ringdesk') return refuse('unknown-scheme');
  return parseRingdeskLink(raw.slice(scheme.length + 1));
}

/** The first argument that is one of our links (Windows and Linux pass the clicked link in the command line). */
export function appLinkInArgv(argv: readonly unknown[]): string | null {
  const found = argv.find((arg): arg is string => typeof arg === 'string' && APP_LINK_SCHEMES.some((s) => arg.toLowerCase().startsWith(`${s}:`)));
  return found ?? null;
}

function parseRingdeskLink(rest: string): ParsedAppLink {
  const parts = RINGDESK_PARTS.exec(rest);
  if (!parts) return refuse('unknown-action');
  const [, authority = '', path = '', query, fragment] = parts;
  if (authority.includes('@')) return refuse('credentials');
  // A trailing slash is what some browsers add; anything more is an action we do not have.
  if (authority.toLowerCase() !== 'sign-in' || (path !== '' && path !== '/') || fragment !== undefined) return refuse('unknown-action');
  const params = readQuery(query ?? '');
  if (!params.ok) return params;
  return signIn(params.values);
}

function readQuery(query: string): { ok: true; values: Map<string, string> } | { ok: false; refusal: AppLinkRefusal } {
  const values = new Map<string, string>();
  for (const piece of query.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const name = decode(eq === -1 ? piece : piece.slice(0, eq));
    const value = decode(eq === -1 ? '' : piece.slice(eq + 1));
    if (name === null || value === null) return { ok: false, refusal: 'not-a-link' };
    // A name twice would leave which one counts to whoever reads it: refused, not guessed.
    if (!SIGN_IN_PARAMETERS.has(name) || values.has(name)) return { ok: false, refusal: 'unexpected-parameter' };
    values.set(name, value);
  }
  return { ok: true, values };
}

/** Percent-decoding (no `+` for space: encodeURIComponent never writes one); null when broken. */
function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function signIn(values: Map<string, string>): ParsedAppLink {
  const rawWorkspace = values.get('workspace') ?? '';
  if (rawWorkspace.trim() === '') return refuse('workspace-missing');
  if (USERINFO.test(rawWorkspace)) return refuse('credentials');
  // Decoded, a value may hold what the link itself could not; a workspace address is scheme://host[:port][/path].
  if (UNSAFE_CHARACTERS.test(rawWorkspace) || /[?#]/.test(rawWorkspace)) return refuse('workspace-invalid', 'workspace-url-not-a-url');
  const workspace = workspaceUrlSchema.safeParse(rawWorkspace);
  if (!workspace.success) return refuse('workspace-invalid', fieldErrors(workspace.error)._ ?? 'invalid');

  const rawEmail = values.get('email') ?? '';
  if (rawEmail === '') return { ok: true, link: { kind: 'sign-in', workspace: workspace.data } };
  const email = UNSAFE_CHARACTERS.test(rawEmail) ? null : emailSchema.safeParse(rawEmail);
  if (!email?.success) return refuse('email-invalid');
  return { ok: true, link: { kind: 'sign-in', workspace: workspace.data, email: email.data } };
}
