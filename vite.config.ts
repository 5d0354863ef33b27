import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress.ts';

// The web app lives in web/; the API runs on :3000 during development (npm run dev). Two pages: the
// office's app (index.html) and the enterprise's light survey page (survey.html).
const page = (name: string) => fileURLToPath(new URL(`web/${name}`, import.meta.url));
export default defineConfig({
  root: 'web',
  plugins: [react(), precompress('survey.html')],
  build: {
    rollupOptions: { input: { main: page('index.html'), survey: page('survey.html') } },
    outDir: 'dist',
    emptyOutDir: true,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
