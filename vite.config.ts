import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './electron/security/csp';

/**
 * The renderer's CSP also as a <meta> tag, from the same constant the app:// protocol and the web
 * shell send as a header: a page opened any other way keeps it, and scanners see it.
 * frame-ancestors only works as a header, so it is left out here.
 */
const cspMeta = (): Plugin => ({
  name: 'box-office-csp-meta',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: {
        'http-equiv': 'Content-Security-Policy',
        content: CONTENT_SECURITY_POLICY.split('; ')
          .filter((d) => !d.startsWith('frame-ancestors'))
          .join('; '),
      },
      injectTo: 'head-prepend',
    },
  ],
});

// Served from app://box-office (Electron) or the web shell, both under a strict CSP:
// no inline script or style may end up in the output.
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react(), cspMeta()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: true,
  },
});
