import type { SecretVault, VaultProtection } from '../../main/ports/secret-vault';

/**
 * Stands in for safeStorage: reversible, but never plain text on disk, so a
 * test can prove the password does not appear in the settings file.
 */
export class FakeVault implements SecretVault {
  /** How many times main asked the keychain to decrypt (each is a real keychain round trip in the app). */
  decryptions = 0;

  constructor(public level: VaultProtection = 'os') {}

  protection(): VaultProtection {
    return this.level;
  }

  encrypt(plain: string): string {
    if (this.level === 'none') throw new Error('encryption unavailable');
    return `fake:${Buffer.from(plain, 'utf8').reverse().toString('base64')}`;
  }

  decrypt(cipher: string): string {
    this.decryptions++;
    if (!cipher.startsWith('fake:')) throw new Error('cannot decrypt');
    return Buffer.from(cipher.slice(5), 'base64').reverse().toString('utf8');
  }
}
