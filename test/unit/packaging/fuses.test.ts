import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFuses } from '../../../build/fuses.mjs';
import { tempDir } from '../../helpers/core';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 0x31;
const DISABLE = 0x30;

/**
 * A stand-in for an Electron executable: some bytes, then the fuse wire as Electron lays it out
 * (sentinel, version 1, length, one byte per fuse), all fuses at Electron's defaults.
 */
function fakeElectron(dir: string): string {
  const file = path.join(dir, 'electron');
  const defaults = [ENABLE, DISABLE, ENABLE, ENABLE, DISABLE, DISABLE, DISABLE, ENABLE, ENABLE];
  fs.writeFileSync(file, Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), Buffer.from([1, defaults.length, ...defaults]), Buffer.alloc(4096, 7)]));
  return file;
}

describe('Electron fuses at pack time', () => {
  it('turns off run-as-node, NODE_OPTIONS and inspect arguments, turns on cookie encryption and asar-only loading', async () => {
    const wire = await applyFuses(fakeElectron(tempDir()), 'linux');
    expect(wire[0]).toBe(DISABLE); // RunAsNode
    expect(wire[1]).toBe(ENABLE); // EnableCookieEncryption
    expect(wire[2]).toBe(DISABLE); // EnableNodeOptionsEnvironmentVariable
    expect(wire[3]).toBe(DISABLE); // EnableNodeCliInspectArguments
    expect(wire[4]).toBe(DISABLE); // EnableEmbeddedAsarIntegrityValidation: not enforced on Linux
    expect(wire[5]).toBe(ENABLE); // OnlyLoadAppFromAsar
    expect(wire[7]).toBe(DISABLE); // GrantFileProtocolExtraPrivileges
  });

  it('validates asar integrity where the platform supports it', async () => {
    const wire = await applyFuses(fakeElectron(tempDir()), 'win32');
    expect(wire[4]).toBe(ENABLE);
  });

  it('refuses a file that is not an Electron binary', async () => {
    const file = path.join(tempDir(), 'not-electron');
    fs.writeFileSync(file, 'hello');
    await expect(applyFuses(file, 'linux')).rejects.toThrow(/sentinel/);
  });
});
