import type { Migration } from './registry';

/** Two-factor authentication: filled in by the two-factor work. */
export const m002TwoFactor: Migration = {
  version: 2,
  name: 'two-factor',
  up() {},
};
