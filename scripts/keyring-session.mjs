// Runs a command inside a private D-Bus session with an unlocked GNOME keyring (a real Secret Service).
import { spawn } from 'node:child_process';

/** Resolves with the command's exit code. The password unlocks (or creates) the login keyring in HOME. */
export function runInKeyringSession(command, args, { env = process.env, password = 'box-office-test' } = {}) {
  const quoted = [command, ...args].map((a) => `'${String(a).replaceAll("'", `'\\''`)}'`).join(' ');
  const script = `eval "$(printf '%s' "$BOX_OFFICE_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets)"; export GNOME_KEYRING_CONTROL; exec ${quoted}`;
  return new Promise((resolve) => {
    const child = spawn('dbus-run-session', ['--', 'sh', '-c', script], {
      stdio: 'inherit',
      env: { ...env, BOX_OFFICE_KEYRING_PASSWORD: password, BOX_OFFICE_IN_KEYRING: '1' },
    });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
