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
      '/inbound': { target: 'http://localhost:3000', ws: false },
      '/api': { target: 'http://localhost:3000', ws: false },
    },
  },
  // No source maps in production builds: the server would hand out the app's source (and it refuses `.map` anyway).
  build: { sourcemap: false, chunkSizeWarningLimit: 2000 },
});
