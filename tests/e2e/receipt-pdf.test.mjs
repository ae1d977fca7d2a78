// The citizen's PDF on the receipt page: the receiver's 201 carries a link with a token (the
// demo receives through formlotse-server), the runtime offers it as "Antrag als PDF
// herunterladen", and clicking it downloads the application as a PDF while the receipt stays.
// A second click within the link's window downloads again (docs/operating.md).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, open, submissions, screenshot, baseUrl } from './browser.mjs';
import { assertAccessible } from './axe.mjs';
import { DOG_PAGE, fillDogStep } from './dog.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Clicks `link` and returns the download's suggested name and its bytes. */
async function download(page, link) {
  const started = page.waitForEvent('download');
  await link.click();
  const file = await started;
  assert.equal(await file.failure(), null, 'the download completed');
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test('the receipt offers the application as a PDF; it downloads, twice, and the receipt stays', async () => {
  const { context, page, problems } = await open(browser, DOG_PAGE, { acceptDownloads: true });
  const form = page.locator('form-lotse');
  for (const step of [0, 1, 2]) {
    await fillDogStep(form, step);
    await form.getByRole('button', { name: 'Weiter' }).click();
  }
  await form.getByRole('button', { name: 'Absenden' }).click();
  const heading = form.getByRole('heading', { name: 'Ihr Antrag wurde gesendet' });
  await heading.waitFor();
  const reference = (await submissions()).at(-1).reference;

  const link = form.getByRole('link', { name: 'Antrag als PDF herunterladen' });
  const href = await link.evaluate((a) => a.href);
  assert.match(href, new RegExp(`^${baseUrl}/api/v1/receipts/${reference}\\?token=[0-9a-f]{32}$`),
    'resolved against the endpoint, with its token');
  await assertAccessible(page, 'the receipt with its PDF link');
  await screenshot(page, 'receipt-pdf');

  for (const click of ['first', 'second']) {
    const { name, bytes } = await download(page, link);
    assert.equal(name, `antrag-${reference}.pdf`, `${click} click: named by the server's Content-Disposition`);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-', `${click} click: a PDF`);
    assert.ok(await heading.isVisible(), `the receipt is still shown after the ${click} click`);
    assert.match(await form.getByText('Ihr Aktenzeichen').textContent(), new RegExp(reference));
    assert.equal(new URL(page.url()).pathname, DOG_PAGE, 'the page did not navigate');
  }
  // What the link answers (a download is no page response playwright can inspect).
  const response = await page.request.get(href);
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-type'], 'application/pdf');
  assert.equal(response.headers()['cache-control'], 'no-store');
  assert.equal((await response.body()).subarray(0, 5).toString('latin1'), '%PDF-');
  assert.deepEqual(problems, []);
  await context.close();
});

test('no link when the receiver offers none: a lost answer retried gets the repeat\'s 200 without one', async () => {
  // The first answer (the 201 with the link) is lost; the retry's 200 carries no token.
  const { context, page } = await open(browser, '/fixtures/delivery-lost.html');
  const form = page.locator('form-lotse');
  await form.getByLabel('Antwort', { exact: true }).fill('ohne PDF');
  await form.getByRole('button', { name: 'Weiter' }).click();
  await form.getByRole('button', { name: 'Absenden' }).click();
  await form.getByRole('heading', { name: 'Ihr Antrag wurde gesendet' }).waitFor();
  assert.equal(await form.locator('.fl-pdf-link').count(), 0, 'no link without a pdf in the answer');
  await context.close();
});
