/* Filter and sort procedure tables in the browser, with or without Vietnamese diacritics. */
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  function cellValue(row, index, kind) {
    var cell = row.cells[index];
    if (kind === "number") { return parseFloat(cell.getAttribute("data-value")) || 0; }
    return fold(cell.textContent.trim());
  }
  function setupSort(table) {
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, index) {
      var kind = th.getAttribute("data-sort");
      if (!kind) { return; }
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index, kind), y = cellValue(b, index, kind);
          var order = x < y ? -1 : x > y ? 1 : 0;
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
  function setupFilter(form, table) {
    var text = form.querySelector("input[type=search]");
    var field = form.querySelector("select");
    var output = form.querySelector("output");
    var none = document.querySelector(".ps-catalogue__none");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    rows.forEach(function (row) { row.setAttribute("data-folded", fold(row.getAttribute("data-search") + " " + row.textContent)); });
    function apply() {
      var words = fold(text.value).split(/\s+/).filter(Boolean);
      var wanted = field ? field.value : "";
      var shown = 0;
      rows.forEach(function (row) {
        var haystack = row.getAttribute("data-folded");
        var ok = (!wanted || row.getAttribute("data-field") === wanted) &&
          words.every(function (w) { return haystack.indexOf(w) !== -1; });
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      if (output) {
        output.textContent = output.getAttribute("data-template").replace("{shown}", shown).replace("{total}", rows.length);
      }
      if (none) { none.hidden = shown !== 0; }
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    text.addEventListener("input", apply);
    if (field) { field.addEventListener("change", apply); }
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) { text.value = query; }
    apply();
  }
  function setup() {
    var tables = document.querySelectorAll("table[data-ps-catalogue]");
    Array.prototype.forEach.call(tables, setupSort);
    var form = document.querySelector("form[data-ps-filter]");
    if (form && tables.length) { setupFilter(form, tables[0]); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setup); } else { setup(); }
})();
