/*! Formlotse loader: the one script a webmaster links.
 *  <script src="/formlotse/formlotse.js" defer></script>
 *  <form-lotse src="/formulare/hund-anmelden.json" endpoint="/api/antraege"></form-lotse>
 * A classic script (no module, no eval): it locates the wasm next to itself, defines the
 * <form-lotse> element and the window.Formlotse API, and mounts the Rust app per element.
 * Every request starts as soon as its address is known: the wasm (compiled while it
 * downloads), the glue module and each element's definition, side by side. */
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

  // The runtime's files next to this script. `cargo xtask dist` writes their content-hashed
  // names here: they can be cached for a year, while this short-lived script names a new
  // release at once (docs/embedding.md, "Caching").
  var FILES = {
    glue: "formlotse_web.js",
    wasm: "formlotse_web_bg.wasm",
    checkGlue: "formlotse_check.js",
    checkWasm: "formlotse_check_bg.wasm",
  };

  /** Fetches and compiles a wasm module; compiling starts with the first bytes. */
  function compileWasm(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status + " for " + url);
      var type = response.headers.get("Content-Type") || "";
      if (WebAssembly.compileStreaming && /^application\/wasm\b/i.test(type)) {
        return WebAssembly.compileStreaming(response);
      }
      // A server that sends another MIME type gets the slower path, not a failure.
      return response.arrayBuffer().then(function (bytes) {
        return WebAssembly.compile(bytes);
      });
    });
  }

  // The wasm and the glue load side by side, from the moment this script runs.
  var runtime = Promise.all([import(new URL(FILES.glue, base).href), compileWasm(new URL(FILES.wasm, base).href)]).then(
    function (loaded) {
      var glue = loaded[0];
      return glue.default({ module_or_path: loaded[1] }).then(function () {
        return glue;
      });
    }
  );
  runtime.catch(function () {}); // reported per element by showFailure, not as unhandled

  /**
   * Starts the request for the definition the app will load, before the wasm is there, and
   * returns {src, response} for the app to take over (it checks that src is the one it
   * chose). The same choice as the app: options, then an inline definition, then `src`.
   */
  function requestDefinition(element, options) {
    if (options && options.definition != null) return undefined;
    if (element.querySelector(":scope > script[type='application/json']")) return undefined;
    var src = options && options.src != null ? String(options.src) : element.getAttribute("src");
    if (!src) return undefined;
    var response = fetch(src);
    response.catch(function () {}); // the app reports a failed request in the element
    return { src: src, response: response };
  }

  // Formlotse.check is the authors' tool: its own wasm (diagnostics with line, column and
  // words), fetched on the first call only, so a citizen's page never downloads it.
  var checker = null;
  function loadChecker() {
    if (!checker) {
      checker = import(new URL(FILES.checkGlue, base).href).then(function (glue) {
        return glue.default({ module_or_path: new URL(FILES.checkWasm, base) }).then(function () {
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
    // For the app: the folder the language catalogs are in, and the definition's request.
    var loader = requestDefinition(element, options) || {};
    loader.base = base;
    var ready = runtime.then(
      function (glue) {
        if (state.gone) return;
        try {
          state.mounted = glue.mount(element, options || undefined, loader);
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
      setLang: function (tag) {
        return ready.then(function () {
          // No tag: the language the element inherits (the page's), as at mount; none is German.
          var holder = tag == null && element.closest("[lang]");
          if (state.mounted) state.mounted.setLang(holder ? holder.getAttribute("lang") : tag == null ? "" : String(tag));
        });
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

    // A changed lang is spoken in place: step, answers and focus stay (with draft="off" they
    // live nowhere else). A changed src, endpoint, draft or timeout starts the assistant again.
    attributeChangedCallback(name, before, after) {
      if (!this._formlotse) return;
      // `lang` set again to the same tag still applies: the citizen may have chosen another.
      if (name === "lang") {
        this._formlotse.setLang(after);
        return;
      }
      if (before === after) return;
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
