/*
 * Kiosk mode, for the touch screen at the one-stop desk. A kiosk page (/kiosk/) turns it on for
 * the browser session; every page then shows large text and buttons, our kiosk bar, no links
 * that leave the site, and an idle timer that returns to the Vietnamese start page, with a
 * countdown in its last 10 seconds that any touch cancels. `?idle=SECONDS` sets the timer for
 * the session (for testing a kiosk).
 */
(function () {
  "use strict";
  var root = document.documentElement;
  /* Scripts run on this page: the styles of what they will add are in place from the first paint (the
     catalogue's sort headings), so nothing moves when they run. This is the one script of the head. */
  root.classList.add("ps-js");
  var storage = window.sessionStorage;
  var params = new URLSearchParams(window.location.search);
  if (params.has("idle")) { storage.setItem("procsite-kiosk-idle", params.get("idle")); }
  if (document.querySelector('meta[name="procsite-kiosk"]')) { storage.setItem("procsite-kiosk", "on"); }
  if (storage.getItem("procsite-kiosk") !== "on") { return; }
  root.classList.add("ps-kiosk");

  var COUNTDOWN = 10;

  function idleSeconds() {
    var meta = document.querySelector('meta[name="procsite-kiosk-idle"]');
    var value = parseFloat(storage.getItem("procsite-kiosk-idle") || (meta && meta.content) || "120");
    return value > 0 ? value : 120;
  }

  function setupIdle(bar) {
    var limit = idleSeconds();
    var last = Date.now();
    var overlay = document.createElement("div");
    overlay.className = "ps-kiosk-countdown";
    overlay.setAttribute("role", "alert");
    overlay.hidden = true;
    document.body.appendChild(overlay);
    var template = bar.getAttribute("data-countdown");
    function activity() {
      last = Date.now();
      overlay.hidden = true;
    }
    ["pointerdown", "touchstart", "keydown", "wheel", "input"].forEach(function (name) {
      document.addEventListener(name, activity, { capture: true, passive: true });
    });
    window.setInterval(function () {
      var left = limit - (Date.now() - last) / 1000;
      if (left <= 0) {
        window.location.href = new URL(bar.getAttribute("data-reset"), window.location.href).href;
      } else if (left <= COUNTDOWN) {
        overlay.hidden = false;
        overlay.textContent = template.replace("{seconds}", String(Math.ceil(left)));
      }
    }, 250);
  }

  /* Links that leave the site would leave the kiosk: show where they go instead. */
  function closeTheWorld() {
    Array.prototype.forEach.call(document.querySelectorAll("a[href]"), function (link) {
      var target = new URL(link.getAttribute("href"), window.location.href);
      if (target.origin === window.location.origin) { return; }
      var text = document.createElement("span");
      text.className = "ps-kiosk-external";
      text.textContent = link.textContent + " (" + target.href + ")";
      link.replaceWith(text);
    });
  }

  function setupSearch(form, base) {
    var input = form.querySelector("input");
    var list = form.querySelector(".ps-kiosk-results");
    form.addEventListener("submit", function (event) { event.preventDefault(); input.blur(); });
    /* The kiosk is a search box first: its index is fetched at once and the engine built in short
       slices (the screen stays responsive), at once in full when someone touches the box; a query
       typed before it was ready is answered when it is. */
    var index = new URL("search/search_index.json", base).href;
    window.ProcSearch.load(index, false);
    window.ProcSearch.whenReady(function () { show(); });
    input.addEventListener("focus", function () { window.ProcSearch.load(index); });
    input.addEventListener("input", function () { window.ProcSearch.load(index); show(); });
    function show() {
      list.textContent = "";
      if (!window.procsiteEngine || !input.value.trim()) { return; }
      var results = window.ProcSearch.describe(window.procsiteEngine, input.value, 50).filter(function (result) {
        return /^thu-tuc\/.+/.test(result.url) || /^linh-vuc\//.test(result.url);
      });
      if (!results.length) {  /* nothing matches: the closest procedures, and whom to ask */
        note(list, form.getAttribute("data-ps-none"));
        results = window.ProcSearch.suggest(window.procsiteEngine, input.value, 3);
      }
      results.slice(0, 8).forEach(function (result) {
        var url = result.url.replace(/^linh-vuc\//, "kiosk/linh-vuc/");
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.className = "ps-kiosk-tile";
        link.href = new URL(url, base).href;
        link.innerHTML = '<span class="ps-kiosk-tile__title">' + result.title + "</span>" +
          (result.details ? '<span class="ps-kiosk-tile__meta"></span>' : "");
        if (result.details) { link.lastChild.textContent = result.details; }
        item.appendChild(link);
        list.appendChild(item);
      });
      if (list.querySelector(".ps-kiosk-note")) { note(list, form.getAttribute("data-ps-phone")); }
    }
  }

  function note(list, text) {
    if (!text) { return; }
    var item = document.createElement("li");
    item.className = "ps-kiosk-note";
    item.textContent = text;
    list.appendChild(item);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var bar = document.querySelector(".ps-kiosk-bar");
    var config = document.getElementById("__config");
    var base = new URL(JSON.parse(config.textContent).base.replace(/\/?$/, "/"), window.location.href);
    closeTheWorld();
    if (bar) { setupIdle(bar); }
    var search = document.querySelector("[data-ps-kiosk-search]");
    if (search) { setupSearch(search, base); }
  });
})();
