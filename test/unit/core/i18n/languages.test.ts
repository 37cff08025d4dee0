/**
 * Core speaks the caller's language: her own once she chose one, the institution's default before sign-in and for
 * operators who chose none. The error code stays the same in every language; only the words change.
 */
import { describe, expect, it } from 'vitest';
import { makeCore, makeSetUpCore, STRONG_PASSWORD } from '../../../helpers/core';

describe('languages in core', () => {
  it('answers before sign-in in the institution\'s default language, with the same code', async () => {
    const t = await makeSetUpCore();
    const english = await t.call('operators.list', {}, 'stranger');
    expect(english.ok).toBe(false);
    if (english.ok) return;
    expect(english.error).toMatchObject({ code: 'AUTH_REQUIRED', message: 'Sign in first.' });

    await t.must('settings.update', { language: 'de', timeZone: 'Europe/Berlin' });
    const german = await t.call('operators.list', {}, 'stranger');
    expect(german.ok || german.error).toMatchObject({ code: 'AUTH_REQUIRED', message: 'Melden Sie sich zuerst an.' });
    // The renderer may put it into another language again: the key travels with it.
    expect(german.ok || german.error.text).toEqual({ key: 'coreSession.signInFirst' });

    const info = await t.must('app.info', {});
    expect(info).toMatchObject({ language: 'de', timeZone: 'Europe/Berlin' });
  });

  it('follows the operator\'s own language from her next call, and the default again when she clears it', async () => {
    const t = await makeSetUpCore();
    const view = await t.must('auth.setLanguage', { language: 'fr' });
    expect(view.state === 'active' && view.operator.language).toBe('fr');
    const french = await t.call('auth.changePassword', { currentPassword: 'Not-my-password-1!', newPassword: 'Another&Strong-2026' });
    expect(french.ok || french.error).toMatchObject({ code: 'AUTH_INVALID', field: 'currentPassword', text: { key: 'coreAccess.password.currentWrong' } });
    expect(french.ok || french.error.message).not.toBe('Your current password is not right.');
    expect(french.ok || french.error.message).toMatch(/mot de passe/);

    await t.must('settings.update', { language: 'de' });
    const cleared = await t.must('auth.setLanguage', { language: null });
    expect(cleared.state === 'active' && cleared.operator.language).toBeNull();
    // Back to the institution's default, German now.
    const german = await t.call('auth.changePassword', { currentPassword: 'Not-my-password-1!', newPassword: 'Another&Strong-2026' });
    expect(german.ok || german.error.message).toMatch(/Passwort/);
  });

  it('keeps her choice in the store: the next sign-in speaks it', async () => {
    const t = await makeSetUpCore();
    await t.must('auth.setLanguage', { language: 'de' });
    await t.must('auth.signOut', {});
    const signedIn = await t.must('auth.signIn', { login: 'anna', password: STRONG_PASSWORD });
    expect(signedIn.state !== 'signedOut' && signedIn.operator.language).toBe('de');
    const locked = await t.must('auth.lockNow', {});
    expect(locked.state).toBe('locked');
    const refused = await t.call('operators.list', {});
    expect(refused.ok || refused.error).toMatchObject({ code: 'SESSION_LOCKED', message: 'Dieses Terminal ist gesperrt. Geben Sie Ihr Passwort ein, um es zu entsperren.' });
  });

  it('refuses a language or time zone it does not know, and changes nothing', async () => {
    const t = await makeSetUpCore();
    const language = await t.call('settings.update', { language: 'it' } as never);
    expect(language.ok || language.error.code).toBe('VALIDATION');
    const zone = await t.call('settings.update', { timeZone: 'Mars/Olympus' });
    expect(zone.ok || zone.error.code).toBe('VALIDATION');
    expect(await t.must('settings.get', {})).toMatchObject({ language: 'en', timeZone: 'Europe/Zurich' });
    const own = await t.call('auth.setLanguage', { language: 'xx' } as never);
    expect(own.ok || own.error.code).toBe('VALIDATION');
  });

  it('a fresh installation speaks English in Europe/Zurich until told otherwise', async () => {
    const t = await makeCore();
    expect(await t.must('app.info', {})).toMatchObject({ language: 'en', timeZone: 'Europe/Zurich', setupPending: true });
  });
});
