import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeBackup } from '../../../../electron/core/store/backup-file';
import { latestVersion } from '../../../../electron/core/store/migrations';
import { makeSetUpCore as makeAnySetUpCore, STRONG_PASSWORD, tempDir } from '../../../helpers/core';
import { importOrder } from '../../../helpers/delivery';
import { checkDeliveryInvariants } from '../../../helpers/delivery-invariants';
import { createOperator, signIn } from '../../../helpers/mfa';

/**
 * Backup and restore are SQLite's own file tools (the online backup API on the store's file), so these
 * tests run on SQLite whichever engine the run names; a venue database's backups are pg_dump's (last test).
 */
const makeSetUpCore = () => makeAnySetUpCore({ engine: 'sqlite' });

// The crash test's worker: a second process issuing print@home tickets on the same file.
const WORKER = path.resolve('node_modules/.cache/box-office-tests/backup-delivery-worker.cjs');
beforeAll(async () => {
  fs.mkdirSync(path.dirname(WORKER), { recursive: true });
  await build({ entryPoints: ['test/helpers/delivery-worker.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: WORKER, external: ['better-sqlite3', 'keytar', 'pg-native'], logLevel: 'warning' });
});

const restoreInput = (file: string) => ({ path: file, password: STRONG_PASSWORD });

describe('backup and restore', () => {
  it('backs up while another process issues tickets: the copy opens, passes its integrity check and holds every committed issue', async () => {
    const t = await makeSetUpCore();
    const order = await importOrder(t, { tickets: 300 });
    const file = path.join(t.dataDir, 'box-office.sqlite');
    const child = spawn(process.execPath, [WORKER, t.dataDir, 'print', String(order.tickets[0]!.id), String(order.tickets.at(-1)!.id), '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const committed: number[] = [];
    let buffer = '';
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) if (line) committed.push((JSON.parse(line) as { id: number }).id);
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    while (committed.length < 20) await new Promise((r) => setTimeout(r, 5));
    const before = [...committed];
    const backup = await t.must('backup.create', {});
    const during = [...committed];
    await exited;
    expect(during.length, 'the worker was still issuing when the backup finished').toBeLessThan(300);

    expect(backup.fileName).toMatch(/^box-office-backup-2026-11-22T12-00-00Z\.sqlite$/);
    expect(path.dirname(backup.path)).toBe(path.join(t.dataDir, 'backups'));
    expect(fs.existsSync(`${backup.path}-wal`)).toBe(false);
    const states = checkDeliveryInvariants(backup.path);
    const copy = new Database(backup.path, { readonly: true });
    const issued = new Set((copy.prepare("SELECT id FROM tickets WHERE delivery = 'print_at_home'").all() as { id: number }[]).map((r) => r.id));
    copy.close();
    for (const id of before) expect(issued.has(id), `ticket ${id} was committed before the backup`).toBe(true);
    expect(states.print_at_home).toBeGreaterThanOrEqual(before.length);
    expect(states.print_at_home).toBeLessThanOrEqual(300);
    expect(checkDeliveryInvariants(file).print_at_home).toBe(300);
    expect((await t.core.internals.audit.recent(400)).find((e) => e.kind === 'store.backup')).toMatchObject({ actorLogin: 'anna', detail: { file: backup.path } });
  });

  it('writes into a chosen folder, never over an existing file, and says what is wrong with a folder', async () => {
    const t = await makeSetUpCore();
    const usb = tempDir('box-office-usb-');
    const first = await t.must('backup.create', { directory: usb });
    expect(path.dirname(first.path)).toBe(usb);
    expect(first.bytes).toBeGreaterThan(0);
    // Same second: the name is taken, so the next one gets its own, and the existing file is left alone.
    const second = await t.must('backup.create', { directory: usb });
    expect(second.fileName).toBe(first.fileName.replace('.sqlite', '-2.sqlite'));
    expect(fs.statSync(first.path).size).toBe(first.bytes);
    expect(await t.call('backup.create', { directory: path.join(usb, 'missing') })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'directory' } });
    expect(await t.call('backup.create', { directory: 'relative/folder' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    t.clock.advance(1_000);
    await t.must('backup.create', {});
    expect((await t.must('backup.list', {})).files.map((f) => f.fileName)).toEqual(['box-office-backup-2026-11-22T12-00-01Z.sqlite']);
    // writeBackup itself refuses an existing file (the service never asks it to).
    await expect(writeBackup(t.core.internals.sqlite!.name, first.path)).rejects.toThrow(/never overwrites/);
    expect(fs.statSync(first.path).size).toBe(first.bytes);
  });

  it('restores a backup: data as it was, everyone signed out, a safety copy kept and the audit chain intact', async () => {
    const t = await makeSetUpCore();
    const backup = await t.must('backup.create', {});
    await importOrder(t, { tickets: 3 });
    await createOperator(t, 'olga');
    await signIn(t, 'olga', 'olga');
    t.clock.advance(1_000);
    expect(await t.call('backup.restore', { path: backup.path, password: 'wrong password' })).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID' } });
    expect((await t.must('operators.list', {})).map((o) => o.login)).toContain('olga');

    const headBefore = (await t.core.internals.audit.recent(1))[0]!;
    const report = await t.must('backup.restore', restoreInput(backup.path));
    expect(report).toMatchObject({ restoredFrom: backup.path, schemaVersion: latestVersion(), operators: 1, tickets: 0 });
    expect(fs.existsSync(report.safetyCopy)).toBe(true);
    for (const seat of ['seat-1', 'olga']) expect(await t.call('orders.search', { query: 'SO-1001' }, seat)).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    expect(await t.call('auth.signIn', { login: 'olga', password: 'Counter&Tickets-77' }, 'olga')).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID' } });
    await t.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    expect((await t.must('orders.search', { query: 'SO-1001' })).orders).toEqual([]);
    expect(await t.must('audit.verify', {})).toMatchObject({ intact: true });
    const [restored] = (await t.must('audit.list', { kind: 'store.' })).entries;
    expect(restored).toMatchObject({ kind: 'store.restored', detail: { safetyCopy: report.safetyCopy, replacedLogLastId: expect.any(Number), replacedLogLastHash: expect.any(String) } });
    // The replaced log's entries live on in the safety copy, ending where the restore entry says.
    const safety = new Database(report.safetyCopy, { readonly: true });
    const last = safety.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
    safety.close();
    expect(last.id).toBeGreaterThanOrEqual(headBefore.id);
    expect({ id: restored!.detail.replacedLogLastId, hash: restored!.detail.replacedLogLastHash }).toEqual(last);

    // The safety copy undoes the restore; the store still opens in WAL mode afterwards.
    await t.must('backup.restore', restoreInput(report.safetyCopy));
    await t.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    expect((await t.must('orders.search', { query: 'SO-1001' })).orders).toHaveLength(1);
    const reopened = await t.reopen();
    expect(reopened.core.internals.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(reopened.core.internals.sqlite!.pragma('integrity_check', { simple: true })).toBe('ok');
    await reopened.must('auth.signIn', { login: 'olga', password: 'Counter&Tickets-77' });
  });

  it('refuses a newer, damaged, foreign or non-database file and keeps the current store', async () => {
    const t = await makeSetUpCore();
    await importOrder(t, { tickets: 2 });
    const dir = tempDir('box-office-bad-backups-');
    const good = await t.must('backup.create', { directory: dir });
    const copy = (name: string) => {
      const file = path.join(dir, name);
      fs.copyFileSync(good.path, file);
      return file;
    };

    const newer = copy('newer.sqlite');
    new Database(newer).pragma(`user_version = ${latestVersion() + 1}`);
    expect(await t.call('backup.restore', restoreInput(newer))).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/newer version/) } });

    const damaged = copy('damaged.sqlite');
    const bytes = fs.readFileSync(damaged);
    // Scribble over the middle of the file (table pages), keeping the header.
    bytes.fill(0x5a, 4096 * 3, 4096 * 3 + 2048);
    fs.writeFileSync(damaged, bytes);
    expect(await t.call('backup.restore', restoreInput(damaged))).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/integrity|not a Box Office backup|cannot be opened|malformed/) } });

    const foreign = copy('foreign.sqlite');
    new Database(foreign).prepare("UPDATE settings SET value = '\"another-installation\"' WHERE key = 'installation.id'").run();
    expect(await t.call('backup.restore', restoreInput(foreign))).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/another Box Office installation/) } });

    const text = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(text, 'this is not a database, just some text '.repeat(200));
    expect(await t.call('backup.restore', restoreInput(text))).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.call('backup.restore', restoreInput(path.join(dir, 'missing.sqlite')))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('backup.restore', restoreInput(path.join(t.dataDir, 'box-office.sqlite')))).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    // Nothing changed, nobody was signed out, and no staging file was left behind.
    expect((await t.must('orders.search', { query: 'SO-1001' })).orders).toHaveLength(1);
    expect(fs.readdirSync(t.dataDir).filter((f) => f.includes('staging'))).toEqual([]);
    // A file that was looked at is audited; a missing path or the live file never gets that far.
    expect((await t.must('audit.list', { kind: 'store.restore-refused' })).total).toBe(4);
  });

  it('on a venue database (PostgreSQL) answers with the database\'s own tools instead, and asks for no password', async () => {
    const t = await makeAnySetUpCore({ engine: 'postgres' });
    const listed = await t.must('backup.list', {});
    expect(listed.files).toEqual([]);
    expect(listed.venueDatabase).toMatchObject({ backupCommand: expect.stringMatching(/^pg_dump --format=custom --file=box-office\.dump '/), restoreCommand: expect.stringMatching(/^pg_restore /) });
    // The address as configured, never its password.
    const database = /\/(bo_test_[0-9a-f]+)\?/.exec(t.databaseUrl!)![1]!;
    expect(listed.venueDatabase!.backupCommand).toContain(`/${database}?`);
    expect(listed.venueDatabase!.backupCommand).not.toMatch(/postgres(ql)?:\/\/[^@/']*:[^@/']*@|password=/);
    const created = await t.call('backup.create', {});
    expect(created).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining(listed.venueDatabase!.backupCommand) } });
    expect(created.ok ? '' : created.error.message).toMatch(/database's own tools/);
    const restored = await t.call('backup.restore', { path: '/tmp/box-office.sqlite', password: 'not even checked' });
    expect(restored).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining(listed.venueDatabase!.restoreCommand) } });
    // A refused call that never asked for the password counts no failed attempt.
    expect((await t.must('audit.list', { kind: 'auth.' })).entries.map((e) => e.kind)).not.toContain('auth.reauth-failed');
    expect(fs.existsSync(path.join(t.dataDir, 'backups'))).toBe(false);
  });
});
