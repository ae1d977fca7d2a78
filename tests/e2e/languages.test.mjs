// Languages in the browser: the host page changes the element's `lang` and the assistant speaks
// it in place (step, answers and focus kept, even with draft="off"); the "(optional)" marker
// follows a `requiredIf`; the dog registration is completed in Ukrainian and in Arabic (right to
// left, 320 px, axe on every state, screenshots) with the runtime's words from the fetched
// catalogs, and the payload holds the same answers as in German.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, mountFixture, submissions, screenshot } from './browser.mjs';
import { assertAccessible } from './axe.mjs';
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

/** The multilingual dog form's words per language: its labels and the runtime's catalog. */
const WORDS = {
  uk: {
    heading: ['Дані власника', 'Дані про собаку', 'Підтвердження'], switchName: 'Українська',
    first: 'Ім’я', last: 'Прізвище', day: 'День', month: 'Місяць', year: 'Рік', street: 'Вулиця та номер будинку',
    postcode: 'Поштовий індекс', town: 'Населений пункт', dog: 'Кличка собаки', breed: 'Порода', no: 'Ні',
    confirm: 'Я підтверджую, що мої дані правильні та повні.', next: 'Далі', problem: 'Виникла проблема',
    review: 'Перевірте свої відповіді', send: 'Надіслати', sent: 'Вашу заяву надіслано', progress: 'Крок 1 з 3',
    // The engine's messages from the catalog (not the German built-in ones) and dates as written in Ukraine.
    errors: ['Заповніть поле «Ім’я».', 'Введіть дату в полі «Ваша дата народження».'], born: '27.03.1985',
  },
  ar: {
    heading: ['بيانات المالك', 'بيانات الكلب', 'التأكيد'], switchName: 'العربية',
    first: 'الاسم الأول', last: 'اسم العائلة', day: 'اليوم', month: 'الشهر', year: 'السنة', street: 'الشارع ورقم المنزل',
    postcode: 'الرمز البريدي', town: 'المدينة', dog: 'اسم الكلب', breed: 'السلالة', no: 'لا',
    confirm: 'أؤكد أن بياناتي صحيحة وكاملة.', next: 'متابعة', problem: 'توجد مشكلة',
    review: 'راجِع إجاباتك', send: 'إرسال', sent: 'تم إرسال طلبك', progress: 'الخطوة 1 من 3',
    errors: ['يُرجى ملء حقل «الاسم الأول».', 'يُرجى إدخال تاريخ في حقل «تاريخ ميلادك».'], born: '27/3/1985',
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

/** Completes the multilingual dog form in `tag` from its switch; returns the stored payload. */
async function completeIn(tag, options, shots) {
  const w = WORDS[tag];
  const attributes = { src: '/fixtures/hund-mehrsprachig.json', endpoint: '/api/submissions', draft: 'off' };
  const { context, page, form, problems } = await mountFixture(browser, attributes, 'Angaben zur Halterin oder zum Halter', options);
  const before = (await submissions()).length;
  await form.getByRole('navigation', { name: 'Sprache' }).getByRole('button', { name: w.switchName }).click();
  await form.getByRole('heading', { name: w.heading[0] }).waitFor();
  const assistant = form.locator('.fl-assistant');
  assert.equal(await assistant.getAttribute('lang'), tag);
  assert.equal(await assistant.getAttribute('dir'), tag === 'ar' ? 'rtl' : 'ltr');
  assert.match(await form.getByText(w.progress).innerText(), new RegExp(w.progress));
  const check = async (where) => {
    if (shots) {
      await assertAccessible(page, `${tag}: ${where}`);
      await screenshot(page, `${tag}-${where}`);
    }
  };
  await check('step-1');
  await form.getByRole('button', { name: w.next }).click(); // nothing filled in: the error state
  await form.getByRole('heading', { name: w.problem }).waitFor();
  for (const message of w.errors) {
    await form.getByRole('link', { name: message }).waitFor(); // in the error summary
    assert.ok((await form.getByText(message).count()) >= 2, `${message} at its field too`);
  }
  const shown = await assistant.innerText();
  assert.ok(!/Füllen Sie|Geben Sie|Wählen Sie/.test(shown), `no German message: ${shown}`);
  await check('step-1-errors');
  for (const step of [0, 1, 2]) {
    await form.getByRole('heading', { name: w.heading[step] }).waitFor();
    await fillInLanguage(form, w, step);
    if (step > 0) await check(`step-${step + 1}`);
    await form.getByRole('button', { name: w.next }).click();
  }
  await form.getByRole('heading', { name: w.review }).waitFor();
  await form.getByText(w.born, { exact: true }).waitFor(); // the date of birth, as written in the language
  await check('review');
  await form.getByRole('button', { name: w.send }).click();
  await form.getByRole('heading', { name: w.sent }).waitFor();
  await check('receipt');
  const stored = await submissions();
  assert.equal(stored.length, before + 1);
  assert.deepEqual(problems.filter((p) => !p.includes('favicon')), []);
  await context.close();
  return stored.at(-1).payload;
}

test('the dog registration is completed in Ukrainian: the same answers as in German', async () => {
  const payload = await completeIn('uk', {}, false);
  assert.equal(payload.lang, 'uk');
  assert.deepEqual(payload.answers, DOG_ANSWERS);
});

test('the dog registration is completed in Arabic, right to left at 320 px, axe-clean on every step', async () => {
  const payload = await completeIn('ar', { viewport: { width: 320, height: 640 } }, true);
  assert.equal(payload.lang, 'ar');
  assert.deepEqual(payload.answers, DOG_ANSWERS);
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
