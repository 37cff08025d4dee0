// The second step of sign-in: the TOTP check itself, and the whole step over HTTP.
import { generateSync, verifySync, generateSecret } from 'otplib';
import { client, print, startShell, stats } from './lib.mjs';

const ADMIN = 'Tickets&Seats-2026';
/** Handed over by the admin; the operator must replace it at her first sign-in (as test/helpers/mfa.ts createOperator does). */
const ONE_TIME = 'Counter&Tickets-77';
const OPERATOR = 'Counter&Tickets-88!';

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
  print('TOTP check, otplib ±1 step (p50 of 2,000)', stats(checks).p50 * 1000, 'µs', { max: 100 });

  const shell = await startShell();
  const admin = client(shell);
  await admin.must('setup.createFirstAccount', { login: 'anna', displayName: 'Anna', password: ADMIN });
  await admin.must('mfa.setFeature', { enabled: true });
  await admin.must('operators.create', { login: 'olga', displayName: 'Olga', roles: ['operator'], password: ONE_TIME });
  const olga = client(shell);
  const first = await olga.must('auth.signIn', { login: 'olga', password: ONE_TIME });
  if (first.state !== 'passwordChange') throw new Error(`first sign-in: expected a password change, got ${first.state}`);
  await olga.must('auth.setNewPassword', { password: OPERATOR });
  await olga.must('auth.signOut', {});
  await olga.must('auth.signIn', { login: 'olga', password: OPERATOR });
  const key = (await olga.must('mfa.startTotp', {})).manualKey.replace(/\s/g, '');
  const { recoveryCodes } = await olga.must('mfa.confirmTotp', { code: generateSync({ secret: key }) });

  const withCode = [];
  for (const code of recoveryCodes.slice(0, 9)) {
    await olga.must('auth.signOut', {});
    await olga.must('auth.signIn', { login: 'olga', password: OPERATOR });
    const t = performance.now();
    await olga.must('mfa.verify', { method: 'recovery', code });
    withCode.push(performance.now() - t);
  }
  await olga.must('auth.signOut', {});
  await olga.must('auth.signIn', { login: 'olga', password: OPERATOR });
  const t = performance.now();
  // The next step's code: the enrollment used this one.
  await olga.must('mfa.verify', { method: 'totp', code: generateSync({ secret: key, epoch: Math.floor(Date.now() / 1000) + 30 }) });
  const totpTrip = performance.now() - t;
  print('second step over HTTP with a recovery code (p50 of 9)', stats(withCode).p50, 'ms', { max: 100 });
  print('second step over HTTP with an authenticator code (1 sample)', totpTrip, 'ms', { max: 100 });
  await shell.stop();
}
