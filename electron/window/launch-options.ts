/** Reads the data folder, the venue database and kiosk mode from the command line and the environment. */
import path from 'node:path';

export interface LaunchOptions {
  /** Absolute: Electron's app.setPath refuses a relative one, and the store must not follow the working folder. */
  dataDir: string;
  kiosk: boolean;
  /** A PostgreSQL store shared by a venue's terminals; absent: this computer's SQLite file in dataDir. */
  databaseUrl?: string;
  /** Why the database address cannot be used; the app then shows it on its blocking screen. */
  databaseUrlRefused?: string;
}

export const PASSWORD_ON_COMMAND_LINE =
  '--database-url must not hold a password: every user of this computer can read the process list. ' +
  'Store the password once in the keychain with `npm run store:password -- postgres://user@host/database`, ' +
  'or, in a script, pass the URL in BOX_OFFICE_DATABASE_URL.';

/** postgres://user:password@host/… — a password is whatever stands between the first ":" after the user and the "@". */
const hasPassword = (url: string) => /^[a-z]+:\/\/[^/@:]*:[^/@]*@/i.test(url);

/** The command line wins over BOX_OFFICE_DATA_DIR, which wins over Electron's userData; the last --data-dir counts. */
export function launchOptions(argv: readonly string[], env: NodeJS.ProcessEnv, defaultDataDir: string): LaunchOptions {
  let dataDir = env.BOX_OFFICE_DATA_DIR || defaultDataDir;
  let databaseUrl = env.BOX_OFFICE_DATABASE_URL || undefined;
  let databaseUrlRefused: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const url = arg.startsWith('--database-url=') ? arg.slice('--database-url='.length) : arg === '--database-url' && argv[i + 1] && !argv[i + 1]!.startsWith('--') ? argv[++i]! : null;
    if (url !== null) {
      if (hasPassword(url)) databaseUrlRefused = PASSWORD_ON_COMMAND_LINE;
      else if (url) databaseUrl = url;
    } else if (arg.startsWith('--data-dir=')) {
      dataDir = arg.slice('--data-dir='.length) || dataDir;
    } else if (arg === '--data-dir') {
      const next = argv[i + 1];
      // "--data-dir --kiosk" names no folder; taking "--kiosk" as one would hide the kiosk flag.
      if (next && !next.startsWith('--')) {
        dataDir = next;
        i++;
      }
    }
  }
  return {
    dataDir: path.resolve(dataDir),
    kiosk: argv.includes('--kiosk') || env.BOX_OFFICE_KIOSK === '1',
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(databaseUrlRefused ? { databaseUrlRefused } : {}),
  };
}
