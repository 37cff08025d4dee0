import { z } from 'zod';

/** Said wherever a login is entered or documented. */
export const LOGIN_CASE_NOTE = 'Logins are not case-sensitive: "NaN" and "nan" are the same login, stored as "nan".';

/**
 * Login names: case-insensitive, stored and compared lower-case, on every channel that takes one
 * (setup, create, sign-in, kiosk quit), so core gets the same name whatever the transport.
 * The characters are checked before lower-casing: a look-alike such as the Kelvin sign "K", which
 * lower-cases to an ASCII "k", is refused rather than turned into another login.
 */
export const loginSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'coreAccess.validation.enterLogin' : 'coreAccess.validation.loginAsText') })
  .trim()
  .min(2, 'coreAccess.validation.loginTooShort')
  .max(64, 'coreAccess.validation.loginTooLong')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]*$/, 'coreAccess.validation.loginCharacters')
  .toLowerCase()
  .meta({ description: LOGIN_CASE_NOTE });
