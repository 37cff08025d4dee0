import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract, type ChannelName } from '../../../shared/contract';
import { fieldLabel } from '../../../shared/validation';
import { makeSetUpCore, type TestCore } from '../../helpers/core';
import { createOperator, enrollTotp, ONE_TIME_PASSWORD, signIn } from '../../helpers/mfa';

/** The input's top-level field names, read from the same JSON Schema docs/API.md shows (unions included). */
function fieldsOf(channel: ChannelName): string[] {
  const schema = z.toJSONSchema(contract[channel].input, { io: 'input', unrepresentable: 'any' }) as { properties?: object; anyOf?: { properties?: object }[]; oneOf?: { properties?: object }[] };
  return [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap((s) => Object.keys(s.properties ?? {}));
}

/** A seat for each kind of access, so every channel's input is reached (validation comes after the session check). */
async function seats(): Promise<{ t: TestCore; seatFor: (channel: ChannelName) => string }> {
  const t = await makeSetUpCore();
  await createOperator(t, 'chris');
  await signIn(t, 'chris', 'challenge');
  await enrollTotp(t, 'challenge');
  await t.must('auth.signOut', {}, 'challenge');
  expect((await signIn(t, 'chris', 'challenge')).state).toBe('secondFactor');
  await t.must('operators.create', { login: 'olga', displayName: 'Olga', roles: ['operator'], password: ONE_TIME_PASSWORD });
  expect((await t.must('auth.signIn', { login: 'olga', password: ONE_TIME_PASSWORD }, 'first')).state).toBe('passwordChange');
  const seatFor = (channel: ChannelName) => {
    const access = contract[channel].access;
    return access === 'challenge' ? 'challenge' : access === 'passwordChange' ? 'first' : 'seat-1';
  };
  return { t, seatFor };
}

/** "Reason: …", "Account id: …": the label of the very field in error.field, then what to do (never zod's "Invalid input"). */
const expectNamed = (channel: ChannelName, error: { field?: string | undefined; message: string }) => {
  expect(error.field, channel).toBeTruthy();
  expect(error.message, channel).toMatch(new RegExp(`^${fieldLabel(error.field!, channel)}: [a-z]`));
  expect(error.message, channel).not.toMatch(/Invalid input|expected \w+, received/);
};

/** Issue 10, item 13: every VALIDATION answer names its field, in error.field and in the message. */
describe('every VALIDATION error names its field', () => {
  it('a reissue without a reason says which field and what to do', async () => {
    const t = await makeSetUpCore();
    expect(await t.core.dispatch('delivery.reissue', { ticketId: 1 }, { seat: 'seat-1' })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', field: 'reason', message: 'Reason: enter at least 3 visible characters.' },
    });
    expect(await t.core.dispatch('delivery.reissue', { ticketId: 1, reason: 'Lost it', extra: 1 }, { seat: 'seat-1' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'extra' } });
  });

  it('empty input, on every channel with required fields (generated from the contract)', async () => {
    const { t, seatFor } = await seats();
    let checked = 0;
    for (const channel of CHANNEL_NAMES) {
      if (contract[channel].input.safeParse({}).success) continue;
      const result = await t.core.dispatch(channel, {}, { seat: seatFor(channel) });
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (result.ok) continue;
      expect(fieldsOf(channel), `${channel}: ${JSON.stringify(result.error)}`).toContain(result.error.field?.split('.')[0]);
      expectNamed(channel, result.error);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(25);
  });

  it('invisible or wrongly typed values, on every channel with fields', async () => {
    const { t, seatFor } = await seats();
    let checked = 0;
    for (const channel of CHANNEL_NAMES) {
      const fields = fieldsOf(channel);
      if (fields.length === 0) continue;
      const input = Object.fromEntries(fields.map((f) => [f, '\u0000\u200b']));
      const result = await t.core.dispatch(channel, input, { seat: seatFor(channel) });
      if (result.ok || result.error.code !== 'VALIDATION') continue;
      expect(fields, `${channel}: ${JSON.stringify(result.error)}`).toContain(result.error.field?.split('.')[0]);
      expectNamed(channel, result.error);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(25);
  });
});
