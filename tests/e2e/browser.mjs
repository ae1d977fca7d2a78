// Shared set-up of the browser tests: Debian's Chromium driven by playwright-core, against the
// demo server that `cargo xtask test` started (FORMLOTSE_URL).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const baseUrl = process.env.FORMLOTSE_URL ?? 'http://127.0.0.1:8080';
export const artifacts = process.env.FORMLOTSE_ARTIFACTS ?? join(process.cwd(), '..', 'target', 'e2e', 'artifacts');

const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** Starts headless Chromium. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
  });
}

/**
 * Opens `path` of the demo server in a fresh context. Collects uncaught page errors and
 * console errors, so a test can assert that a page ran clean.
 */
export async function open(browser, path, options = {}) {
  const context = await browser.newContext({ locale: 'de-DE', ...options });
  // Every Content-Security-Policy violation the page reports is a failure of the product.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective}: ${event.blockedURI || event.sample}`);
    });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(new URL(path, baseUrl).href);
  return { context, page, problems };
}

/**
 * Opens the empty fixture page with `options` (viewport, …) and mounts a `<form-lotse>` with
 * `attributes` (src, endpoint, draft, …) into it; waits until `heading` shows.
 */
export async function mountFixture(browser, attributes, heading, options = {}) {
  const opened = await open(browser, '/fixtures/empty.html', options);
  await opened.page.evaluate((attributes) => {
    const element = document.createElement('form-lotse');
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    document.querySelector('main').append(element);
  }, attributes);
  const form = opened.page.locator('form-lotse');
  await form.getByRole('heading', { name: heading }).waitFor();
  return { ...opened, form };
}

/** Every submission the demo receiver stored, oldest first. */
export async function submissions() {
  const response = await fetch(new URL('/api/submissions', baseUrl));
  if (!response.ok) throw new Error(`GET /api/submissions: HTTP ${response.status}`);
  return response.json();
}

/** Saves a screenshot under target/e2e/artifacts for a person to look at. */
export async function screenshot(page, name) {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/** CSP violations the page reported so far. */
export async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations ?? ['no CSP listener']);
}
