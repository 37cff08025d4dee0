/**
 * The OS keychain (Keychain, Credential Vault, Secret Service) through keytar.
 * A keychain that cannot be reached is an error that says how to get one; there is
 * deliberately no plaintext fallback.
 */
import { createRequire } from 'node:module';

export interface Keychain {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

export class VaultUnavailableError extends Error {
  constructor(detail: string) {
    super(
      `The system keychain cannot be reached (${detail}). Box Office keeps its keys only there. ` +
        'On Linux, install and unlock a Secret Service keyring: `sudo apt-get install gnome-keyring libsecret-1-0`, then sign in to a desktop session (or start `gnome-keyring-daemon --unlock` in this session). ' +
        'On Windows and macOS the keychain of the signed-in user is used; sign in to a normal user session. Then choose "Try again".',
    );
    this.name = 'VaultUnavailableError';
  }
}

/**
 * The store is a venue's (PostgreSQL) and says its key exists, but this terminal's keychain does not
 * hold it (or holds another): the terminal has not joined the venue. A vault error, not a store error:
 * the database is sound and serves the other terminals; what is missing is this terminal's key, and
 * "Try again" succeeds once the keychain holds it, as it does for a keychain unlocked late.
 */
export class VenueKeyMissingError extends VaultUnavailableError {
  constructor(installationId: string, detail: 'missing' | 'different') {
    super('');
    this.name = 'VenueKeyMissingError';
    this.message =
      (detail === 'missing'
        ? 'This terminal has not joined the venue: its keychain does not hold the venue key. '
        : 'This terminal has not joined the venue: the key in its keychain is not the venue key. ') +
      `The venue database (installation ${installationId}) already has a key, made by the first terminal set up on it; a new one is never made over it, or every terminal's sealed data would be lost. ` +
      'If this terminal joined the venue and its keychain was reset, ask an administrator to revoke it and add it again (or recover it with the venue key file); a terminal started with a database address of its own needs the key brought by a join code. Then choose "Try again".';
  }
}

interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** Loaded on first use so a missing native build is reported as a vault error, not a crash at import. */
function loadKeytar(): Keytar {
  try {
    return createRequire(__filename)('keytar') as Keytar;
  } catch (error) {
    throw new VaultUnavailableError(`keytar could not be loaded: ${(error as Error).message}`);
  }
}

export const KEYCHAIN_SERVICE = 'Box Office';

export function osKeychain(service: string = KEYCHAIN_SERVICE): Keychain {
  const keytar = loadKeytar();
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw new VaultUnavailableError((error as Error).message);
    }
  };
  return {
    get: (account) => guard(() => keytar.getPassword(service, account)),
    set: (account, secret) => guard(() => keytar.setPassword(service, account, secret)),
    delete: (account) => guard(() => keytar.deletePassword(service, account)),
  };
}
