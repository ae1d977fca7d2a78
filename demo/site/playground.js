/* The playground: pick a sample, edit its JSON, see the diagnostics and the assistant as you
 * type. Runs under the demo's strict CSP: no inline anything; every text from a definition or a
 * diagnostic is set with textContent, never as HTML. Uses only the public API of formlotse.js
 * (Formlotse.check, Formlotse.mount and the handle's unmount). */
(function () {
  "use strict";
  var DEBOUNCE_MS = 300;
  var ENDPOINT = "/api/submissions";

  var select = document.getElementById("sample");
  var sampleStatus = document.getElementById("sample-status");
  var revert = document.getElementById("revert");
  var editor = document.getElementById("editor");
  var gutter = document.querySelector(".gutter");
  var summary = document.getElementById("diagnostics-summary");
  var list = document.getElementById("diagnostics");
  var preview = document.getElementById("preview");
  var previewNote = document.getElementById("preview-note");
  var snippet = document.getElementById("snippet");
  var copy = document.getElementById("copy");
  var copyStatus = document.getElementById("copy-status");
  if (!select || !editor || !window.Formlotse) return;

  var samples = [];
  var current = null; // the chosen entry of /api/forms
  var original = ""; // its text as served
  var mounted = null; // {handle, text} of the preview shown
  var timer = null;
  var generation = 0; // the newest check; older answers are dropped

  // ---- the line-number gutter --------------------------------------------------------------

  var errorLines = new Set();
  var shownLines = 0;

  function renderGutter() {
    var lines = editor.value.split("\n").length;
    if (lines !== shownLines) {
      var numbers = [];
      for (var n = 1; n <= lines; n++) {
        var number = document.createElement("span");
        number.textContent = String(n);
        numbers.push(number);
      }
      gutter.replaceChildren.apply(gutter, numbers);
      shownLines = lines;
    }
    Array.prototype.forEach.call(gutter.children, function (number, index) {
      number.classList.toggle("gutter-error", errorLines.has(index + 1));
    });
    gutter.scrollTop = editor.scrollTop;
  }

  editor.addEventListener("scroll", function () {
    gutter.scrollTop = editor.scrollTop;
  });

  /** Puts the cursor on `line` (1-based) at `column` and selects that line, scrolled into view. */
  function goToLine(line, column) {
    var lines = editor.value.split("\n");
    var start = 0;
    for (var i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
    var text = lines[Math.min(line, lines.length) - 1] || "";
    editor.focus();
    editor.setSelectionRange(start + Math.max(0, Math.min((column || 1) - 1, text.length)), start + text.length);
    var lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 20;
    editor.scrollTop = Math.max(0, (line - 3) * lineHeight);
    gutter.scrollTop = editor.scrollTop;
  }

  // ---- diagnostics and preview ---------------------------------------------------------------

  function showDiagnostics(diagnostics) {
    errorLines = new Set(
      diagnostics.map(function (d) {
        return d.line;
      })
    );
    list.replaceChildren.apply(
      list,
      diagnostics.map(function (d) {
        var item = document.createElement("li");
        var place = d.line ? "Zeile " + d.line + ", Spalte " + d.column : "Ohne Stelle";
        var button = document.createElement("button");
        button.type = "button";
        button.className = "diagnostic";
        var where = document.createElement("span");
        where.className = "diagnostic-place";
        where.textContent = place + ": ";
        var message = document.createElement("span");
        message.textContent = d.message;
        button.append(where, message);
        if (d.line) {
          button.addEventListener("click", function () {
            goToLine(d.line, d.column);
          });
        } else {
          button.disabled = true;
        }
        item.append(button);
        if (d.pointer) {
          var pointer = document.createElement("code");
          pointer.className = "diagnostic-pointer";
          pointer.textContent = d.pointer;
          item.append(" ", pointer);
        }
        return item;
      })
    );
    renderGutter();
  }

  function say(element, text) {
    if (element.textContent !== text) element.textContent = text;
  }

  /** Checks the editor's text; shows its diagnostics; mounts the preview when it loads. */
  function check() {
    clearTimeout(timer);
    timer = null;
    var text = editor.value;
    var mine = ++generation;
    return window.Formlotse.check(text, "de").then(
      function (diagnostics) {
        if (mine !== generation) return;
        showDiagnostics(diagnostics);
        if (diagnostics.length === 0) {
          say(summary, "Keine Probleme. Die Vorschau zeigt diese Fassung.");
          showPreview(text);
        } else {
          var count = diagnostics.length === 1 ? "1 Problem" : diagnostics.length + " Probleme";
          say(
            summary,
            count + (mounted ? ". Die Vorschau zeigt die letzte Fassung ohne Fehler." : ". Noch keine Vorschau.")
          );
          previewNote.hidden = !mounted;
          say(previewNote, "Die Definition hat Fehler; die Vorschau zeigt die letzte Fassung ohne Fehler.");
        }
      },
      function (error) {
        if (mine !== generation) return;
        say(summary, "Die Prüfung ist fehlgeschlagen: " + error);
      }
    );
  }

  function showPreview(text) {
    previewNote.hidden = true;
    if (mounted && mounted.text === text) return;
    if (mounted) mounted.handle.unmount();
    mounted = {
      text: text,
      handle: window.Formlotse.mount(preview, { definition: text, endpoint: ENDPOINT }),
    };
  }

  editor.addEventListener("input", function () {
    renderGutter();
    clearTimeout(timer);
    timer = setTimeout(check, DEBOUNCE_MS);
  });

  // ---- samples ---------------------------------------------------------------------------------

  function snippetFor(entry) {
    var origin = location.origin;
    return (
      '<script src="' + origin + '/formlotse/formlotse.js" defer></script>\n' +
      '<form-lotse src="' + origin + entry.src + '" endpoint="' + origin + ENDPOINT + '"></form-lotse>'
    );
  }

  function choose(file) {
    var entry = samples.find(function (s) {
      return s.file === file;
    });
    if (!entry) return Promise.resolve();
    current = entry;
    select.value = entry.file;
    snippet.textContent = snippetFor(entry);
    say(copyStatus, "");
    var url = new URL(location.href);
    url.searchParams.set("beispiel", entry.file);
    history.replaceState(null, "", url.href);
    return fetch(entry.src, { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      })
      .then(function (text) {
        if (current !== entry) return;
        original = text;
        editor.value = text;
        editor.scrollTop = 0;
        say(sampleStatus, "");
        renderGutter();
        return check();
      })
      .catch(function (error) {
        say(sampleStatus, "Das Beispiel konnte nicht geladen werden (" + error.message + ").");
      });
  }

  select.addEventListener("change", function () {
    choose(select.value);
  });

  revert.addEventListener("click", function () {
    if (!current) return;
    editor.value = original;
    renderGutter();
    check();
    say(sampleStatus, "Die gespeicherte Fassung von „" + current.title.de + "“ ist wiederhergestellt.");
  });

  // ---- copying the snippet ---------------------------------------------------------------------

  function announce(text) {
    // Emptied first, so the same words are announced again on a second click.
    copyStatus.textContent = "";
    setTimeout(function () {
      copyStatus.textContent = text;
    }, 50);
  }

  copy.addEventListener("click", function () {
    var text = snippet.textContent;
    var copied = navigator.clipboard ? navigator.clipboard.writeText(text) : Promise.reject(new Error("no clipboard"));
    copied.then(
      function () {
        announce("Das Snippet ist in der Zwischenablage.");
      },
      function () {
        window.getSelection().selectAllChildren(snippet);
        announce("Kopieren war nicht möglich. Das Snippet ist markiert: kopieren Sie es mit Strg+C.");
      }
    );
  });

  // ---- start -----------------------------------------------------------------------------------

  fetch("/api/forms", { headers: { Accept: "application/json" } })
    .then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    })
    .then(function (entries) {
      samples = entries;
      select.replaceChildren.apply(
        select,
        entries.map(function (entry) {
          var option = document.createElement("option");
          option.value = entry.file;
          option.textContent = entry.title.de + (entry.problems ? " (fehlerhaft)" : "");
          return option;
        })
      );
      if (entries.length === 0) {
        say(sampleStatus, "Im Formularverzeichnis des Servers liegt kein Beispiel.");
        return;
      }
      var wanted = new URL(location.href).searchParams.get("beispiel");
      var start = [wanted, "hund-anmelden.json", entries[0].file].find(function (file) {
        return entries.some(function (entry) {
          return entry.file === file;
        });
      });
      return choose(start);
    })
    .catch(function (error) {
      say(sampleStatus, "Die Liste der Beispiele konnte nicht geladen werden (" + error.message + ").");
    });
})();
