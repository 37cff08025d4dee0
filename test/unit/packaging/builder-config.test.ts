import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): Record<string, any> };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration(c: unknown, l: unknown): Promise<void> };
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const config = yaml.load(fs.readFileSync('build/electron-builder.yml', 'utf8'));

describe('electron-builder configuration', () => {
  it('passes electron-builder\'s own schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('makes the four installers: AppImage and deb, NSIS, dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    for (const os of ['linux', 'win', 'mac']) expect(fs.existsSync(config[os].icon), `${os} icon`).toBe(true);
  });

  it('packs an asar with the native modules unpacked and rebuilt for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/keytar/**', '**/node_modules/better-sqlite3/**']));
    expect(config.npmRebuild).toBe(true);
    expect(config.files).toContain('dist/**/*');
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { main: string; dependencies: Record<string, string> };
    // Only the native modules ship as node_modules; everything else is bundled into dist/.
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['better-sqlite3', 'keytar']);
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('flips the fuses after packing', () => {
    expect(fs.existsSync(config.afterPack)).toBe(true);
    expect(fs.readFileSync(config.afterPack, 'utf8')).toMatch(/applyFuses/);
  });
});
