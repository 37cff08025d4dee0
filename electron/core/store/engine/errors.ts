/** Errors both engines raise, told apart by what they mean rather than by their wording. */

/** A UNIQUE (or primary key) constraint refused the row: SQLite says so in words, PostgreSQL by SQLSTATE 23505. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (!e) return false;
  if (e.code === '23505') return true;
  return typeof e.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT') && /UNIQUE|PRIMARY KEY/.test(String(e.message));
}

/**
 * The server refused this role's login because the role may not log in (NOLOGIN: a venue terminal
 * that was revoked). SQLSTATE 28000 alone also covers a pg_hba.conf refusal, which is a server's
 * configuration, not a revocation: the wording tells them apart.
 */
export function isLoginRefused(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === '28000' && /is not permitted to log in/.test(String(e.message));
}

/**
 * The server refused these credentials: a wrong password (28P01), an unknown role or one that may not
 * log in (28000). A pg_hba.conf refusal (also 28000) is the server's configuration, not the credentials.
 */
export function isCredentialRefused(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === '28P01' || (e?.code === '28000' && !/pg_hba\.conf/.test(String(e.message)));
}

/** The server's pg_hba.conf does not let this computer (or this login) in. */
export function isHostRefused(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === '28000' && /pg_hba\.conf/.test(String(e.message));
}

/** SQLSTATE classes and driver errors that mean the database could not be reached or the connection broke. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

export function isConnectionFailure(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (!e) return false;
  if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(String(e.message));
}
