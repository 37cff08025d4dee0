#!/usr/bin/env node
// `npm start`: sets up what is missing (system packages, npm dependencies, the build), then starts the
// Electron app when an Electron binary is present, otherwise the web shell in a browser.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { electronBinary, fetchElectronBinary } from './electron-binary.mjs';
import { CORE_V8_FLAGS } from './v8-flags.mjs';
import { runInKeyringSession } from './keyring-session.mjs';
import { readSecret } from './read-secret.mjs';
import { ensureNativeFor } from './native-abi.mjs';
import { ensureBuild, ensureNpmDependencies, ensureSystemPackages, root, RUNTIME_PACKAGES } from './setup.mjs';
import { ensureSupportedNode } from './node-runtime.mjs';

// Before anything else: on another Node major this runs the script again on the pinned Node 24.
ensureSupportedNode();

const started = Date.now();
ensureSystemPackages(RUNTIME_PACKAGES);
ensureNpmDependencies();
await ensureBuild();

const args = process.argv.slice(2);
const forceWeb = process.env.BOX_OFFICE_SHELL === 'web';
const binary = forceWeb ? null : (electronBinary() ?? fetchElectronBinary());
if (!binary && process.env.BOX_OFFICE_SHELL === 'electron') {
  console.error(
    'BOX_OFFICE_SHELL=electron: no Electron binary is installed and it could not be downloaded (Electron fetches it from github.com on first use). ' +
      'Run `npm start` on a machine with internet access once, or start the web shell with BOX_OFFICE_SHELL=web.',
  );
  process.exit(1);
}

if (binary) {
  ensureNativeFor('electron');
  console.error(`[start] ready in ${((Date.now() - started) / 1000).toFixed(1)} s: starting Electron`);
  const child = spawn(binary, [`--js-flags=${CORE_V8_FLAGS.join(' ')}`, root, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!forceWeb) console.error('[start] no Electron binary on this machine: starting the web shell instead.');
  ensureNativeFor('node');
  const webShell = [...CORE_V8_FLAGS, path.join(root, 'dist', 'electron', 'web-shell.cjs'), ...args];
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform !== 'linux';
  if (hasDisplay) webShell.push('--open');
  console.error(`[start] ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (process.platform === 'linux' && !secretServiceReachable() && process.env.BOX_OFFICE_IN_KEYRING !== '1') {
    // No keyring in this session (a server or a bare console). Start the user's GNOME keyring in a
    // private session: it is unlocked with BOX_OFFICE_KEYRING_PASSWORD, or a password asked here.
    const password = process.env.BOX_OFFICE_KEYRING_PASSWORD ?? (await askPassword());
    if (password) {
      console.error('[start] no keychain in this session: unlocking your login keyring in a private session.');
      process.exit(await runInKeyringSession(process.execPath, webShell, { password }));
    }
    console.error('[start] no keychain in this session and no keyring password given: the app will say how to get one.');
  }
  const child = spawn(process.execPath, webShell, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

/** Asks keytar, in a child process with a time limit, whether a Secret Service answers. */
function secretServiceReachable() {
  const probe = spawnSync(process.execPath, ['-e', "require('keytar').findCredentials('Box Office probe').then(() => process.exit(0), () => process.exit(1))"], {
    cwd: root,
    timeout: 10_000,
    stdio: 'ignore',
  });
  return probe.status === 0;
}

/** Asks for the keyring password on the terminal (no echo); null when there is no terminal to ask on. */
async function askPassword() {
  return process.stdin.isTTY ? readSecret('Password for your login keyring (creates it on first use): ') : null;
}
