/** Reads the data folder and kiosk mode from the command line and the environment. */
import path from 'node:path';

export interface LaunchOptions {
  /** Absolute: Electron's app.setPath refuses a relative one, and the store must not follow the working folder. */
  dataDir: string;
  kiosk: boolean;
}

/** The command line wins over BOX_OFFICE_DATA_DIR, which wins over Electron's userData; the last --data-dir counts. */
export function launchOptions(argv: readonly string[], env: NodeJS.ProcessEnv, defaultDataDir: string): LaunchOptions {
  let dataDir = env.BOX_OFFICE_DATA_DIR || defaultDataDir;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--data-dir=')) {
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
  return { dataDir: path.resolve(dataDir), kiosk: argv.includes('--kiosk') || env.BOX_OFFICE_KIOSK === '1' };
}
