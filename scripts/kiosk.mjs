#!/usr/bin/env node
// `npm run kiosk`: the web shell in kiosk mode inside a full-screen Chromium (see docs/KIOSK.md).
// The browser is BOX_OFFICE_KIOSK_BROWSER, or chromium. Data folder and terminal name as for `npm start`.
import path from 'node:path';
import { superviseKiosk } from './kiosk-supervisor.mjs';
import { ensureNativeFor } from './native-abi.mjs';
import { ensureBuild, ensureNpmDependencies, ensureSystemPackages, root, TEST_PACKAGES } from './setup.mjs';
import { ensureSupportedNode } from './node-runtime.mjs';

// Before anything else: on another Node major this runs the script again on the pinned Node 24.
ensureSupportedNode();

ensureSystemPackages(TEST_PACKAGES); // the runtime packages plus chromium
ensureNpmDependencies();
await ensureBuild();
ensureNativeFor('node');
const code = await superviseKiosk({
  node: process.execPath,
  webShell: path.join(root, 'dist', 'electron', 'web-shell.cjs'),
  browser: process.env.BOX_OFFICE_KIOSK_BROWSER ?? 'chromium',
});
process.exit(code);
