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
  .string({ error: (issue) => (issue.input === undefined ? 'Enter the login.' : 'Enter the login as text.') })
  .trim()
  .min(2, 'Enter a login of at least 2 characters.')
  .max(64, 'A login has at most 64 characters.')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]*$/, 'A login uses letters, digits and . _ - @ only, and starts with a letter or digit.')
  .toLowerCase()
  .meta({ description: LOGIN_CASE_NOTE });
