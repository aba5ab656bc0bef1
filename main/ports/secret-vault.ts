/**
 * Encryption of secrets at rest, backed by the OS keychain (Electron's
 * safeStorage) in the app and by a fake in tests.
 *
 * - 'os': a real OS keyring/keychain protects the key.
 * - 'weak': encryption works but with a hard-coded key (Linux `basic_text`):
 *   better than plain text, but the agent must be warned.
 * - 'none': no encryption possible: secrets must not be written to disk.
 */
export type VaultProtection = 'os' | 'weak' | 'none';

export interface SecretVault {
  protection(): VaultProtection;
  /** Returns base64 ciphertext. Only call when protection() !== 'none'. */
  encrypt(plain: string): string;
  /** Throws if the ciphertext cannot be decrypted (e.g. keychain changed). */
  decrypt(cipher: string): string;
}
