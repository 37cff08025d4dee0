/**
 * Entry of the web shell: the app in a browser when no Electron binary is present (development,
 * tests, Chromium kiosks). Prints one line with the address and its launch token.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startCore } from './core/app';
import { defaultDataDir } from './web/default-data-dir';
import { launchOptions } from './window/launch-options';
import { startWebShell } from './web/server';

async function main(): Promise<void> {
  // The same command-line and environment rules as the Electron app.
  const options = launchOptions(process.argv, process.env, defaultDataDir());
  const dataDir = path.resolve(options.dataDir);
  const kiosk = options.kiosk;
  const port = Number(process.env.BOX_OFFICE_PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`BOX_OFFICE_PORT must be a port number, not "${process.env.BOX_OFFICE_PORT}".`);

  // kiosk.quit (an administrator's password) stops the web shell; the kiosk browser then shows nothing to use.
  let stopShell = (): void => process.exit(0);
  const core = await startCore({ dataDir, databaseUrl: options.databaseUrl, databaseUrlRefused: options.databaseUrlRefused, shell: 'web', kiosk, quit: () => stopShell() });
  const here = __dirname; // dist/electron once bundled
  const shell = await startWebShell({
    core,
    rendererDir: path.join(here, '..', 'renderer'),
    bridgeFile: path.join(here, '..', 'web', 'bridge.js'),
    port,
  });
  console.log(`Box office: ${shell.url}`);
  console.error(`[box-office] data folder: ${dataDir}${options.databaseUrl ? ' (data in the venue database)' : ''}`);
  if (process.argv.includes('--open')) openBrowser(shell.url);

  const stop = () => {
    void shell
      .close()
      .then(() => core.close())
      .finally(() => process.exit(0));
  };
  stopShell = stop;
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
  child.on('error', () => console.error('[box-office] Could not open a browser; open the address above yourself.'));
  child.unref();
}

main().catch((error: unknown) => {
  console.error(`[box-office] ${(error as Error).message}`);
  process.exit(1);
});
