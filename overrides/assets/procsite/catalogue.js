/*
 * The catalogue's filter box and the tables of procedures.
 *
 * The catalogue is paged (procsite/pages/lists.py): no page holds every procedure. The filter box
 * asks the site's search engine instead (procsite/search/browser/search-engine.js, loaded by every
 * page; its index is fetched once, and already on its way when the page has loaded), so that any
 * procedure is found by its name, code or field, with or without diacritics, and the field select
 * narrows the results. The home page's search box opens this page with ?q=.
 * A table sorts by its columns only where it holds its whole list (data-ps-sortable).
 */
(function () {
  "use strict";
  var SHOWN = 50;

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

  function setupFilter(form) {
    var search = window.ProcSearch;
    var text = form.querySelector("input[type=search]");
    var field = form.querySelector("select");
    var output = form.querySelector("output");
    var results = document.querySelector("[data-ps-results]");
    var list = results.querySelector("ol");
    var page = form.closest(".md-typeset") || document.body;
    var base = new URL(form.getAttribute("data-base"), window.location.href);
    var lang = document.documentElement.lang || "vi";
    var timer = null;
    if (!search) { return; }

    function say(key, values) {
      var message = form.getAttribute("data-" + key) || "";
      Object.keys(values || {}).forEach(function (name) { message = message.replace("{" + name + "}", values[name]); });
      return message;
    }

    function chosenField() {
      var option = field.options[field.selectedIndex];
      return option && option.value ? { name: option.getAttribute("data-name"), link: option.value, label: option.text } : null;
    }

    /* The procedures (not the other pages) that match, best first; or, with no words, the field's, by name. */
    function kept(wanted) {
      return function (r) { return !r.doc.p && (!wanted || r.field === wanted.name); };
    }

    function matches(engine, query, wanted) {
      if (query.trim()) { return engine.search(query, engine.records.length).filter(kept(wanted)); }
      var found = engine.records.map(function (r) { return engine.result(r, 0); }).filter(kept(wanted));
      return found.sort(function (a, b) {
        return (a.doc.s ? 1 : 0) - (b.doc.s ? 1 : 0) || a.doc.t.localeCompare(b.doc.t, lang);
      });
    }

    function item(result, query) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = new URL(result.doc.u, base).href;
      link.innerHTML = query.trim() ? window.procsiteEngine.highlight(result.doc.t, query) : search.escapeHtml(result.doc.t);
      var details = document.createElement("small");
      details.textContent = [result.field, result.time, result.doc.c, result.doc.s].filter(Boolean).join(" · ");
      li.appendChild(link);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(details);
      return li;
    }

    function note(textContent, href) {
      var li = document.createElement("li");
      li.className = "ps-results__note";
      if (href) {
        var link = document.createElement("a");
        link.href = href;
        link.textContent = textContent;
        li.appendChild(link);
      } else {
        li.textContent = textContent;
      }
      return li;
    }

    function show() {
      var query = text.value, wanted = chosenField();
      var active = Boolean(query.trim() || wanted);
      page.classList.toggle("ps-searching", active);
      results.hidden = !active;
      if (!active) {
        list.textContent = "";
        output.textContent = "";
        return;
      }
      var engine = window.procsiteEngine;
      if (!engine) {
        output.textContent = say("loading");
        search.load(new URL("search/search_index.json", base).href);
        return;
      }
      var found = matches(engine, query, wanted);
      var fragment = document.createDocumentFragment();
      found.slice(0, SHOWN).forEach(function (result) { fragment.appendChild(item(result, query)); });
      if (!found.length) {
        output.textContent = say("none");
        var closest = query.trim() ? engine.closest(query, engine.records.length).filter(kept(wanted)).slice(0, 3) : [];
        if (closest.length) { fragment.appendChild(note(say("closest"))); }
        closest.forEach(function (result) { fragment.appendChild(item(result, "")); });
      } else if (found.length > SHOWN) {
        output.textContent = say(query.trim() ? "found-more" : "field-more", { n: found.length.toLocaleString(lang), shown: SHOWN });
      } else {
        output.textContent = say(found.length === 1 ? "found-one" : "found-other", { n: found.length.toLocaleString(lang) });
      }
      if (wanted) { fragment.appendChild(note(say("field-page", { field: wanted.label }), new URL(wanted.link, window.location.href).href)); }
      list.textContent = "";
      list.appendChild(fragment);
    }

    /* One search per pause in typing, not one per key: a cheap phone searches thousands of records. */
    function later() {
      clearTimeout(timer);
      timer = setTimeout(show, 120);
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); show(); });
    text.addEventListener("input", later);
    text.addEventListener("focus", function () { search.load(new URL("search/search_index.json", base).href); });
    field.addEventListener("change", show);
    search.whenReady(function () { if (text.value.trim() || field.value) { show(); } });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) { text.value = query; }
    if (text.value.trim() || field.value) { show(); }  /* ?q=, or what the browser kept on going back */
  }

  function setup() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-ps-sortable]"), setupSort);
    var form = document.querySelector("form[data-ps-filter]");
    if (form) { setupFilter(form); }
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setup); } else { setup(); }
})();
