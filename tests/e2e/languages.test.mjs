// Languages in the browser: the host page changes the element's `lang` and the assistant speaks
// it in place (step, answers and focus kept, even with draft="off"); the "(optional)" marker
// follows a `requiredIf`; the demo's dog registration is completed in Ukrainian and in Arabic
// (right to left, 320 px, Arabic-Indic digits typed, axe on every state, screenshots) and its
// bulky-waste form in Leichte Sprache, with the runtime's words from the fetched catalogs, and
// each payload holds the same answers as a German run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, mountFixture, submissions, screenshot, baseUrl } from './browser.mjs';
import { assertAccessible } from './axe.mjs';
import { DOG_ANSWERS, fillDogStep } from './dog.mjs';
import { GERMAN_WORDS, completeForm, german, inLanguage, withoutAttachmentIds } from './filler.mjs';

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
  // Removing the attribute: the language the element inherits applies (the page's, English now).
  await page.evaluate(() => { document.documentElement.lang = 'en'; document.querySelector('form-lotse').removeAttribute('lang'); });
  await form.getByRole('heading', { name: 'Check your answers' }).waitFor();
  assert.equal(await form.locator('.fl-assistant').getAttribute('lang'), 'en');
  await form.getByRole('button', { name: 'Send' }).click();
  await form.getByRole('heading', { name: 'Your application has been sent' }).waitFor();
  const stored = await submissions();
  assert.equal(stored.length, before + 1);
  assert.deepEqual(stored.at(-1).payload.answers, DOG_ANSWERS, 'nothing typed was lost');
  assert.deepEqual(problems.filter((p) => !p.includes('favicon')), []);
  await context.close();
});

test('a number keeps its value when the language changes, and the page can set its lang again after the switch', async () => {
  const attributes = { src: '/fixtures/zahlen-sprachen.json', endpoint: '/api/submissions', draft: 'off' };
  const { context, page, form, problems } = await mountFixture(browser, attributes, 'Die Sache');
  const before = (await submissions()).length;
  await form.getByLabel('Ungefährer Wert').fill('1.200');
  await form.getByLabel('Gewicht').fill('2,50');
  await setLang(page, 'en');
  await form.getByRole('heading', { name: 'The item' }).waitFor();
  // Read as English writes numbers, "1.200" would be 1.2: it is written anew instead.
  assert.equal(await form.getByLabel('Approximate value').inputValue(), '1,200');
  assert.equal(await form.getByLabel('Weight').inputValue(), '2.5');
  await form.getByRole('navigation').getByRole('button', { name: 'Deutsch' }).click();
  await form.getByRole('heading', { name: 'Die Sache' }).waitFor();
  assert.equal(await form.getByLabel('Ungefährer Wert').inputValue(), '1.200');
  // The page sets the same lang again after the citizen chose German in the switch: it applies.
  await setLang(page, 'en');
  await form.getByRole('heading', { name: 'The item' }).waitFor();
  await form.getByRole('button', { name: 'Continue' }).click();
  await form.getByRole('heading', { name: 'Check your answers' }).waitFor();
  const review = await form.locator('.fl-assistant').innerText();
  assert.match(review, /€1,200\.00/);
  assert.match(review, /2\.5 kg/);
  await form.getByRole('button', { name: 'Send' }).click();
  await form.getByRole('heading', { name: 'Your application has been sent' }).waitFor();
  const stored = await submissions();
  assert.equal(stored.length, before + 1);
  assert.deepEqual(stored.at(-1).payload.answers, { wert: 1200, gewicht: 2.5 });
  assert.deepEqual(problems.filter((p) => !p.includes('favicon')), []);
  await context.close();
});

test('a page language the form lacks shows the form in its first language, left to right, without fetching a catalog', async () => {
  const attributes = { src: '/fixtures/zahlen-sprachen.json', endpoint: '/api/submissions', draft: 'off', lang: 'ar' };
  const { context, page, form, problems } = await mountFixture(browser, attributes, 'Die Sache');
  const catalogs = () => page.evaluate(() => performance.getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname).filter((path) => path.includes('/i18n/')).map((path) => path.split('/').at(-1)));
  const assistant = form.locator('.fl-assistant');
  assert.equal(await assistant.getAttribute('lang'), 'de');
  assert.equal(await assistant.getAttribute('dir'), 'ltr');
  await form.getByRole('button', { name: 'Weiter' }).waitFor();
  await setLang(page, 'en-GB');
  await form.getByRole('heading', { name: 'The item' }).waitFor();
  assert.equal(await assistant.getAttribute('lang'), 'en');
  assert.deepEqual(await catalogs(), ['en.json'], 'no catalog for a language the form lacks');
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

/** The multilingual dog form's words per language: its labels and the runtime's catalog. */
const WORDS = {
  uk: {
    heading: ['Дані власника', 'Дані про собаку', 'Підтвердження'], switchName: 'Українська',
    first: 'Ім’я', last: 'Прізвище', day: 'День', month: 'Місяць', year: 'Рік', street: 'Вулиця та номер будинку',
    postcode: 'Поштовий індекс', town: 'Населений пункт', dog: 'Кличка собаки', breed: 'Порода', no: 'Ні',
    confirm: 'Я підтверджую, що мої дані правильні та повні.', next: 'Далі', problem: 'Виникла проблема',
    review: 'Перевірте свої відповіді', send: 'Надіслати', sent: 'Вашу заяву надіслано', progress: 'Крок 1 з 3',
  },
  ar: {
    heading: ['بيانات المالك', 'بيانات الكلب', 'التأكيد'], switchName: 'العربية',
    first: 'الاسم الأول', last: 'اسم العائلة', day: 'اليوم', month: 'الشهر', year: 'السنة', street: 'الشارع ورقم المنزل',
    postcode: 'الرمز البريدي', town: 'المدينة', dog: 'اسم الكلب', breed: 'السلالة', no: 'لا',
    confirm: 'أؤكد أن بياناتي صحيحة وكاملة.', next: 'متابعة', problem: 'توجد مشكلة',
    review: 'راجِع إجاباتك', send: 'إرسال', sent: 'تم إرسال طلبك', progress: 'الخطوة 1 من 3',
  },
};

/** Fills step `step` of the multilingual dog form in the language of `w`. */
async function fillInLanguage(form, w, step) {
  if (step === 0) {
    await form.getByLabel(w.first).fill('Erika');
    await form.getByLabel(w.last).fill('Mustermann');
    await form.getByLabel(w.day).fill('27');
    await form.getByLabel(w.month).fill('3');
    await form.getByLabel(w.year).fill('1985');
    await form.getByLabel(w.street).fill('Heidestraße 17');
    await form.getByLabel(w.postcode).fill('10557');
    await form.getByLabel(w.town, { exact: true }).fill('Berlin');
  } else if (step === 1) {
    await form.getByLabel(w.dog).fill('Bello');
    await form.getByLabel(w.breed).selectOption({ label: 'Labrador Retriever' });
    await form.getByLabel(w.day).fill('1');
    await form.getByLabel(w.month).fill('10');
    await form.getByLabel(w.year).fill('2025');
    await form.getByRole('radio', { name: w.no }).check();
  } else {
    await form.getByLabel(w.confirm).check();
  }
}

// ---- the demo's samples, completed in another language -------------------------------------

/** The assistant's own words in `tag`, from the catalog a town's server serves (runtime/i18n). */
function catalogWords(tag) {
  const catalog = JSON.parse(readFileSync(new URL(`../../runtime/i18n/${tag}.json`, import.meta.url), 'utf8'));
  return catalog.words;
}

/** Answers that take the samples down their conditional paths: two dogs, one of a listed breed
 * (so the step for a dangerous dog shows, with its file); a preferred date and a fee. */
const SAMPLE_VALUES = {
  'hund-anmelden': {
    hunde: [
      { hundename: 'Bello', rasse: 'labrador', chipnummer: '276098106123456', gefaehrlich: false },
      { hundename: 'Luna', rasse: 'staffordshire', chipnummer: '276098106654321', gefaehrlich: false },
    ],
    weitere_hunde: 0,
  },
  'sperrmuell-anmelden': {
    terminwahl: 'wunsch', abholungen: '2',
    teile: [{ bezeichnung: 'Kleiderschrank, zerlegt', anzahl: 1 }, { bezeichnung: 'Stühle', anzahl: 4 }],
  },
};

/** The labels, hints and legends of a step's fields and groups (items of repeats included). */
function fieldTexts(items) {
  return items.flatMap((item) => [
    ...(item.type === 'group' || item.type === 'repeat' ? [] : [{ id: item.id, label: item.label, hint: item.hint }]),
    ...(item.legend ? [{ legend: item.legend, hint: item.hint }] : []),
    ...fieldTexts(item.fields ?? []),
  ]);
}

/** The paths of the definition's texts (maps by language) that have no text in `lang`. */
function untranslated(value, lang, path = '') {
  if (Array.isArray(value)) return value.flatMap((v, i) => untranslated(v, lang, `${path}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  if (typeof value.de === 'string') return lang in value ? [] : [path];
  return Object.entries(value).flatMap(([key, v]) => untranslated(v, lang, `${path}/${key}`));
}

/** A text in exactly `lang` (no fallback), or the one text for every language. */
const own = (text, lang) => (typeof text === 'string' ? text : text?.[lang]);

/**
 * Asserts that the assistant shows the step in `lang`: every shown field's label in that
 * language and, for a language in another script, none of the step's German words (a text that
 * fell back to German would be a missing translation).
 */
async function assertStepSpeaks(form, step, lang) {
  const shown = await form.locator('.fl-assistant').innerText();
  assert.ok(shown.includes(inLanguage(step.title, lang)), `step ${step.id}: title in ${lang}`);
  for (const text of fieldTexts(step.fields ?? [])) {
    if (!text.id || !text.label) continue;
    const input = form.locator(`[id="fl-field-${text.id}"], [id^="fl-field-"][id$="].${text.id}"]`).first();
    if ((await input.count()) === 0 || !(await input.isVisible())) continue;
    const label = own(text.label, lang);
    assert.ok(label && shown.includes(label), `step ${step.id}: label of ${text.id} in ${lang}`);
  }
  if (lang === 'de-x-ls') return;
  for (const text of fieldTexts(step.fields ?? [])) {
    for (const words of [text.label, text.hint, text.legend]) {
      const de = german(words);
      if (de && own(words, lang) !== de) assert.ok(!shown.includes(de), `step ${step.id}: German «${de}» shown in ${lang}`);
    }
  }
}

/**
 * Completes the demo sample `file` in the language `tag` chosen from its language switch (or in
 * German), typing as the citizen would (`digits: 'arabic'`); `check(where)` runs on every step,
 * filled in, the error state, the review and the receipt. Returns the stored submission.
 */
async function completeSample(file, tag, { options = {}, digits = 'ascii', check = async () => {} } = {}) {
  const definition = await (await fetch(new URL(`/formulare/${file}`, baseUrl))).json();
  const attributes = { src: `/formulare/${file}`, endpoint: '/api/submissions', draft: 'off' };
  const { context, page, form, problems } = await mountFixture(browser, attributes, german(definition.steps[0].title), options);
  const words = tag === 'de' ? GERMAN_WORDS : catalogWords(tag);
  const before = (await submissions()).length;
  if (tag !== 'de') {
    const name = tag === 'de-x-ls' ? 'Leichte Sprache' : JSON.parse(readFileSync(new URL(`../../runtime/i18n/${tag}.json`, import.meta.url), 'utf8')).name;
    await form.getByRole('navigation', { name: 'Sprache' }).getByRole('button', { name, exact: true }).click();
    await form.getByRole('heading', { name: inLanguage(definition.steps[0].title, tag), exact: true }).waitFor();
    const assistant = form.locator('.fl-assistant');
    assert.equal(await assistant.getAttribute('lang'), tag);
    assert.equal(await assistant.getAttribute('dir'), tag === 'ar' ? 'rtl' : 'ltr');
    assert.equal(await form.locator('.fl-form-title').innerText(), inLanguage(definition.title, tag), 'the form\'s title');
    assert.deepEqual(untranslated(definition, tag), [], `every text of ${file} in ${tag}`);
  }
  // Nothing filled in: the error state, in the language's words.
  await form.getByRole('button', { name: words.next, exact: true }).click();
  await form.getByRole('heading', { name: words.error_summary_title }).waitFor();
  if (tag === 'uk' || tag === 'ar') {
    // The engine's messages come from the language's catalog, not the German built-in ones.
    const shown = await form.locator('.fl-assistant').innerText();
    assert.ok(!/Füllen Sie|Geben Sie|Wählen Sie|Bestätigen Sie/.test(shown), `no German message in ${tag}: ${shown}`);
    const starts = Object.entries(words).filter(([key]) => key.startsWith('error.required')).map(([, t]) => t.split('{label}')[0]);
    const links = await form.locator('.fl-error-summary a').allInnerTexts();
    assert.ok(links.some((link) => starts.some((start) => link.startsWith(start))), `a catalog message in ${tag}: ${links}`);
  }
  await check(page, 'errors');
  let n = 0;
  const answers = await completeForm(form, definition, {
    values: SAMPLE_VALUES[definition.id] ?? {},
    typing: { lang: tag, digits, words },
    onStep: (step) => assertStepSpeaks(form, step, tag),
    onFilled: async () => { n += 1; await check(page, `step-${n}`); },
  });
  await check(page, 'review');
  await form.getByRole('button', { name: words.send, exact: true }).click();
  await form.getByRole('heading', { name: words.sent_title }).waitFor();
  await check(page, 'receipt');
  const stored = await submissions();
  assert.equal(stored.length, before + 1);
  assert.deepEqual(problems.filter((p) => !p.includes('favicon')), []);
  await context.close();
  return { submission: stored.at(-1), answers };
}

/** The German run of a sample, once, for the other languages to compare with. */
const germanRuns = {};
async function germanRun(file) {
  germanRuns[file] ??= await completeSample(file, 'de');
  return germanRuns[file];
}

/** Asserts that a run in another language stored what the German run stored. */
async function assertSameAsGerman(file, { submission, answers }, tag) {
  const german = await germanRun(file);
  assert.equal(submission.payload.lang, tag);
  assert.equal(submission.verdict, 'valid', 'the receiver checked it with the same rules');
  assert.deepEqual(answers, german.answers, 'the filler gave the same answers');
  assert.deepEqual(withoutAttachmentIds(submission.payload.answers), withoutAttachmentIds(german.submission.payload.answers));
}

test('the dog registration sample is completed in Ukrainian: the same payload as in German', async () => {
  const run = await completeSample('hund-anmelden.json', 'uk');
  await assertSameAsGerman('hund-anmelden.json', run, 'uk');
});

test('the dog registration sample in Arabic: right to left at 320 px, Arabic-Indic digits typed, axe-clean, the same payload', async () => {
  const check = async (page, where) => {
    await assertAccessible(page, `ar: ${where}`);
    await screenshot(page, `ar-hund-${where}`);
    // Right to left, a box too wide overflows to the left, where no scrolling reaches it.
    const outside = await page.locator('form-lotse').locator('.fl-input, .fl-select, .fl-button').evaluateAll(
      (boxes) => boxes.filter((b) => b.getClientRects().length > 0)
        .map((b) => [b.id || b.textContent.trim(), b.getBoundingClientRect()])
        .filter(([, r]) => r.left < 0 || r.right > window.innerWidth).map(([name]) => name));
    assert.deepEqual(outside, [], `ar: ${where}: inputs inside the 320 px screen`);
    if (where === 'receipt') {
      // The reference (FL-2026-…) on one line, left to right, not broken at a hyphen.
      const reference = page.locator('form-lotse').locator('.fl-receipt__reference strong');
      assert.equal(await reference.evaluate((r) => r.getClientRects().length), 1, 'the reference is not broken');
    }
  };
  const run = await completeSample('hund-anmelden.json', 'ar', { options: { viewport: { width: 320, height: 640 } }, digits: 'arabic', check });
  await assertSameAsGerman('hund-anmelden.json', run, 'ar');
  // The digits typed as ١٠٥٥٧ and ٢٧٦٠٩٨١٠٦١٢٣٤٥٦ arrive as ASCII digits.
  assert.match(run.submission.payload.answers.plz, /^[0-9]{5}$/);
  assert.equal(run.submission.payload.answers.hunde[0].chipnummer, '276098106123456');
});

test('the bulky-waste sample is completed in Leichte Sprache, chosen from the language switch', async () => {
  const run = await completeSample('sperrmuell-anmelden.json', 'de-x-ls', {
    check: (page, where) => (where === 'errors' || where === 'receipt' ? assertAccessible(page, `de-x-ls: ${where}`) : undefined),
  });
  await assertSameAsGerman('sperrmuell-anmelden.json', run, 'de-x-ls');
});

test('switching the language on every step and on the review (draft="off") loses nothing', async () => {
  const attributes = { src: '/fixtures/hund-mehrsprachig.json', endpoint: '/api/submissions', draft: 'off' };
  const { context, form, problems } = await mountFixture(browser, attributes, 'Angaben zur Halterin oder zum Halter');
  const before = (await submissions()).length;
  const choose = async (name) => form.getByRole('navigation').getByRole('button', { name }).click();
  const order = ['uk', 'ar', 'uk'];
  for (const step of [0, 1, 2]) {
    const w = WORDS[order[step]];
    await choose(w.switchName);
    await form.getByRole('heading', { name: w.heading[step] }).waitFor();
    await fillInLanguage(form, w, step);
    await choose('Deutsch'); // and back: what was typed stays
    await form.getByRole('heading', { name: ['Angaben zur Halterin oder zum Halter', 'Angaben zum Hund', 'Bestätigung'][step] }).waitFor();
    await choose(w.switchName);
    await form.getByRole('button', { name: w.next }).click();
  }
  await form.getByRole('heading', { name: WORDS.uk.review }).waitFor();
  await choose('العربية');
  await form.getByRole('heading', { name: WORDS.ar.review }).waitFor();
  await choose('English');
  await form.getByRole('heading', { name: 'Check your answers' }).waitFor();
  await form.getByRole('button', { name: 'Send' }).click();
  await form.getByRole('heading', { name: 'Your application has been sent' }).waitFor();
  const stored = await submissions();
  assert.equal(stored.length, before + 1);
  assert.deepEqual(stored.at(-1).payload.answers, DOG_ANSWERS, 'nothing typed was lost');
  assert.deepEqual(problems.filter((p) => !p.includes('favicon')), []);
  await context.close();
});
