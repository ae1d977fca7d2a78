// Repeatable groups in the browser: items added and removed (answers stay with their item),
// conditions and fees per item, a total over all, errors at the item's field, and arrays in
// the payload the receiver accepts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, mountFixture, submissions, screenshot } from './browser.mjs';
import { assertAccessible } from './axe.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The fixture with a repeatable group of dogs, mounted on an empty page. */
function dogsForm(options = {}) {
  const attributes = { src: '/fixtures/repeat.json', endpoint: '/api/submissions', draft: 'off' };
  return mountFixture(browser, attributes, 'Ihre Hunde', options);
}

const item = (form, n) => form.getByRole('group', { name: `Hund ${n}`, exact: true });

test('items are added and removed; answers stay with their item; the fee follows', async () => {
  const { context, page, form, problems } = await dogsForm();
  assert.equal(await item(form, 1).count(), 1, 'minItems: one to start with');
  assert.equal(await form.getByRole('button', { name: 'Hund 1 entfernen' }).count(), 0, 'not below minItems');
  await item(form, 1).getByLabel('Name des Hundes').fill('Bello');
  await item(form, 1).getByRole('radio', { name: 'Nein' }).check();

  await form.getByRole('button', { name: 'Weiteren Hund hinzufügen' }).click();
  await item(form, 2).waitFor();
  const focused = await page.evaluate(() => document.querySelector('form-lotse').shadowRoot.activeElement?.id);
  assert.equal(focused, 'fl-field-hunde[1].hundename', 'focus moves to the new item');
  await item(form, 2).getByLabel('Name des Hundes').fill('Rex');
  await item(form, 2).getByRole('radio', { name: 'Ja' }).check();
  await item(form, 2).getByLabel('Sachkundenachweis').fill('SK-7');
  assert.equal(await item(form, 1).getByLabel('Sachkundenachweis').count(), 0, 'asked per item');
  const total = form.locator('output').last();
  await page.waitForFunction(() => [...document.querySelector('form-lotse').shadowRoot.querySelectorAll('output')].at(-1)?.textContent === '696,00 €');
  assert.match(await item(form, 2).locator('output').innerText(), /600,00 €/);
  await assertAccessible(page, 'repeat: two items');
  await screenshot(page, 'repeat-two-items');

  await form.getByRole('button', { name: 'Hund 1 entfernen' }).click();
  await page.waitForFunction(() => [...document.querySelector('form-lotse').shadowRoot.querySelectorAll('output')].at(-1)?.textContent === '600,00 €');
  assert.equal(await item(form, 2).count(), 0);
  assert.equal(await item(form, 1).getByLabel('Name des Hundes').inputValue(), 'Rex', 'Rex moved up with his answers');
  assert.equal(await item(form, 1).getByLabel('Sachkundenachweis').inputValue(), 'SK-7');

  await form.getByRole('button', { name: 'Weiteren Hund hinzufügen' }).click();
  assert.equal(await item(form, 2).getByLabel('Name des Hundes').inputValue(), '', 'a new item starts empty');
  await form.getByRole('button', { name: 'Weiteren Hund hinzufügen' }).click();
  await item(form, 3).waitFor();
  assert.equal(await form.getByRole('button', { name: 'Weiteren Hund hinzufügen' }).count(), 0, 'not above maxItems');
  await form.getByText('Ab drei Hunden gilt ein Zwinger-Tarif.').waitFor();
  assert.equal(await total.count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an error names the item; the review lists each item; the payload holds an array', async () => {
  const { context, page, form, problems } = await dogsForm();
  await form.getByLabel('Name der Halterin oder des Halters').fill('Erika Mustermann');
  await item(form, 1).getByLabel('Name des Hundes').fill('Bello');
  await item(form, 1).getByRole('radio', { name: 'Nein' }).check();
  await form.getByRole('button', { name: 'Weiteren Hund hinzufügen' }).click();
  await item(form, 2).getByLabel('Name des Hundes').fill('Rex');
  await item(form, 2).getByRole('radio', { name: 'Ja' }).check();
  await form.getByRole('button', { name: 'Weiter', exact: true }).click();
  const summary = form.getByRole('heading', { name: 'Es gibt ein Problem' });
  await summary.waitFor();
  await assertAccessible(page, 'repeat: error in item 2');
  await form.getByRole('link', { name: /Sachkundenachweis/ }).click();
  const focused = await page.evaluate(() => document.querySelector('form-lotse').shadowRoot.activeElement?.id);
  assert.equal(focused, 'fl-field-hunde[1].nachweis', 'the link leads to item 2');
  await item(form, 2).getByLabel('Sachkundenachweis').fill('SK-7');
  await form.getByRole('button', { name: 'Weiter', exact: true }).click();
  await form.getByRole('heading', { name: 'Bestätigung' }).waitFor();
  await form.getByLabel('Meine Angaben sind richtig.').check();
  await form.getByRole('button', { name: 'Weiter', exact: true }).click();
  await form.getByRole('heading', { name: 'Ihre Angaben prüfen' }).waitFor();
  const review = await form.locator('.fl-assistant').innerText();
  assert.match(review, /Hund 2: Sachkundenachweis\s+SK-7/);
  assert.match(review, /Hundesteuer pro Jahr\s+696,00 €/);
  await form.getByRole('button', { name: 'Ändern Hund 2: Name des Hundes' }).click();
  await item(form, 2).getByLabel('Name des Hundes').fill('Rex II');
  await form.getByRole('button', { name: 'Weiter', exact: true }).click();
  await form.getByRole('heading', { name: 'Ihre Angaben prüfen' }).waitFor();

  const before = (await submissions()).length;
  await form.getByRole('button', { name: 'Absenden' }).click();
  await form.getByRole('heading', { name: 'Ihr Antrag wurde gesendet' }).waitFor();
  const stored = await submissions();
  assert.equal(stored.length, before + 1);
  assert.equal(stored.at(-1).verdict, 'valid', JSON.stringify(stored.at(-1)));
  assert.deepEqual(stored.at(-1).payload.answers, {
    halter: 'Erika Mustermann', anzahl: 2, gesamt: 696, richtig: true,
    hunde: [
      { hundename: 'Bello', gefaehrlich: false, satz: 96 },
      { hundename: 'Rex II', gefaehrlich: true, nachweis: 'SK-7', satz: 600 },
    ],
  });
  assert.deepEqual(problems, []);
  await context.close();
});

test('by keyboard at 320 px: add with Enter, remove with Space, nothing scrolls sideways', async () => {
  const { context, page, form, problems } = await dogsForm({ viewport: { width: 320, height: 640 } });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const add = form.getByRole('button', { name: 'Weiteren Hund hinzufügen' });
  await add.focus();
  await page.keyboard.press('Enter');
  await item(form, 2).waitFor();
  await page.keyboard.type('Rex');
  assert.equal(await item(form, 2).getByLabel('Name des Hundes').inputValue(), 'Rex', 'typing goes to the new item');
  await add.focus();
  await page.keyboard.press('Space');
  await item(form, 3).waitFor();
  assert.equal(await overflow(), 0, 'three items at 320 px');
  await screenshot(page, 'repeat-narrow-three-items');
  await form.getByRole('button', { name: 'Hund 2 entfernen' }).focus();
  await page.keyboard.press('Space');
  await item(form, 3).waitFor({ state: 'detached' });
  const focused = await page.evaluate(() => document.querySelector('form-lotse').shadowRoot.activeElement?.id);
  assert.equal(focused, 'fl-field-hunde[1].hundename', 'focus stays where the removed item was');
  assert.deepEqual(problems, []);
  await context.close();
});
