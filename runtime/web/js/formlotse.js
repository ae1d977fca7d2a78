/*! Formlotse loader: the one script a webmaster links.
 *  <script src="/formlotse/formlotse.js" defer></script>
 *  <form-lotse src="/formulare/hund-anmelden.json" endpoint="/api/antraege"></form-lotse>
 * A classic script (no module, no eval): it locates the wasm next to itself, defines the
 * <form-lotse> element and mounts the Rust app into each one. */
(function () {
  "use strict";
  // Read synchronously: document.currentScript is null once this function has returned.
  var script = document.currentScript;
  if (!window.customElements || customElements.get("form-lotse")) {
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
  }

  class FormLotseElement extends HTMLElement {
    connectedCallback() {
      var element = this;
      var generation = (element._formlotseGeneration = (element._formlotseGeneration || 0) + 1);
      loadRuntime().then(
        function (glue) {
          // Disconnected (or reconnected) while the runtime loaded: that later call mounts.
          if (!element.isConnected || element._formlotseGeneration !== generation) return;
          try {
            element._formlotseMounted = glue.mount(element);
          } catch (error) {
            showFailure(element, error);
          }
        },
        function (error) {
          showFailure(element, error);
        }
      );
    }

    disconnectedCallback() {
      this._formlotseGeneration = (this._formlotseGeneration || 0) + 1;
      var mounted = this._formlotseMounted;
      this._formlotseMounted = null;
      if (mounted) {
        mounted.unmount();
        mounted.free();
      }
    }
  }

  customElements.define("form-lotse", FormLotseElement);
})();
