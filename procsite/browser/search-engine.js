/*
 * Procedure search: forgiving of missing or misplaced Vietnamese diacritics, ranked so that
 * the procedure a citizen means comes first. Plain ES5 so that old browsers run it; used by
 * the search box (search-client.js) and the kiosk's search (overrides/assets/procsite/kiosk.js).
 *
 * Index records (written by procsite/search.py): u url, t title, a other-language title,
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

  /* A record of the index (see procsite/search.py for its fields), with its folded words. */
  function Record(doc, index) {
    var names = index.names || [], folded = index.namesFolded || [];
    this.doc = doc;
    /* Folded words as " word word ", so that a match is a fast substring search: no arrays to build. */
    this.title = doc.T !== undefined ? doc.T : tokensOf(fold(doc.t)).join(" ");
    this.titleWords = " " + this.title + " ";
    this.alias = doc.A !== undefined ? doc.A : (doc.a ? tokensOf(fold(doc.a)).join(" ") : "");
    this.aliasWords = " " + this.alias + " ";
    this.code = (doc.c || "").toLowerCase();
    this.iso = (doc.i || "").toLowerCase();
    this.keywords = doc.K !== undefined ? doc.K.split(" | ") :
      (doc.k ? fold(doc.k).split(" | ").map(function (k) { return tokensOf(k).join(" "); }) : []);
    this.keywordWords = " " + this.keywords.join(" ") + " ";
    var other = doc.O !== undefined ? doc.O : "";
    var refs = (doc.f !== undefined ? [doc.f] : []).concat(doc.n || []);
    for (var i = 0; i < refs.length; i++) { other += " " + (folded[refs[i]] || ""); }
    this.otherWords = " " + other + " ";
    this.field = doc.f !== undefined ? names[doc.f] : "";
    this.time = doc.d !== undefined ? (index.times || [])[doc.d] : "";
    this.titleRaw = null;  /* made on first use: only for pages that match */
  }

  /* Is the query word one of these words (a prefix is enough for the word being typed)? */
  function has(words, word, prefix) {
    return words.indexOf(prefix ? " " + word : " " + word + " ") !== -1;
  }

  /* Do the query words appear one after another in these words? */
  function phrase(words, joined, prefixLast) {
    return joined !== "" && words.indexOf(" " + joined + (prefixLast ? "" : " ")) !== -1;
  }

  function score(record, q) {
    var words = q.tokens, n = words.length, total = 0;
    if (record.code && (q.folded === record.code || q.folded === record.iso)) { return 1000000; }
    if (n === 1 && /\d/.test(words[0]) && (record.code.lastIndexOf(words[0], 0) === 0 ||
        record.iso.lastIndexOf(words[0], 0) === 0)) {
      return 200000 - record.code.length;
    }
    var inTitle = 0, anywhere = 0, inKeywords = 0;
    var terms = {};
    for (var i = 0; i < n; i++) {
      var prefix = q.prefixLast && i === n - 1;
      var w = words[i];
      var t = has(record.titleWords, w, prefix) || has(record.aliasWords, w, prefix);
      var k = has(record.keywordWords, w, prefix);
      var o = t || k || has(record.otherWords, w, prefix);
      if (t) { inTitle++; }
      if (k) { inKeywords++; }
      if (o) { anywhere++; }
      terms[w] = o;
    }
    if (anywhere === 0 || anywhere < Math.ceil(n * 0.6)) { return 0; }
    if (q.folded === record.title || (record.alias && q.folded === record.alias)) {
      total += 100000;
    } else if (inTitle === n) {
      var length = record.title.split(" ").length;
      total += 20000 + 5000 * n / Math.max(length, n);
      if (phrase(record.titleWords, q.folded, q.prefixLast) || phrase(record.aliasWords, q.folded, q.prefixLast)) {
        total += 3000;
      }
      if (record.title.lastIndexOf(q.folded, 0) === 0) { total += 2000; }
    }
    for (var j = 0; j < record.keywords.length; j++) {
      var phraseText = record.keywords[j];
      if (phraseText === q.folded) { total += 18000; break; }
      if ((" " + phraseText + " ").indexOf(" " + q.folded + (q.prefixLast ? "" : " ")) !== -1 ||
          (" " + q.folded + " ").indexOf(" " + phraseText + " ") !== -1) { total += 12000; break; }
    }
    if (inKeywords === n) { total += 8000; }
    if (anywhere === n) { total += 5000; }
    total += 1000 * inTitle / n + 300 * anywhere / n;
    /* Written with the same diacritics as the title: a small tie-breaker ("ca" vs "cá"). */
    if (record.titleRaw === null) {
      record.titleRaw = record.doc.t.toLowerCase().match(/[^\s,.;:()\/–-]+/g) || [];
    }
    for (var r = 0; r < q.raw.length; r++) {
      if (record.titleRaw.indexOf(q.raw[r]) !== -1 && fold(q.raw[r]) !== q.raw[r]) { total += 50; }
    }
    if (record.doc.s) { total *= 0.5; }
    if (record.doc.p) { total *= 0.8; }
    return { value: total, terms: terms };
  }

  function parseQuery(text) {
    var normal = text.normalize("NFC").toLowerCase();
    var folded = fold(normal).replace(/\s+/g, " ").trim();
    return {
      folded: tokensOf(folded).join(" "),
      tokens: tokensOf(folded),
      raw: normal.match(/[^\s,.;:()\/–-]+/g) || [],
      prefixLast: !/\s$/.test(text)
    };
  }

  function Engine(index) {
    this.records = [];
    for (var i = 0; i < index.docs.length; i++) { this.records.push(new Record(index.docs[i], index)); }
  }

  /* Ranked matches: [{doc, score, terms}], best first. */
  Engine.prototype.search = function (text, limit) {
    var q = parseQuery(text);
    if (!q.tokens.length) { return []; }
    var results = [];
    for (var i = 0; i < this.records.length; i++) {
      var s = score(this.records[i], q);
      if (typeof s === "number") {
        if (s > 0) { results.push(this.result(this.records[i], s, {})); }
      } else if (s.value > 0) {
        results.push(this.result(this.records[i], s.value, s.terms));
      }
    }
    results.sort(function (a, b) { return b.score - a.score || (a.doc.t < b.doc.t ? -1 : 1); });
    return results.slice(0, limit || 50);
  };

  Engine.prototype.result = function (record, score, terms) {
    return { doc: record.doc, score: score, terms: terms, field: record.field, time: record.time };
  };

  /* The title as HTML with the matched words marked. */
  Engine.prototype.highlight = function (text, query) {
    var words = parseQuery(query).tokens;
    var folded = foldKeepingPositions(text), out = "", last = 0, match;
    TOKEN.lastIndex = 0;
    while ((match = TOKEN.exec(folded)) !== null) {
      for (var i = 0; i < words.length; i++) {
        if (match[0] === words[i] || match[0].lastIndexOf(words[i], 0) === 0) {
          var end = match.index + (match[0] === words[i] ? match[0].length : words[i].length);
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

  root.ProcSearch = { Engine: Engine, fold: fold, escapeHtml: escapeHtml, describe: describe };

  /* The search script (search/procsite_search.js, see procsite/search.py) sets the index just
     before this file: build the engine at once, so that search answers as soon as the page shows. */
  if (root.procsiteIndex) {
    root.procsiteEngine = new Engine(root.procsiteIndex);
  }
})(typeof self !== "undefined" ? self : this);
