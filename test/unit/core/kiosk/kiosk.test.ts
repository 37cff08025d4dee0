import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract } from '../../../../shared/contract';
import { makeSetUpCore, STRONG_PASSWORD } from '../../../helpers/core';
import { codeNow, createOperator, enrollTotp, OPERATOR_PASSWORD, signIn } from '../../../helpers/mfa';

/** The operators are set up at a desk terminal; the same data folder then runs as a kiosk. */
async function kioskWithOperators(quit?: () => void) {
  const desk = await makeSetUpCore();
  await createOperator(desk, 'olga', ['operator']);
  await createOperator(desk, 'gate1', ['scanner']);
  await createOperator(desk, 'adam', ['admin']);
  const kiosk = await desk.reopen({ kiosk: true, ...(quit ? { quit } : {}) });
  return { desk, kiosk };
}

const MINUTE = 60_000;

describe('kiosk mode', () => {
  it('never offers or honours "remember this device"', async () => {
    const desk = await makeSetUpCore();
    await createOperator(desk, 'olga');
    await signIn(desk, 'olga', 's1');
    const { seed } = await enrollTotp(desk, 's1');
    const kiosk = await desk.reopen({ kiosk: true });
    const pending = await kiosk.must('auth.signIn', { login: 'olga', password: OPERATOR_PASSWORD }, 's1');
    expect(pending).toMatchObject({ state: 'secondFactor', remember: { offered: false } });
    await kiosk.must('mfa.verify', { method: 'totp', code: codeNow(kiosk, seed), rememberDevice: true }, 's1');
    await kiosk.must('auth.signOut', {}, 's1');
    kiosk.clock.advance(30_000);
    expect((await signIn(kiosk, 'olga', 's1')).state).toBe('secondFactor');
    const back = await kiosk.reopen();
    await back.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    const olga = (await back.must('operators.list', {})).find((o) => o.login === 'olga')!;
    expect(await back.must('operators.devices', { operatorId: olga.id })).toEqual([]);
  });

  it('signs out after 2 idle minutes (not a lock), counted from the last action, and the time is configurable', async () => {
    const { kiosk } = await kioskWithOperators();
    await signIn(kiosk, 'olga', 'k');
    kiosk.clock.advance(MINUTE + 59_000);
    await kiosk.must('orders.search', { query: 'nobody' }, 'k'); // activity resets the idle time
    kiosk.clock.advance(MINUTE + 59_000);
    expect((await kiosk.must('auth.status', {}, 'k')).state).toBe('active');
    kiosk.clock.advance(1_000);
    expect(await kiosk.must('auth.status', {}, 'k')).toEqual({ state: 'signedOut', reason: 'idle' });
    expect(await kiosk.call('orders.search', { query: 'nobody' }, 'k')).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    // The idle time is an institution setting (here changed at a desk terminal).
    const desk = await kiosk.reopen();
    await desk.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    await desk.must('settings.update', { kioskIdleMinutes: 5 });
    const again = await desk.reopen({ kiosk: true });
    const view = await signIn(again, 'olga', 'k');
    expect(view.state === 'active' && view.idleLockAt - again.clock.now()).toBe(5 * MINUTE);
    again.clock.advance(4 * MINUTE);
    expect((await again.must('auth.status', {}, 'k')).state).toBe('active');
    again.clock.advance(MINUTE);
    expect((await again.must('auth.status', {}, 'k')).state).toBe('signedOut');
  });

  it('reaches only the gate and order lookup with delivery, whatever the role, through the API too', async () => {
    const { kiosk } = await kioskWithOperators();
    const admin = await signIn(kiosk, 'adam', 'admin');
    expect(admin.state === 'active' && admin.permissions).toEqual(['orders.read', 'delivery.issue', 'gate.scan']);
    const scanner = await signIn(kiosk, 'gate1', 'gate');
    expect(scanner.state === 'active' && scanner.permissions).toEqual(['gate.scan']);
    let refused = 0;
    for (const channel of CHANNEL_NAMES) {
      const access = contract[channel].access;
      // A passive poll (live.wait: ids of what changed at other terminals) feeds the kiosk gate's counters.
      if (['public', 'anySession', 'challenge', 'passwordChange', 'orders.read', 'delivery.issue', 'gate.scan'].includes(access) || contract[channel].passive) continue;
      const result = await kiosk.core.dispatch(channel, {}, { seat: 'admin' });
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      refused += 1;
    }
    expect(refused).toBeGreaterThan(25);
    expect((await kiosk.call('orders.search', { query: 'SO-1' }, 'admin')).ok).toBe(true);
    expect((await kiosk.call('gate.events', {}, 'gate')).ok).toBe(true);
    expect((await kiosk.call('live.wait', { after: 0 }, 'gate')).ok).toBe(true);
    // A scanner still reaches only the gate.
    expect(await kiosk.call('orders.search', { query: 'SO-1' }, 'gate')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('closes only with an administrator\'s login and password', async () => {
    let quits = 0;
    const { kiosk } = await kioskWithOperators(() => (quits += 1));
    const settle = () => new Promise((r) => setTimeout(r, 100));
    expect(await kiosk.call('kiosk.quit', { login: 'adam', password: 'wrong-password' })).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID' } });
    expect(await kiosk.call('kiosk.quit', { login: 'nobody', password: OPERATOR_PASSWORD })).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID' } });
    expect(await kiosk.call('kiosk.quit', { login: 'olga', password: OPERATOR_PASSWORD })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await settle();
    expect(quits).toBe(0);
    expect(await kiosk.must('kiosk.quit', { login: 'adam', password: OPERATOR_PASSWORD })).toEqual({ quitting: true });
    await settle();
    expect(quits).toBe(1);
    const desk = await kiosk.reopen();
    expect(await desk.call('kiosk.quit', { login: 'anna', password: STRONG_PASSWORD })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await desk.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    const kinds = (await desk.must('audit.list', { kind: 'kiosk.' })).entries.map((e) => `${e.kind}:${e.detail.reason ?? ''}`);
    expect(kinds).toEqual(['kiosk.quit:', 'kiosk.quit-refused:not-admin', 'kiosk.quit-refused:credentials', 'kiosk.quit-refused:credentials']);
  });
});
