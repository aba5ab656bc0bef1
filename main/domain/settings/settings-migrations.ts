import { DEFAULT_PREFERENCES } from '../../../common/schemas/preferences';
import { SETTINGS_SCHEMA_VERSION } from './settings-document';

/**
 * Explicit, ordered migrations of the settings file. Each step takes the
 * document of version N-1 and returns version N; steps never touch disk, so
 * they run the same under electron-store and in tests.
 *
 * The store library tracks the version it last migrated to; we express our
 * integer schema versions as "N.0.0" for it.
 */
export interface MigrationContext {
  /** Encrypts a secrets JSON for the new layout; null when the OS cannot. */
  encryptSecrets(plain: { sipPassword: string; iceCredentials: Record<string, string> }): string | null;
}

type Doc = Record<string, unknown>;
type Step = (doc: Doc, ctx: MigrationContext) => Doc;

/**
 * Version 1 was the layout of the 0.0.x previews: one flat `sip` object with
 * the password in plain text, ICE servers as a comma-separated string and a
 * boolean `dnd` instead of a presence.
 */
function v1ToV2(doc: Doc, ctx: MigrationContext): Doc {
  const sip = (doc.sip ?? null) as Record<string, unknown> | null;
  const { sip: _sip, dnd, ...rest } = doc;
  if (!sip) return { ...rest, presence: dnd === true ? 'dnd' : (rest.presence ?? 'available') };
  const iceUrls = String(sip.iceServers ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const password = typeof sip.password === 'string' ? sip.password : '';
  return {
    ...rest,
    account: {
      fields: {
        displayName: sip.displayName ?? '',
        sipUser: sip.user ?? '',
        authUser: sip.authUser ?? '',
        domain: sip.domain ?? '',
        realm: sip.realm ?? '',
        wsServer: sip.server ?? '',
        iceServers: iceUrls.map((urls) => ({ urls })),
      },
    },
    // The plain-text password leaves the file here, encrypted or dropped.
    secrets: password ? ctx.encryptSecrets({ sipPassword: password, iceCredentials: {} }) : null,
    presence: dnd === true ? 'dnd' : 'available',
  };
}

/**
 * Version 3 added call preferences (country, audio devices, notification
 * toggles). Files from before keep whatever they have and gain the defaults.
 */
function v2ToV3(doc: Doc): Doc {
  const prefs = (doc.preferences ?? {}) as Doc;
  return { ...doc, preferences: { ...DEFAULT_PREFERENCES, ...prefs } };
}

/**
 * Version 4 lets the country follow the computer (defaultCountry null). In
 * version 3 files a stored 'US' cannot be told apart: it is what every file
 * got by default, chosen or not. It is read as that old default, so the
 * country now follows the computer: an agent on a US computer keeps US, and
 * agents elsewhere, the many who never opened the setting, stop having their
 * national numbers read as American. The few who picked US on a computer set
 * up for another country pick it again. Any other country was a choice and
 * stays.
 */
function v3ToV4(doc: Doc): Doc {
  const prefs = (doc.preferences ?? {}) as Doc;
  return prefs.defaultCountry === 'US' ? { ...doc, preferences: { ...prefs, defaultCountry: null } } : doc;
}

/** steps[N] turns version N-1 into version N. */
const steps: Record<number, Step> = { 2: v1ToV2, 3: v2ToV3, 4: v3ToV4 };

export function semverOf(version: number): string {
  return `${version}.0.0`;
}

/**
 * The migrations in the form electron-store/conf expect: keyed by version,
 * each replacing the whole store.
 */
export function storeMigrations(ctx: MigrationContext): Record<string, (store: { store: Doc }) => void> {
  const out: Record<string, (store: { store: Doc }) => void> = {};
  for (let v = 2; v <= SETTINGS_SCHEMA_VERSION; v++) {
    const step = steps[v];
    if (!step) throw new Error(`Missing settings migration to version ${v}`);
    out[semverOf(v)] = (store) => {
      const { __internal__, ...doc } = store.store;
      store.store = { ...step(doc, ctx), ...(__internal__ ? { __internal__ } : {}) } as Doc;
    };
  }
  return out;
}
