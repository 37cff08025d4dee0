/**
 * A venue database (PostgreSQL) is backed up with its own tools, by whoever runs the database, never
 * from a terminal: a terminal's role may not read every table, and a copy of a shared database taken
 * behind the other terminals' backs would be restored over their work. What to run, with the address
 * as configured but without its password (pg_dump asks for it, or reads ~/.pgpass).
 */
import type { VenueBackupAdvice } from '../../../shared/backup-views';
import { DEFAULT_LOCALE, type Locale } from '../../../shared/i18n/locales';
import { translate } from '../../../shared/i18n/translator';

const PLACEHOLDER_URL = 'postgres://USER@HOST/DATABASE';

/** The URL with any password taken out: from the user-info part and from a `password=` parameter. */
export function urlWithoutPassword(url: string): string {
  return url
    .replace(/^(postgres(?:ql)?:\/\/[^:@/?#]*):[^@/?#]*@/, '$1@')
    .replace(/([?&])password=[^&#]*(&?)/g, (_, lead: string, next: string) => (next ? lead : ''))
    .replace(/[?&]$/, '');
}

/** One argument for a POSIX shell: single-quoted, a quote inside written as '\''. */
const shellQuote = (text: string): string => `'${text.replaceAll("'", "'\\''")}'`;

/**
 * A joined terminal's own login (bo_<venue>_t<n>) may not read every table and its password is known
 * only to that terminal's keychain: the commands name the database's owner instead.
 */
const asOwner = (url: string): string => url.replace(/^(postgres(?:ql)?:\/\/)bo_[0-9a-f]{10}_t\d+@/, '$1OWNER@');

/** `locale`: the language of `message` (the commands are the same in every language). */
export function venueBackupAdvice(databaseUrl: string | undefined, locale: Locale = DEFAULT_LOCALE): VenueBackupAdvice {
  const url = shellQuote(databaseUrl ? asOwner(urlWithoutPassword(databaseUrl)) : PLACEHOLDER_URL);
  return {
    message: translate(locale, 'coreData.backup.venueAdvice'),
    backupCommand: `pg_dump --format=custom --file=box-office.dump ${url}`,
    restoreCommand: `pg_restore --clean --if-exists --no-owner --dbname=${url} box-office.dump`,
  };
}
