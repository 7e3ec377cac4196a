/* Search-as-you-type fields (core/combobox.py): an ARIA 1.2 combobox with a list of suggestions.
   Without this script the text input is posted and looked up by the server, so the form still works. */
(function () {
  "use strict";
  var DELAY = 200;

  function setUp(input) {
    var hidden = input.dataset.comboboxValue ? document.getElementById(input.dataset.comboboxValue) : null;
    var chosen = input.dataset.comboboxChosen ? document.getElementById(input.dataset.comboboxChosen) : null;
    var listbox = document.getElementById(input.getAttribute("aria-controls"));
    var status = document.querySelector('[data-combobox-status="' + listbox.id + '"]');
    var timer = null;
    var request = 0;
    var active = -1;

    function options() { return listbox.querySelectorAll('[role="option"]'); }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var all = options();
      if (!all.length) { return; }
      active = (index + all.length) % all.length;
      all.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === active ? "true" : "false");
        option.classList.toggle("active", i === active);
      });
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({block: "nearest"});
    }

    function setChosen(value) {
      if (!hidden || hidden.value === value) { return; }
      hidden.value = value;
      // Tells listeners (htmx on the hidden input, e.g. the mentors of a chosen company) that the choice changed.
      hidden.dispatchEvent(new Event("change", {bubbles: true}));
    }

    function pick(option) {
      if (chosen) {
        add(option.dataset.value, option.textContent);
        input.value = "";
        close();
        status.textContent = input.dataset.comboboxAdded + " " + option.textContent;
        return;
      }
      input.value = option.textContent;
      setChosen(option.dataset.value);
      close();
      status.textContent = option.textContent;
    }

    // A field of several choices: a pick becomes a ticked checkbox in the list of chosen ones.
    function add(value, label) {
      var id = chosen.id + "_" + value;
      var box = document.getElementById(id);
      if (!box) {
        var item = document.createElement("li");
        item.className = "form-check";
        box = document.createElement("input");
        box.type = "checkbox";
        box.className = "form-check-input";
        box.name = input.dataset.comboboxName;
        box.value = value;
        box.id = id;
        var text = document.createElement("label");
        text.className = "form-check-label";
        text.htmlFor = id;
        text.textContent = label;
        item.append(box, text);
        chosen.appendChild(item);
      }
      box.checked = true;
    }

    function note(text) {
      var item = document.createElement("li");
      item.className = "list-group-item small text-body-secondary";
      item.textContent = text;
      listbox.appendChild(item);
    }

    function show(data) {
      listbox.replaceChildren();
      data.results.forEach(function (result, i) {
        var option = document.createElement("li");
        option.id = listbox.id + "_" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = "list-group-item list-group-item-action";
        option.dataset.value = String(result.id);
        option.textContent = result.label;
        listbox.appendChild(option);
      });
      if (!data.results.length) { note(input.dataset.comboboxNone); }
      if (data.more) { note(input.dataset.comboboxMore); }
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
      status.textContent = data.results.length ? String(data.results.length) + (data.more ? "+" : "") : input.dataset.comboboxNone;
    }

    function search() {
      var mine = ++request;
      var url = input.dataset.comboboxSource + "?q=" + encodeURIComponent(input.value.trim().slice(0, 100));
      fetch(url, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
        .then(function (response) {
          if (!response.ok) { throw new Error(String(response.status)); }
          return response.json();
        })
        .then(function (data) { if (mine === request && document.activeElement === input) { show(data); } })
        .catch(function () {
          if (mine !== request) { return; }
          listbox.replaceChildren();
          note(input.dataset.comboboxFailed);
          listbox.hidden = false;
        });
    }

    input.addEventListener("input", function () {
      setChosen("");  // the text no longer names the pick; the server reads the text unless a new one is picked
      clearTimeout(timer);
      timer = setTimeout(search, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      var open = !listbox.hidden;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (!open) { search(); return; }
        highlight(active + (event.key === "ArrowDown" ? 1 : -1));
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();  // picks; it does not submit the form
        pick(options()[active]);
      } else if (event.key === "Escape" && open) {
        event.preventDefault();
        close();
      } else if (event.key === "Tab") {
        close();
      }
    });
    // mousedown, not click: the input keeps the focus, so the list is not closed by the blur first.
    listbox.addEventListener("mousedown", function (event) {
      var option = event.target.closest('[role="option"]');
      event.preventDefault();
      if (option) { pick(option); }
    });
    input.addEventListener("blur", close);
  }

  document.querySelectorAll("input[data-combobox-source]").forEach(setUp);
})();
