import { INVITATION_TOKEN_BYTES } from '../../common/schemas/workspace/invitation';
import { createHash, randomBytes } from 'node:crypto';

/**
 * Secrets handed to one holder who presents them back — refresh tokens,
 * invitation links: 32 random bytes as base64url (43 characters, safe in a
 * URL path), stored only as their SHA-256, so a copy of the table signs
 * nobody in and accepts no invitation. A plain hash is enough: the secret
 * has 256 bits of entropy, nothing to brute-force.
 */
export function newBearerSecret(): string {
  return randomBytes(INVITATION_TOKEN_BYTES).toString('base64url');
}

export function hashBearerSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
