import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/contract';

/**
 * The preload exactly as it ships (one CJS bundle, only 'electron' external), run in a bare VM
 * context whose require knows only 'electron' — as in a sandboxed renderer, where anything else throws.
 */
async function runPreload() {
  const bundle = await build({
    entryPoints: [path.resolve('electron/preload.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  const code = bundle.outputFiles[0]!.text;
  const required: string[] = [];
  const exposed = new Map<string, unknown>();
  const invoked: [string, unknown][] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => {
        invoked.push([channel, input]);
        return { ok: true, value: channel };
      },
    },
  };
  const module = { exports: {} };
  const sandboxedRequire = (id: string) => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require '${id}'`);
  };
  vm.runInNewContext(code, { require: sandboxedRequire, module, exports: module.exports, console });
  return { required, exposed, invoked };
}

type Api = Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;

describe('preload bundle', () => {
  let run: Awaited<ReturnType<typeof runPreload>>;
  beforeAll(async () => {
    run = await runPreload();
  });

  it('needs nothing but electron, so it runs in a sandboxed renderer', () => {
    expect(run.required).toEqual(['electron']);
  });

  it('exposes window.boxOffice and nothing else', () => {
    expect([...run.exposed.keys()]).toEqual(['boxOffice']);
  });

  it('offers one method per contract channel, and no generic invoke or raw ipcRenderer', () => {
    const api = run.exposed.get('boxOffice') as Api;
    const methods = Object.entries(api).flatMap(([domain, verbs]) => Object.keys(verbs).map((verb) => `${domain}.${verb}`));
    expect(methods.sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const verbs of Object.values(api)) {
      for (const method of Object.values(verbs)) expect(typeof method).toBe('function');
    }
    expect(Object.isFrozen(api)).toBe(true);
    for (const verbs of Object.values(api)) expect(Object.isFrozen(verbs)).toBe(true);
  });

  it('sends each method to its own channel with the input unchanged', async () => {
    const api = run.exposed.get('boxOffice') as Api;
    const input = { login: 'anna', password: 'correct horse battery 9!' };
    expect(await api.auth!.signIn!(input)).toEqual({ ok: true, value: 'auth.signIn' });
    await api.app!.info!();
    expect(run.invoked).toEqual([
      ['auth.signIn', input],
      ['app.info', {}],
    ]);
  });
});
