/**
 * Join codes: 160 random bits written as 32 base32 characters in eight groups of four. The first six
 * characters are the code's handle (30 bits, not secret: they find the code and count wrong tries at
 * it); the other 26 are its secret (130 bits). The code itself never reaches the database: it gets the
 * handle and the code's SHA-256, and keeps a hash of that; the venue key travels in the database
 * wrapped with a key derived from the code (AES-256-GCM under HKDF), which is why the secret carries
 * more than 128 bits — a wrapped key can be guessed at offline, a login cannot.
 */
import crypto from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const CODE_BYTES = 20;

export function newJoinCode(): string {
  const bytes = crypto.randomBytes(CODE_BYTES);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** As shown and typed: ABCD-EFGH-… (input accepts any case, with or without dashes and spaces). */
export const formatJoinCode = (code: string): string => code.match(/.{1,4}/g)!.join('-');

/** The part that names the code (not secret). */
export const joinCodeHandle = (code: string): string => code.slice(0, 6);

/** What the database is told: the code's hash, never the code. */
export const joinCodeHash = (code: string): string => crypto.createHash('sha256').update(`box-office/join-code\0${code}`).digest('hex');

const wrappingKey = (code: string) => Buffer.from(crypto.hkdfSync('sha256', Buffer.from(code), Buffer.from('box-office/join/salt'), Buffer.from('box-office/join/v1'), 32));

export interface VenueKey {
  installationId: string;
  /** The venue's master key, base64 (as the keychain holds it). */
  masterKey: string;
}

export function wrapVenueKey(code: string, key: VenueKey): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', wrappingKey(code), iv);
  cipher.setAAD(Buffer.from(joinCodeHash(code)));
  const body = Buffer.concat([cipher.update(JSON.stringify(key)), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
}

/** Throws when the code is not the one the key was wrapped with. */
export function unwrapVenueKey(code: string, wrapped: string): VenueKey {
  const [version, iv, tag, body] = wrapped.split('.');
  if (version !== 'v1' || !iv || !tag || !body) throw new Error('The wrapped venue key is malformed.');
  const decipher = crypto.createDecipheriv('aes-256-gcm', wrappingKey(code), Buffer.from(iv, 'base64'));
  decipher.setAAD(Buffer.from(joinCodeHash(code)));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  const key = JSON.parse(Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8')) as Partial<VenueKey>;
  if (typeof key.installationId !== 'string' || typeof key.masterKey !== 'string') throw new Error('The wrapped venue key is malformed.');
  return { installationId: key.installationId, masterKey: key.masterKey };
}

/** A new terminal's database password: random, kept only in its keychain. */
export const newDatabasePassword = (): string => crypto.randomBytes(32).toString('base64url');

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for a password (RFC 5802/7677, as libpq's
 * PQencryptPasswordConn makes it): the server gets this, never the password.
 */
export function scramVerifier(password: string, iterations = 4096): string {
  const salt = crypto.randomBytes(16);
  const salted = crypto.pbkdf2Sync(password.normalize('NFKC'), salt, iterations, 32, 'sha256');
  const clientKey = crypto.createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = crypto.createHash('sha256').update(clientKey).digest();
  const serverKey = crypto.createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
