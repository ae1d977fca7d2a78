// The benchmark harness that `cargo xtask bench` runs: Formlotse, SurveyJS and Form.io in one
// headless Debian Chromium, the three alternating, each page load in a fresh browser context
// (empty cache, empty storage). It writes raw samples to BENCH_RESULTS; xtask takes the
// medians, sizes the files and writes the report. Timings are measured, never judged here.
//
// The phone profile loads the small and medium forms again on an emulated phone: Chromium's
// network emulation at Lighthouse's "Slow 4G" and its CPU slowed 4×, once with an empty cache
// and once as the second page view of a site (another form's page loaded before, unthrottled).
//
// Environment: BENCH_DIST (Formlotse's dist/), BENCH_FORMS (the generated forms), BENCH_RESULTS
// (where to write), BENCH_RUNS (runs per system and form), CHROMIUM (the browser binary).
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileFor, serve } from './server.mjs';

const bench = dirname(fileURLToPath(import.meta.url));
const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run this through cargo xtask bench)`);
  return value;
};
const FORMS = ['small', 'medium', 'large'];
const SYSTEMS = ['formlotse', 'surveyjs', 'formio'];
const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
  // No name resolves: a page reaching for the internet fails at once (the phone profile cannot
  // use a route to block it: routing turns the HTTP cache off).
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];
/** Lighthouse's mobile profile: "Slow 4G" (1,638.4 kbit/s down, 675 kbit/s up, 150 ms round trip), CPU 4× slower. */
const PHONE = {
  forms: ['small', 'medium'],
  network: { offline: false, latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 },
  cpuSlowdown: 4,
  context: { locale: 'de-DE', viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
};
/** The longest wait for one page state; a large form on a busy two-core machine is slow. */
const PATIENCE_MS = 180_000;

const runs = Number(env('BENCH_RUNS'));
const formsDir = env('BENCH_FORMS');
const server = await serve({ dist: env('BENCH_DIST'), forms: formsDir, bench });
const browser = await chromium.launch({ executablePath: env('CHROMIUM'), headless: true, args: CHROMIUM_FLAGS });
const expectations = Object.fromEntries(
  FORMS.map((form) => [form, JSON.parse(readFileSync(join(formsDir, form, 'expect.json'), 'utf8'))]),
);

const samples = [];
const phone = [];
const files = Object.fromEntries(FORMS.map((form) => [form, {}]));
const failures = new Set();

try {
  // One unmeasured load of each system first, so that no system pays for a cold browser.
  for (const system of SYSTEMS) await measure(system, 'small', 0).catch(() => {});
  for (let run = 1; run <= runs; run++) {
    // Rotate who goes first, so that no system always follows the same one.
    const order = [...SYSTEMS.slice(run % 3), ...SYSTEMS.slice(0, run % 3)];
    for (const form of FORMS) {
      for (const system of order) {
        const started = Date.now();
        let sample;
        try {
          sample = await measure(system, form, run);
        } catch (error) {
          failures.add(`${system}, ${form}, run ${run}: ${error.message.split('\n')[0]}`);
          sample = { form, system, run };
        }
        samples.push(sample);
        console.log(`run ${run}/${runs} ${form} ${system}: ${describe(sample)} (${Date.now() - started} ms)`);
      }
    }
  }
  for (let run = 1; run <= runs; run++) {
    const order = [...SYSTEMS.slice(run % 3), ...SYSTEMS.slice(0, run % 3)];
    for (const form of PHONE.forms) {
      for (const cache of ['cold', 'warm']) {
        for (const system of order) {
          let sample;
          try {
            sample = await measurePhone(system, form, cache, run);
          } catch (error) {
            failures.add(`phone: ${system}, ${form}, ${cache} cache, run ${run}: ${error.message.split('\n')[0]}`);
            sample = { form, system, run, cache };
          }
          phone.push(sample);
          console.log(`phone run ${run}/${runs} ${form} ${cache} ${system}: ${describePhone(sample)}`);
        }
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}

writeFileSync(
  env('BENCH_RESULTS'),
  JSON.stringify({
    chromium: `Chromium ${browser.version()}`, runs, samples, files,
    phone: { network: PHONE.network, cpuSlowdown: PHONE.cpuSlowdown, samples: phone },
    failures: [...failures],
  }, null, 1),
);

/**
 * One page load: first field interactive, memory after render, the equivalence checks, then
 * keystroke to error and step change. Run 0 is the warm-up and checks nothing.
 */
async function measure(system, form, run) {
  const expect = expectations[form];
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript({ path: join(bench, 'probe.js') });
    // Only loopback: a page reaching for the internet is blocked and reported.
    await context.route((url) => !url.href.startsWith(server.url), (route) => {
      if (run > 0) failures.add(`${system}: blocked a request to ${route.request().url()}`);
      return route.abort();
    });
    const page = await context.newPage();
    const loaded = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (!url.href.startsWith(server.url)) return;
      if (response.status() !== 200) failures.add(`${system}, ${form}: HTTP ${response.status()} for ${url.pathname}`);
      else loaded.push(fileFor(server.table, url.pathname));
    });
    page.on('pageerror', (error) => run > 0 && failures.add(`${system}, ${form}: page error: ${error.message}`));

    await page.goto(`${server.url}/pages/${system}.html?form=${form}`);
    const interactiveMs = await inPage(page, () => window.__bench.interactive);
    await inPage(page, () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

    // Memory after render: the JS heap after a forced collection, plus the wasm memory.
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize: jsHeapBytes } = await cdp.send('Runtime.getHeapUsage');
    const wasmBytes = await inPage(page, () => window.__bench.wasmBytes());

    if (run > 0) await checkFirstStep(page, system, form, expect);

    // Next with the probe empty shows "required"; one digit then turns it into the pattern
    // error: the same protocol for all three (Formlotse checks as one types only once a field
    // shows an error, the GOV.UK pattern).
    await click(page, () => window.__bench.next());
    await waitUntil(page, ([id, text]) => window.__bench.hasText(id, text), [expect.probe, expect.requiredMessage]);
    await inPage(page, (id) => window.__bench.input(id).focus(), expect.probe);
    await inPage(page, (until) => window.__bench.arm(until), { error: [expect.probe, expect.patternMessage] });
    await page.keyboard.press('1');
    const keystrokeMs = await inPage(page, () => window.__bench.result());

    // A valid answer, then Next: until the next step's first input is shown.
    await page.keyboard.type('2345');
    await waitUntil(page, ([id, text]) => !window.__bench.hasText(id, text), [expect.probe, expect.patternMessage]);
    await inPage(page, (until) => window.__bench.arm(until), { field: expect.secondStepFirst });
    await click(page, () => window.__bench.next());
    const stepMs = await inPage(page, () => window.__bench.result());

    files[form][system] ??= [...new Set(loaded)];
    return { form, system, run, interactiveMs, keystrokeMs, stepMs, jsHeapBytes, wasmBytes };
  } finally {
    await context.close();
  }
}

/**
 * One page load on the emulated phone: first field interactive, the sequential round trips
 * before it, and what went over the wire. `warm`: the second page view of the site, another
 * form's page loaded before in the same context (same HTTP cache).
 */
async function measurePhone(system, form, cache, run) {
  const context = await browser.newContext(PHONE.context);
  try {
    await context.addInitScript({ path: join(bench, 'probe.js') });
    const page = await context.newPage();
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) {
        failures.add(`phone: ${system} requested ${request.url()}`);
      }
    });
    page.on('pageerror', (error) => failures.add(`phone: ${system}, ${form}: page error: ${error.message}`));
    if (cache === 'warm') {
      const other = PHONE.forms.find((name) => name !== form);
      await page.goto(`${server.url}/pages/${system}.html?form=${other}`);
      await inPage(page, () => window.__bench.interactive);
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', PHONE.network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
    await page.goto(`${server.url}/pages/${system}.html?form=${form}`);
    const interactiveMs = await inPage(page, () => window.__bench.interactive);
    const roundTrips = await inPage(page, (until) => window.__bench.roundTrips(until), interactiveMs);
    const wire = await inPage(page, (until) => window.__bench.transferred(until), interactiveMs);
    const formArrivedMs = await inPage(page, () => window.__bench.formArrived());
    return {
      form, system, run, cache, interactiveMs, roundTrips, formArrivedMs,
      transferredBytes: wire.bytes, runtimeBytes: wire.runtimeBytes, runtimeFiles: wire.runtimeFiles,
    };
  } finally {
    await context.close();
  }
}

/** The spec's first step as each system shows it: the same fields shown, the same hidden. */
async function checkFirstStep(page, system, form, expect) {
  const shown = await inPage(page, (ids) => window.__bench.shown(ids), expect.firstStepVisible);
  if (shown !== expect.firstStepVisible.length) {
    failures.add(`${system}, ${form}: ${shown} of the ${expect.firstStepVisible.length} fields that should show on step 1 show`);
  }
  const hidden = await inPage(page, (ids) => window.__bench.shown(ids), expect.firstStepHidden);
  if (hidden !== 0) {
    failures.add(`${system}, ${form}: ${hidden} of the ${expect.firstStepHidden.length} fields hidden by conditions show`);
  }
}

/** Clicks the element `find` returns in the page, as a person would (scrolled into view). */
async function click(page, find) {
  const handle = await page.evaluateHandle(find);
  const element = handle.asElement();
  if (!element) throw new Error('the element to click is not there');
  await element.click({ timeout: PATIENCE_MS });
}

/** Evaluates in the page, failing after PATIENCE_MS instead of hanging. */
async function inPage(page, fn, arg) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the page within ${PATIENCE_MS} ms`)), PATIENCE_MS);
  });
  try {
    return await Promise.race([page.evaluate(fn, arg), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function waitUntil(page, fn, arg) {
  await page.waitForFunction(fn, arg, { timeout: PATIENCE_MS, polling: 'raf' });
}

function describePhone(sample) {
  if (sample.interactiveMs === undefined) return 'failed';
  return `interactive ${sample.interactiveMs.toFixed(0)} ms, ${sample.roundTrips} round trips, ` +
    `${(sample.transferredBytes / 1000).toFixed(1)} kB over the wire (runtime ${(sample.runtimeBytes / 1000).toFixed(1)} kB)`;
}

function describe(sample) {
  const ms = (v) => (v === undefined ? '–' : `${v.toFixed(1)} ms`);
  const mb = (v) => (v === undefined ? '–' : `${(v / 1e6).toFixed(1)} MB`);
  return `interactive ${ms(sample.interactiveMs)}, keystroke ${ms(sample.keystrokeMs)}, step ${ms(sample.stepMs)}, ` +
    `heap ${mb(sample.jsHeapBytes)}, wasm ${mb(sample.wasmBytes)}`;
}
