/*
 * Procedure search: forgiving of missing or misplaced Vietnamese diacritics, ranked so that
 * the procedure a citizen means comes first. Plain ES5 so that old browsers run it; used by
 * the search worker (search-worker.js) and by pages that search without a worker.
 *
 * Index records (written by procsite/search.py): u url, t title, a other-language title,
 * c national code, i ISO code, f field, n units, k keywords (" | "), d processing time,
 * h headings (" | "), s status when not in force, p 1 for pages that are not procedures.
 */
(function (root) {
  "use strict";

  var MARKS = /[\u0300-\u036f]/g;
  var TOKEN = /[a-z0-9]+(?:[.\-\/][a-z0-9]+)*/g;

  /* Lower case, no diacritics, "đ" as "d": one character per character, so positions map back. */
  function fold(text) {
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

  function Record(doc) {
    this.doc = doc;
    this.title = fold(doc.t);
    this.titleTokens = tokensOf(this.title);
    this.titleRaw = doc.t.toLowerCase().normalize("NFC").match(/[^\s,.;:()\/–-]+/g) || [];
    this.alias = doc.a ? fold(doc.a) : "";
    this.aliasTokens = tokensOf(this.alias);
    this.code = (doc.c || "").toLowerCase();
    this.iso = fold(doc.i || "");
    this.keywords = doc.k ? fold(doc.k).split(" | ") : [];
    this.keywordTokens = tokensOf(this.keywords.join(" "));
    this.otherTokens = tokensOf(fold([doc.f || "", doc.n || "", doc.h || ""].join(" ")));
  }

  /* Does a query token match one of these tokens (a prefix is enough for the word being typed)? */
  function has(tokens, token, prefix) {
    for (var i = 0; i < tokens.length; i++) {
      if (tokens[i] === token || (prefix && tokens[i].lastIndexOf(token, 0) === 0)) { return true; }
    }
    return false;
  }

  /* Do the query tokens appear one after another in these tokens? */
  function phrase(tokens, query, prefixLast) {
    outer:
    for (var start = 0; start + query.length <= tokens.length; start++) {
      for (var j = 0; j < query.length; j++) {
        var t = tokens[start + j], q = query[j];
        if (!(t === q || (prefixLast && j === query.length - 1 && t.lastIndexOf(q, 0) === 0))) { continue outer; }
      }
      return true;
    }
    return false;
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
      var t = has(record.titleTokens, w, prefix) || has(record.aliasTokens, w, prefix);
      var k = has(record.keywordTokens, w, prefix);
      var o = t || k || has(record.otherTokens, w, prefix);
      if (t) { inTitle++; }
      if (k) { inKeywords++; }
      if (o) { anywhere++; }
      terms[w] = o;
    }
    if (anywhere === 0 || anywhere < Math.ceil(n * 0.6)) { return 0; }
    var title = record.titleTokens;
    if (q.folded === record.title || (record.alias && q.folded === record.alias)) {
      total += 100000;
    } else if (inTitle === n) {
      total += 20000 + 5000 * n / Math.max(title.length, n);
      if (phrase(title, words, q.prefixLast) || phrase(record.aliasTokens, words, q.prefixLast)) { total += 3000; }
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
      folded: folded,
      tokens: tokensOf(folded),
      raw: normal.match(/[^\s,.;:()\/–-]+/g) || [],
      prefixLast: !/\s$/.test(text)
    };
  }

  function Engine(docs) {
    this.records = [];
    for (var i = 0; i < docs.length; i++) { this.records.push(new Record(docs[i])); }
  }

  /* Ranked matches: [{doc, score, terms}], best first. */
  Engine.prototype.search = function (text, limit) {
    var q = parseQuery(text);
    if (!q.tokens.length) { return []; }
    var results = [];
    for (var i = 0; i < this.records.length; i++) {
      var s = score(this.records[i], q);
      if (typeof s === "number") {
        if (s > 0) { results.push({ doc: this.records[i].doc, score: s, terms: {} }); }
      } else if (s.value > 0) {
        results.push({ doc: this.records[i].doc, score: s.value, terms: s.terms });
      }
    }
    results.sort(function (a, b) { return b.score - a.score || (a.doc.t < b.doc.t ? -1 : 1); });
    return results.slice(0, limit || 50);
  };

  /* The title as HTML with the matched words marked. */
  Engine.prototype.highlight = function (text, query) {
    var words = parseQuery(query).tokens;
    var folded = fold(text), out = "", last = 0, match;
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

  root.ProcSearch = { Engine: Engine, fold: fold, escapeHtml: escapeHtml };
})(typeof self !== "undefined" ? self : this);
