// A Chromium kiosk over the web shell: starts the web shell in kiosk mode, opens its address in a
// full-screen browser with no browser UI, brings the browser back if it is closed or crashes, and
// ends when the web shell ends (an administrator's password through "Close kiosk"). Nothing else
// stops it, so the page's restrictions are the only way in or out.
import { spawn } from 'node:child_process';
import { CORE_V8_FLAGS } from './v8-flags.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Flags for an unattended Chromium: full screen, no first-run or crash bubbles, no swipe-back. */
export const KIOSK_BROWSER_FLAGS = [
  '--kiosk',
  '--no-first-run',
  '--noerrdialogs',
  '--disable-session-crashed-bubble',
  '--disable-translate',
  '--disable-pinch',
  '--overscroll-history-navigation=0',
  '--disable-features=Translate,OverscrollHistoryNavigation',
];

/** At most this many browser restarts per minute; more means something is wrong with the browser itself. */
const MAX_RESTARTS_PER_MINUTE = 5;

/**
 * @param {{ node: string, webShell: string, browser: string, browserArgs?: string[], env?: NodeJS.ProcessEnv, log?: (line: string) => void }} options
 * @returns {Promise<number>} the exit code: the web shell's
 */
export function superviseKiosk({ node, webShell, browser, browserArgs = [], env = process.env, log = (l) => console.error(l) }) {
  const shell = spawn(node, [...CORE_V8_FLAGS, webShell, '--kiosk'], { env: { ...env, BOX_OFFICE_KIOSK: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  // A private, throw-away profile: no saved pages, passwords or history on a public terminal.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'box-office-kiosk-profile-'));
  let browserProcess = null;
  let shellGone = false;
  const restarts = [];

  const openBrowser = (url) => {
    browserProcess = spawn(browser, [...KIOSK_BROWSER_FLAGS, `--user-data-dir=${profile}`, ...browserArgs, `--app=${url}`], { stdio: 'ignore' });
    browserProcess.on('error', (error) => log(`[kiosk] the browser "${browser}" could not start: ${error.message}. Install chromium or set BOX_OFFICE_KIOSK_BROWSER.`));
    browserProcess.on('exit', () => {
      if (shellGone) return;
      const now = Date.now();
      restarts.push(now);
      while (restarts.length && restarts[0] < now - 60_000) restarts.shift();
      if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
        log('[kiosk] the browser keeps closing; stopping the kiosk.');
        shell.kill('SIGTERM');
        return;
      }
      log('[kiosk] the browser closed; opening it again.');
      setTimeout(() => openBrowser(url), 500);
    });
  };

  let out = '';
  shell.stdout.on('data', (chunk) => {
    out += chunk.toString();
    const match = /Box office: (\S+)/.exec(out);
    if (match && !browserProcess) openBrowser(match[1]);
  });

  const stop = () => shell.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  return new Promise((resolve) => {
    shell.on('exit', (code) => {
      shellGone = true;
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      if (browserProcess && browserProcess.exitCode === null) browserProcess.kill('SIGTERM');
      fs.rmSync(profile, { recursive: true, force: true });
      resolve(code ?? 0);
    });
  });
}
