// Loading on a slow connection (issue 19): no request waits for another, the documented head
// lines cause no second download, and a second page of the town's site downloads no runtime.
// Timings come from the browser's own request log (Resource Timing), on a connection slowed
// by Chromium's network emulation so that "before" cannot happen by accident on loopback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, baseUrl } from './browser.mjs';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { request as httpRequest } from 'node:http';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** 150 ms for every request, as on a phone ("Slow 4G"), bandwidth unlimited. */
const LATENCY_MS = 150;

/** A fresh context and page on a slow connection; page errors and console errors collected. */
async function slowPage() {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || /preload/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: LATENCY_MS, downloadThroughput: -1, uploadThroughput: -1,
  });
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  return { context, page, problems, requested };
}

/** The page's request log: one entry per resource, by path, with start and end in ms. */
async function requestLog(page) {
  return page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => ({
      path: new URL(entry.name).pathname,
      start: entry.startTime,
      end: entry.responseEnd,
      transferred: entry.transferSize,
    })),
  );
}

const GLUE = /^\/formlotse\/formlotse_web\.[0-9a-f]{12}\.js$/;
const WASM = /^\/formlotse\/formlotse_web_bg\.[0-9a-f]{12}\.wasm$/;

function only(log, pattern) {
  const entries = log.filter((entry) => (typeof pattern === 'string' ? entry.path === pattern : pattern.test(entry.path)));
  assert.equal(entries.length, 1, `one request for ${pattern}: ${JSON.stringify(log.map((e) => e.path))}`);
  return entries[0];
}

test('the definition and the wasm are requested before the glue module has finished loading', async () => {
  const { context, page, problems, requested } = await slowPage();
  await page.goto(new URL('/fixtures/hund-einfach.html', baseUrl).href);
  await page.locator('form-lotse').getByLabel('Vorname').waitFor();
  const log = await requestLog(page);
  const glue = only(log, GLUE);
  const wasm = only(log, WASM);
  const definition = only(log, '/fixtures/hund-einfach.json');
  assert.ok(wasm.start < glue.end, `wasm requested at ${wasm.start} ms, glue loaded at ${glue.end} ms`);
  assert.ok(definition.start < glue.end, `definition requested at ${definition.start} ms, glue loaded at ${glue.end} ms`);
  // All three side by side: none started a round trip after another had ended.
  const starts = [glue.start, wasm.start, definition.start];
  assert.ok(Math.max(...starts) - Math.min(...starts) < LATENCY_MS, `starts ${starts.join(', ')} ms`);
  // The app took the loader's request over instead of fetching the definition again.
  assert.equal(requested.filter((path) => path === '/fixtures/hund-einfach.json').length, 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the documented head lines start the downloads early and cause no second download', async () => {
  const { context, page, problems, requested } = await slowPage();
  // The lines of this release (dist/formlotse.preload.html) and the definition's line, as
  // docs/embedding.md tells a webmaster to put them into the page head.
  const lines = await (await fetch(new URL('/formlotse/formlotse.preload.html', baseUrl))).text();
  assert.match(lines, /rel="modulepreload"/);
  assert.match(lines, /rel="preload" href="\/formlotse\/formlotse_web_bg\.[0-9a-f]{12}\.wasm" as="fetch" crossorigin/);
  const pageUrl = new URL('/fixtures/preloaded.html', baseUrl).href;
  await page.route(pageUrl, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Vorgeladen</title>
      <link rel="icon" href="/favicon.svg">
      ${lines}
      <link rel="preload" href="/fixtures/one-field.json" as="fetch" crossorigin>
      <script src="/formlotse/formlotse.js" defer></script></head>
      <body><main><form-lotse src="/fixtures/one-field.json" endpoint="/api/submissions"></form-lotse></main></body></html>`,
  }));
  await page.goto(pageUrl);
  await page.locator('form-lotse').getByLabel('Antwort', { exact: true }).waitFor();
  // Give an unused preload time to be reported, and a late second request time to start.
  await page.waitForTimeout(500);
  const log = await requestLog(page);
  const loader = only(log, '/formlotse/formlotse.js');
  for (const pattern of [GLUE, WASM, '/fixtures/one-field.json']) {
    const entry = only(log, pattern);
    assert.ok(entry.start < loader.end, `${pattern} requested at ${entry.start} ms, before the loader ran (${loader.end} ms)`);
    assert.equal(requested.filter((path) => (typeof pattern === 'string' ? path === pattern : pattern.test(path))).length, 1,
      `${pattern} downloaded once`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a second page of the site downloads no runtime: hashed files are immutable, the loader is revalidated', async () => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  const headers = new Map();
  page.on('response', (response) => headers.set(new URL(response.url()).pathname, response.headers()['cache-control']));
  await page.goto(new URL('/fixtures/hund-einfach.html', baseUrl).href);
  await page.locator('form-lotse').getByLabel('Vorname').waitFor();
  const first = await requestLog(page);
  const glue = only(first, GLUE).path;
  const wasm = only(first, WASM).path;
  assert.equal(headers.get(glue), 'public, max-age=31536000, immutable');
  assert.equal(headers.get(wasm), 'public, max-age=31536000, immutable');
  assert.equal(headers.get('/formlotse/formlotse.js'), 'no-cache');

  // Another form on another page of the same site.
  await page.goto(new URL('/fixtures/empty.html', baseUrl).href);
  await page.evaluate(() => {
    const element = document.createElement('form-lotse');
    element.setAttribute('src', '/fixtures/one-field.json');
    element.setAttribute('endpoint', '/api/submissions');
    document.querySelector('main').append(element);
  });
  await page.locator('form-lotse').getByLabel('Antwort', { exact: true }).waitFor();
  const second = await requestLog(page);
  assert.equal(only(second, glue).transferred, 0, 'the glue came from the cache, unasked');
  assert.equal(only(second, wasm).transferred, 0, 'the wasm came from the cache, unasked');
  await context.close();
});

/** GET `path` from the demo with exactly `encoding` accepted: status, headers and raw body. */
function getRaw(path, encoding) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, baseUrl), { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('the runtime files are sent precompressed, and each copy is the file itself', async () => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  const encodings = new Map();
  page.on('response', (response) => encodings.set(new URL(response.url()).pathname, response.headers()));
  await page.goto(new URL('/fixtures/hund-einfach.html', baseUrl).href);
  await page.locator('form-lotse').getByLabel('Vorname').waitFor();
  const log = await requestLog(page);
  const files = ['/formlotse/formlotse.js', only(log, GLUE).path, only(log, WASM).path];
  await context.close();

  for (const path of files) {
    // Chromium accepts brotli only over HTTPS; on this plain-HTTP test server it gets the .gz.
    assert.match(encodings.get(path)['content-encoding'] ?? '', /^(gzip|br)$/, `${path} compressed for the browser`);
    assert.match(encodings.get(path).vary ?? '', /\baccept-encoding\b/, path);
    const plain = await getRaw(path, 'identity');
    assert.equal(plain.status, 200, path);
    assert.equal(plain.headers['content-encoding'], undefined, `${path} plain when nothing else is accepted`);
    const gzip = await getRaw(path, 'gzip');
    assert.equal(gzip.headers['content-encoding'], 'gzip', path);
    assert.ok(gzip.body.length < plain.body.length / 2, `${path}: ${gzip.body.length} of ${plain.body.length} bytes`);
    assert.ok(gunzipSync(gzip.body).equals(plain.body), `${path}.gz holds the file`);
    const brotli = await getRaw(path, 'br');
    assert.equal(brotli.headers['content-encoding'], 'br', path);
    assert.ok(brotliDecompressSync(brotli.body).equals(plain.body), `${path}.br holds the file`);
    assert.ok(brotli.body.length < gzip.body.length, path);
  }
});

test('a runtime that cannot be loaded is said in the element, once per element, with no unhandled error', async () => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  const pageUrl = new URL('/fixtures/no-runtime.html', baseUrl).href;
  await page.route(pageUrl, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Ohne Laufzeit</title>
      <link rel="icon" href="/favicon.svg">
      <script src="/formlotse/formlotse.js" data-base-url="/gibt-es-nicht/" defer></script></head>
      <body><main><form-lotse src="/fixtures/one-field.json" endpoint="/api/submissions"></form-lotse></main></body></html>`,
  }));
  await page.addInitScript(() => {
    window.__errors = [];
    document.addEventListener('formlotse:error', (event) => window.__errors.push(event.detail.code));
  });
  await page.goto(pageUrl);
  await page.locator('form-lotse').getByRole('alert').getByText('Das Formular konnte nicht geladen werden.').waitFor();
  assert.match(await page.locator('form-lotse').getByRole('alert').textContent(), /Laufzeit nicht geladen von .*\/gibt-es-nicht\//);
  assert.deepEqual(await page.evaluate(() => window.__errors), ['runtime_failed']);
  assert.deepEqual(problems, []);
  await context.close();
});
