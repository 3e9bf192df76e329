/* The review desk's keyboard shortcuts (documented on each desk page):
 *   n  open the next case in the queue (one nobody else holds)
 *   c  claim the case on this page
 * They do nothing while a text field, a list or a button has the keyboard, or with Ctrl,
 * Alt or Meta held, so typing a reply or a note is never taken for a shortcut. */
(function () {
  "use strict";

  function typing(target) {
    if (!target || !target.tagName) {
      return false;
    }
    var tag = target.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.repeat) {
      return;
    }
    if (typing(event.target)) {
      return;
    }
    if (event.key === "n") {
      var next = document.querySelector("a[data-shortcut='next']");
      if (next) {
        event.preventDefault();
        next.click();
      }
    } else if (event.key === "c") {
      var claim = document.querySelector("form[data-shortcut='claim']");
      if (claim) {
        event.preventDefault();
        if (claim.requestSubmit) {
          claim.requestSubmit();
        } else {
          claim.submit();
        }
      }
    }
  });
})();
