import { z } from 'zod';

/** Login names: case-insensitive, stored lower-case. */
export const loginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'Enter a login of at least 2 characters.')
  .max(64, 'A login has at most 64 characters.')
  .regex(/^[a-z0-9][a-z0-9._@-]*$/, 'A login uses letters, digits and . _ - @ only, and starts with a letter or digit.');

