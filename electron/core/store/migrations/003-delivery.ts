import type { Migration } from './registry';

/** Events, orders, tickets, barcode history and scans: filled in by the delivery work. */
export const m003Delivery: Migration = {
  version: 3,
  name: 'delivery',
  up() {},
};
