import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from app://box-office (Electron) or the web shell, both under a strict CSP:
// no inline script or style may end up in the output.
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: true,
  },
});
