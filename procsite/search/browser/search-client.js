/*
 * Our search client in Material's search box: same markup, look and keys, our index and ranking.
 *
 * Material's client waits for its whole bundle to start before it even asks for the index,
 * which alone takes longer than a citizen should wait. This script runs after the content and
 * right before the bundle (overrides/main.html), takes the search box over by renaming
 * the markers Material's bundle looks for (so it does not mount its own search), and answers
 * in the page. Its settings (base address, the words it shows) are attributes of its tag.
 * Keys, as in Material: "/", "s" or "f" opens search; arrows move through results; Enter
 * opens one; Escape closes.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var box = document.querySelector('[data-md-component="search"]');
  if (!box || !script || !script.hasAttribute("data-strings")) { return; }
  box.setAttribute("data-md-component", "procsite-search");
  var form = box.querySelector("form");
  form.setAttribute("name", "procsite-search");

  var strings = JSON.parse(script.getAttribute("data-strings"));
  /* Material's search box is a dialog without a name: give it one (screen readers announce it). */
  if (strings["search.label"]) { box.setAttribute("aria-label", strings["search.label"]); }
  var base = new URL(script.getAttribute("data-base").replace(/\/?$/, "/"), window.location.href);
  var toggle = document.getElementById("__search");
  var input = box.querySelector(".md-search__input");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var engine = null;
  var LIMIT = 20;

  function setOpen(open) {
    if (toggle && toggle.checked !== open) {
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  function count(n) {
    if (n === 0) { return strings["search.result.none"]; }
    if (n === 1) { return strings["search.result.one"]; }
    return strings["search.result.other"].replace("#", n);
  }

  function render() {
    var query = input.value;
    if (!engine) {  /* typed before the index arrived: answered when it arrives (see whenReady below) */
      if (query.trim()) {
        ProcSearch.load(indexUrl);
        meta.textContent = strings["search.result.initializer"] || "";
      }
      return;
    }
    if (!query.trim()) {
      list.textContent = "";
      meta.textContent = strings["search.result.placeholder"];
      return;
    }
    var results = ProcSearch.describe(engine, query, 50);
    meta.textContent = count(results.length);
    var html = "";
    for (var i = 0; i < Math.min(results.length, LIMIT); i++) { html += item(results[i]); }
    if (!results.length) { html = help(query); }
    list.innerHTML = html;
  }

  function item(result) {
    return '<li class="md-search-result__item"><a href="' + ProcSearch.escapeHtml(new URL(result.url, base).href) +
      '" class="md-search-result__link" tabindex="-1"><article class="md-search-result__article md-typeset">' +
      '<div class="md-search-result__icon md-icon"></div><h1>' + result.title + "</h1>" +
      (result.details ? "<p>" + ProcSearch.escapeHtml(result.details) + "</p>" : "") + "</article></a></li>";
  }

  /* Nothing matched: say so, offer the closest procedures, the catalogue and the one-stop desk's phone. */
  function help(query) {
    var closest = ProcSearch.suggest(engine, query, 3), info = (window.procsiteIndex || {}).help || {};
    var html = closest.length ? '<li class="md-search-result__item ps-search-help"><p>' +
      ProcSearch.escapeHtml(strings["search.none.closest"]) + "</p></li>" : "";
    for (var i = 0; i < closest.length; i++) { html += item(closest[i]); }
    html += '<li class="md-search-result__item ps-search-help"><p><a href="' +
      ProcSearch.escapeHtml(new URL(info.catalogue || "thu-tuc/", base).href) + '">' +
      ProcSearch.escapeHtml(strings["search.none.catalogue"]) + "</a>";
    if (info.phone) {
      html += ' · <a href="tel:' + ProcSearch.escapeHtml(info.phone.replace(/[^0-9+]/g, "")) + '">' +
        ProcSearch.escapeHtml(strings["search.none.phone"].replace("{phone}", info.phone)) + "</a>";
    }
    return html + "</p></li>";
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"));
  }

  function move(step) {
    var all = links();
    if (!all.length) { return; }
    var at = all.indexOf(document.activeElement);
    var next = at + step;
    if (next < 0) { input.focus(); return; }
    all[Math.min(next, all.length - 1)].focus();
  }

  input.addEventListener("input", render);
  input.addEventListener("focus", function () { setOpen(true); });
  input.addEventListener("keydown", function () { ProcSearch.load(indexUrl); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) { window.location.href = first.href; }
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { render(); input.focus(); }, 0);
  });
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.altKey || event.metaKey) { return; }
    var open = toggle && toggle.checked;
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test((event.target && event.target.tagName) || "") ||
      (event.target && event.target.isContentEditable);
    if (open) {
      if (event.key === "Escape") {
        event.preventDefault();
        setOpen(false);
        input.blur();
      } else if (event.key === "ArrowDown") {
        event.preventDefault();
        move(1);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        move(-1);
      } else if (event.key === "Enter" && document.activeElement === input) {
        event.preventDefault();
        form.dispatchEvent(new Event("submit", { cancelable: true }));
      } else if (document.activeElement !== input && event.key.length === 1 && !typing) {
        input.focus();
      }
    } else if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
      event.preventDefault();
      input.focus();
    }
  });

  /* The box works at once; the index comes when the page is loaded, or as soon as someone searches. */
  var indexUrl = new URL("search/search_index.json", base).href;
  input.addEventListener("focus", function () { ProcSearch.load(indexUrl); });
  ProcSearch.whenReady(function (ready) {
    engine = ready;
    box.setAttribute("data-procsite-ready", "");
    render();
  });
  ProcSearch.prefetch(indexUrl);
  box.setAttribute("data-procsite-client", "");
  render();
})();
