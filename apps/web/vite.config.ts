import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    // In development the API runs on its own port; in production one origin serves both.
    // HTTP triggers and the REST API too, so the URLs the canvas shows work against the dev server.
    proxy: {
      '/trpc': { target: 'http://localhost:3000', ws: false },
      '/hooks': { target: 'http://localhost:3000', ws: false },
      '/api': { target: 'http://localhost:3000', ws: false },
    },
  },
  build: { sourcemap: true, chunkSizeWarningLimit: 2000 },
});
