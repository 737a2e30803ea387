/*
 * Procedure search: forgiving of missing or misplaced Vietnamese diacritics, ranked so that
 * the procedure a citizen means comes first. Plain ES5 so that old browsers run it; used by
 * the search box (search-client.js) and the kiosk's search (overrides/assets/procsite/kiosk.js).
 *
 * Index records (written by procsite/search/index.py): u url, t title, a other-language title,
 * c national code, i ISO code, f field, n units, k keywords (" | "), d processing time,
 * h headings (" | "), s status when not in force, p 1 for pages that are not procedures.
 */
(function (root) {
  "use strict";

  var MARKS = /[\u0300-\u036f]/g;
  var TOKEN = /[a-z0-9]+(?:[.\-\/][a-z0-9]+)*/g;

  /* Lower case, no diacritics, "đ" as "d" (the fast way, for matching). */
  function fold(text) {
    return text.replace(/[đĐ]/g, "d").normalize("NFD").replace(MARKS, "").toLowerCase();
  }

  /* The same, one character per character, so that positions map back to the original (for marking). */
  function foldKeepingPositions(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      if (c === "đ" || c === "Đ") { out += "d"; continue; }
      var base = c.normalize("NFD").replace(MARKS, "");
      out += (base.length === 1 ? base : c).toLowerCase();
    }
    return out;
  }

  function tokensOf(folded) {
    return folded.match(TOKEN) || [];
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  var Q = root.ProcQuery;

  /* Folded words, "y" read as "i" (see search-query.js), as " word word " for fast substring search. */
  function words(text) {
    return Q.canon(text);
  }

  /* A record of the index (see procsite/search/index.py for its fields), with its folded words. */
  function Record(doc, index) {
    var names = index.names || [], folded = index.namesFolded || [];
    this.doc = doc;
    /* Folded words as " word word ", so that a match is a fast substring search: no arrays to build. */
    this.title = words(doc.T !== undefined ? doc.T : tokensOf(fold(doc.t)).join(" "));
    this.titleWords = " " + this.title + " ";
    this.alias = words(doc.A !== undefined ? doc.A : (doc.a ? tokensOf(fold(doc.a)).join(" ") : ""));
    this.aliasWords = " " + this.alias + " ";
    this.code = (doc.c || "").toLowerCase();
    this.iso = (doc.i || "").toLowerCase();
    this.keywords = (doc.K !== undefined ? doc.K.split(" | ") :
      (doc.k ? fold(doc.k).split(" | ").map(function (k) { return tokensOf(k).join(" "); }) : [])).map(words);
    this.keywordWords = " " + this.keywords.join(" ") + " ";
    var other = doc.O !== undefined ? doc.O : "";
    var refs = (doc.f !== undefined ? [doc.f] : []).concat(doc.n || []);
    for (var i = 0; i < refs.length; i++) { other += " " + (folded[refs[i]] || ""); }
    this.otherWords = " " + words(other) + " ";
    this.field = doc.f !== undefined ? names[doc.f] : "";
    this.time = doc.d !== undefined ? (index.times || [])[doc.d] : "";
    this.titleRaw = null;  /* made on first use: only for pages that match */
  }

  /* Is the query word one of these words (a prefix is enough for the word being typed)? */
  function has(words, word, prefix) {
    return words.indexOf(prefix ? " " + word : " " + word + " ") !== -1;
  }

  /* The cost of the cheapest alternative of a slot found in these words, or -1. */
  function found(words, slot) {
    for (var i = 0; i < slot.alts.length; i++) {
      if (has(words, slot.alts[i].word, slot.last)) { return slot.alts[i].cost; }
    }
    return -1;
  }

  /* Do the query words appear one after another in these words? */
  function phrase(words, joined, prefixLast) {
    return joined !== "" && words.indexOf(" " + joined + (prefixLast ? "" : " ")) !== -1;
  }

  function score(record, q) {
    var slots = q.slots, n = slots.length, total = 0, cost = 0;
    if (record.code && (q.folded === record.code || q.folded === record.iso)) { return 1000000; }
    if (n === 1 && /\d/.test(q.tokens[0]) && (record.code.lastIndexOf(q.tokens[0], 0) === 0 ||
        record.iso.lastIndexOf(q.tokens[0], 0) === 0)) {
      return 200000 - record.code.length;
    }
    var inTitle = 0, anywhere = 0, inKeywords = 0;
    for (var i = 0; i < n; i++) {
      var slot = slots[i];
      var t = found(record.titleWords, slot), a = found(record.aliasWords, slot);
      var k = found(record.keywordWords, slot), o = found(record.otherWords, slot);
      var best = -1, costs = [t, a, k, o];
      for (var c = 0; c < costs.length; c++) {
        if (costs[c] >= 0 && (best < 0 || costs[c] < best)) { best = costs[c]; }
      }
      if (t >= 0 || a >= 0) { inTitle++; }
      if (k >= 0) { inKeywords++; }
      if (best >= 0) { anywhere++; cost += best; }
    }
    if (anywhere === 0 || anywhere < Math.ceil(n * 0.6)) { return 0; }
    var joined = q.best;
    if (joined === record.title || (record.alias && joined === record.alias)) {
      total += 100000;
    } else if (inTitle === n) {
      var length = record.title.split(" ").length;
      total += 20000 + 5000 * n / Math.max(length, n);
      if (phrase(record.titleWords, joined, q.prefixLast) || phrase(record.aliasWords, joined, q.prefixLast)) {
        total += 3000;
      }
      if (record.title.lastIndexOf(joined, 0) === 0) { total += 2000; }
    }
    for (var j = 0; j < record.keywords.length; j++) {
      var phraseText = record.keywords[j];
      if (phraseText === joined) { total += 18000; break; }
      if ((" " + phraseText + " ").indexOf(" " + joined + (q.prefixLast ? "" : " ")) !== -1 ||
          (" " + joined + " ").indexOf(" " + phraseText + " ") !== -1) { total += 12000; break; }
    }
    if (inKeywords === n) { total += 8000; }
    if (anywhere === n) { total += 5000; }
    total += 1000 * inTitle / n + 300 * anywhere / n;
    /* Written with the same diacritics as the title: a small tie-breaker ("ca" vs "cá"). */
    if (record.titleRaw === null) {
      record.titleRaw = record.doc.t.toLowerCase().match(/[^\s,.;:()\/–-]+/g) || [];
      record.titleSigns = record.titleRaw.map(Q.signature);
    }
    for (var r = 0; r < q.raw.length; r++) {
      if (record.titleRaw.indexOf(q.raw[r]) !== -1 && fold(q.raw[r]) !== q.raw[r]) { total += 50; }
      /* Typed in Telex or VNI: the tone and letters typed tell "đổi" from "đối" as diacritics would. */
      var typed = q.signs[r];
      if (typed && record.titleSigns.indexOf(typed) !== -1) { total += 50; }
    }
    if (record.doc.s) { total *= 0.5; }
    if (record.doc.p) { total *= 0.8; }
    /* Corrections cost: a name typed as written comes before one read through a typo or a Telex key. */
    return total * Math.pow(0.8, cost) * q.weight;
  }

  function parseQuery(text) {
    var normal = text.normalize("NFC").toLowerCase();
    var folded = fold(normal).replace(/\s+/g, " ").trim();
    var raw = normal.match(/[^\s,.;:()\/–-]+/g) || [];
    return {
      folded: tokensOf(folded).join(" "),
      tokens: tokensOf(folded),
      raw: raw,
      signs: raw.map(function (word) { return /^[a-z0-9]+$/.test(word) ? Q.typedSignature(word) : null; }),
      prefixLast: !/\s$/.test(text)
    };
  }

  /* The readings of a query: as typed; with an everyday name replaced; without filler words. */
  Engine.prototype.readings = function (text) {
    /* The last query's, kept: search, suggest and the highlight of every result read the same query. */
    if (this.lastQuery === text) { return this.lastReadings; }
    var q = parseQuery(text), out = [];
    this.lastQuery = text;
    this.lastReadings = out;
    if (!q.tokens.length) { return out; }
    var self = this;
    function reading(tokens, weight, prefixLast) {
      var slots = Q.slotsOf(tokens, self.vocabulary, prefixLast);
      out.push({
        folded: tokens.join(" "), tokens: tokens, raw: q.raw, signs: q.signs, prefixLast: prefixLast, slots: slots,
        weight: weight,
        best: slots.map(function (slot) { return slot.alts[0].word; }).join(" ")
      });
    }
    reading(q.tokens, 1, q.prefixLast);
    var replaced = Q.everyday(Q.canon(q.folded), this.everyday);
    if (replaced) { reading(tokensOf(replaced), 0.95, false); }
    var kept = Q.withoutFillers(q.tokens);
    if (kept) { reading(kept, 0.9, q.prefixLast); }
    return out;
  };

  /* The engine over ``index``; with ``later`` set, its records are added afterwards (``add``, then
     ``finish``), a few at a time, so that building it never holds the page for long (see load). */
  function Engine(index, later) {
    this.index = index;
    this.records = [];
    this.vocabulary = new Q.Vocabulary([]);
    this.lastQuery = null;
    this.lastReadings = [];
    this.everyday = (index.everyday || []).map(function (pair) { return [Q.canon(pair[0]), Q.canon(pair[1])]; });
    if (!later) {
      for (var i = 0; i < index.docs.length; i++) { this.add(index.docs[i]); }
      this.finish();
    }
  }

  Engine.prototype.add = function (doc) {
    var record = new Record(doc, this.index);
    this.records.push(record);
    this.vocabulary.add((record.titleWords + record.aliasWords + record.keywordWords + record.otherWords).split(" "));
  };

  Engine.prototype.finish = function () {
    this.vocabulary.finish();
  };

  /* Ranked matches: [{doc, score, terms}], best first. */
  Engine.prototype.search = function (text, limit) {
    var readings = this.readings(text);
    if (!readings.length) { return []; }
    var results = [];
    for (var i = 0; i < this.records.length; i++) {
      var best = 0;
      for (var r = 0; r < readings.length; r++) {
        var s = score(this.records[i], readings[r]);
        if (s > best) { best = s; }
      }
      if (best > 0) { results.push(this.result(this.records[i], best)); }
    }
    results.sort(function (a, b) { return b.score - a.score || (a.doc.t < b.doc.t ? -1 : 1); });
    return results.slice(0, limit || 50);
  };

  /* When nothing matches: the records sharing most words with the query, typos forgiven, for "did you mean". */
  Engine.prototype.closest = function (text, limit) {
    var readings = this.readings(text), results = [];
    for (var i = 0; i < this.records.length; i++) {
      var record = this.records[i], shared = 0;
      if (record.doc.p) { continue; }
      for (var r = 0; r < readings.length; r++) {
        var count = 0;
        for (var s = 0; s < readings[r].slots.length; s++) {
          var slot = readings[r].slots[s];
          if (found(record.titleWords, slot) >= 0 || found(record.keywordWords, slot) >= 0 ||
              found(record.otherWords, slot) >= 0) { count++; }
        }
        shared = Math.max(shared, count);
      }
      if (shared) { results.push({ record: record, shared: shared }); }
    }
    results.sort(function (a, b) { return b.shared - a.shared || a.record.title.length - b.record.title.length; });
    var self = this;
    return results.slice(0, limit || 3).map(function (r) { return self.result(r.record, r.shared); });
  };

  Engine.prototype.result = function (record, score) {
    return { doc: record.doc, score: score, field: record.field, time: record.time };
  };

  /* The title as HTML with the matched words marked (as typed, or as the query was read). */
  Engine.prototype.highlight = function (text, query) {
    var wanted = [];
    var readings = this.readings(query);
    for (var r = 0; r < readings.length; r++) {
      for (var s = 0; s < readings[r].slots.length; s++) {
        var slot = readings[r].slots[s];
        for (var a = 0; a < slot.alts.length; a++) { wanted.push({ word: slot.alts[a].word, prefix: slot.last }); }
      }
    }
    var folded = foldKeepingPositions(text), out = "", last = 0, match;
    TOKEN.lastIndex = 0;
    while ((match = TOKEN.exec(folded)) !== null) {
      var word = Q.canon(match[0]);
      for (var i = 0; i < wanted.length; i++) {
        var w = wanted[i].word;
        if (word === w || (wanted[i].prefix && word.lastIndexOf(w, 0) === 0)) {
          var end = match.index + (word === w ? match[0].length : w.length);
          out += escapeHtml(text.slice(last, match.index)) + "<mark>" + escapeHtml(text.slice(match.index, end)) + "</mark>";
          last = end;
          break;
        }
      }
    }
    return out + escapeHtml(text.slice(last));
  };

  /* Results as plain data a page can show: link, title with marks, and field · time · code · status. */
  function describe(engine, text, limit) {
    return engine.search(text, limit).map(function (result) {
      return {
        url: result.doc.u,
        title: engine.highlight(result.doc.t, text),
        details: [result.field, result.time, result.doc.c, result.doc.s].filter(function (part) { return part; })
          .join(" · "),
        page: result.doc.p === 1
      };
    });
  }

  /* When nothing matches: the closest procedures, as the same plain data. */
  function suggest(engine, text, limit) {
    return engine.closest(text, limit).map(function (result) {
      return { url: result.doc.u, title: escapeHtml(result.doc.t), details: [result.field, result.doc.c].join(" · "), page: false };
    });
  }


  /* The index is not part of the page: it grows with the catalogue, and the page must not wait for it.
     Once the page has loaded and the browser is idle, it is fetched and the engine built in slices of a
     few milliseconds each, between which the page answers (a phone's CPU never blocks for long, at any
     number of procedures); as soon as someone starts to search, it is fetched at once and what is left
     of the building done in one go. Whatever asked for the engine meanwhile gets it when it is ready.

     procsite/search/index.py writes the index as JSON with one record per line: the first line holds
     the tables and opens the list of records, each further line is one record. Read that way, no step parses
     the whole file; any other JSON (a file written by hand, or by a tool) is read in one go. */
  var waiting = [], requested = false, urgent = false, building = null;
  var SLICE_MS = 5;  /* a phone is slower: a few times this, still far below a long task (50 ms) */

  function whenReady(callback) {
    if (root.procsiteEngine) { callback(root.procsiteEngine); return; }
    waiting.push(callback);
  }

  function ready(engine) {
    building = null;
    root.procsiteEngine = engine;
    var callbacks = waiting;
    waiting = [];
    for (var i = 0; i < callbacks.length; i++) { callbacks[i](engine); }
  }

  /* Builds the engine from the text of the index, record by record, resumable. */
  function Building(text) {
    var header = text.indexOf("\n");
    this.text = text;
    if (header < 0 || text.charAt(header - 1) !== "[") {
      this.whole = true;
      return;
    }
    this.index = JSON.parse(text.slice(0, header) + "]}");
    root.procsiteIndex = this.index;
    this.engine = new Engine(this.index, true);
    this.at = header + 1;
  }

  /* Adds records until ``deadline`` (a performance.now() time; none: to the end); true when done. */
  Building.prototype.run = function (deadline) {
    if (this.whole) {
      root.procsiteIndex = JSON.parse(this.text);
      this.engine = new Engine(root.procsiteIndex);
      return true;
    }
    var text = this.text, count = 0;
    while (true) {
      var end = text.indexOf("\n", this.at);
      var line = text.slice(this.at, end < 0 ? text.length : end);
      this.at = end < 0 ? text.length : end + 1;
      if (line.charAt(0) !== "{") { break; }  /* "]}": the end of the records */
      var doc = JSON.parse(line.charAt(line.length - 1) === "," ? line.slice(0, -1) : line);
      this.index.docs.push(doc);
      this.engine.add(doc);
      if (deadline && ++count % 10 === 0 && now() >= deadline) { return false; }
    }
    this.engine.finish();
    return true;
  };

  function now() {
    return root.performance && root.performance.now ? root.performance.now() : Date.now();
  }

  function step() {
    if (!building) { return; }
    if (urgent ? building.run(0) : building.run(now() + SLICE_MS)) { ready(building.engine); }
    else { setTimeout(step, 0); }
  }

  function fetched(text) {
    try {
      building = new Building(text);
    } catch (error) {  /* not the index we wrote (a cut download): the next search tries again */
      requested = false;
      return;
    }
    if (urgent) { step(); } else { setTimeout(step, 0); }  /* reading the file was one task: the rest later */
  }

  /* Fetch the index (once) and build the engine; ``soon`` false: in slices, when the browser is idle. */
  function load(url, soon) {
    if (soon !== false && !urgent) {
      urgent = true;
      if (building) { step(); }
    }
    if (requested || root.procsiteEngine) { return; }
    requested = true;
    var request = new XMLHttpRequest();
    request.open("GET", url);
    request.onload = function () {
      if (request.status !== 200 && request.status !== 0) { requested = false; return; }
      fetched(request.responseText);
    };
    request.onerror = function () { requested = false; };  /* offline for a moment: the next keystroke tries again */
    request.send();
  }

  /* Fetch the index and build the engine once the page is loaded and the browser has nothing else to do. */
  function prefetch(url) {
    function start() {
      if (root.requestIdleCallback) { root.requestIdleCallback(function () { load(url, false); }, { timeout: 3000 }); }
      else { setTimeout(function () { load(url, false); }, 200); }
    }
    if (document.readyState === "complete") { start(); } else { root.addEventListener("load", start); }
  }

  root.ProcSearch = {
    Engine: Engine, fold: fold, escapeHtml: escapeHtml, describe: describe, suggest: suggest,
    whenReady: whenReady, load: load, prefetch: prefetch
  };
  if (root.procsiteIndex) { root.procsiteEngine = new Engine(root.procsiteIndex); }
})(typeof self !== "undefined" ? self : this);
