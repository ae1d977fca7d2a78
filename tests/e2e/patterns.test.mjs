// Authors' patterns: the citizen's browser matches with its own RegExp, the server with
// regex-lite. Both read the same dialect (runtime/core/src/pattern), written out for each
// engine from one tree. The corpus (tests/fixtures/patterns.json, written and checked against
// regex-lite by `cargo test -p formlotse-core pattern`) is run here through Chromium's RegExp,
// and a pattern field of a demo form refuses and accepts in the page as the server would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, mountFixture } from './browser.mjs';

const corpus = JSON.parse(await readFile(new URL('../fixtures/patterns.json', import.meta.url), 'utf8'));

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("Chromium's RegExp agrees with regex-lite on every case of the corpus", async () => {
  const page = await browser.newPage();
  const wrong = await page.evaluate((cases) => cases.flatMap(({ pattern, ecmascript, matches, misses }) => {
    const regex = new RegExp(ecmascript, 'u');
    return [
      ...matches.filter((text) => !regex.test(text)).map((text) => `${pattern} must match ${JSON.stringify(text)}`),
      ...misses.filter((text) => regex.test(text)).map((text) => `${pattern} must not match ${JSON.stringify(text)}`),
    ];
  }), corpus);
  assert.ok(corpus.length > 20, 'the corpus is there');
  assert.deepEqual(wrong, []);
  await page.close();
});

test('a pattern field refuses what does not match and takes what does, in the page', async () => {
  const attributes = { src: '/fixtures/pattern.json', endpoint: '/api/submissions', draft: 'off' };
  const { context, form, problems } = await mountFixture(browser, attributes, 'Kennzeichen');
  const plate = form.getByLabel('Kfz-Kennzeichen');
  for (const refused of ['MS AB 123', 'MS-AB 0123', 'ms-ab 123']) {
    await plate.fill(refused);
    await form.getByRole('button', { name: 'Weiter' }).click();
    await form.getByRole('link', { name: 'Geben Sie das Kennzeichen so ein: MS-AB 123.' }).waitFor();
  }
  await plate.fill('ÖHR-X 1E');
  await form.getByRole('button', { name: 'Weiter' }).click();
  await form.getByRole('heading', { name: 'Fertig' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
