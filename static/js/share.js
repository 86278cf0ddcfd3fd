// "Share this listing": the Web Share API where the browser has it, copy-link otherwise.
// Without JavaScript the button stays hidden and the plain links and the link field remain.
(function () {
  "use strict";
  var button = document.querySelector("[data-share-url]");
  if (!button) return;
  var status = document.querySelector(".share-status");
  var field = document.getElementById("share-link");
  var canShare = typeof navigator.share === "function";
  if (!canShare) button.textContent = button.getAttribute("data-label-copy");

  function say(text) {
    if (status) status.textContent = text;
  }

  function copyFallback() {
    if (!field) return false;
    field.focus();
    field.select();
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  button.addEventListener("click", function () {
    var url = button.getAttribute("data-share-url");
    if (canShare) {
      navigator.share({ title: button.getAttribute("data-share-title"), url: url }).catch(function () {});
      return;
    }
    var done = function () { say(button.getAttribute("data-copied")); };
    var failed = function () { say(copyFallback() ? button.getAttribute("data-copied") : button.getAttribute("data-failed")); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(done, failed);
    } else {
      failed();
    }
  });
})();
