// BITV 2.0 / WCAG 2.1 AA in a real browser: axe-core on every step, in the error state and on
// the receipt; the whole form with the keyboard alone; no horizontal scrolling at 320 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, screenshot, submissions } from './browser.mjs';
import { fillDogStep, DOG_STEP_TITLES, DOG_ANSWERS, DOG_PAGE } from './dog.mjs';
import { assertAccessible } from './axe.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('axe finds no WCAG 2.x A/AA violation on any step, in the error state, or on the receipt', async () => {
  const { context, page } = await open(browser, DOG_PAGE);
  const form = page.locator('form-lotse');
  for (const [step, title] of DOG_STEP_TITLES.entries()) {
    await form.getByRole('heading', { name: title }).waitFor();
    await assertAccessible(page, `on step ${step + 1}`);
    // The error state: Weiter on the untouched step.
    await form.getByRole('button', { name: 'Weiter' }).click();
    await form.getByRole('heading', { name: 'Es gibt ein Problem' }).waitFor();
    await assertAccessible(page, `on step ${step + 1} with errors`);
    await fillDogStep(form, step);
    await form.getByRole('button', { name: 'Weiter' }).click();
  }
  await form.getByRole('heading', { name: 'Ihre Angaben prüfen' }).waitFor();
  await assertAccessible(page, 'on the review page');
  await form.getByRole('button', { name: 'Absenden' }).click();
  await form.getByRole('heading', { name: 'Ihr Antrag wurde gesendet' }).waitFor();
  await assertAccessible(page, 'on the receipt');
  await context.close();
});

test('the form is completed with the keyboard alone', async () => {
  const { context, page } = await open(browser, DOG_PAGE);
  const form = page.locator('form-lotse');
  await form.getByLabel('Vorname').waitFor();
  const before = (await submissions()).length;
  const kb = page.keyboard;
  const focusedId = () => page.evaluate(() => document.querySelector('form-lotse').shadowRoot.activeElement?.id ?? '');
  /** Tabs forward until the element with `id` has focus (at most 40 presses: no trap, no dead end). */
  async function tabTo(id, key = 'Tab') {
    for (let i = 0; i < 40; i++) {
      if ((await focusedId()) === id) return;
      await kb.press(key);
    }
    assert.fail(`${id} not reachable with ${key}`);
  }

  // Step 1: from the top of the page into the form.
  await page.locator('h1').click();
  await tabTo('fl-field-vorname');
  await kb.type('Erika');
  await kb.press('Tab'); await kb.type('Mustermann');
  await kb.press('Tab'); await kb.type('27');
  await kb.press('Tab'); await kb.type('3');
  await kb.press('Tab'); await kb.type('1985');
  await kb.press('Tab'); await kb.type('Heidestraße 17');
  await kb.press('Tab'); await kb.type('10557');
  await kb.press('Tab'); await kb.type('Berlin');
  // Shift+Tab goes back without losing anything.
  await kb.press('Shift+Tab');
  assert.equal(await focusedId(), 'fl-field-plz');
  await kb.press('Enter'); // submits the step
  await form.getByRole('heading', { name: 'Angaben zum Hund' }).waitFor();

  // Step 2: text, a select with arrow keys, a date, radios with arrow keys.
  await tabTo('fl-field-hundename');
  await kb.type('Bello');
  await kb.press('Tab');
  assert.equal(await focusedId(), 'fl-field-rasse');
  await kb.press('ArrowDown');
  await kb.press('ArrowDown'); // Mischling, then Labrador Retriever
  await tabTo('fl-field-haltungsbeginn');
  await kb.type('1');
  await kb.press('Tab'); await kb.type('10');
  await kb.press('Tab'); await kb.type('2025');
  await kb.press('Tab');
  assert.equal(await focusedId(), 'fl-field-gefaehrlich'); // "Ja"
  await kb.press('ArrowRight'); // moves to and selects "Nein"
  assert.equal(await focusedId(), 'fl-field-gefaehrlich-1');
  await kb.press('Enter');
  await form.getByRole('heading', { name: 'Bestätigung' }).waitFor();

  // Step 3: Space ticks the checkbox, Enter on the button goes to the review.
  await tabTo('fl-field-richtig');
  await kb.press('Space');
  await kb.press('Tab');
  await kb.press('Enter');
  await form.getByRole('heading', { name: 'Ihre Angaben prüfen' }).waitFor();

  // Review: Tab past the "Ändern" buttons to "Absenden", Enter sends.
  const focusedText = () => page.evaluate(() => document.querySelector('form-lotse').shadowRoot.activeElement?.textContent ?? '');
  for (let i = 0; i < 40 && (await focusedText()) !== 'Absenden'; i++) await kb.press('Tab');
  assert.equal(await focusedText(), 'Absenden');
  await kb.press('Enter');
  await form.getByRole('heading', { name: 'Ihr Antrag wurde gesendet' }).waitFor();

  const stored = await submissions();
  assert.equal(stored.length, before + 1);
  assert.deepEqual(stored.at(-1).payload.answers, DOG_ANSWERS);
  await context.close();
});

test('at 320 CSS pixels wide nothing scrolls sideways, on any step', async () => {
  const { context, page } = await open(browser, DOG_PAGE, { viewport: { width: 320, height: 640 } });
  const form = page.locator('form-lotse');
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  for (const [step, title] of DOG_STEP_TITLES.entries()) {
    await form.getByRole('heading', { name: title }).waitFor();
    await form.getByRole('button', { name: 'Weiter' }).click();
    await form.getByRole('heading', { name: 'Es gibt ein Problem' }).waitFor();
    assert.equal(await overflow(), 0, `step ${step + 1} with errors scrolls sideways`);
    await screenshot(page, `narrow-step-${step + 1}-errors`);
    await fillDogStep(form, step);
    await form.getByRole('button', { name: 'Weiter' }).click();
  }
  await form.getByRole('heading', { name: 'Ihre Angaben prüfen' }).waitFor();
  assert.equal(await overflow(), 0, 'the review page scrolls sideways');
  await screenshot(page, 'narrow-review');
  await form.getByRole('button', { name: 'Absenden' }).click();
  await form.getByRole('heading', { name: 'Ihr Antrag wurde gesendet' }).waitFor();
  assert.equal(await overflow(), 0, 'the receipt scrolls sideways');
  await screenshot(page, 'narrow-receipt');
  await context.close();
});
