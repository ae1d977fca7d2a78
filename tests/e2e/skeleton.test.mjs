// The walking skeleton, end to end: the demo page's form is filled by its visible labels,
// walked through, submitted, and the receiver must hold exactly what was typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, submissions, screenshot } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the dog form is completed by its labels and the server stores exactly those answers', async () => {
  const { context, page, problems } = await open(browser, '/');
  const before = (await submissions()).length;

  await page.getByLabel('Vorname').fill('Erika');
  await page.getByLabel('Nachname').fill('Mustermann');
  await page.getByLabel('Straße und Hausnummer').fill('Heidestraße 17');
  await screenshot(page, 'skeleton-step-1');
  await page.getByRole('button', { name: 'Weiter' }).click();

  await page.getByRole('heading', { name: 'Angaben zum Hund' }).waitFor();
  await assertFocused(page, 'Angaben zum Hund');
  await page.getByLabel('Name des Hundes').fill('Bello');
  await page.getByLabel('Rasse').fill('Labrador-Mischling');

  // "Zurück" keeps what was typed on both steps.
  await page.getByRole('button', { name: 'Zurück' }).click();
  assert.equal(await page.getByLabel('Nachname').inputValue(), 'Mustermann');
  await page.getByRole('button', { name: 'Weiter' }).click();
  assert.equal(await page.getByLabel('Name des Hundes').inputValue(), 'Bello');
  assert.equal(await page.getByLabel('Rasse').inputValue(), 'Labrador-Mischling');
  await screenshot(page, 'skeleton-step-2');

  await page.getByRole('button', { name: 'Absenden' }).click();
  const receipt = page.getByRole('heading', { name: 'Ihr Antrag wurde gesendet' });
  await receipt.waitFor();
  await assertFocused(page, 'Ihr Antrag wurde gesendet');
  await screenshot(page, 'skeleton-receipt');

  const stored = await submissions();
  assert.equal(stored.length, before + 1, 'exactly one new submission');
  const last = stored.at(-1);
  assert.match(await page.getByText('Ihr Aktenzeichen').textContent(), new RegExp(last.reference));
  assert.deepEqual(last.payload, {
    formlotse: 1,
    form: 'hund-anmelden',
    version: '2026-11',
    lang: 'de',
    answers: {
      vorname: 'Erika',
      nachname: 'Mustermann',
      strasse: 'Heidestraße 17',
      hundename: 'Bello',
      rasse: 'Labrador-Mischling',
    },
  });
  assert.deepEqual(problems.filter((p) => !p.includes('favicon')), []);
  await context.close();
});

test('an empty required field blocks Weiter with a German message next to the field', async () => {
  const { context, page } = await open(browser, '/');
  await page.getByLabel('Vorname').fill('Erika');
  await page.getByLabel('Vorname').press('Enter'); // Enter submits the step, like Weiter

  const nachname = page.getByLabel('Nachname');
  await page.getByRole('heading', { name: 'Es gibt ein Problem' }).waitFor();
  assert.equal(await nachname.getAttribute('aria-invalid'), 'true');
  // The message is tied to the input and sits inside the field, above the input.
  const describedBy = (await nachname.getAttribute('aria-describedby')).split(' ');
  const message = page.locator(`[id="${describedBy.at(-1)}"]`);
  assert.equal(await message.innerText(), 'Fehler: Füllen Sie das Feld „Nachname“ aus.');
  assert.ok(await message.isVisible());
  const [messageBox, inputBox] = [await message.boundingBox(), await nachname.boundingBox()];
  assert.ok(messageBox.y < inputBox.y && inputBox.y - messageBox.y < 80, 'message directly above the input');
  // The step did not change; the summary has focus and links to the field.
  assert.ok(await page.getByRole('heading', { name: 'Angaben zur Halterin oder zum Halter' }).isVisible());
  await assertFocused(page, 'Es gibt ein Problem');
  await page.getByRole('link', { name: 'Füllen Sie das Feld „Nachname“ aus.' }).click();
  assert.equal(await page.evaluate(() => document.querySelector('form-lotse').shadowRoot.activeElement?.id), 'fl-field-nachname');
  await screenshot(page, 'skeleton-error');

  // Fixing the answer clears the message at once.
  await nachname.fill('Mustermann');
  assert.equal(await nachname.getAttribute('aria-invalid'), null);
  await context.close();
});

const LOAD_FAILURES = [
  ['missing', ['/fixtures/does-not-exist.json', 'nicht gefunden', 'HTTP 404']],
  ['invalid-json', ['/fixtures/invalid-json.json', 'Zeile 7, Spalte 3', 'Kein gültiges JSON']],
  ['unknown-type', ['/fixtures/unknown-type.json', 'Zeile 10', '/steps/0/fields/1/type', 'Unbekannter Feldtyp „signature“']],
];

for (const [fixture, expected] of LOAD_FAILURES) {
  test(`a broken definition (${fixture}) shows what failed and where inside the element`, async () => {
    const { context, page, problems } = await open(browser, `/fixtures/${fixture}.html`);
    const alert = page.locator('form-lotse').getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    assert.match(text, /Das Formular konnte nicht geladen werden\./);
    for (const part of expected) assert.ok(text.includes(part), `expected «${part}» in «${text}»`);
    assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
    await context.close();
  });
}

/** Asserts that the focused element inside the form is the one with `text`. */
async function assertFocused(page, text) {
  const focused = await page.evaluate(() => document.querySelector('form-lotse').shadowRoot.activeElement?.textContent ?? '');
  assert.ok(focused.includes(text), `focus on «${text}», found «${focused.slice(0, 80)}»`);
}
