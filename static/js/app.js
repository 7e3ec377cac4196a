/* Small progressive enhancements; every page works without them. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Show the fields for ending a placement early only when that status is chosen.
  document.querySelectorAll("[data-ended-early-toggle]").forEach(function (select) {
    var targets = document.querySelectorAll("[data-ended-early-field]");
    function sync() {
      targets.forEach(function (el) { el.hidden = select.value !== "ended_early"; });
    }
    select.addEventListener("change", sync);
    sync();
  });
})();
