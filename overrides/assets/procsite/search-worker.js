/*
 * Search worker for Material for MkDocs' search box, speaking its message protocol
 * (0 setup, 1 ready, 2 query, 3 result; see Material's "custom search" documentation),
 * with our own index and ranking from search-engine.js.
 */
importScripts("search-engine.js");

var engine = null;

function describe(doc) {
  var parts = [doc.f, doc.d, doc.c, doc.s].filter(function (part) { return part; });
  return parts.length ? "<p>" + ProcSearch.escapeHtml(parts.join(" · ")) + "</p>" : "";
}

self.onmessage = function (event) {
  var message = event.data;
  if (message.type === 0) {
    engine = new ProcSearch.Engine(message.data.docs);
    self.postMessage({ type: 1 });
  } else if (message.type === 2 && engine) {
    var query = message.data;
    var items = engine.search(query, 50).map(function (result) {
      return [{
        location: result.doc.u,
        title: engine.highlight(result.doc.t, query),
        text: describe(result.doc),
        score: result.score,
        terms: result.terms
      }];
    });
    self.postMessage({ type: 3, data: { items: items } });
  }
};
