import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in web/; the API runs on :3000 during development (npm run dev).
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, reportCompressedSize: true, chunkSizeWarningLimit: 1500 },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
