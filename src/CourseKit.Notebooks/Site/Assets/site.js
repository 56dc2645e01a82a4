// The course site's behaviour: draws charts and diagrams (those folded in a <details> when it opens), runs the
// search over the prebuilt index in search-index.js, and folds the contents on narrow screens.
(function () {
  "use strict";
  var body = document.body;
  var root = body.getAttribute("data-root") || "";

  function folded(element) { return !!element.closest("details:not([open])"); }

  // Charts: each .output.chart is followed by its figure as JSON.
  function drawCharts(scope) {
    if (!window.Plotly) return;
    var config = JSON.parse(body.getAttribute("data-chart-config") || "{}");
    scope.querySelectorAll(".output.chart").forEach(function (chart) {
      if (folded(chart)) return;
      if (chart.getAttribute("data-drawn")) { window.Plotly.Plots.resize(chart); return; }
      var figure = JSON.parse(chart.nextElementSibling.textContent);
      // A chart laid out wider than its column (a phone, a narrow window) takes the column's width instead.
      if (figure.layout && figure.layout.width > chart.clientWidth) {
        delete figure.layout.width;
        figure.layout.autosize = true;
      }
      chart.setAttribute("data-drawn", "1");
      window.Plotly.newPlot(chart, figure.data, figure.layout, config);
    });
  }

  var mermaidReady = false;
  function drawDiagrams(scope) {
    if (!window.mermaid) return;
    if (!mermaidReady) {
      window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
      mermaidReady = true;
    }
    var nodes = Array.prototype.filter.call(scope.querySelectorAll("pre.mermaid:not([data-processed])"), function (n) { return !folded(n); });
    if (nodes.length) window.mermaid.run({ nodes: nodes });
  }

  document.querySelectorAll("main details").forEach(function (details) {
    details.addEventListener("toggle", function () {
      if (!details.open) return;
      drawCharts(details);
      drawDiagrams(details);
    });
  });
  drawCharts(document);
  drawDiagrams(document);

  // Contents start folded on a phone, open beside the page on a wide screen.
  var toc = document.querySelector(".toc");
  if (toc && window.matchMedia("(max-width: 860px)").matches) toc.open = false;

  // Search. Hand-written: the index is prebuilt by the site build as a script (fetch() of JSON fails from file://),
  // so the browser only looks terms up by prefix; a search library would rebuild its own index on every page.
  var index = window.SEARCH_INDEX;
  var input = document.getElementById("search");
  var list = document.getElementById("search-results");
  if (!index || !input || !list) return;
  var terms = Object.keys(index.terms);

  function tokens(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (t) { return t.length > 0; });
  }

  function search(query) {
    var words = tokens(query);
    if (!words.length) return [];
    var total = null;
    words.forEach(function (word) {
      var scores = new Map();
      terms.forEach(function (term) {
        if (term.lastIndexOf(word, 0) !== 0) return;
        var postings = index.terms[term];
        var boost = term === word ? 2 : 1;
        for (var i = 0; i < postings.length; i += 2)
          scores.set(postings[i], (scores.get(postings[i]) || 0) + postings[i + 1] * boost);
      });
      if (total === null) { total = scores; return; }
      var both = new Map();
      total.forEach(function (score, section) { if (scores.has(section)) both.set(section, score + scores.get(section)); });
      total = both;
    });
    return Array.from(total.entries()).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; }).slice(0, 20)
      .map(function (entry) { return index.sections[entry[0]]; });
  }

  function snippet(text, words) {
    var lower = text.toLowerCase(), at = -1;
    for (var i = 0; i < words.length && at < 0; i++) at = lower.indexOf(words[i]);
    var start = Math.max(0, at - 40);
    return (start > 0 ? "…" : "") + text.substr(start, 140) + (start + 140 < text.length ? "…" : "");
  }

  function appendMarked(parent, text, words) {
    var lower = text.toLowerCase(), pos = 0;
    while (pos < text.length) {
      var next = -1, length = 0;
      words.forEach(function (w) { var at = lower.indexOf(w, pos); if (at >= 0 && (next < 0 || at < next)) { next = at; length = w.length; } });
      if (next < 0) { parent.appendChild(document.createTextNode(text.slice(pos))); break; }
      parent.appendChild(document.createTextNode(text.slice(pos, next)));
      var mark = document.createElement("mark");
      mark.textContent = text.substr(next, length);
      parent.appendChild(mark);
      pos = next + length;
    }
  }

  function show() {
    var query = input.value.trim();
    list.textContent = "";
    if (!query) { list.hidden = true; return; }
    var words = tokens(query);
    var found = search(query);
    if (!found.length) {
      var none = document.createElement("li");
      none.className = "empty";
      none.textContent = "Nothing found for “" + query + "”.";
      list.appendChild(none);
    }
    found.forEach(function (section) {
      var page = index.pages[section.p];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + page.u + (section.a ? "#" + section.a : "");
      var heading = document.createElement("span");
      heading.className = "result-heading";
      appendMarked(heading, section.h || page.t, words);
      var where = document.createElement("span");
      where.className = "result-page";
      where.textContent = page.t;
      var text = document.createElement("span");
      text.className = "result-text";
      appendMarked(text, snippet(section.x, words), words);
      link.appendChild(heading);
      link.appendChild(where);
      link.appendChild(text);
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = false;
  }

  input.addEventListener("input", show);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var first = list.querySelector("a");
      if (first) window.location.href = first.href;
    } else if (event.key === "Escape") {
      input.value = "";
      show();
    }
  });
})();
