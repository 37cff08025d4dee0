/**
 * The venue key for disaster recovery: a file an admin keeps offline, sealed with a passphrase
 * (scrypt N=2^17, r=8, p=1 — the cost of a password hash here — then AES-256-GCM). With it and the
 * database owner's credentials a fresh terminal can rejoin a venue whose every terminal was lost.
 */
import { DEFAULT_LOCALE } from '../../../shared/i18n/locales';
import { text, translateText, type LocalText } from '../../../shared/i18n/translator';
import crypto from 'node:crypto';
import type { VenueKey } from './join-code';

const FORMAT = 'box-office-venue-key/v1';
const SCRYPT = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 } as const;
export const MIN_PASSPHRASE = 12;

interface KeyFile {
  format: typeof FORMAT;
  installationId: string;
  salt: string;
  iv: string;
  tag: string;
  sealed: string;
}

const derive = (passphrase: string, salt: Buffer) =>
  new Promise<Buffer>((resolve, reject) => crypto.scrypt(passphrase.normalize('NFC'), salt, 32, SCRYPT, (error, key) => (error ? reject(error) : resolve(key))));

export async function sealVenueKey(key: VenueKey, passphrase: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', await derive(passphrase, salt), iv);
  cipher.setAAD(Buffer.from(`${FORMAT}\0${key.installationId}`));
  const sealed = Buffer.concat([cipher.update(key.masterKey, 'utf8'), cipher.final()]);
  const file: KeyFile = { format: FORMAT, installationId: key.installationId, salt: salt.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), sealed: sealed.toString('base64') };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** `message` is English; `text` puts it in the reader's language. */
export class KeyFileError extends Error {
  constructor(readonly text: LocalText) {
    super(translateText(DEFAULT_LOCALE, text));
  }
}

/** Throws KeyFileError: not a key file, or the passphrase does not open it. */
export async function openVenueKey(content: string, passphrase: string): Promise<VenueKey> {
  let file: Partial<KeyFile>;
  try {
    file = JSON.parse(content) as Partial<KeyFile>;
  } catch {
    throw new KeyFileError(text('coreData.venue.notKeyFile'));
  }
  if (file.format !== FORMAT || typeof file.installationId !== 'string' || !file.salt || !file.iv || !file.tag || !file.sealed) throw new KeyFileError(text('coreData.venue.notKeyFile'));
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', await derive(passphrase, Buffer.from(file.salt, 'base64')), Buffer.from(file.iv, 'base64'));
    decipher.setAAD(Buffer.from(`${FORMAT}\0${file.installationId}`));
    decipher.setAuthTag(Buffer.from(file.tag, 'base64'));
    const masterKey = Buffer.concat([decipher.update(Buffer.from(file.sealed, 'base64')), decipher.final()]).toString('utf8');
    return { installationId: file.installationId, masterKey };
  } catch {
    throw new KeyFileError(text('coreData.venue.wrongPassphrase'));
  }
}
