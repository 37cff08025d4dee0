/** The project's scripts run on the Node its Electron runs, whatever Node started them (issue "Defects…", item 14). */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { NODE_MAJOR, nodeHeadersDir } from '../../../scripts/node-runtime.mjs';
import { tempDir } from '../../helpers/core';

const runtime = path.resolve('scripts/node-runtime.mjs');
const major = (version: string) => Number(version.replace(/^v/, '').split('.')[0]);

/** Every `node` on PATH (Debian's among them), the one running this test included. */
function nodesOnMachine(): string[] {
  const found = new Set<string>([process.execPath]);
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'node');
    if (dir && fs.existsSync(candidate)) found.add(fs.realpathSync(candidate));
  }
  return [...found];
}

describe('the project Node', () => {
  it('is the major Electron 45 runs, and the tests run on it', () => {
    expect(NODE_MAJOR).toBe(24);
    expect(major(process.version)).toBe(NODE_MAJOR);
    const engines = JSON.parse(fs.readFileSync('package.json', 'utf8')).engines.node as string;
    expect(engines).toMatch(new RegExp(`>=${NODE_MAJOR}\\.`));
  });

  it('runs a script started by any Node on the machine again on Node 24', () => {
    const script = path.join(tempDir(), 'which-node.mjs');
    fs.writeFileSync(script, `import { ensureSupportedNode } from ${JSON.stringify(runtime)};\nensureSupportedNode();\nconsole.log(process.version);\n`);
    for (const node of nodesOnMachine()) {
      const out = execFileSync(node, [script], { encoding: 'utf8' }).trim().split('\n').pop()!;
      expect(major(out), `started by ${node}`).toBe(NODE_MAJOR);
    }
  });

  it('prints the PATH that puts Node 24 first, for CI', () => {
    const printed = spawnSync(process.execPath, [runtime, '--env'], { encoding: 'utf8' });
    expect(printed.status).toBe(0);
    const bin = /^export PATH='([^:']+):/.exec(printed.stdout)?.[1];
    expect(bin).toBeDefined();
    expect(major(execFileSync(path.join(bin!, 'node'), ['--version'], { encoding: 'utf8' }))).toBe(NODE_MAJOR);
  });

  it('builds native modules against the running Node’s own headers', () => {
    const dir = nodeHeadersDir();
    expect(dir).not.toBeNull();
    const header = fs.readFileSync(path.join(dir!, 'include', 'node', 'node_version.h'), 'utf8');
    expect(header).toContain(`#define NODE_MAJOR_VERSION ${NODE_MAJOR}\n`);
  });
});
