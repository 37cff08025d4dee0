/**
 * A real PostgreSQL server for the tests: Debian's package, a fresh cluster in a temporary folder,
 * listening on a Unix socket only (no TCP port), with a random superuser password (scram-sha-256,
 * no "trust"). initdb refuses root, so as root the cluster belongs to the `postgres` system user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PostgresServer {
  /** The folder that holds the socket (`host` for a socket connection). */
  socketDir: string;
  port: number;
  user: string;
  password: string;
  /** A URL for the database `name`, through the socket. */
  url(name: string): string;
  /** Stops the server as an outage would (fast shutdown: open connections are cut); the data stays. */
  pause(): void;
  /** Starts it again after pause(). */
  resume(): void;
  stop(): void;
}

/** Debian installs the server under /usr/lib/postgresql/<major>/bin; the newest one wins. */
export function postgresBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const majors = fs.readdirSync(base).filter((d) => fs.existsSync(path.join(base, d, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return majors[0] ? path.join(base, majors[0], 'bin') : null;
}

export function startPostgres(): PostgresServer {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed: `apt-get install -y postgresql` (npm test installs it).');
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'box-office-pg-'));
  const data = path.join(dir, 'data');
  const user = 'box_office_test';
  const password = crypto.randomBytes(24).toString('base64url');
  const pwfile = path.join(dir, 'pw');
  fs.writeFileSync(pwfile, password, { mode: 0o600 });
  if (asRoot) {
    fs.chmodSync(dir, 0o700);
    execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  }
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]] : [path.join(bin, command), args];
    const done = spawnSync(file, argv, { encoding: 'utf8' });
    if (done.status !== 0) throw new Error(`${command} failed: ${done.stderr || done.stdout}`);
  };
  run('initdb', ['-D', data, '-U', user, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C.UTF-8']);
  fs.rmSync(pwfile);
  const port = 5432;
  const start = () => run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-o', `-k ${dir} -c listen_addresses='' -p ${port} -c fsync=on`, 'start']);
  const halt = () => run('pg_ctl', ['-D', data, '-w', '-m', 'fast', 'stop']);
  start();
  let stopped = false;
  return {
    socketDir: dir,
    port,
    user,
    password,
    url: (name) => `postgres://${user}:${encodeURIComponent(password)}@/${name}?host=${encodeURIComponent(dir)}&port=${port}`,
    pause: halt,
    resume: start,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        halt();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
