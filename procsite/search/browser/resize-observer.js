/*
 * A ResizeObserver for the browsers that lack one (old phones and office PCs). Material's bundle
 * fetches a polyfill from unpkg.com when ResizeObserver is missing: a request to another host, which
 * the site never makes and its Content-Security-Policy blocks, and then the page breaks. This one runs
 * before the bundle (in the search script, which runs right before it) and tells the bundle when an
 * observed element may have changed size: when observed, on load and when the window is resized.
 */
(function (root) {
  "use strict";
  if (typeof root.ResizeObserver !== "undefined" || typeof root.addEventListener !== "function") { return; }

  function ResizeObserver(callback) {
    var self = this;
    this.callback = callback;
    this.targets = [];
    this.listener = function () { self.notify(self.targets); };
  }

  ResizeObserver.prototype.observe = function (target) {
    if (this.targets.indexOf(target) !== -1) { return; }
    this.targets.push(target);
    if (this.targets.length === 1) {
      root.addEventListener("resize", this.listener);
      root.addEventListener("load", this.listener);
    }
    var self = this;
    setTimeout(function () { self.notify([target]); }, 0);
  };

  ResizeObserver.prototype.unobserve = function (target) {
    var at = this.targets.indexOf(target);
    if (at !== -1) { this.targets.splice(at, 1); }
  };

  ResizeObserver.prototype.disconnect = function () {
    this.targets = [];
    root.removeEventListener("resize", this.listener);
    root.removeEventListener("load", this.listener);
  };

  ResizeObserver.prototype.notify = function (targets) {
    var entries = [];
    for (var i = 0; i < targets.length; i++) {
      if (this.targets.indexOf(targets[i]) !== -1) {
        entries.push({ target: targets[i], contentRect: targets[i].getBoundingClientRect() });
      }
    }
    if (entries.length) { this.callback(entries, this); }
  };

  root.ResizeObserver = ResizeObserver;
})(typeof self !== "undefined" ? self : this);
