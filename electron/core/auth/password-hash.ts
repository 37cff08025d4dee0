/**
 * scrypt password hashes in PHC form: $scrypt$ln=17,r=8,p=1$<salt>$<hash>. The parameters travel
 * with the hash so they can be raised later without breaking old accounts. Asynchronous on purpose:
 * half a second of hashing must not freeze the main process.
 */
import crypto from 'node:crypto';

export interface ScryptParams {
  log2N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT: ScryptParams = { log2N: 17, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
// N=2^17, r=8 needs 128 * N * r = 128 MiB; leave headroom.
const MAX_MEM = 256 * 1024 * 1024;

const scrypt = (password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    crypto.scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N: 2 ** params.log2N, r: params.r, p: params.p, maxmem: MAX_MEM }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = crypto.randomBytes(SALT_LENGTH);
  const key = await scrypt(password, salt, params);
  return `$scrypt$ln=${params.log2N},r=${params.r},p=${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function parseHash(encoded: string): { params: ScryptParams; salt: Buffer; key: Buffer } {
  const match = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(encoded);
  if (!match) throw new Error('Unrecognised password hash format');
  const [, ln, r, p, salt, key] = match as unknown as [string, string, string, string, string, string];
  return { params: { log2N: Number(ln), r: Number(r), p: Number(p) }, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const { params, salt, key } = parseHash(encoded);
  const candidate = await scrypt(password, salt, params);
  return candidate.length === key.length && crypto.timingSafeEqual(candidate, key);
}

/**
 * A hash of a random password, made once per process: an unknown login is checked against it so
 * that it costs the same time as a wrong password and the two cannot be told apart.
 */
let dummy: Promise<string> | undefined;
export const dummyHash = (): Promise<string> => (dummy ??= hashPassword(crypto.randomBytes(32).toString('hex')));
