/** Vitest global set-up: one real PostgreSQL server for the whole run, stopped at the end. */
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres-server';

export default function setup(project: TestProject) {
  const server = startPostgres();
  project.provide('postgres', { url: server.url('postgres'), socketDir: server.socketDir, port: server.port, user: server.user, password: server.password });
  return () => server.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: { url: string; socketDir: string; port: number; user: string; password: string };
  }
}
