import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Headers for the browser build: cross-origin isolation for workers that share memory. */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // The app, and the print page every board pack is rendered on.
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        pack: fileURLToPath(new URL('./pack.html', import.meta.url)),
      },
    },
  },
  server: { host: '127.0.0.1', port: 5180, headers: ISOLATION_HEADERS },
  preview: { host: '127.0.0.1', port: 5180, strictPort: true, headers: ISOLATION_HEADERS },
});
