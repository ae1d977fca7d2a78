// The walking skeleton, end to end: a town page's form is filled by its visible labels,
// walked through, submitted, and the receiver must hold exactly what was typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, submissions, screenshot, cspViolations } from './browser.mjs';
import { DOG_ANSWERS, DOG_STEP_TITLES, fillDogStep, DOG_PAGE } from './dog.mjs';
import { assertAccessible } from './axe.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the dog form is completed by its labels and the server stores exactly those answers', async () => {
  const { context, page, problems } = await open(browser, DOG_PAGE);
  const before = (await submissions()).length;
  const form = page.locator('form-lotse');

  await fillDogStep(form, 0); // by visible labels, as a citizen would
  await screenshot(page, 'skeleton-step-1');
  await form.getByRole('button', { name: 'Weiter' }).click();

  await form.getByRole('heading', { name: 'Angaben zum Hund' }).waitFor();
  await assertFocused(page, 'Angaben zum Hund');
  await fillDogStep(form, 1);

  // "Zurück" keeps what was typed on both steps.
  await form.getByRole('button', { name: 'Zurück' }).click();
  assert.equal(await form.getByLabel('Nachname').inputValue(), 'Mustermann');
  assert.equal(await form.getByLabel('Jahr').inputValue(), '1985');
  await form.getByRole('button', { name: 'Weiter' }).click();
  assert.equal(await form.getByLabel('Name des Hundes').inputValue(), 'Bello');
  assert.equal(await form.getByLabel('Rasse').inputValue(), 'labrador');
  assert.ok(await form.getByRole('radio', { name: 'Nein' }).isChecked());
  await screenshot(page, 'skeleton-step-2');
  await form.getByRole('button', { name: 'Weiter' }).click();

  await form.getByRole('heading', { name: 'Bestätigung' }).waitFor();
  await form.getByLabel('Ich bestätige, dass meine Angaben richtig und vollständig sind.').check();
  await screenshot(page, 'skeleton-step-3');
  await form.getByRole('button', { name: 'Weiter' }).click();

  // The review page lists every answer as the citizen wrote it, and gets focus.
  await form.getByRole('heading', { name: 'Ihre Angaben prüfen' }).waitFor();
  await assertFocused(page, 'Ihre Angaben prüfen');
  const exactly = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const answer = (label) => form.locator('.fl-summary__row', { has: page.locator('dt', { hasText: exactly(label) }) }).locator('.fl-summary__value');
  assert.equal(await answer('Nachname').textContent(), 'Mustermann');
  assert.equal(await answer('Ihr Geburtsdatum').textContent(), '27.03.1985');
  assert.equal(await answer('Rasse').textContent(), 'Labrador Retriever');
  assert.equal(await answer('Ist der Hund als gefährlich eingestuft?').textContent(), 'Nein');
  assert.equal(await answer('Chipnummer (Transponder)').textContent(), 'Keine Angabe');
  await screenshot(page, 'skeleton-review');
  await form.getByRole('button', { name: 'Absenden' }).click();
  const receipt = form.getByRole('heading', { name: 'Ihr Antrag wurde gesendet' });
  await receipt.waitFor();
  await assertFocused(page, 'Ihr Antrag wurde gesendet');
  await screenshot(page, 'skeleton-receipt');

  const stored = await submissions();
  assert.equal(stored.length, before + 1, 'exactly one new submission');
  const last = stored.at(-1);
  assert.match(await form.getByText('Ihr Aktenzeichen').textContent(), new RegExp(last.reference));
  // The page's panel lists it, told by the formlotse:submitted event.
  const panel = page.getByRole('region', { name: 'Eingegangene Anträge' });
  await panel.getByText(`${last.reference} · hund-einfach`).waitFor();
  await panel.getByText(`${last.reference} · hund-einfach`).click();
  assert.match(await panel.locator('pre').first().textContent(), /"nachname": "Mustermann"/);
  const { submittedAt, ...rest } = last.payload;
  assert.deepEqual(rest, {
    formlotse: 1,
    form: 'hund-einfach',
    version: '2026-11',
    lang: 'de',
    answers: DOG_ANSWERS,
    attachments: [],
  });
  assert.ok(Math.abs(Date.parse(submittedAt) - Date.now()) < 60_000, `submittedAt ${submittedAt}`);
  assert.deepEqual(problems.filter((p) => !p.includes('favicon')), []);
  assert.deepEqual(await cspViolations(page), [], 'the demo page is served with a strict CSP');
  await context.close();
});

test('"Ändern" on the review page opens the field and "Weiter" returns to the review', async () => {
  const { context, page } = await open(browser, DOG_PAGE);
  const form = page.locator('form-lotse');
  for (const step of [0, 1, 2]) {
    await fillDogStep(form, step);
    await form.getByRole('button', { name: 'Weiter' }).click();
  }
  await form.getByRole('heading', { name: 'Ihre Angaben prüfen' }).waitFor();
  await form.getByRole('button', { name: 'Ändern Nachname' }).click();
  await form.getByRole('heading', { name: DOG_STEP_TITLES[0] }).waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('form-lotse').shadowRoot.activeElement?.id), 'fl-field-nachname');
  await form.getByLabel('Nachname').fill('Musterfrau');
  await form.getByRole('button', { name: 'Weiter' }).click();
  // Straight back to the review, not to step 2.
  await form.getByRole('heading', { name: 'Ihre Angaben prüfen' }).waitFor();
  assert.ok(await form.getByText('Musterfrau').isVisible());
  // "Zurück" from the review goes to the last step; the error state works from a change too.
  await form.getByRole('button', { name: 'Ändern Name des Hundes' }).click();
  await form.getByLabel('Name des Hundes').fill('');
  await form.getByRole('button', { name: 'Weiter' }).click();
  await form.getByRole('heading', { name: 'Es gibt ein Problem' }).waitFor();
  assert.match(await page.title(), /^Fehler: /);
  await form.getByLabel('Name des Hundes').fill('Rex');
  await form.getByRole('button', { name: 'Weiter' }).click();
  await form.getByRole('heading', { name: 'Ihre Angaben prüfen' }).waitFor();
  assert.doesNotMatch(await page.title(), /Fehler/);
  const before = (await submissions()).length;
  await form.getByRole('button', { name: 'Absenden' }).click();
  await form.getByRole('heading', { name: 'Ihr Antrag wurde gesendet' }).waitFor();
  const stored = await submissions();
  assert.equal(stored.length, before + 1);
  assert.deepEqual(stored.at(-1).payload.answers, { ...DOG_ANSWERS, nachname: 'Musterfrau', hundename: 'Rex' });
  // The receipt keeps a copy of the answers, without change buttons, and can be printed.
  assert.ok(await form.getByRole('heading', { name: 'Ihre Angaben' }).isVisible());
  assert.equal(await form.getByRole('button', { name: /^Ändern/ }).count(), 0);
  assert.ok(await form.getByRole('button', { name: 'Seite drucken' }).isVisible());
  await page.emulateMedia({ media: 'print' });
  assert.ok(!(await form.getByRole('button', { name: 'Seite drucken' }).isVisible()), 'no buttons on paper');
  await screenshot(page, 'receipt-print');
  await context.close();
});

test('the language switch changes every text and keeps the answers', async () => {
  const { context, page } = await open(browser, DOG_PAGE);
  const form = page.locator('form-lotse');
  await form.getByLabel('Vorname').fill('Erika');
  const languages = form.getByRole('navigation', { name: 'Sprache' });
  assert.equal(await languages.getByRole('button', { name: 'Deutsch' }).getAttribute('aria-pressed'), 'true');
  await languages.getByRole('button', { name: 'English' }).click();
  await form.getByRole('heading', { name: 'About the owner' }).waitFor();
  assert.equal(await form.getByLabel('First name').inputValue(), 'Erika');
  assert.equal(await form.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
  await form.getByRole('button', { name: 'Continue' }).click();
  await form.getByRole('heading', { name: 'There is a problem' }).waitFor();
  assert.match(await page.title(), /^Error: /);
  await assertAccessible(page, 'in English with errors');
  await form.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: 'Deutsch' }).click();
  await form.getByRole('heading', { name: DOG_STEP_TITLES[0] }).waitFor();
  assert.match(await page.title(), /^Fehler: Formlotse/);
  assert.equal(await form.getByLabel('Vorname').inputValue(), 'Erika');
  await fillDogStep(form, 0);
  await form.getByRole('button', { name: 'Weiter' }).click();
  await form.getByRole('heading', { name: DOG_STEP_TITLES[1] }).waitFor();
  assert.match(await page.title(), /^Formlotse/);
  await context.close();
});

test('an empty required field blocks Weiter with a German message next to the field', async () => {
  const { context, page } = await open(browser, DOG_PAGE);
  const form = page.locator('form-lotse');
  await form.getByLabel('Vorname').fill('Erika');
  await form.getByLabel('Vorname').press('Enter'); // Enter submits the step, like Weiter

  const nachname = form.getByLabel('Nachname');
  await form.getByRole('heading', { name: 'Es gibt ein Problem' }).waitFor();
  assert.equal(await nachname.getAttribute('aria-invalid'), 'true');
  // The message is tied to the input and sits inside the field, above the input.
  const describedBy = (await nachname.getAttribute('aria-describedby')).split(' ');
  const message = form.locator(`[id="${describedBy.at(-1)}"]`);
  // The visually hidden prefix is its own element; what a screen reader reads is the text content.
  assert.equal((await message.textContent()).replace(/\s+/g, ' ').trim(), 'Fehler: Geben Sie Ihren Nachnamen ein.');
  assert.ok(await message.isVisible());
  const [messageBox, inputBox] = [await message.boundingBox(), await nachname.boundingBox()];
  assert.ok(messageBox.y < inputBox.y && inputBox.y - messageBox.y < 80, 'message directly above the input');
  // The step did not change; the summary has focus and links to the field.
  assert.ok(await form.getByRole('heading', { name: 'Angaben zur Halterin oder zum Halter' }).isVisible());
  await assertFocused(page, 'Es gibt ein Problem');
  await form.getByRole('link', { name: 'Geben Sie Ihren Nachnamen ein.' }).click();
  assert.equal(await page.evaluate(() => document.querySelector('form-lotse').shadowRoot.activeElement?.id), 'fl-field-nachname');
  await screenshot(page, 'skeleton-error');

  // Fixing the answer clears the message at once.
  await nachname.fill('Mustermann');
  assert.equal(await nachname.getAttribute('aria-invalid'), null);

  // Emptied again and refused again with the very same error: the field says so again, not
  // only the summary (a screen reader following the summary's link must hear it).
  await nachname.fill('');
  assert.equal(await nachname.getAttribute('aria-invalid'), null, 'no re-check while nothing is shown');
  await form.getByRole('button', { name: 'Weiter' }).click();
  await assertFocused(page, 'Es gibt ein Problem');
  assert.equal(await nachname.getAttribute('aria-invalid'), 'true', 'the same error shown at the field again');
  assert.ok(await message.isVisible());
  await context.close();
});

test('wrong answers get specific German messages: an impossible date, a postcode, an under-age owner', async () => {
  const { context, page } = await open(browser, DOG_PAGE);
  const form = page.locator('form-lotse');
  const messages = async () => (await form.locator('.fl-error-summary li').allInnerTexts()).sort();
  await form.getByLabel('Tag').fill('29');
  await form.getByLabel('Monat').fill('2');
  await form.getByLabel('Jahr').fill('2023');
  await form.getByLabel('Postleitzahl').fill('1234');
  await form.getByRole('button', { name: 'Weiter' }).click();
  await form.getByRole('heading', { name: 'Es gibt ein Problem' }).waitFor();
  const listed = await messages();
  assert.ok(listed.includes('„Ihr Geburtsdatum“ ist kein gültiges Datum. Prüfen Sie Tag, Monat und Jahr.'), listed.join(' | '));
  assert.ok(listed.includes('Geben Sie eine Postleitzahl mit 5 Ziffern ein.'), listed.join(' | '));

  const year = new Date().getFullYear() - 10;
  await form.getByLabel('Tag').fill('15');
  await form.getByLabel('Jahr').fill(String(year));
  await form.getByRole('button', { name: 'Weiter' }).click();
  await form.getByText('Hundehalterinnen und -halter müssen volljährig sein.').first().waitFor();
  await context.close();
});

const LOAD_FAILURES = [
  ['missing', ['/fixtures/does-not-exist.json', 'nicht gefunden', 'HTTP 404']],
  // The citizen's runtime names each problem by code and JSON Pointer (the parser's place for
  // JSON syntax); line, column and words are Formlotse.check's (see embedding.test.mjs).
  ['invalid-json', ['/fixtures/invalid-json.json', 'Zeile 7, Spalte 3: json_syntax', 'Formlotse.check()']],
  ['unknown-type', ['/fixtures/unknown-type.json', '/steps/0/fields/1/type: unknown_field_type', 'Formlotse.check()']],
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

test('a definition that cannot be loaded is reported in the language of the page (its catalog is fetched on failure too)', async () => {
  const { context, page } = await open(browser, '/fixtures/missing-uk.html');
  const alert = page.locator('form-lotse').getByRole('alert');
  await alert.waitFor();
  await alert.getByText('Не вдалося завантажити форму.').waitFor();
  const text = await alert.innerText();
  assert.ok(text.includes('Опис форми /fixtures/does-not-exist.json не знайдено (HTTP 404).'), text);
  assert.ok(!text.includes('Formulardefinition'), `no German left: «${text}»`);
  await context.close();
});

test('on an Arabic page the failure notice reads right to left', async () => {
  const { context, page } = await open(browser, '/fixtures/empty.html');
  await page.evaluate(() => {
    document.documentElement.lang = 'ar';
    const element = document.createElement('form-lotse');
    element.setAttribute('src', '/fixtures/does-not-exist.json');
    document.querySelector('main').append(element);
  });
  const alert = page.locator('form-lotse').getByRole('alert');
  await alert.getByText('تعذّر تحميل النموذج.').waitFor();
  assert.equal(await alert.evaluate((notice) => notice.closest('[dir]')?.getAttribute('dir')), 'rtl');
  await context.close();
});

/** Asserts that the focused element inside the form is the one with `text`. */
async function assertFocused(page, text) {
  const focused = await page.evaluate(() => document.querySelector('form-lotse').shadowRoot.activeElement?.textContent ?? '');
  assert.ok(focused.includes(text), `focus on «${text}», found «${focused.slice(0, 80)}»`);
}
