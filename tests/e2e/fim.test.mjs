// Forms imported from FIM (tests/fixtures/fim-*.json, written by formlotse-fim from the
// XDatenfelder samples in ../shared/fim): the Blaue Karte application is completed in Chromium
// like any form, every step accessible, and the receiver checks it against the same definition
// and accepts it; the payload carries the FIM ids that map the answers back to the schema.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, mountFixture, submissions, screenshot, baseUrl } from './browser.mjs';
import { assertAccessible } from './axe.mjs';
import { completeForm, german, withoutAttachmentIds } from './filler.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function fixture(file) {
  const response = await fetch(new URL(`/fixtures/${file}`, baseUrl));
  assert.equal(response.status, 200, file);
  return response.json();
}

test('the imported Blaue Karte form is completed, sent, and accepted by the receiver as valid', async () => {
  const definition = await fixture('fim-blaue-karte.json');
  const attributes = { src: '/fixtures/fim-blaue-karte.json', endpoint: '/api/submissions', draft: 'off' };
  const { context, page, form, problems } = await mountFixture(browser, attributes, german(definition.steps[0].title));
  const answers = await completeForm(form, definition, {
    onStep: (step) => assertAccessible(page, `on step «${german(step.title)}» of the imported Blaue Karte`),
  });
  // The sex comes from the (test) genericode list as radios; a missing list left a text field.
  assert.equal(answers.F00000065, 'm');
  assert.equal(typeof answers.F00000039, 'string');
  await assertAccessible(page, 'on the review page of the imported Blaue Karte');
  await screenshot(page, 'fim-blaue-karte-review');

  const before = (await submissions()).length;
  await form.getByRole('button', { name: 'Absenden' }).click();
  await form.getByRole('heading', { name: 'Ihr Antrag wurde gesendet' }).waitFor();
  const stored = await submissions();
  assert.equal(stored.length, before + 1, 'exactly one new submission');
  const last = stored.at(-1);
  assert.equal(last.formId, 'S00000121');
  assert.equal(last.verdict, 'valid', 'the receiver checked it against the imported definition');
  assert.deepEqual(withoutAttachmentIds(last.payload.answers), answers);
  assert.equal(last.payload.attachments.length, 2, 'the photo and the passport copy');
  // The FIM ids travel with the answers: schema, and each answered field.
  assert.equal(last.payload.fim.id, 'S00000121');
  assert.equal(last.payload.fim.version, '1.0');
  assert.deepEqual(Object.keys(last.payload.fim.fields).sort(), Object.keys(answers).sort());
  for (const [key, fim] of Object.entries(last.payload.fim.fields)) assert.deepEqual(fim, { id: key, version: '1.0' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a FIM rule shows as an info block where it applies, for the author to turn into a condition', async () => {
  const definition = await fixture('fim-anschrift-inland.json');
  const attributes = { src: '/fixtures/fim-anschrift-inland.json', endpoint: '/api/submissions', draft: 'off' };
  const { context, page, form, problems } = await mountFixture(browser, attributes, german(definition.steps[0].title));
  const rule = form.getByText(/^FIM-Regel R60000000019: Es muss entweder Feldgruppe G60000086/);
  assert.equal(await rule.count(), 2, 'on the group and on the street field');
  // Optional: its group is optional (0:1), which the report says.
  assert.ok(await form.getByRole('textbox', { name: 'Straße (optional)' }).isVisible());
  await assertAccessible(page, 'the imported Anschrift Inland');
  assert.deepEqual(problems, []);
  await context.close();
});
