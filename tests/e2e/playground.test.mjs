// The playground at /: every sample is completed in its preview and arrives at the receiver,
// checked; every step passes axe; a typo shows a diagnostic at its line and fixing it updates
// the preview; the embed snippet is copied; the page works by keyboard and at 320 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, submissions, screenshot, cspViolations, baseUrl } from './browser.mjs';
import { assertAccessible } from './axe.mjs';
import { completeForm, fillStep, german, withoutAttachmentIds } from './filler.mjs';

/**
 * Answers the generic filler cannot guess (texts with a pattern), and choices that take each
 * sample down its conditional paths: two dogs, one of a listed breed; a register entry and a
 * second person; a company with two areas; a preferred date; a leased car; a lost phone.
 */
const VALUES = {
  'hund-anmelden': {
    hunde: [
      { hundename: 'Bello', rasse: 'labrador', chipnummer: '276098106123456', gefaehrlich: false },
      { hundename: 'Luna', rasse: 'staffordshire', chipnummer: '276098106654321', gefaehrlich: false },
    ],
    weitere_hunde: 0,
  },
  'gewerbe-anmelden': {
    rechtsform: 'gmbh', registerart: 'HRB', registernummer: '12345',
    personen: [{}, { funktion: 'gesellschafter', staatsangehoerigkeit: 'andere', aufenthaltstitel: 'Niederlassungserlaubnis Y1234567' }],
  },
  'sondernutzung-strasse': {
    antragsart: 'firma',
    flaechen: [{ bezeichnung: 'Gerüst', laenge: 12.5, breite: 1.2 }, { bezeichnung: 'Container', laenge: 3.5, breite: 2 }],
  },
  'sperrmuell-anmelden': {
    terminwahl: 'wunsch', abholungen: '2',
    teile: [{ bezeichnung: 'Kleiderschrank, zerlegt', anzahl: 1 }, { bezeichnung: 'Stühle', anzahl: 4 }],
  },
  bewohnerparkausweis: { kennzeichen: 'MS-AB 123', laenge: 4.85, halter: 'leasing', elektro: false, laufzeit: '24' },
  'fundbuero-verlust': { kategorie: 'handy', wert: 850, unterwegs: 'oepnv', linie: 'Bus 12 Richtung Hafen' },
};

/** What each sample's calculated fields must come to with those answers, by path: [payload, shown]. */
const CALCULATED = {
  // 144 € for the Labrador, 600 € for the Staffordshire; the household's first dog 48 € less.
  'hund-anmelden': { 'hunde[0].satz': [144, '144,00 €'], 'hunde[1].satz': [600, '600,00 €'], steuerbetrag: [696, '696,00 €'] },
  // 26 € and 13 € for the second person.
  'gewerbe-anmelden': { gebuehr: [39, '39,00 €'] },
  // 15 m² + 7 m², 4 days (the filler's range), 1,50 € → 132 €.
  'sondernutzung-strasse': {
    'flaechen[0].flaeche': [15, null], 'flaechen[1].flaeche': [7, null], gesamtflaeche: [22, null],
    tage: [4, null], satz: [1.5, '1,50 €'], gebuehr: [132, '132,00 €'],
  },
  'sperrmuell-anmelden': { stueckzahl: [5, null], gebuehr: [35, '35,00 €'] },
  // Over 4,70 m: 180 € a year, for two years, not electric.
  bewohnerparkausweis: { gebuehr: [360, '360,00 €'] },
  // 5 % of 500 € plus 3 % of 350 €.
  'fundbuero-verlust': { finderlohn: [35.5, '35,50 €'] },
};

/** Sets `path` (`steuer`, `hunde[1].satz`) in a copy of `answers`. */
function withValue(answers, path, value) {
  const copy = structuredClone(answers);
  const item = /^(.+)\[(\d+)\]\.(.+)$/.exec(path);
  if (item) copy[item[1]][Number(item[2])][item[3]] = value;
  else copy[path] = value;
  return copy;
}

let browser;
let samples;
before(async () => {
  browser = await launch();
  const response = await fetch(new URL('/api/forms', baseUrl));
  samples = await response.json();
});
after(async () => { await browser?.close(); });

async function definitionOf(sample) {
  return (await fetch(new URL(sample.src, baseUrl))).json();
}

/** Opens the playground with `file` chosen and waits for its preview's first step. */
async function openPlayground(file, options) {
  const opened = await open(browser, file ? `/?beispiel=${file}` : '/', options);
  await opened.page.locator('#preview #fl-step-title').waitFor();
  return opened;
}

test('the sample index lists the six municipal samples, every one loading', () => {
  const ids = samples.map((s) => s.id).sort();
  assert.deepEqual(ids, [
    'bewohnerparkausweis', 'fundbuero-verlust', 'gewerbe-anmelden', 'hund-anmelden', 'sondernutzung-strasse',
    'sperrmuell-anmelden',
  ]);
  for (const sample of samples) assert.equal(sample.problems, 0, sample.file);
});

// One test per sample file on disk, so a new sample is covered without touching this file.
const FILES = await fetch(new URL('/api/forms', baseUrl)).then((r) => r.json()).then((list) => list.map((s) => s.file));
for (const file of FILES) {
  test(`${file}: completed in the preview, every step accessible, received and checked by the server`, async () => {
    const sample = samples.find((s) => s.file === file);
    const definition = await definitionOf(sample);
    const { context, page, problems } = await openPlayground(file);
    assert.equal(await page.locator('#sample').inputValue(), file);
    const preview = page.locator('#preview');
    const stepsScanned = [];
    const calculated = {};
    const answers = await completeForm(preview, definition, {
      values: VALUES[definition.id] ?? {},
      calculated,
      onStep: async (step) => {
        await assertAccessible(page, `on step «${german(step.title)}» of ${file}`);
        stepsScanned.push(step.id);
      },
      // Again once filled: the answers show warnings, fields and fees that were hidden.
      onFilled: (step) => assertAccessible(page, `on step «${german(step.title)}» of ${file}, filled in`),
    });
    assert.ok(stepsScanned.length >= 3, `${file} has steps: ${stepsScanned}`);
    const fees = CALCULATED[definition.id] ?? {};
    for (const [id, [, text]] of Object.entries(fees)) {
      if (text !== null) assert.equal(calculated[id], text, `${id} as shown`);
    }
    await assertAccessible(page, `on the review page of ${file}`);
    await screenshot(page, `playground-${definition.id}-review`);

    const before = (await submissions()).length;
    await preview.getByRole('button', { name: 'Absenden' }).click();
    await preview.getByRole('heading', { name: 'Ihr Antrag wurde gesendet' }).waitFor();
    await assertAccessible(page, `on the receipt of ${file}`);

    const stored = await submissions();
    assert.equal(stored.length, before + 1, 'exactly one new submission');
    const last = stored.at(-1);
    assert.equal(last.formId, definition.id);
    assert.equal(last.verdict, 'valid', 'the receiver checked it against the sample');
    assert.equal(last.payload.version, definition.version);
    const expected = Object.entries(fees).reduce((all, [path, [value]]) => withValue(all, path, value), answers);
    assert.deepEqual(withoutAttachmentIds(last.payload.answers), expected);
    const files = Object.values(answers).filter((v) => Array.isArray(v) && v[0]?.size !== undefined).flat();
    assert.equal(last.payload.attachments.length, files.length, 'every chosen file is attached');

    // The panel of received applications lists it with its exact payload.
    const panel = page.getByRole('region', { name: 'Eingegangene Anträge' });
    const entry = panel.getByText(`${last.reference} · ${definition.id}`);
    await entry.waitFor();
    await entry.click();
    assert.deepEqual(JSON.parse(await panel.locator('pre').first().textContent()), last.payload);
    assert.deepEqual(problems.filter((p) => !p.includes('favicon')), []);
    assert.deepEqual(await cspViolations(page), []);
    await context.close();
  });
}

test('every sample speaks English in the preview: its language switch changes the step and its fields', async () => {
  for (const sample of samples) {
    const definition = await definitionOf(sample);
    const { context, page } = await openPlayground(sample.file);
    const preview = page.locator('#preview');
    await preview.getByRole('navigation', { name: 'Sprache' }).getByRole('button', { name: 'English' }).click();
    const [first] = definition.steps;
    await preview.getByRole('heading', { name: first.title.en, exact: true }).waitFor();
    await preview.getByRole('button', { name: 'Continue' }).click();
    await preview.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await assertAccessible(page, `on the first step of ${sample.file} in English, with errors`);
    await context.close();
  }
});

test('a typo shows a diagnostic with its line, keeps the last good preview; fixing it updates the preview', async () => {
  const { context, page, problems } = await openPlayground('hund-anmelden.json');
  const editor = page.getByLabel('JSON der Definition');
  const preview = page.locator('#preview');
  await preview.getByLabel('Vorname').waitFor();
  const summary = page.locator('#diagnostics-summary');
  assert.equal(await summary.textContent(), 'Keine Probleme. Die Vorschau zeigt diese Fassung.');
  assert.equal(await page.locator('#diagnostics li').count(), 0);

  // A typo in the key "label" of the field "vorname", made at the keyboard: "labe".
  const text = await editor.inputValue();
  const at = text.indexOf('"label"', text.indexOf('"id": "vorname"'));
  const line = text.slice(0, at).split('\n').length;
  await editor.focus();
  await editor.evaluate((element, position) => element.setSelectionRange(position, position), at + 5);
  await page.keyboard.press('Delete');
  const diagnostic = page.locator('#diagnostics li').first();
  await diagnostic.waitFor();
  const words = await diagnostic.textContent();
  assert.match(words, new RegExp(`^Zeile ${line}, Spalte \\d+: `), words);
  assert.match(words, /label/, 'the message names the key it expected');
  assert.match(await summary.textContent(), /^\d+ Probleme?\. Die Vorschau zeigt die letzte Fassung ohne Fehler\.$/);
  // The gutter marks the line; the preview still shows the last good version, and says so.
  assert.deepEqual(await page.locator('.gutter .gutter-error').allTextContents(), [String(line)]);
  assert.ok(await page.locator('#preview-note').isVisible());
  assert.ok(await preview.getByLabel('Vorname').isVisible());
  await assertAccessible(page, 'with a diagnostic in the playground');
  await screenshot(page, 'playground-diagnostic');

  // The diagnostic takes the cursor to its line.
  await diagnostic.getByRole('button').click();
  const caretLine = await editor.evaluate((element) => element.value.slice(0, element.selectionStart).split('\n').length);
  assert.equal(caretLine, line);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'editor');
  // The gutter is as tall as the editor and scrolled with it: the marked number is in view.
  const [gutterBox, editorBox] = [await page.locator('.gutter').boundingBox(), await editor.boundingBox()];
  assert.ok(Math.abs(gutterBox.height - editorBox.height) < 2, `gutter ${gutterBox.height}, editor ${editorBox.height}`);
  assert.ok(await editor.evaluate((e) => e.scrollTop > 0), 'the editor scrolled to the line');
  const mark = await page.locator('.gutter .gutter-error').boundingBox();
  assert.ok(mark.y >= editorBox.y && mark.y + mark.height <= editorBox.y + editorBox.height, 'the marked line number is in view');

  // Fixed, and renamed: the preview follows.
  const broken = await editor.inputValue();
  await editor.fill(broken.replace('"labe"', '"label"').replace('"de": "Vorname", "en": "First name"', '"de": "Rufname", "en": "Given name"'));
  await preview.getByLabel('Rufname').waitFor();
  assert.equal(await page.locator('#diagnostics li').count(), 0);
  assert.equal(await summary.textContent(), 'Keine Probleme. Die Vorschau zeigt diese Fassung.');
  assert.ok(!(await page.locator('#preview-note').isVisible()));
  assert.equal(await preview.getByLabel('Vorname').count(), 0);

  // "Änderungen verwerfen" brings back the served text and its preview.
  await page.getByRole('button', { name: 'Änderungen verwerfen' }).click();
  await preview.getByLabel('Vorname').waitFor();
  assert.equal(await editor.inputValue(), text);
  assert.deepEqual(problems.filter((p) => !p.includes('favicon')), []);
  await context.close();
});

test('an edit keeps the preview where the author was: the step and the answers come back', async () => {
  const { context, page, problems } = await openPlayground('hund-anmelden.json');
  const preview = page.locator('#preview');
  const definition = await definitionOf(samples.find((s) => s.file === 'hund-anmelden.json'));
  await fillStep(preview, definition, definition.steps[0]);
  await preview.getByRole('button', { name: 'Weiter', exact: true }).click();
  await preview.getByRole('heading', { name: 'Ihre Hunde' }).waitFor();
  await preview.getByLabel('Name des Hundes').fill('Bello');
  // The assistant keeps its draft in sessionStorage (debounced); the remount reads it.
  await page.waitForFunction(() => (sessionStorage.getItem('formlotse-draft:hund-anmelden') ?? '').includes('Bello'));
  const editor = page.getByLabel('JSON der Definition');
  await editor.fill((await editor.inputValue()).replace('"de": "Name des Hundes"', '"de": "Rufname des Hundes"'));
  await preview.getByLabel('Rufname des Hundes').waitFor();
  assert.equal(await preview.getByLabel('Rufname des Hundes').inputValue(), 'Bello');
  assert.ok(await preview.getByRole('heading', { name: 'Ihre Hunde' }).isVisible());
  await preview.getByText('Ihre Angaben wurden wiederhergestellt.').waitFor();
  await screenshot(page, 'playground-edit-keeps-step');
  await preview.getByRole('button', { name: 'Zurück' }).click();
  assert.equal(await preview.getByLabel('Nachname').inputValue(), 'Mustermann');
  assert.deepEqual(problems.filter((p) => !p.includes('favicon')), []);
  await context.close();
});

test('an empty list of steps is reported at its line; a new definition of its own is previewed', async () => {
  const { context, page } = await openPlayground('fundbuero-verlust.json');
  const editor = page.getByLabel('JSON der Definition');
  await editor.fill('{\n  "formlotse": 1,\n  "id": "neu",\n  "title": "Neu",\n  "steps": []\n}');
  await page.locator('#diagnostics li').first().waitFor();
  assert.match(await page.locator('#diagnostics li').first().textContent(), /^Zeile 5, Spalte \d+: /);
  // The last good preview (the lost-property report) stays.
  assert.ok(await page.locator('#preview').getByRole('heading', { name: 'Was haben Sie verloren?' }).isVisible());
  await editor.fill('{\n  "formlotse": 1,\n  "id": "neu",\n  "title": "Neu",\n  "steps": [{"id": "s", "title": "Ein Schritt", "fields": [\n    {"id": "frage", "type": "text", "label": "Eine Frage"}\n  ]}]\n}');
  await page.locator('#preview').getByLabel('Eine Frage').waitFor();
  assert.equal(await page.locator('#diagnostics li').count(), 0);
  await context.close();
});

test('choosing another sample loads its text, preview and snippet; the snippet is copied with a status message', async () => {
  const { context, page } = await openPlayground('hund-anmelden.json');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
  await page.getByLabel('Beispielformular').selectOption('sperrmuell-anmelden.json');
  await page.locator('#preview').getByRole('heading', { name: 'Wo holen wir ab?' }).waitFor();
  assert.match(await page.getByLabel('JSON der Definition').inputValue(), /"id": "sperrmuell-anmelden"/);
  assert.equal(new URL(page.url()).searchParams.get('beispiel'), 'sperrmuell-anmelden.json');
  const origin = new URL(baseUrl).origin;
  const expected =
    `<script src="${origin}/formlotse/formlotse.js" defer></script>\n` +
    `<form-lotse src="${origin}/formulare/sperrmuell-anmelden.json" endpoint="${origin}/api/submissions"></form-lotse>`;
  assert.equal(await page.locator('#snippet').textContent(), expected);

  await page.getByRole('button', { name: 'Snippet kopieren' }).click();
  await page.getByRole('status').filter({ hasText: 'Das Snippet ist in der Zwischenablage.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected);

  // The snippet works: pasted into a page of its own, it shows the sample.
  const other = await context.newPage();
  await other.setContent(`<!doctype html><html lang="de"><title>Kopie</title><body>${expected}</body></html>`);
  await other.locator('form-lotse').getByRole('heading', { name: 'Wo holen wir ab?' }).waitFor();
  await context.close();
});

test('the playground works by keyboard alone: choose a sample, edit, jump to a diagnostic, copy', async () => {
  const { context, page } = await openPlayground('hund-anmelden.json');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
  const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
  async function tabTo(id) {
    for (let i = 0; i < 30; i++) {
      if ((await focused()) === id) return;
      await page.keyboard.press('Tab');
    }
    assert.fail(`#${id} is not reachable with Tab`);
  }
  await page.locator('h1').click();
  await tabTo('sample');
  await page.keyboard.press('ArrowDown'); // the next sample in the list: the street permit
  await page.locator('#preview').getByRole('heading', { name: 'Wer stellt den Antrag?' }).waitFor();
  await tabTo('editor');
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.type('!'); // after "formlotse": 1, on line 3
  await page.locator('#diagnostics li').first().waitFor();
  assert.match(await page.locator('#diagnostics li').first().textContent(), /^Zeile 3, /);
  // Tab leaves the editor (no trap) and reaches the diagnostic; Enter goes back to its line.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'diagnostic');
  await page.keyboard.press('Enter');
  assert.equal(await focused(), 'editor');
  assert.equal(await page.locator('#editor').evaluate((e) => e.value.slice(0, e.selectionStart).split('\n').length), 3);
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace'); // the "!" goes
  await page.locator('#diagnostics-summary', { hasText: 'Keine Probleme' }).waitFor();
  await tabTo('copy');
  await page.keyboard.press('Enter');
  await page.locator('#copy-status', { hasText: 'Das Snippet ist in der Zwischenablage.' }).waitFor();
  await context.close();
});

test('at 320 CSS pixels the playground does not scroll sideways', async () => {
  const { context, page } = await openPlayground('gewerbe-anmelden.json', { viewport: { width: 320, height: 640 } });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0);
  await screenshot(page, 'playground-narrow');
  await assertAccessible(page, 'in the playground at 320 px');
  await context.close();
});
