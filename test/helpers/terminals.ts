/**
 * A second terminal on the same store as `t`, with the same clock: on PostgreSQL the same database (as
 * two desks of a venue), on SQLite the same data folder (two processes of one computer share its file).
 */
import { makeCore, type TestCore } from './core';

export const secondTerminal = (t: TestCore): Promise<TestCore> =>
  makeCore(t.databaseUrl ? { databaseUrl: t.databaseUrl, clock: t.clock } : { dataDir: t.dataDir, clock: t.clock });
