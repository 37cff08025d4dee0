/** Reads the data folder and kiosk mode from the command line and the environment. */
export interface LaunchOptions {
  dataDir: string;
  kiosk: boolean;
}

export function launchOptions(argv: readonly string[], env: NodeJS.ProcessEnv, defaultDataDir: string): LaunchOptions {
  let dataDir = env.BOX_OFFICE_DATA_DIR || defaultDataDir;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length);
    else if (arg === '--data-dir' && argv[i + 1]) dataDir = argv[++i]!;
  }
  return { dataDir, kiosk: argv.includes('--kiosk') || env.BOX_OFFICE_KIOSK === '1' };
}
