// Languages in the browser: the host page changes the element's `lang` and the assistant speaks
// it in place (step, answers and focus kept, even with draft="off"), and the "(optional)"
// marker follows a `requiredIf` as the answers change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, mountFixture, submissions } from './browser.mjs';
import { DOG_ANSWERS, fillDogStep } from './dog.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The id of the focused element inside the assistant's shadow root. */
const focusedId = (page) => page.evaluate(() => document.querySelector('form-lotse').shadowRoot.activeElement?.id ?? null);
/** Sets the host element's `lang`, as a page's own language switch would. */
const setLang = (page, tag) => page.evaluate((tag) => document.querySelector('form-lotse').setAttribute('lang', tag), tag);

test('changing the element\'s lang keeps the step, the answers and the focus (draft="off")', async () => {
  const attributes = { src: '/fixtures/hund-einfach.json', endpoint: '/api/submissions', draft: 'off' };
  const { context, page, form, problems } = await mountFixture(browser, attributes, 'Angaben zur Halterin oder zum Halter');
  const before = (await submissions()).length;
  await form.getByLabel('Vorname').fill('Erika');
  await form.getByLabel('Nachname').pressSequentially('Muster');
  await setLang(page, 'en');
  await form.getByRole('heading', { name: 'About the owner' }).waitFor();
  assert.equal(await focusedId(page), 'fl-field-nachname', 'the focus stays in the field being typed in');
  await page.keyboard.type('mann'); // typing goes on where it was
  assert.equal(await form.getByLabel('First name').inputValue(), 'Erika');
  assert.equal(await form.getByLabel('Last name').inputValue(), 'Mustermann');
  assert.equal(await form.locator('.fl-assistant').getAttribute('lang'), 'en');
  await setLang(page, 'de');
  await form.getByRole('heading', { name: 'Angaben zur Halterin oder zum Halter' }).waitFor();
  await fillDogStep(form, 0);
  await form.getByRole('button', { name: 'Weiter' }).click();
  await form.getByRole('heading', { name: 'Angaben zum Hund' }).waitFor();
  await fillDogStep(form, 1);
  await setLang(page, 'en');
  await form.getByRole('heading', { name: 'About the dog' }).waitFor();
  assert.equal(await form.getByLabel('Name of the dog').inputValue(), 'Bello');
  await form.getByRole('button', { name: 'Continue' }).click();
  await form.getByRole('checkbox').check();
  await form.getByRole('button', { name: 'Continue' }).click();
  await form.getByRole('heading', { name: 'Check your answers' }).waitFor();
  await setLang(page, 'de');
  await form.getByRole('heading', { name: 'Ihre Angaben prüfen' }).waitFor();
  // Removing the attribute: the page's language (German here) applies.
  await page.evaluate(() => document.querySelector('form-lotse').removeAttribute('lang'));
  await form.getByRole('button', { name: 'Absenden' }).click();
  await form.getByRole('heading', { name: 'Ihr Antrag wurde gesendet' }).waitFor();
  const stored = await submissions();
  assert.equal(stored.length, before + 1);
  assert.deepEqual(stored.at(-1).payload.answers, DOG_ANSWERS, 'nothing typed was lost');
  assert.deepEqual(problems.filter((p) => !p.includes('favicon')), []);
  await context.close();
});

test('"(optional)" follows requiredIf: it goes while the condition holds and comes back', async () => {
  const attributes = { src: '/fixtures/required-if.json', endpoint: '/api/submissions', draft: 'off' };
  const { context, page, form, problems } = await mountFixture(browser, attributes, 'Fläche');
  const plan = form.getByLabel(/^Lageplan/);
  const label = () => form.locator('label[for="fl-field-lageplan"]').innerText();
  assert.equal(await label(), 'Lageplan (optional)');
  assert.equal(await plan.getAttribute('aria-required'), null);
  await form.getByLabel('Fläche in m²').fill('12');
  await page.waitForFunction(() => !document.querySelector('form-lotse').shadowRoot.querySelector('label[for="fl-field-lageplan"]').textContent.includes('optional'));
  assert.equal(await label(), 'Lageplan');
  assert.equal(await plan.getAttribute('aria-required'), 'true');
  await form.getByRole('button', { name: 'Weiter' }).click();
  await form.getByRole('heading', { name: 'Es gibt ein Problem' }).waitFor();
  assert.equal(await plan.getAttribute('aria-invalid'), 'true');
  await form.getByLabel('Fläche in m²').fill('8');
  await page.waitForFunction(() => document.querySelector('form-lotse').shadowRoot.querySelector('label[for="fl-field-lageplan"]').textContent.includes('(optional)'));
  await setLang(page, 'en');
  await form.getByText('Site plan (optional)').waitFor();
  await form.getByRole('button', { name: 'Continue' }).click();
  await form.getByRole('heading', { name: 'Ende' }).waitFor();
  assert.deepEqual(problems.filter((p) => !p.includes('favicon')), []);
  await context.close();
});
