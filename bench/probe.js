// Runs in every benchmark page before the page's own scripts (playwright's addInitScript).
// It knows where each system puts a field, and times "until X is in the DOM and a frame has
// been painted": a MutationObserver sees X appear, the next requestAnimationFrame callback
// is the frame that shows it. Timestamps are performance.now() and event.timeStamp, both from
// navigation start.
(() => {
  // Where each system renders a field (by the spec's id) and its Next button. The ids and
  // classes are each system's own: Formlotse's inputs are `fl-field-<id>` in the element's open
  // shadow root; SurveyJS marks a question `data-name`; Form.io a component
  // `formio-component-<key>`.
  const formlotseRoot = () => document.querySelector('form-lotse')?.shadowRoot ?? null;
  const SYSTEMS = {
    formlotse: {
      field: (id) =>
        formlotseRoot()?.querySelector(`[id="fl-field-${id}"], [id^="fl-field-${id}-"]`)?.closest('.fl-field') ?? null,
      next: () => formlotseRoot()?.querySelector('.fl-actions button[type="submit"]') ?? null,
    },
    surveyjs: {
      field: (id) => document.querySelector(`[data-name="${id}"]`),
      next: () => document.querySelector('.sd-navigation__next-btn, #sv-nav-next input, #sv-nav-next button'),
    },
    formio: {
      field: (id) => document.querySelector(`.formio-component-${id}`),
      next: () => document.querySelector('.btn-wizard-nav-next'),
    },
  };
  const system = SYSTEMS[location.pathname.split('/').pop().replace(/\.html$/, '')];
  if (!system) return;
  const input = (id) => system.field(id)?.querySelector('input, textarea, select') ?? null;

  // Checks waiting for something to appear, run after every batch of DOM changes in the
  // document and in every shadow root. Observers are connected only while a check waits, so
  // the rest of the page runs unobserved.
  const checks = new Set();
  const roots = [document];
  const observer = new MutationObserver(() => {
    for (const check of [...checks]) check();
  });
  const connect = (root) => observer.observe(root, { subtree: true, childList: true, characterData: true });
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    if (checks.size > 0) connect(root);
    return root;
  };

  /** Resolves with the time of the first frame after `holds()` became true. */
  function whenShown(holds) {
    return new Promise((resolve) => {
      const check = () => {
        if (!holds()) return;
        checks.delete(check);
        if (checks.size === 0) observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now()));
      };
      if (checks.size === 0) roots.forEach(connect);
      checks.add(check);
      check();
    });
  }

  // Every WebAssembly memory the page instantiates (Formlotse's, from wasm-bindgen's loader).
  const memories = [];
  const keep = (result) => {
    const exports = (result.instance ?? result).exports ?? {};
    for (const value of Object.values(exports)) if (value instanceof WebAssembly.Memory) memories.push(value);
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (original) WebAssembly[name] = function (...args) { return original.apply(this, args).then(keep); };
  }

  // The first trusted keydown or pointerdown after `arm`: when the citizen acted.
  let acted = null;
  for (const type of ['keydown', 'pointerdown']) {
    window.addEventListener(type, (event) => {
      if (event.isTrusted && acted && acted.at === null) acted.at = event.timeStamp;
    }, { capture: true });
  }

  const hasText = (id, text) => (system.field(id)?.textContent ?? '').includes(text);

  /** The page and every request of the browser's request log that ended by `until` (ms). */
  const requestsUntil = (until) =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .filter((entry) => entry.responseEnd <= until);
  /** Whether the body came over the network (not a cache hit, not a 304 revalidation). */
  const downloaded = (entry) => entry.encodedBodySize > 0 && entry.transferSize > entry.encodedBodySize;
  /** The runtime's files: Formlotse's dist/, the peers' npm packages. */
  const isRuntime = (entry) => /^\/(formlotse|vendor)\//.test(new URL(entry.name).pathname);

  window.__bench = {
    /** Navigation start to the first frame showing the probe's input. */
    interactive: whenShown(() => {
      const el = input('plz');
      return el !== null && !el.disabled;
    }),
    input,
    next: () => system.next(),
    /**
     * How many of `fields` ([id, label] pairs) are shown: their box is rendered and shows the
     * label (Form.io keeps an empty box for a hidden field). For the equivalence checks.
     */
    shown: (fields) =>
      fields.filter(([id, label]) => {
        const box = system.field(id);
        return box !== null && box.checkVisibility() && box.textContent.includes(label);
      }).length,
    hasText,
    /**
     * Sequential round trips before `until`: the longest chain of requests that went to the
     * network (a revalidation counts, a cache hit does not), each started only after the one
     * before it had ended. The page itself is the first.
     */
    roundTrips(until) {
      const sent = requestsUntil(until).filter((entry) => entry.transferSize > 0);
      sent.sort((a, b) => a.startTime - b.startTime);
      const depth = sent.map(() => 1);
      sent.forEach((entry, i) => {
        for (let j = 0; j < i; j++) {
          if (sent[j].responseEnd <= entry.startTime) depth[i] = Math.max(depth[i], depth[j] + 1);
        }
      });
      return Math.max(0, ...depth);
    },
    /** When the form's JSON had arrived (ms), the earliest a loader could show its title. */
    formArrived() {
      const entry = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname.startsWith('/forms/'));
      return entry ? entry.responseEnd : null;
    },
    /** Bytes over the wire before `until`: everything, and the runtime's files' bodies. */
    transferred(until) {
      const entries = requestsUntil(until);
      return {
        bytes: entries.reduce((sum, entry) => sum + entry.transferSize, 0),
        runtimeBytes: entries.filter((e) => isRuntime(e) && downloaded(e)).reduce((sum, e) => sum + e.transferSize, 0),
        runtimeFiles: entries.filter((e) => isRuntime(e) && downloaded(e)).map((e) => new URL(e.name).pathname),
      };
    },
    wasmBytes: () => memories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0),
    /**
     * Starts one measurement: the page waits for `until` ({error: [id, text]} or {field: id})
     * and the harness then types or clicks. `result()` gives the time from the action's event
     * to the frame.
     */
    arm(until) {
      acted = { at: null };
      const holds = until.error ? () => hasText(...until.error) : () => input(until.field) !== null;
      acted.shown = whenShown(holds);
    },
    async result() {
      const shownAt = await acted.shown;
      if (acted.at === null) throw new Error('no trusted keydown or pointerdown after arm()');
      return shownAt - acted.at;
    },
  };
})();
