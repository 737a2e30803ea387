/*
 * A table or flow diagram wider than the screen scrolls sideways inside its wrapper. Someone
 * without a mouse can scroll it only if the wrapper takes the focus (WCAG 2.1.1, axe's
 * scrollable-region-focusable): Material does this for code blocks but not for its table
 * wrapper, so we do it here, only while the region scrolls and holds nothing focusable itself.
 * Material wraps tables while the page loads, hence the "load" event; a ResizeObserver keeps the
 * answer right when the window or the kiosk's text size changes.
 */
(function () {
  "use strict";

  var REGIONS = ".md-typeset .md-typeset__scrollwrap, .md-typeset .ps-table-wrap, .md-typeset .ps-flow";
  var FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]";

  function update(region) {
    var scrolls = region.scrollWidth > region.clientWidth || region.scrollHeight > region.clientHeight;
    var ours = region.hasAttribute("data-ps-scroll");
    if (scrolls && !ours && !region.hasAttribute("tabindex") && !region.querySelector(FOCUSABLE)) {
      region.setAttribute("tabindex", "0");
      region.setAttribute("data-ps-scroll", "");
    } else if (!scrolls && ours) {
      region.removeAttribute("tabindex");
      region.removeAttribute("data-ps-scroll");
    }
  }

  function watch() {
    var regions = Array.prototype.slice.call(document.querySelectorAll(REGIONS));
    regions.forEach(update);
    if ("ResizeObserver" in window) {
      var observer = new ResizeObserver(function (entries) {
        entries.forEach(function (entry) { update(entry.target); });
      });
      regions.forEach(function (region) { observer.observe(region); });
    }
  }

  if (document.readyState === "complete") {
    watch();
  } else {
    window.addEventListener("load", watch);
  }
})();
