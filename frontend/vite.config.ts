import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The browser talks only to the gateway; in development this server proxies the gateway's paths so one origin works.
const gateway = process.env.GATEWAY_URL ?? `http://127.0.0.1:${process.env.GATEWAY_PORT ?? 8181}`;
const port = Number(process.env.FRONTEND_PORT ?? 3000);
const repoRoot = path.resolve(import.meta.dirname, '..');

export default defineConfig({
  root: import.meta.dirname,
  envDir: repoRoot,
  plugins: [react()],
  define: {
    // The documented INGEST_POLL_INTERVAL_MS also reaches the browser when no VITE_ override is set.
    __INGEST_POLL_INTERVAL_MS__: JSON.stringify(
      process.env.VITE_INGEST_POLL_INTERVAL_MS || process.env.INGEST_POLL_INTERVAL_MS || '2000',
    ),
  },
  server: {
    host: '127.0.0.1',
    port,
    strictPort: true,
    fs: { allow: [repoRoot] },
    // xfwd: the gateway learns the page's own origin (X-Forwarded-Host), e.g. for the single sign-on callback URL.
    proxy: {
      '/api': { target: gateway, changeOrigin: true, xfwd: true },
      '/v1': { target: gateway, changeOrigin: true, xfwd: true },
      '/ws': { target: gateway, changeOrigin: true, ws: true, xfwd: true },
    },
  },
  preview: { host: '127.0.0.1', port },
  optimizeDeps: {
    entries: ['index.html'],
    include: [
      'react',
      'react-dom/client',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'three',
      '@react-three/fiber',
      '@react-three/drei',
      'framer-motion',
      'recharts',
      'zod',
    ],
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
