// The second step of sign-in: the TOTP check itself, and the whole step over HTTP.
import { generateSync, verifySync, generateSecret } from 'otplib';
import { client, print, startShell, stats } from './lib.mjs';

const ADMIN = 'Tickets&Seats-2026';
const OPERATOR = 'Counter&Tickets-77';

export async function run() {
  console.log('\n# Second factor');
  const seed = generateSecret({ length: 20 });
  const checks = [];
  for (let i = 0; i < 2000; i++) {
    const epoch = 1_800_000_000 + i * 30;
    const token = generateSync({ secret: seed, epoch });
    const t = performance.now();
    verifySync({ secret: seed, token, epoch: epoch + 15, epochTolerance: 30 });
    checks.push(performance.now() - t);
  }
  print('TOTP check, otplib ±1 step (p50 of 2,000)', stats(checks).p50 * 1000, 'µs');

  const shell = await startShell();
  const admin = client(shell);
  await admin('setup.createFirstAccount', { login: 'anna', displayName: 'Anna', password: ADMIN });
  await admin('mfa.setFeature', { enabled: true });
  await admin('operators.create', { login: 'olga', displayName: 'Olga', roles: ['operator'], password: OPERATOR });
  const olga = client(shell);
  await olga('auth.signIn', { login: 'olga', password: OPERATOR });
  const key = (await olga('mfa.startTotp', {})).value.manualKey.replace(/\s/g, '');
  const done = await olga('mfa.confirmTotp', { code: generateSync({ secret: key }) });
  const codes = done.value.recoveryCodes;

  const withCode = [];
  for (const code of codes.slice(0, 9)) {
    await olga('auth.signOut', {});
    await olga('auth.signIn', { login: 'olga', password: OPERATOR });
    const t = performance.now();
    const r = await olga('mfa.verify', { method: 'recovery', code });
    if (!r.ok) throw new Error(JSON.stringify(r));
    withCode.push(performance.now() - t);
  }
  await olga('auth.signOut', {});
  await olga('auth.signIn', { login: 'olga', password: OPERATOR });
  const t = performance.now();
  // The next step's code: the enrollment used this one.
  const r = await olga('mfa.verify', { method: 'totp', code: generateSync({ secret: key, epoch: Math.floor(Date.now() / 1000) + 30 }) });
  const totpTrip = performance.now() - t;
  if (!r.ok) throw new Error(JSON.stringify(r));
  print('second step over HTTP with a recovery code (p50 of 9)', stats(withCode).p50, 'ms');
  print('second step over HTTP with an authenticator code (1 sample)', totpTrip, 'ms');
  shell.stop();
}
