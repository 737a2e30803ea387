/*
 * What a citizen typed, read the way they meant it. Plain ES5, used by search-engine.js.
 *
 * Citizens type on phones and office PCs, often without a Vietnamese keyboard: with the input
 * method off, Telex ("ddawng kys") and VNI ("d9a8ng ky1") keystrokes stay in the text; "i" and
 * "y" are written for each other (kí/ký); letters are missed, doubled or swapped; words are run
 * together ("khaisinh") or split; abbreviations (GPXD, CCCD) and everyday names ("sổ đỏ") stand
 * for the names the law uses. Each query word becomes a slot of alternative words, each known to
 * the index, with a cost: 0 as typed, more for a correction, so that what was typed exactly ranks
 * first.
 */
(function (root) {
  "use strict";

  var VOWELS = /[aeiouy]/;
  var TONE_KEYS = /[sfrxj]/;

  /* "y" and "i" are one letter to a reader looking for a procedure (ký/kí, lý/lí, mỹ/mĩ). */
  function canon(word) {
    return word.replace(/y/g, "i");
  }

  /* A word typed in Telex with the input method off, as its letters: "ddawng" → "dang", "kys" → "ky".
     After the first vowel, s f r x j are tone keys and w a vowel key: Vietnamese has no such letters
     there. aa, ee, oo are â, ê, ô; dd at the start is đ. */
  function telex(word) {
    var out = "", vowel = false, start = word.lastIndexOf("dd", 0) === 0 ? 1 : 0;
    for (var i = start; i < word.length; i++) {
      var c = word.charAt(i);
      if (VOWELS.test(c)) { vowel = true; }
      if (vowel && (TONE_KEYS.test(c) || c === "w")) { continue; }
      if (c === "w") { out += "u"; continue; }  /* "w" before any vowel is ư */
      out += c;
    }
    return out.replace(/aa/g, "a").replace(/ee/g, "e").replace(/oo/g, "o");
  }

  var TONE_MARKS = { "\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j" };
  var TELEX_LETTERS = [["dd", "đ"], ["aa", "â"], ["aw", "ă"], ["ee", "ê"], ["oo", "ô"], ["ow", "ơ"], ["uw", "ư"]];
  var VNI_LETTERS = [["d9", "đ"], ["a6", "â"], ["a8", "ă"], ["e6", "ê"], ["o6", "ô"], ["o7", "ơ"], ["u7", "ư"]];
  var VNI_TONES = { "1": "s", "2": "f", "3": "r", "4": "x", "5": "j" };

  /* A written word as its letters (with â, ơ, đ …) and its tone apart: "đổi" → "đôi/r", "đối" → "đôi/s".
     Folded text cannot tell these apart; the tone a Telex or VNI typist gave can. */
  function signature(word) {
    var letters = "", tone = "";
    var marks = word.normalize("NFD");
    for (var i = 0; i < marks.length; i++) {
      var c = marks.charAt(i);
      if (TONE_MARKS[c]) { tone = TONE_MARKS[c]; } else { letters += c; }
    }
    return letters.normalize("NFC") + "/" + tone;
  }

  /* The signature of a word typed in Telex or VNI with the input method off ("ddooir" → "đôi/r"), or null. */
  function typedSignature(word) {
    var letters = word, tone = "", pairs = /[0-9]/.test(word) ? VNI_LETTERS : TELEX_LETTERS;
    for (var i = 0; i < pairs.length; i++) { letters = letters.split(pairs[i][0]).join(pairs[i][1]); }
    if (/[0-9]/.test(word)) {
      letters = letters.replace(/[1-5]/g, function (digit) { tone = VNI_TONES[digit]; return ""; });
    } else {
      var vowel = letters.search(/[aeiouyâăêôơư]/);
      if (vowel === -1) { return null; }
      letters = letters.slice(0, vowel) + letters.slice(vowel).replace(/[sfrxj]/g, function (key) { tone = key; return ""; });
      letters = letters.replace(/([aeiouyâăêôơư])w/g, "$1");
    }
    return letters === word && !tone ? null : letters + "/" + tone;
  }

  /* A word typed in VNI with the input method off: the digits after letters are marks ("d9a8ng" → "dang"). */
  function vni(word) {
    return /[a-z]/.test(word) ? word.replace(/([a-z])[1-9]+/g, "$1") : word;
  }

  /* Optimal string alignment distance (a swap of two letters counts one), or max + 1 when over max. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) { return max + 1; }
    var previous2 = null, previous = [], current, i, j;
    for (j = 0; j <= b.length; j++) { previous.push(j); }
    for (i = 1; i <= a.length; i++) {
      current = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (previous2 && i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) {
          value = Math.min(value, previous2[j - 2] + 1);
        }
        current.push(value);
        if (value < best) { best = value; }
      }
      if (best > max) { return max + 1; }
      previous2 = previous;
      previous = current;
    }
    return previous[b.length];
  }

  /* The words the index knows, to correct a query word against: word → true, and by length. */
  function Vocabulary(words) {
    this.known = {};
    this.byLength = [];
    this.sorted = [];
    this.add(words);
    this.finish();
  }

  /* More words (an engine built a few records at a time); ``finish`` once they are all in. */
  Vocabulary.prototype.add = function (words) {
    for (var i = 0; i < words.length; i++) {
      var word = words[i];
      if (this.known[word] || word.length < 2) { continue; }
      this.known[word] = true;
      this.sorted.push(word);
      (this.byLength[word.length] = this.byLength[word.length] || []).push(word);
    }
  };

  Vocabulary.prototype.finish = function () {
    this.sorted.sort();
  };

  /* Is ``word`` the beginning of a known word (the word still being typed)? */
  Vocabulary.prototype.begins = function (word) {
    var low = 0, high = this.sorted.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (this.sorted[middle] < word) { low = middle + 1; } else { high = middle; }
    }
    return low < this.sorted.length && this.sorted[low].lastIndexOf(word, 0) === 0;
  };

  /* Known words within a few edits of ``word`` (one in a short word, two in a long one), closest first. */
  Vocabulary.prototype.near = function (word, limit) {
    var max = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0, found = [];
    if (!max) { return found; }
    for (var length = word.length - max; length <= word.length + max; length++) {
      var words = this.byLength[length] || [];
      for (var i = 0; i < words.length; i++) {
        var d = distance(word, words[i], max);
        if (d <= max) { found.push({ word: words[i], cost: d }); }
      }
    }
    found.sort(function (a, b) { return a.cost - b.cost || (a.word < b.word ? -1 : 1); });
    return found.slice(0, limit || 6);
  };

  /* ``word`` as known words run together ("khaisinh" → ["khai", "sinh"]), or null; at most three words. */
  Vocabulary.prototype.split = function (word, parts) {
    parts = parts || 3;
    if (this.known[word]) { return [word]; }
    if (parts === 1) { return null; }
    for (var cut = word.length - 2; cut >= 2; cut--) {
      var head = word.slice(0, cut);
      if (!this.known[head]) { continue; }
      var tail = this.split(word.slice(cut), parts - 1);
      if (tail) { return [head].concat(tail); }
    }
    return null;
  };

  /* The alternatives of one query word that the index knows: [{word, cost}], cheapest first. */
  Vocabulary.prototype.alternatives = function (word, last) {
    var alts = [], seen = {}, self = this;
    function add(candidate, cost) {
      if (!seen[candidate] && (self.known[candidate] || (last && cost === 0))) {
        seen[candidate] = true;
        alts.push({ word: candidate, cost: cost });
      }
    }
    add(word, 0);
    if (/[a-z]/.test(word) && !/^[0-9.\-\/]+$/.test(word)) {
      add(canon(telex(word)), 0.3);
      add(canon(vni(word)), 0.3);
      add(canon(telex(vni(word))), 0.3);
    }
    if (!this.known[word] && word.length >= 4 && !/[0-9]/.test(word)) {
      /* As typed (an English word keeps its s, r, x), and as Telex keys would make it. */
      var near = this.near(word).concat(this.near(canon(telex(word))));
      near.sort(function (a, b) { return a.cost - b.cost; });
      for (var i = 0; i < near.length; i++) { add(near[i].word, near[i].cost); }
    }
    return alts;
  };

  /* A query as slots: each slot the alternatives of one word (or of words run together, split). */
  function slotsOf(typed, vocabulary, prefixLast) {
    var slots = [], tokens = [];
    /* "khai-sinh", "khai.sinh": words joined by punctuation, unless the index knows them so (a code). */
    for (var t = 0; t < typed.length; t++) {
      var joined = typed[t];
      if (/[.\-\/]/.test(joined) && !/[0-9]/.test(joined) && !vocabulary.known[canon(joined)]) {
        tokens.push.apply(tokens, joined.split(/[.\-\/]+/).filter(function (part) { return part; }));
      } else {
        tokens.push(joined);
      }
    }
    for (var i = 0; i < tokens.length; i++) {
      var word = canon(tokens[i]), last = prefixLast && i === tokens.length - 1;
      var next = i + 1 < tokens.length ? canon(tokens[i + 1]) : null;
      /* Two pieces of one word ("khai s inh", "ho tich" for "hotich"): neither known, together known. */
      if (next && !vocabulary.known[word] && !vocabulary.known[next] && vocabulary.known[word + next]) {
        slots.push({ alts: [{ word: word + next, cost: 0.3 }], last: prefixLast && i + 1 === tokens.length - 1 });
        i++;
        continue;
      }
      var alts = vocabulary.alternatives(word, last);
      var typing = last && vocabulary.begins(word);
      if (!vocabulary.known[word] && !typing && (!alts.length || alts[0].cost >= 1 || last) && word.length >= 4) {
        var pieces = vocabulary.split(word) || vocabulary.split(canon(telex(word)));
        if (pieces && pieces.length > 1) {
          for (var p = 0; p < pieces.length; p++) { slots.push({ alts: [{ word: pieces[p], cost: 0.3 }], last: false }); }
          continue;
        }
      }
      if (last && !typing) {  /* a finished word that no known word begins with: not a prefix, but a typo */
        alts = alts.filter(function (alt) { return alt.word !== word || vocabulary.known[word]; });
      }
      if (!alts.length) { alts = [{ word: word, cost: 0 }]; }
      slots.push({ alts: alts, last: last });
    }
    return slots;
  }

  /* The query with an everyday name or abbreviation replaced by what it stands for, or null. */
  function everyday(folded, names) {
    var text = " " + folded + " ";
    for (var i = 0; i < names.length; i++) {
      var at = text.indexOf(" " + names[i][0] + " ");
      if (at !== -1) {
        return (text.slice(0, at) + " " + names[i][1] + " " + text.slice(at + names[i][0].length + 2)).trim();
      }
    }
    return null;
  }

  /* Words people add around a procedure's name ("làm", "xin", "thủ tục"), dropped in a second reading. */
  var FILLERS = { lam: 1, xin: 1, muon: 1, can: 1, cach: 1, thu: 1, tuc: 1, o: 1, dau: 1, nao: 1, the: 1, how: 1,
    to: 1, get: 1, apply: 1, for: 1, a: 1, an: 1, my: 1, where: 1 };

  function withoutFillers(tokens) {
    var kept = [];
    for (var i = 0; i < tokens.length; i++) { if (!FILLERS[tokens[i]]) { kept.push(tokens[i]); } }
    return kept.length && kept.length < tokens.length ? kept : null;
  }

  root.ProcQuery = {
    canon: canon, telex: telex, vni: vni, distance: distance, Vocabulary: Vocabulary, slotsOf: slotsOf,
    everyday: everyday, withoutFillers: withoutFillers, signature: signature, typedSignature: typedSignature
  };
})(typeof self !== "undefined" ? self : this);
