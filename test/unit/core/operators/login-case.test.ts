import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract, loginSchema } from '../../../../shared/contract';
import { makeCore, STRONG_PASSWORD } from '../../../helpers/core';
import { ONE_TIME_PASSWORD } from '../../../helpers/mfa';

/** Issue 10, item 12: logins are case-insensitive, lower-cased wherever one is entered, and documented so. */
describe('login names are not case-sensitive', () => {
  it('every channel that takes a login lower-cases it in the contract, whatever the transport', () => {
    const fields = (c: (typeof CHANNEL_NAMES)[number]) => Object.keys((z.toJSONSchema(contract[c].input, { io: 'input', unrepresentable: 'any' }) as { properties?: object }).properties ?? {});
    const withLogin = CHANNEL_NAMES.filter((c) => fields(c).includes('login'));
    expect(withLogin).toEqual(expect.arrayContaining(['setup.createFirstAccount', 'auth.signIn', 'operators.create', 'kiosk.quit']));
    const sample: Record<string, unknown> = { login: ' NaN ', displayName: 'N', password: 'x', roles: ['operator'], action: 'reissue' };
    for (const channel of withLogin) {
      const parsed = contract[channel].input.safeParse(Object.fromEntries(fields(channel).map((f) => [f, sample[f]])));
      expect(parsed.success && (parsed.data as { login: string }).login, channel).toBe('nan');
    }
  });

  it('the documented input schema accepts capitals and says logins are not case-sensitive', () => {
    const schema = z.toJSONSchema(loginSchema, { io: 'input' }) as { pattern: string; description?: string };
    expect(new RegExp(schema.pattern).test('NaN')).toBe(true);
    expect(schema.description).toMatch(/not case-sensitive/);
  });

  it('refuses look-alike capitals that lower-case into ASCII (Kelvin sign)', () => {
    expect(loginSchema.safeParse('\u212Aate').success).toBe(false);
    expect(loginSchema.parse('Kate')).toBe('kate');
  });

  it('create as "NaN", sign in as "NAN": one operator "nan"; "nan" is then taken', async () => {
    const t = await makeCore();
    const admin = await t.must('setup.createFirstAccount', { login: 'Anna', displayName: 'Anna', password: STRONG_PASSWORD });
    expect(admin.operator.login).toBe('anna');
    expect((await t.must('operators.create', { login: 'NaN', displayName: 'Nan', roles: ['operator'], password: ONE_TIME_PASSWORD })).login).toBe('nan');
    expect(await t.call('operators.create', { login: 'nan', displayName: 'Nan 2', roles: ['operator'], password: ONE_TIME_PASSWORD })).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'login' } });
    expect((await t.must('auth.signIn', { login: 'NAN', password: ONE_TIME_PASSWORD }, 'nan-seat')).state).toBe('passwordChange');
  });
});
