/** Starts the built web shell (dist/) as its own process, as `npm start` does, on a fresh data folder. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunningShell {
  url: string;
  origin: string;
  token: string;
  process: ChildProcess;
  stop(): Promise<void>;
  /** POSTs to /api/<channel> with the token; returns status and parsed body. */
  api(channel: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
}

export const WEB_SHELL = path.resolve('dist/electron/web-shell.cjs');

/**
 * `ownKeyring`: the shell gets a keychain of its own — its own D-Bus session and GNOME keyring, in its
 * own HOME — as a second computer would; it is stopped with its whole process group.
 */
export function startShellProcess(env: NodeJS.ProcessEnv, { ownKeyring = false }: { ownKeyring?: boolean } = {}): Promise<RunningShell> {
  const shellEnv = { ...env, BOX_OFFICE_PORT: '0' };
  let child: ChildProcess;
  if (ownKeyring) {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'box-office-e2e-home-'));
    const script = `eval "$(printf '%s' keyring | gnome-keyring-daemon --unlock --components=secrets)"; export GNOME_KEYRING_CONTROL; exec '${process.execPath}' '${WEB_SHELL}'`;
    child = spawn('dbus-run-session', ['--', 'sh', '-c', script], {
      env: { ...shellEnv, HOME: home, XDG_DATA_HOME: path.join(home, '.local/share'), XDG_CONFIG_HOME: path.join(home, '.config'), XDG_RUNTIME_DIR: home },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
  } else {
    child = spawn(process.execPath, [WEB_SHELL], { env: shellEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  }
  const kill = () => {
    if (ownKeyring && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    } else child.kill('SIGTERM');
  };
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web shell did not start:\n${stderr}`)), 20_000);
    let stdout = '';
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const match = /Box office: (http:\/\/127\.0\.0\.1:\d+)\/#token=([A-Za-z0-9_-]+)/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      const [, origin, token] = match as unknown as [string, string, string];
      let cookie = '';
      resolve({
        url: `${origin}/#token=${token}`,
        origin,
        token,
        process: child,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            kill();
          }),
        async api(channel, body = {}, headers = {}) {
          const response = await fetch(`${origin}/api/${channel}`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}), ...headers },
            body: typeof body === 'string' ? body : JSON.stringify(body),
          });
          const setCookie = response.headers.get('set-cookie');
          if (setCookie) cookie = setCookie.split(';')[0]!;
          const text = await response.text();
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            /* not JSON: keep the text */
          }
          return { status: response.status, body: parsed, headers: response.headers };
        },
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web shell exited with ${code}:\n${stderr}`));
    });
  });
}
