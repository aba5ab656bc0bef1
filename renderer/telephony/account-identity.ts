import type { EngineAccount } from '../../common/schemas/account';

/** Any difference (credentials, server, ICE, expiry) means a new UserAgent. */
export function sameAccount(a: EngineAccount, b: EngineAccount): boolean {
  return canonical(a) === canonical(b);
}

/** The same account apart from the display name: the UserAgent, its socket and its calls can stay. */
export function sameIdentity(a: EngineAccount, b: EngineAccount): boolean {
  return canonical({ ...a, displayName: '' }) === canonical({ ...b, displayName: '' });
}

function canonical(account: EngineAccount): string {
  return JSON.stringify([
    account.aor,
    account.displayName,
    account.authorizationUsername,
    account.authorizationHa1,
    account.realm,
    account.wsServer,
    account.registerExpires,
    account.instanceId ?? null,
    account.iceServers.map((server) => [server.urls, server.username ?? null, server.credential ?? null]),
  ]);
}
