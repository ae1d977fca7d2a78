// Embedding that survives any host page: a hostile host, two forms on a page, removal and
// re-adding, the JS API and events, and a definition full of XSS payloads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, submissions, screenshot, cspViolations, baseUrl } from './browser.mjs';
import { fillDogStep, DOG_STEP_TITLES, DOG_ANSWERS } from './dog.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('every page of the demo server carries a strict Content-Security-Policy', async () => {
  const response = await fetch(new URL('/', baseUrl));
  assert.equal(
    response.headers.get('content-security-policy'),
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
  );
});

test('on a hostile host page (global !important CSS, polluted prototypes) the form is completed', async () => {
  const { context, page, problems } = await open(browser, '/fixtures/hostile.html');
  const form = page.locator('form-lotse');
  for (const [step, title] of DOG_STEP_TITLES.entries()) {
    await form.getByRole('heading', { name: title }).waitFor();
    if (step === 0) {
      // The host's rules do not reach inside: inputs are shown, text keeps its size and colour.
      const look = await form.getByLabel('Vorname').evaluate((input) => {
        const style = getComputedStyle(input);
        return { display: style.display, fontSize: style.fontSize, color: style.color };
      });
      assert.deepEqual(look, { display: 'block', fontSize: '16px', color: 'rgb(23, 26, 31)' });
      await screenshot(page, 'hostile-step-1');
    }
    await fillDogStep(form, step);
    await form.getByRole('button', { name: 'Weiter' }).click();
  }
  await form.getByRole('button', { name: 'Absenden' }).click();
  await form.getByRole('heading', { name: 'Ihr Antrag wurde gesendet' }).waitFor();
  const last = (await submissions()).at(-1);
  assert.deepEqual(last.payload.answers, DOG_ANSWERS);
  assert.deepEqual(problems, []);
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});

test("nothing of the form's CSS changes the host page", async () => {
  const hostStyles = async (path) => {
    const { context, page } = await open(browser, path);
    if (path.includes('no-form')) await page.waitForLoadState('load');
    else await page.locator('form-lotse').getByRole('heading').first().waitFor();
    const styles = await page.evaluate(() =>
      ['host-heading', 'host-text', 'host-input'].map((id) => {
        const s = getComputedStyle(document.getElementById(id));
        return [id, s.fontSize, s.color, s.fontFamily, s.display, s.margin, s.lineHeight];
      }),
    );
    const sheets = await page.evaluate(() => ({
      documentSheets: document.styleSheets.length,
      adopted: document.adoptedStyleSheets.length,
      styleElements: document.querySelectorAll('style').length,
    }));
    await context.close();
    return { styles, sheets };
  };
  const withForm = await hostStyles('/fixtures/hostile.html');
  const withoutForm = await hostStyles('/fixtures/hostile-no-form.html');
  assert.deepEqual(withForm, withoutForm);
});

test('two forms on one page work independently; the script included twice does no harm', async () => {
  const { context, page, problems } = await open(browser, '/fixtures/two-forms.html');
  const first = page.locator('#first');
  const second = page.locator('#second');
  await first.getByLabel('Antwort', { exact: true }).fill('erste Antwort');
  await second.getByLabel('Answer', { exact: true }).fill('second answer');
  await second.getByRole('button', { name: 'Continue' }).click();
  await second.getByRole('button', { name: 'Send' }).click();
  await second.getByRole('heading', { name: 'Your application has been sent' }).waitFor();
  // The first form still holds its own answer and has sent nothing.
  assert.equal(await first.getByLabel('Antwort', { exact: true }).inputValue(), 'erste Antwort');
  let stored = await submissions();
  assert.deepEqual(stored.at(-1).payload.answers, { antwort: 'second answer' });
  assert.equal(stored.at(-1).payload.form, 'inline-form');
  await first.getByRole('button', { name: 'Weiter' }).click();
  await first.getByRole('button', { name: 'Absenden' }).click();
  await first.getByRole('heading', { name: 'Ihr Antrag wurde gesendet' }).waitFor();
  stored = await submissions();
  assert.deepEqual(stored.at(-1).payload.answers, { antwort: 'erste Antwort' });
  assert.equal(stored.at(-1).payload.form, 'ein-feld');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an element removed and re-added works again; a changed src takes effect', async () => {
  const { context, page, problems } = await open(browser, '/fixtures/two-forms.html');
  const first = page.locator('#first');
  await first.getByLabel('Antwort', { exact: true }).waitFor();
  await page.evaluate(() => {
    const element = document.getElementById('first');
    window.__removed = element;
    element.remove();
  });
  assert.equal(await page.locator('#first').count(), 0);
  await page.evaluate(() => document.querySelector('main').append(window.__removed));
  await first.getByLabel('Antwort', { exact: true }).fill('wieder da');
  await first.getByRole('button', { name: 'Weiter' }).click();
  await first.getByRole('button', { name: 'Absenden' }).click();
  await first.getByRole('heading', { name: 'Ihr Antrag wurde gesendet' }).waitFor();
  assert.deepEqual((await submissions()).at(-1).payload.answers, { antwort: 'wieder da' });

  await page.evaluate(() => document.getElementById('first').setAttribute('src', '/fixtures/hund-einfach.json'));
  await first.getByRole('heading', { name: DOG_STEP_TITLES[0] }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('the JS API mounts, resets, unmounts and checks; events tell the host page what happens', async () => {
  const { context, page, problems } = await open(browser, '/fixtures/two-forms.html');
  await page.locator('#first').getByLabel('Antwort', { exact: true }).waitFor();
  const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname));
  assert.ok(!(await fetched()).some((path) => path.includes('formlotse_check')), 'a form alone does not load the authors\' wasm');
  const diagnostics = await page.evaluate(() => window.Formlotse.check('{"formlotse": 1, "id": "x", "titel": "X"}', 'en'));
  assert.ok((await fetched()).some((path) => /\/formlotse_check_bg\.[0-9a-f]{12}\.wasm$/.test(path)), 'check loads it when asked');
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.pointer, d.line, d.column]),
    [['missing_key', '', 1, 1], ['missing_key', '', 1, 1], ['unknown_key', '/titel', 1, 29]],
  );
  assert.match(diagnostics[2].message, /did you mean "title"/);
  assert.deepEqual(await page.evaluate(() => window.Formlotse.check({ formlotse: 1, id: 'a', title: 'A', steps: [{ id: 's', title: 'S', fields: [{ id: 'f', type: 'text', label: 'F' }] }] })), []);

  await page.evaluate(() => {
    window.__events = [];
    for (const name of ['ready', 'step', 'submit', 'submitted', 'error']) {
      document.addEventListener(`formlotse:${name}`, (event) => {
        if (event.target.id === 'api') window.__events.push([name, event.detail]);
      });
    }
    const div = document.createElement('div');
    div.id = 'api';
    document.querySelector('main').append(div);
    window.__handle = window.Formlotse.mount(div, { src: '/fixtures/one-field.json', endpoint: '/api/submissions', lang: 'en' });
  });
  const api = page.locator('#api');
  await api.getByLabel('Antwort', { exact: true }).fill('über die API');
  await page.evaluate(() => window.__handle.reset());
  await api.getByLabel('Antwort', { exact: true }).waitFor();
  assert.equal(await api.getByLabel('Antwort', { exact: true }).inputValue(), '', 'reset clears the answers');
  await api.getByLabel('Antwort', { exact: true }).fill('über die API');
  // `lang: 'en'` asks for English, which this German-only form lacks: all of it is German,
  // not English buttons around German questions.
  assert.equal(await api.locator('.fl-assistant').getAttribute('lang'), 'de');
  await api.getByRole('button', { name: 'Weiter' }).click();
  await api.getByRole('button', { name: 'Absenden' }).click();
  await api.getByRole('heading', { name: 'Ihr Antrag wurde gesendet' }).waitFor();
  const reference = (await submissions()).at(-1).reference;
  const events = await page.evaluate(() => window.__events);
  assert.deepEqual(events, [
    ['ready', { form: 'ein-feld', steps: 1 }],
    ['ready', { form: 'ein-feld', steps: 1 }],
    ['submit', { form: 'ein-feld' }],
    ['submitted', { form: 'ein-feld', reference }],
  ]);
  assert.ok(!JSON.stringify(events).includes('über die API'), 'no personal data in events');
  await page.evaluate(() => window.__handle.unmount());
  assert.equal(await page.evaluate(() => document.getElementById('api').shadowRoot.childElementCount), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Formlotse.mount passes draft and timeout on, like the attributes', async () => {
  const { context, page, problems } = await open(browser, '/fixtures/empty.html');
  await page.evaluate(() => {
    const host = document.createElement('div');
    document.querySelector('main').append(host);
    window.Formlotse.mount(host, { src: '/fixtures/one-field.json', endpoint: '/api/submissions', draft: 'local', timeout: 5 });
  });
  await page.getByLabel('Antwort').fill('bleibt auf dem Gerät');
  await page.waitForFunction(() => localStorage.getItem('formlotse-draft:ein-feld')?.includes('bleibt auf dem Gerät'));
  assert.equal(await page.evaluate(() => sessionStorage.getItem('formlotse-draft:ein-feld')), null, 'local, not the session default');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a definition full of XSS payloads renders them as text and executes nothing', async () => {
  const { context, page, problems } = await open(browser, '/fixtures/xss.html');
  const dialogs = [];
  page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  const unexpected = [];
  const allowed = new Set(['/fixtures/xss.html', '/fixtures/xss.json', '/formlotse/formlotse.js', '/favicon.svg']);
  const runtime = /^\/formlotse\/formlotse_web(_bg)?\.[0-9a-f]{12}\.(js|wasm)$/;
  page.on('request', (request) => {
    const url = new URL(request.url());
    const known = allowed.has(url.pathname) || runtime.test(url.pathname);
    if (url.origin !== new URL(baseUrl).origin || !known) unexpected.push(request.url());
  });
  const form = page.locator('form-lotse');
  await form.getByRole('heading', { name: "<svg onload=alert('step')>" }).waitFor();
  await form.getByText("<script>alert('label')</script>").waitFor();
  await form.getByText("<a href=\"javascript:alert('hint')\">Klick</a>").waitFor();
  await form.getByText("<b onmouseover=alert('option')>fett</b>").hover();
  // Help texts may use the small safe markup: emphasis, lists, http(s)/mailto links; any other
  // link target stays literal text.
  await form.locator('strong', { hasText: 'Sichere' }).waitFor();
  await form.locator('em', { hasText: 'Auszeichnung' }).waitFor();
  const safe = form.getByRole('link', { name: 'Satzung (öffnet in neuem Tab)' });
  assert.equal(await safe.getAttribute('href'), 'https://example.org/satzung.pdf');
  assert.equal(await safe.getAttribute('rel'), 'noopener noreferrer');
  await form.getByText("[Skript](javascript:alert('markup'))").waitFor();
  await form.getByText("[Daten](data:text/html,<script>alert('data')</script>)").waitFor();
  await form.getByText('[Relativ](//evil.example/x)').waitFor();
  await form.getByRole('button', { name: 'Weiter' }).click();
  await form.getByRole('link', { name: "<img src=/x.png onerror=alert('message')>" }).waitFor();
  const injected = await page.evaluate(() => {
    const root = document.querySelector('form-lotse').shadowRoot;
    const links = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    const unexpectedLinks = links.filter((href) => !href.startsWith('#') && href !== 'https://example.org/satzung.pdf');
    return root.querySelectorAll('script, img, svg, iframe, b').length + unexpectedLinks.length;
  });
  assert.equal(injected, 0, 'no element was created from a definition string');
  await page.waitForTimeout(300);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(unexpected, []);
  assert.deepEqual(problems, []);
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});

test('served from another origin: the page elsewhere, script, wasm, definition and endpoint here', async () => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  // A page of another origin (about:blank here) that links everything by absolute URL.
  await page.setContent(`<!doctype html><html lang="de"><head><title>Anderer Ursprung</title>
    <script src="${baseUrl}/formlotse/formlotse.js" defer></script></head>
    <body><main><form-lotse src="${baseUrl}/fixtures/one-field.json" endpoint="${baseUrl}/api/submissions"></form-lotse></main></body></html>`);
  const form = page.locator('form-lotse');
  assert.notEqual(await page.evaluate(() => location.origin), new URL(baseUrl).origin);
  await form.getByLabel('Antwort', { exact: true }).fill('von woanders');
  await form.getByRole('button', { name: 'Weiter' }).click();
  await form.getByRole('button', { name: 'Absenden' }).click();
  await form.getByRole('heading', { name: 'Ihr Antrag wurde gesendet' }).waitFor();
  const last = (await submissions()).at(-1);
  assert.deepEqual(last.payload.answers, { antwort: 'von woanders' });
  assert.match(await form.getByText('Ihr Aktenzeichen').textContent(), new RegExp(last.reference));
  assert.deepEqual(problems, []);
  await context.close();
});
