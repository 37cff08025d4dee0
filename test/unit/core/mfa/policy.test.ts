import { describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../../helpers/core';
import { createOperator, enrollTotp, OPERATOR_PASSWORD, signIn, switchFeatureOn } from '../../../helpers/mfa';

describe('two-factor policy', () => {
  it('is off by default; an admin is told to ask the service team and cannot switch it', async () => {
    const t = await makeSetUpCore();
    expect(await t.must('mfa.policy', {})).toMatchObject({ enabled: false, canSwitch: true });
    await createOperator(t, 'adam', ['admin']);
    await signIn(t, 'adam', 'admin-seat');
    const seen = await t.must('mfa.policy', {}, 'admin-seat');
    expect(seen).toMatchObject({ enabled: false, canSwitch: false });
    expect(seen.message).toMatch(/Ask the service team/);
    expect(await t.call('mfa.setFeature', { enabled: true }, 'admin-seat')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await switchFeatureOn(t)).enabled).toBe(true);
    const kinds = (await t.core.internals.audit.recent(5)).map((e) => e.kind);
    expect(kinds).toContain('settings.mfa-feature');
  });

  it('requires two-factor by default for operators created after the switch, and lets an admin release or require anyone', async () => {
    const t = await makeSetUpCore();
    const before = await createOperator(t, 'early');
    await switchFeatureOn(t);
    const after = await createOperator(t, 'late');
    expect(before.mfaRequired).toBe(false);
    expect(after.mfaRequired).toBe(true);
    expect((await t.must('operators.setMfaRequired', { operatorId: after.id, required: false })).mfaRequired).toBe(false);
    expect((await t.must('operators.setMfaRequired', { operatorId: before.id, required: true })).mfaRequired).toBe(true);
    const list = await t.must('operators.list', {});
    expect(list.find((o) => o.login === 'early')).toMatchObject({ mfaRequired: true, methods: [] });
  });

  it('only the service team can hand out the service role', async () => {
    const t = await makeSetUpCore();
    await createOperator(t, 'adam', ['admin']);
    await signIn(t, 'adam', 'admin-seat');
    const refused = await t.call('operators.create', { login: 'sneaky', displayName: 'S', roles: ['service'], password: OPERATOR_PASSWORD }, 'admin-seat');
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('operators.list', {}, 'nobody')).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
  });

  it('takes a required operator without a factor through enrollment, and nothing else is reachable meanwhile', async () => {
    const t = await makeSetUpCore();
    await switchFeatureOn(t);
    await createOperator(t, 'olga');
    const view = await signIn(t, 'olga', 'olga-seat');
    expect(view.state).toBe('enrollment');
    expect(await t.call('mfa.status', {}, 'olga-seat')).toMatchObject({ ok: false, error: { code: 'MFA_REQUIRED' } });
    expect(await t.call('mfa.verify', { method: 'totp', code: '123456' }, 'olga-seat')).toMatchObject({ ok: false, error: { code: 'MFA_REQUIRED' } });
    expect(await t.call('auth.unlock', { password: OPERATOR_PASSWORD }, 'olga-seat')).toMatchObject({ ok: false, error: { code: 'MFA_REQUIRED' } });
    const { recoveryCodes } = await enrollTotp(t, 'olga-seat');
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){3}$/);
    expect((await t.must('mfa.status', {}, 'olga-seat')).methods).toEqual({ totp: true, sms: null, recoveryCodesLeft: 10 });
  });

  it('never asks the gate role for a second factor, and gives it the gate only', async () => {
    const t = await makeSetUpCore();
    await switchFeatureOn(t);
    await createOperator(t, 'gate1', ['scanner'], { mfaRequired: true });
    const view = await signIn(t, 'gate1', 'gate-seat');
    expect(view).toMatchObject({ state: 'active', permissions: ['gate.scan'] });
    expect(await t.call('operators.list', {}, 'gate-seat')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('resets a lost phone: factors and remembered devices go, enrollment is asked again', async () => {
    const t = await makeSetUpCore();
    await switchFeatureOn(t);
    const olga = await createOperator(t, 'olga');
    await signIn(t, 'olga', 'olga-seat');
    const { seed } = await enrollTotp(t, 'olga-seat');
    await t.must('auth.signOut', {}, 'olga-seat');
    await signIn(t, 'olga', 'olga-seat');
    const { codeNow } = await import('../../../helpers/mfa');
    await t.must('mfa.verify', { method: 'totp', code: codeNow(t, seed), rememberDevice: true }, 'olga-seat');
    expect((await t.must('operators.list', {})).find((o) => o.id === olga.id)).toMatchObject({ methods: ['totp', 'recovery'], rememberedDevices: 1 });
    const reset = await t.must('operators.resetMfa', { operatorId: olga.id });
    expect(reset).toMatchObject({ methods: [], rememberedDevices: 0 });
    expect((await t.must('operators.devices', { operatorId: olga.id }))[0]?.state).toBe('revoked');
    await t.must('auth.signOut', {}, 'olga-seat');
    expect((await signIn(t, 'olga', 'olga-seat')).state).toBe('enrollment');
    expect((await t.core.internals.audit.recent(20)).some((e) => e.kind === 'operators.mfa-reset' && e.subject === 'olga')).toBe(true);
  });
});
