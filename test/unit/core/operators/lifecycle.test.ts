import { describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../../helpers/core';
import { createOperator, OPERATOR_PASSWORD, signIn } from '../../../helpers/mfa';

describe('operator lifecycle', () => {
  it('disabling ends the open session at once and refuses the next sign-in; enabling lets them back', async () => {
    const t = await makeSetUpCore();
    const olga = await createOperator(t, 'olga');
    await signIn(t, 'olga', 'olga');
    expect((await t.must('operators.setDisabled', { operatorId: olga.id, disabled: true })).disabled).toBe(true);
    expect(await t.call('orders.search', { query: 'anything' }, 'olga')).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    expect(await t.call('auth.signIn', { login: 'olga', password: OPERATOR_PASSWORD }, 'olga')).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID' } });
    await t.must('operators.setDisabled', { operatorId: olga.id, disabled: false });
    expect((await signIn(t, 'olga', 'olga')).state).toBe('active');
    expect((await t.core.internals.audit.recent(20)).map((e) => e.kind)).toEqual(expect.arrayContaining(['operators.disabled', 'operators.enabled']));
  });

  it('never removes or demotes the last admin or service account, and no one disables themself', async () => {
    const t = await makeSetUpCore();
    const [anna] = (await t.must('operators.list', {})).filter((o) => o.login === 'anna');
    expect(await t.call('operators.setDisabled', { operatorId: anna!.id, disabled: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.call('operators.setRoles', { operatorId: anna!.id, roles: ['admin'] })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/last service account/) } });
    expect(await t.call('operators.setRoles', { operatorId: anna!.id, roles: ['service'] })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/last administrator/) } });
    // With a second admin, anna may drop the admin role; the other admin cannot then be disabled.
    const adam = await createOperator(t, 'adam', ['admin']);
    expect((await t.must('operators.setRoles', { operatorId: anna!.id, roles: ['service'] })).roles).toEqual(['service']);
    await signIn(t, 'anna', 'seat-1', 'Tickets&Seats-2026');
    expect(await t.call('operators.setDisabled', { operatorId: adam.id, disabled: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('only the service team gives or takes the service role', async () => {
    const t = await makeSetUpCore();
    await createOperator(t, 'adam', ['admin']);
    const olga = await createOperator(t, 'olga');
    await signIn(t, 'adam', 'adam');
    expect(await t.call('operators.setRoles', { operatorId: olga.id, roles: ['service'] }, 'adam')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.must('operators.setRoles', { operatorId: olga.id, roles: ['operator', 'scanner'] }, 'adam')).roles).toEqual(['operator', 'scanner']);
  });
});
