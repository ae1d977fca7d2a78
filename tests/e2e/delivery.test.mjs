// Delivering exactly once: retries with one Idempotency-Key, a clear "Erneut versuchen" when
// they run out, and a receiver's refusal shown at its fields. The demo server's fault routes
// (/api/lost/N, /api/unavailable/N) fail for real over HTTP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { launch, open, submissions, screenshot, baseUrl } from './browser.mjs';
import { assertAccessible } from './axe.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function answerAndReview(form, answer) {
  await form.getByLabel('Antwort', { exact: true }).fill(answer);
  await form.getByRole('button', { name: 'Weiter' }).click();
  await form.getByRole('heading', { name: 'Ihre Angaben prüfen' }).waitFor();
}

test('a lost answer is retried with the same key: the receipt comes, the application is stored once', async () => {
  const { context, page, problems } = await open(browser, '/fixtures/delivery-lost.html');
  const form = page.locator('form-lotse');
  const keys = [];
  page.on('request', (request) => { if (request.method() === 'POST') keys.push(request.headers()['idempotency-key']); });
  await answerAndReview(form, 'einmal');
  const before = (await submissions()).length;
  await form.getByRole('button', { name: 'Absenden' }).click();
  await form.getByText(/Neuer Versuch in 1 Sekunde/).waitFor();
  await form.getByRole('heading', { name: 'Ihr Antrag wurde gesendet' }).waitFor();
  const stored = await submissions();
  assert.equal(stored.length, before + 1, 'stored exactly once');
  assert.deepEqual(stored.at(-1).payload.answers, { antwort: 'einmal' });
  assert.match(await form.getByText('Ihr Aktenzeichen').textContent(), new RegExp(stored.at(-1).reference));
  assert.equal(keys.length, 2);
  assert.match(keys[0], /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(keys[1], keys[0], 'the retry carries the same Idempotency-Key');
  assert.deepEqual(problems.filter((p) => !p.includes('503')), []);
  await context.close();
});

test('when the retries run out, the citizen keeps every answer and can try again', async () => {
  const { context, page } = await open(browser, '/fixtures/delivery-unavailable.html');
  const form = page.locator('form-lotse');
  const posts = [];
  page.on('request', (request) => { if (request.method() === 'POST') posts.push(request.headers()['idempotency-key']); });
  await answerAndReview(form, 'geduldig');
  const before = (await submissions()).length;
  await form.getByRole('button', { name: 'Absenden' }).click();
  const alert = form.getByRole('alert');
  await alert.getByText('Ihr Antrag konnte nicht gesendet werden. Ihre Angaben sind erhalten.', { exact: false }).waitFor({ timeout: 20_000 });
  assert.match(await alert.textContent(), /Antwort des Servers: HTTP 503/, "the status in the catalog's words");
  assert.equal(posts.length, 4, 'four requests, then the citizen decides');
  await screenshot(page, 'delivery-gave-up');
  await assertAccessible(page, 'after the retries ran out');
  assert.ok(await form.getByText('geduldig').isVisible(), 'the review still shows the answer');
  await alert.getByRole('button', { name: 'Erneut versuchen' }).click();
  await form.getByText(/Neuer Versuch in/).waitFor();
  assert.equal(new Set(posts).size, 1, 'every request of this submission has one key');
  assert.equal((await submissions()).length, before);
  await context.close();
});

test("a refusal with field errors shows the receiver's words at the field; fixing it sends", async () => {
  const { context, page } = await open(browser, '/fixtures/delivery-refused.html');
  const form = page.locator('form-lotse');
  await form.getByLabel('Name').fill('Erika');
  await form.getByLabel('Postleitzahl').fill('ABC');
  await form.getByRole('button', { name: 'Weiter' }).click();
  await form.getByRole('button', { name: 'Absenden' }).click();
  await form.getByRole('heading', { name: 'Es gibt ein Problem' }).waitFor();
  const alert = form.getByRole('alert').filter({ hasText: 'nicht angenommen' });
  assert.match(await alert.textContent(), /HTTP 422/);
  const plz = form.getByLabel('Postleitzahl');
  assert.equal(await plz.getAttribute('aria-invalid'), 'true');
  const message = form.locator(`[id="${(await plz.getAttribute('aria-describedby')).split(' ').at(-1)}"]`);
  assert.match(await message.textContent(), /Postleitzahl/);
  await screenshot(page, 'delivery-refused');
  await assertAccessible(page, 'with a refusal at its field');
  await plz.fill('10557');
  await form.getByRole('button', { name: 'Weiter' }).click();
  await form.getByRole('heading', { name: 'Ihre Angaben prüfen' }).waitFor();
  await form.getByRole('button', { name: 'Absenden' }).click();
  await form.getByRole('heading', { name: 'Ihr Antrag wurde gesendet' }).waitFor();
  assert.deepEqual((await submissions()).at(-1).payload.answers, { name: 'Erika', plz: '10557' });
  await context.close();
});

/** Opens the empty fixture and adds a one-field form posting to `endpoint`. */
async function oneField(endpoint, attributes = {}) {
  const opened = await open(browser, '/fixtures/empty.html');
  await opened.page.evaluate(([endpoint, attributes]) => {
    const element = document.createElement('form-lotse');
    element.setAttribute('src', '/fixtures/one-field.json');
    element.setAttribute('endpoint', endpoint);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    document.querySelector('main').append(element);
  }, [endpoint, attributes]);
  return { ...opened, form: opened.page.locator('form-lotse') };
}

/** Waits for the receipt; asserts that exactly one new submission holds `answer`. */
async function assertDeliveredOnce(form, before, answer) {
  await form.getByRole('heading', { name: 'Ihr Antrag wurde gesendet' }).waitFor({ timeout: 30_000 });
  const stored = await submissions();
  assert.equal(stored.length, before + 1, 'exactly one stored submission');
  assert.deepEqual(stored.at(-1).payload.answers, { antwort: answer });
  assert.match(await form.getByText('Ihr Aktenzeichen').textContent(), new RegExp(stored.at(-1).reference));
}

for (const fault of ['500', '429', 'drop']) {
  test(`fault ${fault}: retried until delivered, stored once`, async () => {
    const { context, form } = await oneField(`/api/faults/${fault}/2/submissions`);
    await answerAndReview(form, `trotz ${fault}`);
    const before = (await submissions()).length;
    await form.getByRole('button', { name: 'Absenden' }).click();
    await assertDeliveredOnce(form, before, `trotz ${fault}`);
    await context.close();
  });
}

test('a response slower than the timeout is aborted and retried; the late original is not stored twice', async () => {
  const { context, page, form } = await oneField('/api/faults/slow/1/submissions', { timeout: '2' });
  await answerAndReview(form, 'langsam');
  const before = (await submissions()).length;
  await form.getByRole('button', { name: 'Absenden' }).click();
  await form.getByText(/Neuer Versuch in/).waitFor();
  await assertDeliveredOnce(form, before, 'langsam');
  await page.waitForTimeout(4_000); // the server finishes the first, aborted request
  assert.equal((await submissions()).length, before + 1, 'still exactly one');
  await context.close();
});

test('offline while sending, then online: delivered once', async () => {
  const { context, form } = await oneField('/api/submissions');
  await answerAndReview(form, 'Funkloch');
  const before = (await submissions()).length;
  await context.setOffline(true);
  await form.getByRole('button', { name: 'Absenden' }).click();
  await form.getByText(/Neuer Versuch in/).waitFor();
  await context.setOffline(false);
  await assertDeliveredOnce(form, before, 'Funkloch');
  await context.close();
});

test('a double click (and a third) sends once', async () => {
  const { context, page, form } = await oneField('/api/submissions');
  await answerAndReview(form, 'doppelt');
  const before = (await submissions()).length;
  let posts = 0;
  page.on('request', (request) => { if (request.method() === 'POST') posts += 1; });
  await form.getByRole('button', { name: 'Absenden' }).evaluate((button) => { button.click(); button.click(); button.click(); });
  await assertDeliveredOnce(form, before, 'doppelt');
  assert.equal(posts, 1);
  await context.close();
});

test('a reload while sending comes back to the review; sending again is stored once', async () => {
  const { context, page } = await open(browser, '/fixtures/delivery-slow.html');
  const form = page.locator('form-lotse');
  await answerAndReview(form, 'neu geladen');
  const before = (await submissions()).length;
  await form.getByRole('button', { name: 'Absenden' }).click();
  await form.getByText('Ihr Antrag wird gesendet …').waitFor();
  await page.reload();
  await form.getByText(/als die Seite neu geladen wurde/).waitFor();
  await form.getByRole('heading', { name: 'Ihre Angaben prüfen' }).waitFor();
  assert.ok(await form.getByText('neu geladen', { exact: true }).isVisible());
  await form.getByRole('button', { name: 'Absenden' }).click();
  await assertDeliveredOnce(form, before, 'neu geladen');
  await page.waitForTimeout(5_500); // the first request, cut off by the reload, completes on the server
  assert.equal((await submissions()).length, before + 1, 'still exactly one');
  await context.close();
});

test('files go as multipart with a SHA-256 each, survive a retry, and arrive intact', async () => {
  const { context, page } = await open(browser, '/fixtures/delivery-files.html');
  const form = page.locator('form-lotse');
  const pdf = Buffer.from('%PDF-1.4\n% Lageplan Marktplatz 1\n');
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  await form.getByLabel('Ort der Nutzung').fill('Marktplatz 1');
  await form.getByLabel('Lageplan', { exact: true }).setInputFiles([
    { name: 'lageplan.pdf', mimeType: 'application/pdf', buffer: pdf },
    { name: 'foto.png', mimeType: 'image/png', buffer: png },
  ]);
  await form.getByRole('button', { name: 'Weiter' }).click();
  await form.getByRole('heading', { name: 'Ihre Angaben prüfen' }).waitFor();
  const contentTypes = [];
  page.on('request', (request) => { if (request.method() === 'POST') contentTypes.push(request.headers()['content-type']); });
  await form.getByRole('button', { name: 'Absenden' }).click();
  await form.getByRole('heading', { name: 'Ihr Antrag wurde gesendet' }).waitFor();
  assert.equal(contentTypes.length, 2, 'one 503, one retry');
  assert.ok(contentTypes.every((type) => type.startsWith('multipart/form-data; boundary=')));
  const last = (await submissions()).at(-1);
  const sha = (buffer) => createHash('sha256').update(buffer).digest('hex');
  assert.match(last.payload.submittedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.deepEqual(last.payload.attachments.map(({ id, field, name, type, size, sha256 }) => [id, field, name, type, size, sha256]), [
    ['f1', 'plan', 'lageplan.pdf', 'application/pdf', pdf.length, sha(pdf)],
    ['f2', 'plan', 'foto.png', 'image/png', png.length, sha(png)],
  ]);
  assert.deepEqual(last.payload.answers.plan.map((file) => file.id), ['f1', 'f2']);
  for (const [id, buffer] of [['f1', pdf], ['f2', png]]) {
    const response = await fetch(new URL(`/api/submissions/${last.reference}/attachments/${id}`, baseUrl));
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), buffer);
  }
  await context.close();
});
