import type { EngineAccount } from '../../preload/schemas/account';

/** Any difference (credentials, server, ICE, expiry) means a new UserAgent. */
export function sameAccount(a: EngineAccount, b: EngineAccount): boolean {
  return canonical(a) === canonical(b);
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
    account.iceServers.map((server) => [server.urls, server.username ?? null, server.credential ?? null]),
  ]);
}
