// Saisei: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Selects marked data-autosubmit submit their form on change (the button stays for no-JS).
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target instanceof HTMLSelectElement && target.hasAttribute("data-autosubmit")) {
      target.form.requestSubmit();
    }
  });

  // After htmx replaces the results, announce the new count to screen readers.
  document.addEventListener("htmx:afterSwap", function (event) {
    var id = event.detail && event.detail.target && event.detail.target.id;
    if (id !== "results" && id !== "result") return;
    var count = event.detail.target.querySelector("[data-status]");
    var status = document.getElementById("results-status");
    if (count && status) status.textContent = count.getAttribute("data-status");
  });

  // A failed request leaves the page as it was and says so.
  document.addEventListener("htmx:sendError", function () {
    var status = document.getElementById("results-status");
    if (!status) return;
    status.textContent = status.getAttribute("data-offline");
    status.classList.remove("visually-hidden");
  });
})();
