import type { AccountFields } from '../../common/schemas/account';
import { parseSipIdentity } from '../../common/sip-address';

/** The resolved identity behind the fields the agent typed. */
export interface AccountIdentity {
  user: string;
  host: string;
  aor: string;
  authUser: string;
  realm: string;
}

/**
 * "1001" + domain "pbx.example.com" and "sip:1001@pbx.example.com" are the
 * same account. Auth user defaults to the SIP user, realm to the domain
 * (what Kamailio and FreeSWITCH use; Asterisk's default realm is
 * "asterisk", which the agent then types in Realm).
 */
export function resolveIdentity(fields: AccountFields): AccountIdentity {
  const parsed = parseSipIdentity(fields.sipUser);
  if (!parsed) throw new Error('resolveIdentity called with unvalidated fields');
  const host = parsed.host ?? fields.domain.toLowerCase();
  return {
    user: parsed.user,
    host,
    aor: `sip:${parsed.user}@${host}`,
    authUser: fields.authUser || parsed.user,
    realm: fields.realm || fields.domain || host,
  };
}
