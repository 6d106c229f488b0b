import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { extname, join, sep } from 'node:path';

/**
 * Serves the built web app: hashed assets cached for good, index.html for every
 * other page GET so that client-side routes survive a reload.
 */
export function serveWebApp(app: Express, webDist: string): void {
  const indexHtml = join(webDist, 'index.html');
  if (!existsSync(indexHtml)) {
    app.get('/', (_req, res) => {
      res.status(503).type('text/plain').send('The web app is not built yet: run `pnpm build` (or set FLOWYARD_WEB_DIST).');
    });
    return;
  }
  const assetsDir = join(webDist, 'assets') + sep;
  // Source maps are never served, even from a build that has them: they would hand out the source.
  app.use((req, res, next) => {
    if (req.path.endsWith('.map')) res.status(404).type('text/plain').send('Not found');
    else next();
  });
  app.use(
    express.static(webDist, {
      index: false,
      setHeaders(res, path) {
        if (path.startsWith(assetsDir)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.get('/{*page}', (req, res, next) => {
    // A missing file (it has an extension) is a 404, not the app's page.
    if (req.path.startsWith('/trpc') || extname(req.path) !== '') return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
}
