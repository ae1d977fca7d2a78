// Conditions and calculations in the browser: fields, options, groups and steps that come and
// go with the answers, a fee that follows them, and a payload the receiver accepts as is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, mountFixture, submissions, screenshot, cspViolations } from './browser.mjs';
import { assertAccessible } from './axe.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The logic fixture mounted on an empty page. */
function logicForm() {
  const attributes = { src: '/fixtures/logic.json', endpoint: '/api/submissions', draft: 'off' };
  return mountFixture(browser, attributes, 'Halterin oder Halter');
}

test('a field shown by an answer keeps what was typed while it is hidden', async () => {
  const { context, form, problems } = await logicForm();
  const firmenname = form.getByLabel('Firmenname');
  assert.equal(await firmenname.count(), 0, 'hidden until "Firma" is yes');
  await form.getByRole('radio', { name: 'Ja' }).check();
  await firmenname.fill('Zwinger Hasenheide GmbH');
  await form.getByRole('radio', { name: 'Nein' }).check();
  await firmenname.waitFor({ state: 'detached' });
  await form.getByRole('radio', { name: 'Ja' }).check();
  assert.equal(await firmenname.inputValue(), 'Zwinger Hasenheide GmbH', 'toggling back restores it');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the fee follows the answers; a hidden step is skipped both ways and not counted', async () => {
  const { context, page, form, problems } = await logicForm();
  await form.getByLabel('Name', { exact: true }).fill('Erika Mustermann');
  await form.getByRole('radio', { name: 'Nein' }).check();
  await form.getByRole('button', { name: 'Weiter' }).click();
  await form.getByRole('heading', { name: 'Hunde' }).waitFor();
  assert.match(await form.getByText(/Schritt \d von \d/).innerText(), /Schritt 2 von 3/);
  const fee = form.locator('output');
  assert.match(await fee.innerText(), /Wird berechnet/);
  assert.equal(await form.getByRole('radio', { name: /Zuchthund/ }).count(), 0, 'an option for firms only');
  await form.getByLabel('Anzahl der Hunde').fill('3');
  await form.getByRole('radio', { name: 'Dackel' }).check();
  await page.waitForFunction(() => document.querySelector('form-lotse').shadowRoot.querySelector('output')?.textContent === '384,00 €');
  await form.getByRole('radio', { name: 'Pitbull-Terrier' }).check();
  await page.waitForFunction(() => document.querySelector('form-lotse').shadowRoot.querySelector('output')?.textContent === '1.800,00 €');
  await form.getByText('Für gefährliche Hunde gilt ein höherer Steuersatz.').waitFor();
  assert.match(await form.getByText(/Schritt \d von \d/).innerText(), /Schritt 2 von 4/, 'the step for dangerous dogs counts now');
  await assertAccessible(page, 'logic: calculated fee and warning');
  await screenshot(page, 'logic-fee');

  await form.getByRole('radio', { name: 'Dackel' }).check();
  await form.getByRole('button', { name: 'Weiter' }).click();
  await form.getByRole('heading', { name: 'Zahlung' }).waitFor();
  assert.match(await form.getByText(/Schritt \d von \d/).innerText(), /Schritt 3 von 3/);
  await form.getByRole('button', { name: 'Zurück' }).click();
  await form.getByRole('heading', { name: 'Hunde' }).waitFor();
  await form.getByRole('button', { name: 'Weiter' }).click();
  await form.getByRole('heading', { name: 'Zahlung' }).waitFor();

  // The bank details appear with "Lastschrift" and are then required.
  await form.getByRole('radio', { name: 'Ja' }).check();
  await form.getByRole('group', { name: 'Bankverbindung' }).waitFor();
  await form.getByRole('button', { name: 'Weiter' }).click();
  await form.getByRole('heading', { name: 'Es gibt ein Problem' }).waitFor();
  await form.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 00');
  await form.getByRole('button', { name: 'Weiter' }).click();
  await form.getByRole('heading', { name: 'Ihre Angaben prüfen' }).waitFor();
  const review = await form.locator('.fl-assistant').innerText();
  assert.match(review, /Hundesteuer pro Jahr\s+384,00 €/);
  assert.doesNotMatch(review, /Sachkundenachweis|Firmenname/, 'hidden questions are not reviewed');
  assert.equal(await form.getByRole('button', { name: 'Ändern Hundesteuer pro Jahr' }).count(), 0, 'a calculated value is not changed by hand');
  assert.equal(await form.getByRole('button', { name: 'Ändern Anzahl der Hunde' }).count(), 1);

  const before = (await submissions()).length;
  await form.getByRole('button', { name: 'Absenden' }).click();
  await form.getByRole('heading', { name: 'Ihr Antrag wurde gesendet' }).waitFor();
  const stored = await submissions();
  assert.equal(stored.length, before + 1);
  const last = stored.at(-1);
  assert.equal(last.verdict, 'valid', JSON.stringify(last));
  assert.deepEqual(last.payload.answers, {
    name: 'Erika Mustermann', firma: false, anzahl: 3, rasse: 'dackel', steuer: 384,
    lastschrift: true, iban: 'DE89370400440532013000',
  });
  assert.deepEqual(problems, []);
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});

test('a fee the answers give no result for is an error the citizen can fix', async () => {
  const attributes = { src: '/fixtures/calculation.json', endpoint: '/api/submissions', draft: 'off' };
  const { context, page, form, problems } = await mountFixture(browser, attributes, 'Kosten');
  await form.getByLabel('Gebühr').fill('100');
  await form.getByLabel('Anzahl der Personen').fill('0');
  await form.getByRole('button', { name: 'Weiter' }).click();
  const summary = form.locator('.fl-error-summary');
  await form.getByRole('heading', { name: 'Es gibt ein Problem' }).waitFor();
  const message = 'Aus Ihren Angaben lässt sich „Anteil pro Person“ nicht berechnen. Prüfen Sie die Zahlen, die Sie eingegeben haben.';
  assert.match(await summary.innerText(), new RegExp(message.replace(/[.„“]/g, '.')));
  assert.match(await form.locator('.fl-calculated').innerText(), /nicht berechnen/, 'the message stands at the fee too');
  assert.equal(await form.locator('output').innerText(), '', 'no value, and no "Wird berechnet" either');
  await summary.getByRole('link').click();
  assert.equal(await page.evaluate(() => document.querySelector('form-lotse').shadowRoot.activeElement?.tagName), 'OUTPUT',
    'the summary link moves focus to the fee it names');
  await assertAccessible(page, 'logic: calculation error');
  await screenshot(page, 'logic-calculation-error');

  await form.getByLabel('Anzahl der Personen').fill('4');
  await page.waitForFunction(() => document.querySelector('form-lotse').shadowRoot.querySelector('output')?.textContent === '25,00 €');
  await form.getByRole('button', { name: 'Weiter' }).click();
  await form.getByRole('heading', { name: 'Ihre Angaben prüfen' }).waitFor();
  assert.match(await form.locator('.fl-assistant').innerText(), /Anteil pro Person\s+25,00 €/);
  assert.deepEqual(problems, []);
  await context.close();
});
