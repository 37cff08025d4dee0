/**
 * From a `postgres://` URL to the driver's settings, with this product's rules: TLS that verifies the
 * server's name (verify-full) unless the connection is a local socket or the URL itself says otherwise;
 * statement, lock and idle-in-transaction timeouts so nothing waits for ever; the password only where
 * the caller allows it (never on a command line, where the process list shows it).
 */
import { DEFAULT_LOCALE } from '../../../../shared/i18n/locales';
import { text, translateText, type LocalText } from '../../../../shared/i18n/translator';
import { parse } from 'pg-connection-string';
import type { PoolConfig } from 'pg';

export const STATEMENT_TIMEOUT_MS = 5_000;
export const LOCK_TIMEOUT_MS = 3_000;
export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 10_000;
export const CONNECT_TIMEOUT_MS = 4_000;

/** `message` is English; `text` puts it in the reader's language. */
export class DatabaseUrlError extends Error {
  constructor(readonly text: LocalText) {
    super(translateText(DEFAULT_LOCALE, text));
    this.name = 'DatabaseUrlError';
  }
}

/** A socket connection names a folder as its host (`?host=/run/postgresql`); it never leaves the machine. */
export const isSocketHost = (host: string | null | undefined): boolean => !host || host.startsWith('/');

export function poolConfig(url: string, options: { password?: string | undefined; applicationName?: string } = {}): PoolConfig {
  let parsed: ReturnType<typeof parse>;
  try {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('not a postgres:// URL');
    parsed = parse(url);
  } catch (error) {
    throw new DatabaseUrlError(text('coreData.store.notPostgresUrl', { problem: (error as Error).message }));
  }
  if (!parsed.database) throw new DatabaseUrlError(text('coreData.store.noDatabaseName'));
  const asked = /[?&]sslmode=([^&#]*)/.exec(url)?.[1];
  const sslmode = asked ? decodeURIComponent(asked) : isSocketHost(parsed.host) ? 'disable' : 'verify-full';
  if (!['disable', 'require', 'verify-ca', 'verify-full'].includes(sslmode)) throw new DatabaseUrlError(text('coreData.store.sslmode', { sslmode }));
  return {
    host: parsed.host ?? undefined,
    port: parsed.port ? Number(parsed.port) : 5432,
    database: parsed.database,
    user: parsed.user ?? undefined,
    // An address without a password parses to '' for a socket host: no password, so the keychain is asked.
    password: options.password ?? (parsed.password || undefined),
    ssl: sslmode === 'disable' ? false : { rejectUnauthorized: sslmode !== 'require', ...(sslmode === 'verify-ca' ? { checkServerIdentity: () => undefined } : {}) },
    application_name: options.applicationName ?? 'box-office',
    statement_timeout: STATEMENT_TIMEOUT_MS,
    lock_timeout: LOCK_TIMEOUT_MS,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    max: 8,
  };
}

/** The URL as it may be shown (app.info, logs): never the password. */
export function redactedUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/, '$1:•••@');
}
