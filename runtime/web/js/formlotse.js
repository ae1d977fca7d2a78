/*! Formlotse loader: the one script a webmaster links.
 *  <script src="/formlotse/formlotse.js" defer></script>
 *  <form-lotse src="/formulare/hund-anmelden.json" endpoint="/api/antraege"></form-lotse>
 * A classic script (no module, no eval): it locates the wasm next to itself, defines the
 * <form-lotse> element and the window.Formlotse API, and mounts the Rust app per element. */
(function () {
  "use strict";
  // Read synchronously: document.currentScript is null once this function has returned.
  var script = document.currentScript;
  if (window.Formlotse || !window.customElements || customElements.get("form-lotse")) {
    return; // included twice, or a browser without custom elements: do no harm
  }
  var base = new URL(
    (script && script.getAttribute("data-base-url")) || ".",
    (script && script.src) || document.baseURI
  ).href;

  var runtime = null;
  function loadRuntime() {
    if (!runtime) {
      runtime = import(new URL("formlotse_web.js", base).href).then(function (glue) {
        return glue.default({ module_or_path: new URL("formlotse_web_bg.wasm", base) }).then(function () {
          return glue;
        });
      });
    }
    return runtime;
  }

  // Formlotse.check is the authors' tool: its own wasm (diagnostics with line, column and
  // words), fetched on the first call only, so a citizen's page never downloads it.
  var checker = null;
  function loadChecker() {
    if (!checker) {
      checker = import(new URL("formlotse_check.js", base).href).then(function (glue) {
        return glue.default({ module_or_path: new URL("formlotse_check_bg.wasm", base) }).then(function () {
          return glue;
        });
      });
    }
    return checker;
  }

  // Without the wasm nothing else can speak, so this one message lives here.
  function showFailure(element, error) {
    var root = element.shadowRoot || element.attachShadow({ mode: "open" });
    var box = document.createElement("div");
    box.setAttribute("role", "alert");
    var lang = (element.closest("[lang]") || document.documentElement).getAttribute("lang") || "de";
    var english = /^en\b/i.test(lang);
    var title = document.createElement("strong");
    title.textContent = english ? "The form could not be loaded." : "Das Formular konnte nicht geladen werden.";
    var detail = document.createElement("p");
    detail.textContent = (english ? "Runtime not loaded from " : "Laufzeit nicht geladen von ") + base + ": " + error;
    box.appendChild(title);
    box.appendChild(detail);
    root.replaceChildren(box);
    element.dispatchEvent(
      new CustomEvent("formlotse:error", { bubbles: true, composed: true, detail: { code: "runtime_failed" } })
    );
  }

  /** Mounts into `element` once the runtime is there; a handle that works before and after. */
  function createHandle(element, options) {
    var state = { mounted: null, gone: false };
    var ready = loadRuntime().then(
      function (glue) {
        if (state.gone) return;
        try {
          state.mounted = glue.mount(element, options || undefined);
        } catch (error) {
          showFailure(element, error);
        }
      },
      function (error) {
        if (!state.gone) showFailure(element, error);
      }
    );
    return {
      ready: ready,
      unmount: function () {
        state.gone = true;
        if (state.mounted) {
          state.mounted.unmount();
          state.mounted.free();
          state.mounted = null;
        }
      },
      reset: function () {
        return ready.then(function () {
          if (state.mounted) state.mounted.reset();
        });
      },
    };
  }

  class FormLotseElement extends HTMLElement {
    static get observedAttributes() {
      return ["src", "endpoint", "lang", "draft", "timeout"];
    }

    connectedCallback() {
      this._formlotse = createHandle(this, null);
    }

    disconnectedCallback() {
      if (this._formlotse) this._formlotse.unmount();
      this._formlotse = null;
    }

    // A changed src, endpoint or lang takes effect: the assistant starts again with it.
    attributeChangedCallback(name, before, after) {
      if (before === after || !this._formlotse) return;
      this._formlotse.unmount();
      this._formlotse = createHandle(this, null);
    }
  }

  window.Formlotse = Object.freeze({
    /** Mounts an assistant into any element: options {src, definition, endpoint, lang, draft, timeout}. */
    mount: function (element, options) {
      // Own keys only, into an object without a prototype: a host page that extended
      // Object.prototype cannot slip options in.
      var clean = Object.create(null);
      ["src", "definition", "endpoint", "lang", "draft", "timeout"].forEach(function (key) {
        if (options && Object.prototype.hasOwnProperty.call(options, key)) clean[key] = options[key];
      });
      return createHandle(element, clean);
    },
    /** Resolves to the diagnostics of a definition (JSON text or object); [] when it loads. */
    check: function (definition, lang) {
      var text = typeof definition === "string" ? definition : JSON.stringify(definition);
      return loadChecker().then(function (glue) {
        return glue.check(text, lang);
      });
    },
  });
  customElements.define("form-lotse", FormLotseElement);
})();
