/* The demo page's panel of received applications: what the receiver stored, as it stored it,
 * refreshed when the assistant reports a delivery (the formlotse:submitted event). Text only:
 * payloads are shown with textContent, never as HTML. */
(function () {
  "use strict";
  var panel = document.getElementById("submissions");
  if (!panel) return;
  var list = panel.querySelector("ol");
  var empty = panel.querySelector(".submissions-empty");

  function entry(submission) {
    var item = document.createElement("li");
    var details = document.createElement("details");
    var summary = document.createElement("summary");
    var verdict = submission.verdict === "valid" ? "geprüft" : "ungeprüft";
    summary.textContent =
      submission.reference + " · " + (submission.formId || "?") + " · " + submission.receivedAt + " · " + verdict;
    var payload = document.createElement("pre");
    payload.textContent = JSON.stringify(submission.payload, null, 2);
    details.append(summary, payload);
    item.append(details);
    return item;
  }

  function refresh() {
    fetch("/api/submissions", { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (submissions) {
        // The newest five, newest first.
        list.replaceChildren.apply(list, submissions.slice(-5).reverse().map(entry));
        empty.hidden = submissions.length > 0;
      })
      .catch(function (error) {
        empty.hidden = false;
        empty.textContent = "Die Liste konnte nicht geladen werden (" + error.message + ").";
      });
  }

  document.addEventListener("formlotse:submitted", refresh);
  refresh();
})();
