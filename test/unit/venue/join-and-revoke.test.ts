/**
 * Venue mode at the core (issue "Venue mode"): a fresh terminal creates a venue with the database
 * owner's credentials, another joins with a one-time code, both share accounts and see each other's
 * changes live; codes are single-use, expire and are refused when wrong; a terminal's own login can
 * neither change the schema nor rewrite the audit log; a revoked terminal is refused at its next call
 * and its stored login opens nothing. Real PostgreSQL, real keychain, two cores in one process.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { startCore, type StartedCore } from '../../../electron/core/app';
import { poolConfig } from '../../../electron/core/store/engine/postgres-config';
import { databasePasswordAccount } from '../../../electron/core/store/open-store';
import { readVenueConfig } from '../../../electron/core/venue/venue-config';
import { osKeychain } from '../../../electron/core/vault/keychain';
import { STRONG_PASSWORD, tempDir } from '../../helpers/core';
import { importOrder } from '../../helpers/delivery';
import { ONE_TIME_PASSWORD } from '../../helpers/mfa';

const server = inject('postgres');
const cores: StartedCore[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()!.close();
});

/** A new empty database; the owner's address without its password, and the address a joining terminal enters. */
async function emptyVenueDatabase() {
  const name = `venue_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client(poolConfig(server.url));
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const query = `?host=${encodeURIComponent(server.socketDir)}&port=${server.port}`;
  return { name, ownerAddress: `postgres://${server.user}@/${name}${query}`, address: `postgres:///${name}${query}`, superuserUrl: server.url.replace(/\/postgres\?/, `/${name}?`) };
}

async function terminal() {
  const dataDir = tempDir();
  const core = await startCore({ dataDir, shell: 'web', kiosk: false });
  cores.push(core);
  const call = <C extends ChannelName>(channel: C, input: ChannelInput<C>, seat = 'seat-1') => core.dispatch(channel, input, { seat }) as Promise<Result<ChannelOutput<C>>>;
  const must = async <C extends ChannelName>(channel: C, input: ChannelInput<C>, seat = 'seat-1') => {
    const r = await call(channel, input, seat);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  return { core, dataDir, call, must };
}

/** A query as the terminal's own database login, with the password its keychain holds. */
async function asTerminal(dataDir: string, sql: string) {
  const venue = readVenueConfig(dataDir)!;
  const password = await osKeychain().get(databasePasswordAccount(venue.databaseUrl));
  const client = new pg.Client(poolConfig(venue.databaseUrl, { password: password! }));
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('a venue of terminals', () => {
  it('is created with the owner\'s credentials, joined with a one-time code, shared, live, and revocable', async () => {
    const db = await emptyVenueDatabase();
    const desk = await terminal();
    expect(await desk.must('venue.membership', {})).toEqual({ mode: 'local', terminal: null });
    const created = await desk.must('venue.create', { databaseUrl: db.ownerAddress, ownerPassword: server.password, terminalName: 'Desk 1', kind: 'desk' });
    expect(created).toMatchObject({ mode: 'venue', terminal: { name: 'Desk 1', kind: 'desk' } });
    // The owner's password is kept nowhere: not in the terminal's file, not in its keychain account.
    expect(JSON.stringify(readVenueConfig(desk.dataDir))).not.toContain(server.password);
    expect(readVenueConfig(desk.dataDir)!.databaseUrl).not.toContain(server.user);
    expect(await desk.must('app.info', {})).toMatchObject({ setupPending: true, terminal: 'Desk 1', store: { engine: 'postgres' } });
    await desk.must('setup.createFirstAccount', { login: 'anna', displayName: 'Anna Admin', password: STRONG_PASSWORD });
    await desk.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });

    // A second terminal joins with a code the admin made.
    const code = await desk.must('venue.addTerminal', { name: 'Gate A', kind: 'gate' });
    expect(code.code).toMatch(/^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$/);
    expect(code.databaseAddress).not.toContain(server.password);
    expect(code.qrSvg).toContain('<svg');
    const gate = await terminal();
    expect(await gate.must('venue.join', { databaseUrl: db.address, code: code.code.toLowerCase() })).toMatchObject({ mode: 'venue', terminal: { name: 'Gate A', kind: 'gate' } });
    expect(await gate.must('app.info', {})).toMatchObject({ setupPending: false, terminal: 'Gate A' });
    await gate.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });

    // The code joined once; a wrong one and an expired one are refused, each saying so.
    const third = await terminal();
    expect(await third.call('venue.join', { databaseUrl: db.address, code: code.code })).toMatchObject({ ok: false, error: { code: 'JOIN_REFUSED', message: expect.stringMatching(/used already/) } });
    expect(await third.call('venue.join', { databaseUrl: db.address, code: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' })).toMatchObject({ ok: false, error: { code: 'JOIN_REFUSED', message: expect.stringMatching(/not one of this venue/) } });
    const late = await desk.must('venue.addTerminal', { name: 'Desk 3', kind: 'desk' });
    const owner = new pg.Client(poolConfig(db.superuserUrl));
    await owner.connect();
    await owner.query('UPDATE join_codes SET expires_at = expires_at - 16 * 60000 WHERE used_at IS NULL');
    expect(await third.call('venue.join', { databaseUrl: db.address, code: late.code })).toMatchObject({ ok: false, error: { code: 'JOIN_REFUSED', message: expect.stringMatching(/expired/) } });
    expect(await third.must('venue.membership', {})).toEqual({ mode: 'local', terminal: null });

    // The database never saw a code, only a hash of its hash, and the key only wrapped.
    const stored = (await owner.query('SELECT secret_hash, wrapped_key FROM join_codes')).rows as { secret_hash: string; wrapped_key: string }[];
    for (const row of stored) expect(JSON.stringify(row)).not.toMatch(new RegExp(code.code.replace(/-/g, '').slice(0, 12)));

    // A terminal's own login: no DDL, no reading join codes, no rewriting the audit log.
    await expect(asTerminal(gate.dataDir, 'CREATE TABLE intruder (x int)')).rejects.toMatchObject({ code: '42501' });
    await expect(asTerminal(gate.dataDir, 'SELECT * FROM join_codes')).rejects.toMatchObject({ code: '42501' });
    await expect(asTerminal(gate.dataDir, "UPDATE audit_log SET kind = 'x'")).rejects.toMatchObject({ code: '42501' });
    await expect(asTerminal(gate.dataDir, 'DELETE FROM audit_log')).rejects.toMatchObject({ code: '42501' });
    expect((await asTerminal(gate.dataDir, 'SELECT count(*)::int AS n FROM orders')).rows).toEqual([{ n: 0 }]);

    // Live: the gate waits; the desk imports an order; the gate hears of it within a second.
    const start = await gate.must('live.wait', { after: 0 });
    const heard = async (after: number, change: { kind: string; ref: number | null }) => {
      const since = Date.now();
      for (let cursor = after; Date.now() - since < 5_000; ) {
        const batch = await gate.must('live.wait', { after: cursor });
        if (batch.changes.some((c) => c.kind === change.kind && c.ref === change.ref)) return { cursor: batch.cursor, ms: Date.now() - since };
        cursor = batch.cursor;
      }
      throw new Error(`no ${change.kind} ${change.ref} within 5 s`);
    };
    const order = await importOrder({ must: desk.must } as never, { tickets: 2 });
    const first = await heard(start.cursor, { kind: 'order', ref: order.id });
    const issued = desk.must('delivery.issueMobile', { ticketIds: [order.tickets[0]!.id] });
    const second = await heard(first.cursor, { kind: 'order', ref: order.id });
    await issued;
    expect(second.ms).toBeLessThan(5_000);

    // Venue-wide people: an operator disabled at the desk is signed out at the gate at its next call.
    await desk.must('operators.create', { login: 'olga', displayName: 'Olga', roles: ['operator'], password: ONE_TIME_PASSWORD });
    const list = await desk.must('venue.terminals', {});
    expect(list.terminals.map((t) => [t.name, t.kind, t.thisTerminal, t.joinedBy])).toEqual([
      ['Desk 1', 'desk', true, null],
      ['Gate A', 'gate', false, 'anna'],
    ]);

    // Revoked: the gate's next call is refused, and its stored login opens nothing any more.
    const gateId = list.terminals.find((t) => t.name === 'Gate A')!.id;
    expect(await desk.call('venue.revokeTerminal', { terminalId: list.terminals.find((t) => t.thisTerminal)!.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const after = await desk.must('venue.revokeTerminal', { terminalId: gateId });
    expect(after.terminals.find((t) => t.id === gateId)).toMatchObject({ revokedBy: 'anna', revokedAt: expect.any(Number) });
    expect(await gate.call('orders.search', { query: 'xy' })).toMatchObject({ ok: false, error: { code: 'TERMINAL_REVOKED' } });
    expect(await gate.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'TERMINAL_REVOKED' } });
    await expect(asTerminal(gate.dataDir, 'SELECT 1')).rejects.toMatchObject({ code: '28000' });
    const audit = (await owner.query("SELECT kind, subject FROM audit_log WHERE kind LIKE 'venue.%' ORDER BY id")).rows;
    expect(audit).toEqual([
      { kind: 'venue.created', subject: null },
      { kind: 'venue.join-code-created', subject: 'Gate A' },
      { kind: 'venue.join-code-created', subject: 'Desk 3' },
      { kind: 'venue.terminal-revoked', subject: 'Gate A' },
    ]);
    // It may leave, and is then a fresh terminal again: its login and the venue key leave its keychain.
    const gateVenue = readVenueConfig(gate.dataDir)!;
    expect(await gate.must('venue.leave', {})).toEqual({ mode: 'local', terminal: null });
    expect(await gate.must('venue.membership', {})).toEqual({ mode: 'local', terminal: null });
    expect(await osKeychain().get(databasePasswordAccount(gateVenue.databaseUrl))).toBeNull();
    expect(await osKeychain().get(`${gateVenue.installationId}:master-key`)).toBeNull();
    await owner.end();
  }, 60_000);

  it('ends an operator\'s sessions at every terminal when an admin disables her or changes her role', async () => {
    const db = await emptyVenueDatabase();
    const desk = await terminal();
    await desk.must('venue.create', { databaseUrl: db.ownerAddress, ownerPassword: server.password, terminalName: 'Desk 1', kind: 'desk' });
    await desk.must('setup.createFirstAccount', { login: 'anna', displayName: 'Anna Admin', password: STRONG_PASSWORD });
    await desk.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    const code = await desk.must('venue.addTerminal', { name: 'Desk 2', kind: 'desk' });
    const desk2 = await terminal();
    await desk2.must('venue.join', { databaseUrl: db.address, code: code.code });
    const bert = await desk.must('operators.create', { login: 'bert', displayName: 'Bert', roles: ['admin'], password: ONE_TIME_PASSWORD });
    await desk2.must('auth.signIn', { login: 'bert', password: ONE_TIME_PASSWORD });
    expect(await desk2.must('auth.setNewPassword', { password: `${STRONG_PASSWORD}-bert` })).toMatchObject({ state: 'active' });
    expect((await desk2.must('operators.list', {})).length).toBeGreaterThan(0);
    // Another desk changes her role: her next call here ends the session, saying why.
    await desk.must('operators.setRoles', { operatorId: bert.id, roles: ['operator'] });
    expect(await desk2.call('operators.list', {})).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED', message: expect.stringMatching(/administrator changed your account/) } });
    expect(await desk2.must('auth.status', {})).toMatchObject({ state: 'signedOut' });
    // Signed in again, with the new role; then disabled at the other desk: out again.
    await desk2.must('auth.signIn', { login: 'bert', password: `${STRONG_PASSWORD}-bert` });
    expect(await desk2.call('operators.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await desk.must('operators.setDisabled', { operatorId: bert.id, disabled: true });
    expect(await desk2.call('orders.search', { query: 'xy' })).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
  }, 60_000);

  it('exports the venue key sealed with a passphrase, and a fresh terminal recovers the venue with it and the owner\'s credentials', async () => {
    const db = await emptyVenueDatabase();
    const desk = await terminal();
    await desk.must('venue.create', { databaseUrl: db.ownerAddress, ownerPassword: server.password, terminalName: 'Desk 1', kind: 'desk' });
    await desk.must('setup.createFirstAccount', { login: 'anna', displayName: 'Anna Admin', password: STRONG_PASSWORD });
    await desk.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    expect(await desk.call('venue.exportKey', { password: 'not-my-password', passphrase: 'correct horse battery' })).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID' } });
    expect(await desk.call('venue.exportKey', { password: STRONG_PASSWORD, passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const file = await desk.must('venue.exportKey', { password: STRONG_PASSWORD, passphrase: 'correct horse battery' });
    expect(file.fileName).toMatch(/^venue-key-\d{4}-\d{2}-\d{2}\.json$/);
    expect(file.content).toContain('box-office-venue-key/v1');

    const rescue = await terminal();
    const recover = (passphrase: string, terminalName = 'Rescue desk') =>
      rescue.call('venue.recover', { databaseUrl: db.ownerAddress, ownerPassword: server.password, keyFile: file.content, passphrase, terminalName, kind: 'desk' });
    expect(await recover('wrong passphrase!')).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'passphrase' } });
    expect(await recover('correct horse battery', 'Desk 1')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await recover('correct horse battery')).toMatchObject({ ok: true, value: { mode: 'venue', terminal: { name: 'Rescue desk' } } });
    await rescue.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    expect(await rescue.must('app.info', {})).toMatchObject({ terminal: 'Rescue desk', store: { engine: 'postgres' } });
    // Another venue's key file is refused.
    const other = await emptyVenueDatabase();
    const stranger = await terminal();
    expect(await stranger.call('venue.recover', { databaseUrl: other.ownerAddress, ownerPassword: server.password, keyFile: file.content, passphrase: 'correct horse battery', terminalName: 'X', kind: 'desk' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/not a Box Office venue/) },
    });
  }, 60_000);

  it('never keeps a join code or the exported venue key on a request key (the database holds the wrapped key)', async () => {
    const db = await emptyVenueDatabase();
    const desk = await terminal();
    await desk.must('venue.create', { databaseUrl: db.ownerAddress, ownerPassword: server.password, terminalName: 'Desk 1', kind: 'desk' });
    await desk.must('setup.createFirstAccount', { login: 'anna', displayName: 'Anna Admin', password: STRONG_PASSWORD });
    await desk.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    const keyed = (channel: 'venue.addTerminal' | 'venue.exportKey', input: object, key: string) => desk.core.dispatch(channel, input, { seat: 'seat-1', idempotencyKey: key }) as Promise<Result<{ code?: string; content?: string }>>;
    const first = await keyed('venue.addTerminal', { name: 'Gate A', kind: 'gate' }, 'add-terminal-gate-a-0001');
    const retry = await keyed('venue.addTerminal', { name: 'Gate A', kind: 'gate' }, 'add-terminal-gate-a-0001');
    expect(first.ok && retry.ok).toBe(true);
    // Acted anew: a second code, not the first one replayed from the database.
    expect(retry.ok && first.ok && retry.value.code).not.toBe(first.ok && first.value.code);
    const file = await keyed('venue.exportKey', { password: STRONG_PASSWORD, passphrase: 'correct horse battery' }, 'export-venue-key-0001');
    expect(file.ok).toBe(true);
    // Read as the database's superuser: nothing was kept under either key.
    const admin = new pg.Client(poolConfig(db.superuserUrl));
    await admin.connect();
    try {
      expect((await admin.query('SELECT key FROM idempotency_keys')).rows).toEqual([]);
    } finally {
      await admin.end();
    }
  });

  it('burns a code after five wrong tries at it, and closes joining for 15 minutes after twenty refusals', async () => {
    const db = await emptyVenueDatabase();
    const desk = await terminal();
    await desk.must('venue.create', { databaseUrl: db.ownerAddress, ownerPassword: server.password, terminalName: 'Desk 1', kind: 'desk' });
    await desk.must('setup.createFirstAccount', { login: 'anna', displayName: 'Anna Admin', password: STRONG_PASSWORD });
    await desk.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    const { code } = await desk.must('venue.addTerminal', { name: 'Gate B', kind: 'gate' });
    const guesser = await terminal();
    // The code's own handle (its first six characters) with a wrong secret: five tries, then the code is dead.
    const wrong = `${code.replace(/-/g, '').slice(0, 6)}${'A'.repeat(26)}`;
    for (let i = 0; i < 5; i++) expect(await guesser.call('venue.join', { databaseUrl: db.address, code: wrong })).toMatchObject({ ok: false, error: { code: 'JOIN_REFUSED' } });
    expect(await guesser.call('venue.join', { databaseUrl: db.address, code })).toMatchObject({ ok: false, error: { code: 'JOIN_REFUSED' } });
    for (let i = 0; i < 14; i++) await guesser.call('venue.join', { databaseUrl: db.address, code: 'BBBB-BBBB-BBBB-BBBB-BBBB-BBBB-BBBB-BBBB' });
    // Twenty refusals in 15 minutes: even a good code waits now.
    const fresh = await desk.must('venue.addTerminal', { name: 'Gate C', kind: 'gate' });
    expect(await guesser.call('venue.join', { databaseUrl: db.address, code: fresh.code })).toMatchObject({ ok: false, error: { code: 'AUTH_THROTTLED', message: expect.stringMatching(/15 minutes/) } });
    expect(await guesser.must('venue.membership', {})).toEqual({ mode: 'local', terminal: null });
  }, 60_000);
});
