import { safeStorage } from 'electron';
import type { SecretVault } from '../ports/secret-vault';

/** Secrets encrypted by the OS keychain through safeStorage. Only usable after app 'ready'. */
export const electronVault: SecretVault = {
  protection() {
    if (!safeStorage.isEncryptionAvailable()) return 'none';
    // On Linux without a keyring Chromium falls back to a hard-coded key.
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return 'weak';
    return 'os';
  },
  encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
  decrypt: (cipher) => safeStorage.decryptString(Buffer.from(cipher, 'base64')),
};
