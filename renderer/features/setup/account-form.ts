import { accountInputSchema, type AccountInput, type AccountSummary, type IceServerInput } from '../../../common/schemas/account';
import { fieldErrors, type FieldProblem } from '../../../common/schemas/field-errors';

/** What the agent has typed, exactly as typed: never cleared by an error. */
export interface AccountFormValues {
  displayName: string;
  sipUser: string;
  domain: string;
  authUser: string;
  realm: string;
  password: string;
  wsServer: string;
  iceServers: IceServerRow[];
}

export interface IceServerRow {
  /** Stable React key; rows have no identity of their own. */
  key: string;
  urls: string;
  username: string;
  credential: string;
  /** Main holds a credential for this row; blank means "keep it". */
  hasSavedCredential: boolean;
}

export type TextFieldName = Exclude<keyof AccountFormValues, 'iceServers'>;
export type IcePart = 'urls' | 'username' | 'credential';

export { MAX_ICE_SERVERS } from '../../../common/schemas/account';

/** Error key for a field, the same shape main uses (`fields.domain`, `password`). */
export const fieldKey = (name: TextFieldName) => (name === 'password' ? 'password' : `fields.${name}`);
export const iceKey = (index: number, part: IcePart) => `fields.iceServers.${index}.${part}`;
export const ICE_LIST_KEY = 'fields.iceServers';

const TEXT_FIELDS: TextFieldName[] = ['displayName', 'sipUser', 'domain', 'authUser', 'realm', 'password', 'wsServer'];
const ICE_KEY = /^fields\.iceServers(?:\.\d+\.(?:urls|username|credential))?$/;

/** The fields most accounts never need, kept under "Advanced" until one has a value or a problem. */
const ADVANCED_FIELDS: TextFieldName[] = ['authUser', 'realm'];

export function isAdvancedKey(key: string): boolean {
  return ADVANCED_FIELDS.some((name) => fieldKey(name) === key) || ICE_KEY.test(key);
}

/** Something was typed or saved in an advanced field, so the agent should see it. */
export function hasAdvancedValue(values: AccountFormValues): boolean {
  return ADVANCED_FIELDS.some((name) => values[name].trim() !== '') || values.iceServers.length > 0;
}

/** Whether the form shows a place for this error key (otherwise it goes in the form summary). */
export function isShownAtField(key: string): boolean {
  return TEXT_FIELDS.some((name) => fieldKey(name) === key) || ICE_KEY.test(key);
}

/**
 * A saved ICE server as main reports it. AccountSummary intersects this with
 * AccountFields' own iceServers, which hides `hasCredential` from `.map`.
 */
type SavedIceServer = Omit<IceServerInput, 'credential'> & { hasCredential: boolean };

let rowCounter = 0;
export function newIceRow(): IceServerRow {
  return { key: `ice-${++rowCounter}`, urls: '', username: '', credential: '', hasSavedCredential: false };
}

/** Empty on first setup; the saved fields (never the secrets) when editing. */
export function formValuesFrom(account: AccountSummary | null): AccountFormValues {
  const f = account?.fields;
  return {
    displayName: f?.displayName ?? '',
    sipUser: f?.sipUser ?? '',
    domain: f?.domain ?? '',
    authUser: f?.authUser ?? '',
    realm: f?.realm ?? '',
    password: '',
    wsServer: f?.wsServer ?? '',
    iceServers: (f?.iceServers ?? []).map((s: SavedIceServer) => ({
      ...newIceRow(),
      urls: s.urls,
      username: s.username ?? '',
      hasSavedCredential: s.hasCredential,
    })),
  };
}

/** The request for `account.save` / `account.prepareTest`; blank secrets are left out ("keep"). */
export function toAccountInput(v: AccountFormValues): AccountInput {
  return {
    fields: {
      displayName: v.displayName,
      sipUser: v.sipUser,
      domain: v.domain,
      authUser: v.authUser,
      realm: v.realm,
      wsServer: v.wsServer,
      iceServers: v.iceServers.map((row) => ({
        urls: row.urls,
        ...(row.username.trim() ? { username: row.username } : {}),
        ...(row.credential ? { credential: row.credential } : {}),
      })),
    },
    ...(v.password ? { password: v.password } : {}),
  };
}

/** What the form is checked for: a save may keep the saved password, a test may not. */
export type FormAction = 'save' | 'test';


/** The same checks main runs, plus "a new account needs a password" and "a test needs it typed". */
export function validateAccountForm(
  values: AccountFormValues,
  options: { passwordRequired: boolean; action?: FormAction | undefined },
): Record<string, FieldProblem> {
  const parsed = accountInputSchema.safeParse(toAccountInput(values));
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  if (values.password === '') {
    if (options.passwordRequired) errors.password ??= 'password-missing';
    // Main's rule too: it never tests with the saved password (its HA1 is as good as the password).
    else if (options.action === 'test') errors.password ??= 'password-needed-for-test';
  }
  return errors;
}
