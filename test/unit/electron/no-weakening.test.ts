import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Signal's tests ran a main window with the sandbox off, so they tested something that did not
 * ship. Here no source or test may weaken a window, and only the factory may make one.
 */
const FOLDERS = ['electron', 'renderer', 'shared', 'scripts', 'test', 'build', 'bench'];
const EXTENSIONS = /\.(ts|tsx|js|cjs|mjs|json)$/;

const WEAKENING = [
  /\b(sandbox|contextIsolation|webSecurity|safeDialogs)\s*:\s*false\b/,
  /\bnodeIntegration(InWorker|InSubFrames)?\s*:\s*true\b/,
  /\b(allowRunningInsecureContent|webviewTag|experimentalFeatures|navigateOnDragDrop)\s*:\s*true\b/,
  /\benableBlinkFeatures\s*:/,
  // Not --no-sandbox: the end-to-end Chromium needs it in a container, and it is the OS sandbox of a
  // test browser, not a setting of a window that ships.
  /--disable-web-security|disable-site-isolation-trials|--allow-running-insecure-content/,
];

/** Files allowed to hold a weakening setting on purpose, with why. Keep this list short. */
const ALLOWED: Record<string, string> = {
  // A deliberately unsafe fixture written to a temp folder for the Electronegativity scanner to find; never run.
  'test/unit/security/electronegativity.test.ts': 'scanner fixture',
  // This file spells the patterns out.
  'test/unit/electron/no-weakening.test.ts': 'the patterns themselves',
};

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (EXTENSIONS.test(entry.name)) files.push(full.split(path.sep).join('/'));
    }
  };
  for (const folder of FOLDERS) if (fs.existsSync(folder)) walk(folder);
  return files;
}

describe('no weakened windows', () => {
  const files = sourceFiles();

  it('finds the sources it scans', () => {
    expect(files).toContain('electron/window/secure-window.ts');
    expect(files).toContain('test/unit/electron/secure-window.test.ts');
  });

  it('no source or test turns a security setting off', () => {
    const findings = files
      .filter((file) => !(file in ALLOWED))
      .flatMap((file) =>
        fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) => (WEAKENING.some((pattern) => pattern.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(findings).toEqual([]);
  });

  it('only the secure window factory sets webPreferences or constructs a BrowserWindow', () => {
    const makers = files
      .filter((file) => !file.startsWith('test/') && !(file in ALLOWED))
      .filter((file) => /\bwebPreferences\s*:|new\s+BrowserWindow\b|new\s+BrowserView\b|new\s+WebContentsView\b/.test(fs.readFileSync(file, 'utf8')));
    expect(makers).toEqual(['electron/window/secure-window.ts']);
  });
});
