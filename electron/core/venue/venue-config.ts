/**
 * This terminal's membership of a venue, kept beside its data (`venue.json`, readable by its user
 * only): the database address with the terminal's own login name (never a password: that is in the
 * keychain), and the terminal's identity as assigned when it joined.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TerminalKind } from '../../../shared/venue-views';
import { urlWithoutPassword } from '../backup/venue-backup';

export const VENUE_FILE = 'venue.json';

export interface VenueConfig {
  databaseUrl: string;
  terminal: { id: number; name: string; kind: TerminalKind };
  /** The venue's installation id: names its key in this keychain (removed when the terminal leaves). */
  installationId?: string;
}

export function readVenueConfig(dataDir: string): VenueConfig | null {
  const file = path.join(dataDir, VENUE_FILE);
  if (!dataDir || !fs.existsSync(file)) return null;
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<VenueConfig>;
  const t = parsed.terminal;
  if (typeof parsed.databaseUrl !== 'string' || !t || !Number.isSafeInteger(t.id) || typeof t.name !== 'string' || (t.kind !== 'desk' && t.kind !== 'gate')) {
    throw new Error(`${file} is damaged: remove it to use this computer on its own, then join the venue again.`);
  }
  return { databaseUrl: parsed.databaseUrl, terminal: { id: t.id, name: t.name, kind: t.kind }, ...(typeof parsed.installationId === 'string' ? { installationId: parsed.installationId } : {}) };
}

export function writeVenueConfig(dataDir: string, config: VenueConfig): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, VENUE_FILE);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(config, null, 2), { mode: 0o600 });
  fs.renameSync(`${file}.tmp`, file);
}

export function forgetVenueConfig(dataDir: string): void {
  fs.rmSync(path.join(dataDir, VENUE_FILE), { force: true });
}

/** The address with another login name (or none), whatever form it has: host, socket folder, query. */
export function withUser(url: string, user: string | null): string {
  // Never carried on: a password in the address (user-info or ?password=) belongs to no terminal's file.
  return urlWithoutPassword(url).replace(/^(postgres(?:ql)?:\/\/)(?:[^@/?#]*@)?/, (_m, scheme: string) => `${scheme}${user ? `${encodeURIComponent(user)}@` : ''}`);
}

/** The joining role of a venue database, computed from the database's name alone (as migration 8 names it). */
export function joinRoleName(database: string): string {
  return `bo_join_${crypto.createHash('md5').update(database).digest('hex').slice(0, 10)}`;
}
