/* On the incident form, show only the guidance for the chosen category; without JS all guidance stays listed. */
(function () {
  "use strict";
  var select = document.querySelector("[data-guidance-select]");
  var items = document.querySelectorAll("[data-guidance-for]");
  var hint = document.querySelector("[data-guidance-hint]");
  if (!select || !items.length) { return; }

  function sync() {
    items.forEach(function (item) {
      item.hidden = item.getAttribute("data-guidance-for") !== select.value;
    });
    if (hint) { hint.hidden = select.value !== ""; }
  }
  select.addEventListener("change", sync);
  sync();
})();
