import type { RegistrationFailure } from '../../../common/schemas/registration';

/**
 * Plain words for a registration failure, shared by the reachability
 * banner and "Test connection" so the agent reads the
 * same sentence everywhere.
 */
export function describeFailure(failure: RegistrationFailure, wsServer?: string): string {
  const code = failure.statusCode;
  switch (failure.cause) {
    case 'auth':
      return code === 403
        ? 'Wrong user name or password (403). If your server uses a realm other than the domain, set Realm.'
        : `Wrong user name or password${code ? ` (${code})` : ''}. If your server uses a realm other than the domain, set Realm.`;
    case 'network':
      return wsServer ? `Cannot reach ${wsServer}. Check the address and your network.` : 'Cannot reach the phone server. Check your network.';
    case 'timeout':
      return wsServer ? `${wsServer} did not answer in time.` : 'The phone server did not answer in time.';
    case 'server':
      return serverText(code, failure.detail);
  }
}

function serverText(code: number | undefined, detail: string | undefined): string {
  if (code === 404) return 'The server does not know this SIP user (404). Check the SIP user and domain.';
  if (code === 423) return 'The phone server refuses every registration interval Ringdesk can offer (423 Interval Too Brief). Ask your administrator to check the server\'s minimum registration time.';
  if (code !== undefined && code >= 500) return `The phone server has a problem (${code}${detail ? ` ${detail}` : ''}).`;
  return `The phone server refused the registration${code ? ` (${code}${detail ? ` ${detail}` : ''})` : ''}.`;
}
