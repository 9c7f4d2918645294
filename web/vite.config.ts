/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The backend the dev server forwards to (`npm run dev`); the server's default port.
const backend = process.env.CHILLIN_BACKEND ?? 'http://localhost:5000';

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    // Maven packages target/classes into the jar; the server serves the classpath folder /chillin-web at /.
    outDir: 'target/classes/chillin-web',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // Port 3000 is in the server's default CLIENT_ORIGIN, so the proxied WebSocket upgrade is accepted.
    port: 3000,
    strictPort: true,
    proxy: {
      '/api': { target: backend },
      '/health': { target: backend },
      '/ws': { target: backend.replace(/^http/, 'ws'), ws: true },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
