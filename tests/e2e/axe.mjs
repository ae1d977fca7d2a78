// axe-core in the page under test, for every suite that shows a new state of the UI.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core on the page (it descends into open shadow roots) and fails on any violation. */
export async function assertAccessible(page, where) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern (an injected
  // <script> would be blocked, as it should be).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }, TAGS);
  assert.deepEqual(violations, [], `axe violations ${where}`);
}
