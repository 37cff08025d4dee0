import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security/csp';
import { appProtocolHandler } from '../../../electron/window/app-protocol';
import { tempDir } from '../../helpers/core';

function fixture() {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'renderer', 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>Box Office</title>');
  fs.writeFileSync(path.join(dir, 'renderer', 'assets', 'app.js'), 'export {}');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside');
  return appProtocolHandler(path.join(dir, 'renderer'));
}

describe('app:// protocol', () => {
  it('serves the renderer with the CSP and the right types', async () => {
    const handle = fixture();
    const page = await handle(new Request('app://box-office/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('Box Office');
    expect((await handle(new Request('app://box-office/'))).status).toBe(200);
    expect((await handle(new Request('app://box-office/assets/app.js'))).headers.get('content-type')).toMatch(/javascript/);
  });

  it('refuses path traversal in every spelling, other hosts and missing files', async () => {
    const handle = fixture();
    const urls = [
      'app://box-office/../secret.txt',
      'app://box-office/%2e%2e/secret.txt',
      'app://box-office/%2e%2e%2fsecret.txt',
      'app://box-office/assets/..%2f..%2fsecret.txt',
      'app://box-office/..%5csecret.txt',
      'app://box-office/%00index.html',
      'app://box-office/%E0%A4%A',
      'app://evil/index.html',
      'app://box-office/missing.js',
    ];
    for (const url of urls) {
      const res = await handle(new Request(url));
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('outside');
    }
  });
});
