#!/usr/bin/env node
// Writes docs/API.md from the contract (bundles the TypeScript renderer with esbuild, then runs it).
import { build } from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { root } from './setup.mjs';

const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'api-docs-')), 'render.cjs');
await build({ entryPoints: [path.join(root, 'scripts/api-docs/render.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
const { renderApiDocs } = createRequire(import.meta.url)(out);
fs.writeFileSync(path.join(root, 'docs', 'API.md'), renderApiDocs());
console.log('Wrote docs/API.md');
