// A small static server for the benchmark pages. All three systems get the same treatment:
// every file gzip -9 compressed once (what a well-configured server sends; Chromium asks only
// for gzip over plain http), no CSP (the peers set inline styles), and the caching a town's
// server would send (docs/embedding.md): files that never change under their name are kept a
// year (Formlotse's content-hashed runtime files; the peers' files under their pinned npm
// version, as a town would put them under a versioned path), everything else (pages, forms,
// formlotse.js) is revalidated by ETag on every use. Each page load of the benchmark starts
// with an empty cache, except the second page view of the phone profile.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/**
 * The URL prefixes and the folders they serve. `dist` is Formlotse's dist/, `forms` the
 * generated definitions; the peers come from node_modules, never from a CDN.
 */
export function routes({ dist, forms, bench }) {
  const modules = join(bench, 'node_modules');
  return [
    ['/formlotse/', dist],
    ['/forms/', forms],
    ['/pages/', join(bench, 'pages')],
    ['/vendor/survey-core/', join(modules, 'survey-core')],
    ['/vendor/survey-js-ui/', join(modules, 'survey-js-ui')],
    ['/vendor/formio/', join(modules, '@formio', 'js', 'dist')],
  ];
}

/** The file a URL path names, or null (also for paths that climb out of their folder). */
export function fileFor(table, pathname) {
  for (const [prefix, dir] of table) {
    if (!pathname.startsWith(prefix)) continue;
    const file = normalize(join(dir, decodeURIComponent(pathname.slice(prefix.length))));
    return file.startsWith(dir + sep) ? file : null;
  }
  return null;
}

/** A year for what never changes under its name, revalidation for everything else. */
export function cacheControl(pathname) {
  if (pathname.startsWith('/vendor/')) return 'public, max-age=31536000, immutable';
  if (/^\/formlotse\/[^/]+\.[0-9a-f]{12}\.[a-z]+$/.test(pathname)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

/** Starts the server on a free loopback port; resolves to { url, close }. */
export function serve(folders) {
  const table = routes(folders);
  const compressed = new Map();
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url, 'http://127.0.0.1');
    const file = fileFor(table, pathname);
    let body;
    try {
      if (!file || !statSync(file).isFile()) throw new Error('not a file');
      body = readFileSync(file);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const etag = `W/"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    const headers = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': cacheControl(pathname),
      ETag: etag,
      Vary: 'Accept-Encoding',
    };
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers).end();
      return;
    }
    if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      if (!compressed.has(file)) compressed.set(file, gzipSync(body, { level: constants.Z_BEST_COMPRESSION }));
      body = compressed.get(file);
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = body.length;
    response.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, table, close: () => new Promise((done) => server.close(done)) });
    });
  });
}
