// Never lose what a citizen typed: drafts in sessionStorage (default), localStorage
// (draft="local", with an expiry and "Entwurf löschen") or nowhere (draft="off").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, open, submissions, screenshot } from './browser.mjs';
import { fillDogStep, DOG_ANSWERS, DOG_STEP_TITLES, DOG_PAGE } from './dog.mjs';
import { assertAccessible } from './axe.mjs';

const KEY = 'formlotse-draft:hund-einfach';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Waits until the debounced save has written the draft, and returns it parsed. */
async function storedDraft(page, storage = 'sessionStorage') {
  await page.waitForFunction(([s, key]) => window[s].getItem(key) !== null, [storage, KEY]);
  return page.evaluate(([s, key]) => JSON.parse(window[s].getItem(key)), [storage, KEY]);
}

test('a reload restores every answer and the step; sending deletes the draft', async () => {
  const { context, page, problems } = await open(browser, DOG_PAGE);
  const form = page.locator('form-lotse');
  await fillDogStep(form, 0);
  assert.equal((await storedDraft(page)).answers.nachname.text, 'Mustermann');
  await page.reload();
  await form.getByText('Ihre Angaben wurden wiederhergestellt.').waitFor();
  assert.match(await form.locator('.fl-banner').textContent(), /Zuletzt gespeichert am \d\d\.\d\d\.\d{4} um \d\d:\d\d Uhr\./);
  assert.equal(await form.getByLabel('Nachname').inputValue(), 'Mustermann');
  assert.equal(await form.getByLabel('Monat').inputValue(), '3');
  await form.getByRole('button', { name: 'Weiter' }).click();
  await fillDogStep(form, 1);
  await page.waitForFunction((key) => JSON.parse(sessionStorage.getItem(key)).answers.gefaehrlich?.text === 'no', KEY);
  await page.reload();
  // Back on the step the citizen was on, with the answers of both steps.
  await form.getByRole('heading', { name: DOG_STEP_TITLES[1] }).waitFor();
  assert.equal(await form.getByLabel('Name des Hundes').inputValue(), 'Bello');
  assert.ok(await form.getByRole('radio', { name: 'Nein' }).isChecked());
  await screenshot(page, 'draft-restored');
  await assertAccessible(page, 'with a restored draft');
  await form.getByRole('button', { name: 'Weiter' }).click();
  await fillDogStep(form, 2);
  await form.getByRole('button', { name: 'Weiter' }).click();
  await form.getByRole('button', { name: 'Absenden' }).click();
  await form.getByRole('heading', { name: 'Ihr Antrag wurde gesendet' }).waitFor();
  assert.deepEqual((await submissions()).at(-1).payload.answers, DOG_ANSWERS);
  assert.equal(await page.evaluate((key) => sessionStorage.getItem(key), KEY), null, 'the draft is gone');
  await page.reload();
  await form.getByLabel('Vorname').waitFor();
  assert.equal(await form.getByLabel('Vorname').inputValue(), '');
  assert.equal(await form.locator('.fl-banner').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('draft="local" survives closing the tab, says so, expires, and "Entwurf löschen" deletes it', async () => {
  const { context, page } = await open(browser, '/fixtures/draft-local.html');
  const form = page.locator('form-lotse');
  await form.getByText(/bis zu 7 Tage auf diesem Gerät gespeichert/).waitFor();
  await assertAccessible(page, 'with drafts kept on the device');
  await form.getByLabel('Vorname').fill('Erika');
  await storedDraft(page, 'localStorage');
  await page.close();
  const second = await context.newPage();
  await second.goto(new URL('/fixtures/draft-local.html', process.env.FORMLOTSE_URL ?? 'http://127.0.0.1:8080').href);
  const again = second.locator('form-lotse');
  await again.getByText('Ihre Angaben wurden wiederhergestellt.').waitFor();
  assert.equal(await again.getByLabel('Vorname').inputValue(), 'Erika');
  await again.getByRole('button', { name: 'Entwurf löschen' }).click();
  await again.getByText('Der Entwurf wurde gelöscht.').waitFor();
  assert.equal(await again.getByLabel('Vorname').inputValue(), '');
  assert.equal(await second.evaluate((key) => localStorage.getItem(key), KEY), null);

  // A draft older than 7 days is not restored, and removed.
  await again.getByLabel('Vorname').fill('Alt');
  const draft = await storedDraft(second, 'localStorage');
  await second.evaluate(([key, draft]) => {
    draft.savedAt = Date.now() - 8 * 24 * 3600 * 1000;
    localStorage.setItem(key, JSON.stringify(draft));
  }, [KEY, draft]);
  await second.reload();
  await again.getByLabel('Vorname').waitFor();
  assert.equal(await again.getByLabel('Vorname').inputValue(), '');
  assert.equal(await second.evaluate((key) => localStorage.getItem(key), KEY), null);
  await context.close();
});

test('a draft of an older version keeps what still fits and says what changed', async () => {
  const { context, page } = await open(browser, DOG_PAGE);
  const form = page.locator('form-lotse');
  await form.getByLabel('Vorname').waitFor();
  await page.evaluate((key) => sessionStorage.setItem(key, JSON.stringify({
    formlotseDraft: 1, form: 'hund-einfach', version: '2020-01', savedAt: Date.now(), step: 0,
    answers: { vorname: { text: 'Erika' }, hundefarbe: { text: 'braun' }, nachname: { date: ['1', '2', '3'] } },
  })), KEY);
  await page.reload();
  await form.getByText('Ihre Angaben wurden wiederhergestellt.').waitFor();
  await form.getByText(/Das Formular wurde inzwischen geändert/).waitFor();
  assert.equal(await form.getByLabel('Vorname').inputValue(), 'Erika');
  assert.equal(await form.getByLabel('Nachname').inputValue(), '');
  await context.close();
});

test('draft="off" keeps nothing', async () => {
  const { context, page } = await open(browser, '/fixtures/draft-off.html');
  const form = page.locator('form-lotse');
  await form.getByLabel('Vorname').fill('Erika');
  await page.waitForTimeout(800);
  assert.deepEqual(await page.evaluate(() => [sessionStorage.length, localStorage.length]), [0, 0]);
  await page.reload();
  await form.getByLabel('Vorname').waitFor();
  assert.equal(await form.getByLabel('Vorname').inputValue(), '');
  await context.close();
});

test('"Antworten speichern" writes a file that "Antworten laden" restores, in another browser', async () => {
  const first = await open(browser, DOG_PAGE);
  const form = first.page.locator('form-lotse');
  await fillDogStep(form, 0);
  await form.getByRole('button', { name: 'Weiter' }).click();
  await form.getByLabel('Name des Hundes').fill('Bello');
  const [download] = await Promise.all([
    first.page.waitForEvent('download'),
    form.getByRole('button', { name: 'Antworten speichern' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'hund-einfach-antworten.json');
  const file = join(tmpdir(), `formlotse-antworten-${process.pid}.json`);
  await download.saveAs(file);
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(saved.form, 'hund-einfach');
  assert.equal(saved.answers.hundename.text, 'Bello');
  await first.context.close();

  const second = await open(browser, DOG_PAGE);
  const again = second.page.locator('form-lotse');
  await again.getByLabel('Vorname').waitFor();
  const [chooser] = await Promise.all([
    second.page.waitForEvent('filechooser'),
    again.getByRole('button', { name: 'Antworten laden' }).click(),
  ]);
  await chooser.setFiles(file);
  await again.getByText('Ihre Angaben wurden aus der Datei geladen.').waitFor();
  await again.getByRole('heading', { name: DOG_STEP_TITLES[1] }).waitFor();
  assert.equal(await again.getByLabel('Name des Hundes').inputValue(), 'Bello');
  await again.getByRole('button', { name: 'Zurück' }).click();
  assert.equal(await again.getByLabel('Nachname').inputValue(), 'Mustermann');

  // Something else is refused, and nothing changes.
  const [other] = await Promise.all([
    second.page.waitForEvent('filechooser'),
    again.getByRole('button', { name: 'Antworten laden' }).click(),
  ]);
  const notAnswers = join(tmpdir(), `formlotse-keine-antworten-${process.pid}.json`);
  writeFileSync(notAnswers, '{"formlotse": 1, "id": "etwas-anderes"}');
  await other.setFiles(notAnswers);
  await again.getByText(/enthält keine gespeicherten Antworten/).waitFor();
  assert.equal(await again.getByLabel('Nachname').inputValue(), 'Mustermann');
  await second.context.close();
});
