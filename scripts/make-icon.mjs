#!/usr/bin/env node
// Renders build/icon.png (1024×1024) from the ticket mark in Chromium; electron-builder derives .ico and .icns from it.
import path from 'node:path';
import { chromium } from 'playwright-core';
import { root } from './setup.mjs';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="1024" height="1024">
  <rect width="24" height="24" rx="5" fill="#f2a900"/>
  <g transform="translate(2.4 2.4) scale(0.8)">
    <path d="M3 7a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v2.2a2.8 2.8 0 0 0 0 5.6V17a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-2.2a2.8 2.8 0 0 0 0-5.6z" fill="#14213d"/>
    <path d="M15 6.5v11" stroke="#f2a900" stroke-width="1.6" stroke-dasharray="1.6 1.6"/>
  </g></svg>`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.screenshot({ path: path.join(root, 'build', 'icon.png'), omitBackground: true });
await browser.close();
console.log('Wrote build/icon.png');
