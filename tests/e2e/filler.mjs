// A generic citizen: completes any form definition step by step with valid answers chosen from
// each field's type and rules, and returns the answers the payload must then hold.
//
// It walks the definition's fields and fills only the inputs the assistant shows on the current
// step (a field that is not shown is left alone), so it follows whatever path the form takes.
// A text with a `pattern` cannot be guessed: give it in `values`, as do any answers a test wants
// to choose itself (payload shape: text, number, 'YYYY-MM-DD', option value, true/false, array;
// for a repeatable group an array with one object of values per item, which sets the item count).
// In another language (`lang`, with the assistant's `words` of that language) it finds steps and
// buttons by their texts in that language; `digits: 'arabic'` types every digit as an
// Arabic-Indic one (٠–٩), as an Arabic keyboard does.

/** The assistant's own words the filler needs, in German (built in). */
export const GERMAN_WORDS = {
  next: 'Weiter', review_title: 'Ihre Angaben prüfen', error_summary_title: 'Es gibt ein Problem',
  add_item: 'Weiteren Eintrag hinzufügen', send: 'Absenden', sent_title: 'Ihr Antrag wurde gesendet',
};

/** A definition text in German (or the one text given for every language). */
export function german(text) {
  return typeof text === 'string' ? text : text?.de;
}

/** A definition text in `lang`, along its tag (`de-x-ls` → `de`), else German, as the runtime
 * falls back. */
export function inLanguage(text, lang) {
  if (typeof text === 'string' || text === undefined) return text;
  for (let tag = lang; tag; tag = tag.includes('-') ? tag.replace(/-?[^-]+$/, '').replace(/-x$/, '') : '') {
    if (text[tag] !== undefined) return text[tag];
  }
  return text.de;
}

/** `text` with its ASCII digits as Arabic-Indic ones (٠١٢٣٤٥٦٧٨٩). */
export function arabicDigits(text) {
  return String(text).replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
}

/** The fields of a list of fields and groups, groups opened, content blocks left out; a
 * repeatable group stays one entry (its items are filled one by one). */
function fieldsOf(items) {
  const CONTENT = new Set(['heading', 'paragraph', 'info', 'warning']);
  return items.flatMap((item) => {
    if (item.type === 'group') return fieldsOf(item.fields ?? []);
    if (CONTENT.has(item.type)) return [];
    return [item];
  });
}

// ---- dates, as the format writes them (docs/definition-format.md) ---------------------------

function startOfDay(date) {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

function addDays(date, days) {
  const result = new Date(date);
  result.setDate(result.getDate() + days);
  return result;
}

/** `2026-01-31`, `today`, `today-18y`, `today+14d`, `today+3m` as a local date. */
export function resolveDate(bound, today = startOfDay(new Date())) {
  if (!bound) return null;
  const fixed = /^(\d{4})-(\d{2})-(\d{2})$/.exec(bound);
  if (fixed) return new Date(Number(fixed[1]), Number(fixed[2]) - 1, Number(fixed[3]));
  const relative = /^today(?:([+-])(\d+)([dmy]))?$/.exec(bound);
  if (!relative) throw new Error(`not a date bound: ${bound}`);
  const result = new Date(today);
  if (relative[1]) {
    const n = Number(relative[2]) * (relative[1] === '-' ? -1 : 1);
    if (relative[3] === 'd') result.setDate(result.getDate() + n);
    if (relative[3] === 'm') result.setMonth(result.getMonth() + n);
    if (relative[3] === 'y') result.setFullYear(result.getFullYear() + n);
  }
  return result;
}

export function isoDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A date inside the field's limits (a few days in from them, so midnight cannot matter). */
function validDate(field, answers) {
  let low = resolveDate(field.minDate);
  const high = resolveDate(field.maxDate);
  const before = field.after && answers[field.after] ? resolveDate(answers[field.after]) : null;
  if (before && (!low || addDays(before, 1) > low)) low = addDays(before, 1);
  // From the near end of a long range: an adult born recently enough, not in 1900.
  const long = !low || high - low > 3650 * 86_400_000;
  if (high && long && (!low || addDays(high, -400) > low)) return addDays(high, -400);
  if (low && high) return addDays(low, Math.min(2, Math.floor((high - low) / 86_400_000 / 2)));
  if (low) return addDays(low, 2);
  if (high) return addDays(high, -2);
  return addDays(startOfDay(new Date()), -30);
}

// ---- a valid answer per field type ----------------------------------------------------------

const BY_AUTOCOMPLETE = {
  'given-name': 'Erika',
  'family-name': 'Mustermann',
  'street-address': 'Heidestraße 17',
  'address-level2': 'Musterstadt',
  organization: 'Muster & Söhne GmbH',
};

// Without an autocomplete token (as inside a repeatable group), by the usual ids.
const BY_ID = { vorname: 'Erika', nachname: 'Mustermann', strasse: 'Heidestraße 17', ort: 'Musterstadt' };

function fitLength(text, field) {
  let result = text;
  while (field.minLength && [...result].length < field.minLength) result += ` ${text}`;
  if (field.maxLength) result = [...result].slice(0, field.maxLength).join('').trim();
  return result;
}

function optionsOf(field, definition) {
  const options = typeof field.options === 'string' ? definition.codeLists?.[field.options] : field.options;
  return options ?? [];
}

/** The payload value a citizen could give `field`, or throws when none can be guessed. */
function answerFor(field, definition, answers) {
  switch (field.type) {
    case 'text':
      if (field.pattern) throw new Error(`field ${field.id} has a pattern (${field.pattern}): give its value`);
      if (field.equals) return answers[field.equals];
      return fitLength(BY_AUTOCOMPLETE[field.autocomplete] ?? BY_ID[field.id] ?? 'Beispielangabe', field);
    case 'textarea':
      return fitLength('Eine Beispielangabe für dieses Feld, so wie sie jemand schreiben würde.', field);
    case 'email':
      return field.equals ? answers[field.equals] : 'erika.mustermann@example.org';
    case 'phone':
      return '030 1234567';
    case 'postalCode':
      return '10557';
    case 'iban':
      return 'DE89370400440532013000';
    case 'number':
    case 'money': {
      let value = Math.max(field.min ?? 1, 1);
      if (field.max !== undefined && value > field.max) value = field.max;
      return value;
    }
    case 'date':
      return isoDate(validDate(field, answers));
    case 'select':
    case 'radio':
      return optionsOf(field, definition)[0].value;
    case 'yesno':
      return true;
    case 'checkbox':
      return true;
    case 'checkboxes':
      return optionsOf(field, definition)
        .slice(0, Math.max(field.minSelected ?? 1, 1))
        .map((option) => option.value);
    case 'file':
      return [sampleFile(field)];
    default:
      return undefined; // a type this helper does not know (or that takes no input)
  }
}

/** A small file of a type the field accepts. */
function sampleFile(field) {
  const accept = field.accept ?? ['application/pdf'];
  const wants = (type) => accept.some((a) => a === type || (a.endsWith('/*') && type.startsWith(a.slice(0, -1))));
  if (wants('application/pdf') || accept.includes('.pdf')) {
    return { name: 'nachweis.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% Formlotse Testdatei\n%%EOF\n') };
  }
  if (wants('image/png')) {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
    return { name: 'foto.png', mimeType: 'image/png', buffer: png };
  }
  if (wants('image/jpeg')) {
    return { name: 'foto.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]) };
  }
  throw new Error(`field ${field.id}: no sample file for accept ${accept.join(', ')}`);
}

/** How a number is typed: a decimal comma in German (and most languages), a point in English;
 * in Arabic digits with the Arabic decimal separator ٫. */
function typedNumber(value, { lang, digits }) {
  if (digits === 'arabic') return arabicDigits(value).replace('.', '\u066b');
  return /^(en|ar)\b/.test(lang) ? String(value) : String(value).replace('.', ',');
}

/** The field types whose digits an Arabic keyboard types as Arabic-Indic ones. */
function takesDigits(field) {
  return ['phone', 'postalCode', 'iban'].includes(field.type) || (field.type === 'text' && field.pattern);
}

/** Types `value` into the widget of `field` at `path` (its id, or `group[i].id` in an item). */
async function enter(form, field, path, value, definition, typing) {
  const input = form.locator(`[id="fl-field-${path}"]`);
  const digitsOf = (text) => (typing.digits === 'arabic' ? arabicDigits(text) : String(text));
  switch (field.type) {
    case 'date': {
      const [year, month, day] = value.split('-').map(Number);
      await input.fill(digitsOf(day));
      await form.locator(`[id="fl-field-${path}-month"]`).fill(digitsOf(month));
      await form.locator(`[id="fl-field-${path}-year"]`).fill(digitsOf(year));
      return;
    }
    case 'number':
    case 'money':
      await input.fill(typedNumber(value, typing));
      return;
    case 'select':
      await input.selectOption(value);
      return;
    case 'radio':
    case 'yesno': {
      const option = field.type === 'yesno' ? (value ? 'yes' : 'no') : value;
      await form.locator(`input[name="fl-field-${path}"][value="${option}"]`).check();
      return;
    }
    case 'checkbox':
      if (value) await input.check();
      else await input.uncheck();
      return;
    case 'checkboxes':
      for (const [i, option] of optionsOf(field, definition).entries()) {
        const box = form.locator(`[id="${i === 0 ? `fl-field-${path}` : `fl-field-${path}-${i}`}"]`);
        if (value.includes(option.value)) await box.check();
        else await box.uncheck();
      }
      return;
    case 'file':
      await input.setInputFiles(value);
      return;
    default:
      await input.fill(takesDigits(field) ? digitsOf(value) : String(value));
  }
}

/** The payload form of what `enter` typed. */
function expected(field, value) {
  if (field.type === 'iban') return value.replace(/\s+/g, '').toUpperCase();
  if (field.type === 'file') return value.map((file) => ({ name: file.name, type: file.mimeType, size: file.buffer.length }));
  return value;
}

/**
 * Fills every shown field of `step`; returns {id: payload value} of what it entered (an array
 * of such objects for a repeatable group). The text of each calculated field shown on the step,
 * once it is filled, goes into `calculated`, by path (`steuer`, `hunde[1].satz`).
 */
export async function fillStep(form, definition, step, { values = {}, answers = {}, calculated = {}, typing = TYPING } = {}) {
  return fillFields(form, definition, step.fields ?? [], { prefix: '', values, answers, calculated, typing });
}

/** How the filler types when not told otherwise: German, ASCII digits. */
const TYPING = { lang: 'de', digits: 'ascii', words: GERMAN_WORDS };

async function isShown(form, path) {
  const input = form.locator(`[id="fl-field-${path}"]`);
  return (await input.count()) > 0 && (await input.first().isVisible());
}

async function fillFields(form, definition, items, { prefix, values, answers, calculated, typing }) {
  const entered = {};
  const fields = fieldsOf(items);
  for (const field of fields) {
    if (field.type === 'repeat') {
      const filled = await fillRepeat(form, definition, field, { values: values[field.id], calculated, typing });
      if (filled) entered[field.id] = filled;
      continue;
    }
    const path = prefix + field.id;
    if (field.type === 'calculated' || !(await isShown(form, path))) continue;
    const value = field.id in values ? values[field.id] : answerFor(field, definition, { ...answers, ...entered });
    if (value === undefined || value === null) continue;
    await enter(form, field, path, value, definition, typing);
    entered[field.id] = expected(field, value);
  }
  for (const field of fields.filter((f) => f.type === 'calculated')) {
    const path = prefix + field.id;
    if (await isShown(form, path)) calculated[path] = (await form.locator(`[id="fl-field-${path}"]`).textContent()).trim();
  }
  return entered;
}

/**
 * Fills the items of a repeatable group: as many as `values` has (an array of per-item values),
 * else its minimum; "add" makes the missing ones. Returns the items, or null when the group is
 * not shown.
 */
async function fillRepeat(form, definition, repeat, { values, calculated, typing }) {
  const items = Array.isArray(values) ? values : Array.from({ length: Math.max(repeat.minItems ?? 1, 1) }, () => ({}));
  const first = fieldsOf(repeat.fields ?? []).find((f) => f.type !== 'calculated' && f.type !== 'repeat');
  const filled = [];
  for (const [i, itemValues] of items.entries()) {
    const prefix = `${repeat.id}[${i}].`;
    const probe = form.locator(`[id="fl-field-${prefix}${first.id}"]`);
    if ((await probe.count()) === 0) {
      const add = form.getByRole('button', { name: inLanguage(repeat.addLabel, typing.lang) ?? typing.words.add_item, exact: true });
      if (i === 0 && (await add.count()) === 0) return null; // the group is not shown
      await add.click();
      await probe.waitFor();
    }
    filled.push(await fillFields(form, definition, repeat.fields ?? [], { prefix, values: itemValues, answers: {}, calculated, typing }));
  }
  return filled;
}

/** The title of the step (or page) the assistant shows. */
async function shownTitle(form) {
  const heading = form.locator('#fl-step-title');
  await heading.waitFor();
  return (await heading.textContent()).trim();
}

/**
 * Completes the form inside `form` (a locator of the element hosting the assistant) from its
 * first step to the review page. `onStep(step)` runs on each step before it is filled (for an
 * accessibility scan, say), `onFilled(step)` once it is filled (what the answers revealed);
 * `calculated` receives the text each calculated field showed, by path. Returns the answers the
 * filler gave, by field id (calculated values are the form's to add). `typing` ({lang, digits,
 * words}: the assistant's words in `lang`, as in runtime/i18n) fills it in another language.
 */
export async function completeForm(form, definition, { values = {}, onStep, onFilled, calculated = {}, typing = TYPING } = {}) {
  const answers = {};
  const seen = new Set();
  for (;;) {
    const title = await shownTitle(form);
    if (title === typing.words.review_title) return answers;
    const step = definition.steps.find((s) => inLanguage(s.title, typing.lang) === title);
    if (!step) throw new Error(`the assistant shows «${title}», which is no step of ${definition.id}`);
    if (seen.has(step.id)) throw new Error(`step ${step.id} came twice: Weiter did not go on`);
    seen.add(step.id);
    if (onStep) await onStep(step);
    Object.assign(answers, await fillStep(form, definition, step, { values, answers, calculated, typing }));
    if (onFilled) await onFilled(step);
    await form.getByRole('button', { name: typing.words.next, exact: true }).click();
    await leave(form, title, typing.words);
  }
}

/** Waits until the assistant has left the step titled `title`; fails with its error summary. */
async function leave(form, title, words) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const problem = form.getByRole('heading', { name: words.error_summary_title });
    if (await problem.isVisible()) {
      const messages = await form.locator('.fl-error-summary li').allInnerTexts();
      throw new Error(`step «${title}» was refused: ${messages.join(' | ')}`);
    }
    const now = await form.locator('#fl-step-title').textContent().catch(() => null);
    if (now !== null && now.trim() !== title) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the assistant stayed on «${title}»`);
}

/** The stored answers with attachment ids left out, to compare with what the filler entered. */
export function withoutAttachmentIds(answers) {
  return Object.fromEntries(
    Object.entries(answers).map(([id, value]) => [
      id,
      Array.isArray(value) && value.every((v) => v && typeof v === 'object' && 'id' in v)
        ? value.map(({ id: _, ...file }) => file)
        : value,
    ]),
  );
}
