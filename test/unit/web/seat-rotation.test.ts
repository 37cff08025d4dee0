/**
 * Session fixation (issue 10, item 3): the web shell honours only seat ids it issued, gives a new one
 * at every sign-in step, and two web shells on one computer keep their own cookies.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { WebShell } from '../../../electron/web/server';
import { makeCore, STRONG_PASSWORD, type TestCore } from '../../helpers/core';
import { codeNow, createOperator, ONE_TIME_PASSWORD, OPERATOR_PASSWORD, seedOf, switchFeatureOn } from '../../helpers/mfa';
import { Jar, setCookie, startTestShell } from './rig';

let shell: WebShell;
let t: TestCore;

beforeEach(async () => {
  t = await makeCore();
  shell = await startTestShell(t);
  await t.must('setup.createFirstAccount', { login: 'anna', displayName: 'Anna', password: STRONG_PASSWORD });
});

/** The one seat cookie in the jar (by whatever name this shell gives it). */
const seatIn = (jar: Jar): string => {
  expect(jar.cookies.size).toBe(1);
  return [...jar.cookies.values()][0]!;
};

/** Runs a step that must rotate the seat: the cookie changes, the old id names no session, the new one does. */
async function expectRotation(jar: Jar, channel: string, body: unknown, state: string): Promise<unknown> {
  if (jar.cookies.size === 0) await jar.call(shell, 'app.info');
  const before = jar.copy();
  const { result } = await jar.call(shell, channel, body);
  expect(result, channel).toMatchObject({ ok: true });
  expect(seatIn(jar), `${channel} gives a new seat`).not.toBe(seatIn(before));
  expect((await before.call(shell, 'auth.status')).result.value.state, `${channel}: the old seat`).toBe('signedOut');
  expect((await jar.copy().call(shell, 'auth.status')).result.value.state, `${channel}: the new seat`).toBe(state);
  return result.value;
}

describe('web shell seats', () => {
  it('replaces a seat cookie it did not issue, and never signs it in', async () => {
    const first = await new Jar().call(shell, 'app.info');
    const name = setCookie(first.response)!.name;
    for (const planted of ['A'.repeat(43), `${'A'.repeat(43)}.${'B'.repeat(43)}`]) {
      const victim = new Jar();
      victim.cookies.set(name, planted);
      const status = await victim.call(shell, 'auth.status');
      expect(setCookie(status.response)?.value, 'a planted seat is replaced at once').not.toBe(planted);
      victim.cookies.set(name, planted);
      await victim.call(shell, 'auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
      expect(seatIn(victim)).not.toBe(planted);
      const attacker = new Jar();
      attacker.cookies.set(name, planted);
      expect((await attacker.call(shell, 'auth.status')).result.value.state).toBe('signedOut');
    }
  });

  it('sets the cookie once, not on every answer', async () => {
    const jar = new Jar();
    expect(setCookie((await jar.call(shell, 'app.info')).response)).not.toBeNull();
    expect(setCookie((await jar.call(shell, 'app.info')).response)).toBeNull();
  });

  it('gives a new seat at setup and at sign-in', async () => {
    const fresh = await makeCore();
    const freshShell = await startTestShell(fresh);
    const jar = new Jar();
    await jar.call(freshShell, 'app.info');
    const before = seatIn(jar);
    expect((await jar.call(freshShell, 'setup.createFirstAccount', { login: 'zoe', displayName: 'Zoe', password: STRONG_PASSWORD })).result.ok).toBe(true);
    expect(seatIn(jar)).not.toBe(before);

    const browser = new Jar();
    await browser.call(shell, 'app.info');
    await expectRotation(browser, 'auth.signIn', { login: 'anna', password: STRONG_PASSWORD }, 'active');
  });

  it('gives a new seat at unlock', async () => {
    const browser = new Jar();
    await browser.call(shell, 'auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    t.clock.advance(16 * 60_000);
    expect((await browser.call(shell, 'auth.status')).result.value.state).toBe('locked');
    await expectRotation(browser, 'auth.unlock', { password: STRONG_PASSWORD }, 'active');
  });

  it('gives a new seat when a one-time password is replaced', async () => {
    await t.must('operators.create', { login: 'olga', displayName: 'Olga', roles: ['operator'], password: ONE_TIME_PASSWORD });
    const browser = new Jar();
    await expectRotation(browser, 'auth.signIn', { login: 'olga', password: ONE_TIME_PASSWORD }, 'passwordChange');
    await expectRotation(browser, 'auth.setNewPassword', { password: OPERATOR_PASSWORD }, 'active');
  });

  it('gives a new seat when the second factor is enrolled at sign-in and when it is verified', async () => {
    await switchFeatureOn(t);
    await createOperator(t, 'olga', ['operator'], { mfaRequired: true });
    const browser = new Jar();
    await expectRotation(browser, 'auth.signIn', { login: 'olga', password: OPERATOR_PASSWORD }, 'enrollment');
    const started = (await browser.call(shell, 'mfa.startTotp', {})).result.value as { manualKey: string };
    const seed = seedOf(started.manualKey);
    await expectRotation(browser, 'mfa.confirmTotp', { code: codeNow(t, seed) }, 'active');
    await browser.call(shell, 'auth.signOut');

    t.clock.advance(30_000);
    await expectRotation(browser, 'auth.signIn', { login: 'olga', password: OPERATOR_PASSWORD }, 'secondFactor');
    await expectRotation(browser, 'mfa.verify', { method: 'totp', code: codeNow(t, seed) }, 'active');
  });

  it('keeps the seat when a step fails', async () => {
    const browser = new Jar();
    await browser.call(shell, 'app.info');
    const before = seatIn(browser);
    expect((await browser.call(shell, 'auth.signIn', { login: 'anna', password: 'wrong' })).result.ok).toBe(false);
    expect(seatIn(browser)).toBe(before);
  });

  it('does not let a call still under way on the old seat overwrite the new cookie', async () => {
    const browser = new Jar();
    await browser.call(shell, 'app.info');
    const late = browser.copy();
    await browser.call(shell, 'auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    const answer = await late.call(shell, 'dev.smsOutbox');
    expect(setCookie(answer.response)).toBeNull();
    expect((await browser.call(shell, 'auth.status')).result.value.state).toBe('active');
  });

  it('gives two web shells on one computer their own cookies, so neither signs the other out', async () => {
    const other = await makeCore();
    await other.must('setup.createFirstAccount', { login: 'anna', displayName: 'Anna', password: STRONG_PASSWORD });
    const otherShell = await startTestShell(other);
    // One browser: its cookies for 127.0.0.1 go to every port.
    const browser = new Jar();
    await browser.call(shell, 'auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    await browser.call(otherShell, 'auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    expect(browser.cookies.size).toBe(2);
    expect((await browser.call(shell, 'auth.status')).result.value.state).toBe('active');
    expect((await browser.call(otherShell, 'auth.status')).result.value.state).toBe('active');
    await browser.call(otherShell, 'auth.signOut');
    expect((await browser.call(shell, 'auth.status')).result.value.state).toBe('active');
    expect((await browser.call(otherShell, 'auth.status')).result.value.state).toBe('signedOut');
  });
});
