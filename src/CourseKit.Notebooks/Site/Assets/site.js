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
      var json = chart.nextElementSibling.textContent;
      var figure = JSON.parse(json);
      chart.setAttribute("data-drawn", "1");
      var wide = figure.layout && figure.layout.width > chart.clientWidth;
      // A grid of small charts stays readable when it shrinks a little; narrower, it keeps its size and scrolls in its box.
      var grid = figure.layout && (figure.layout.polar2 || figure.layout.xaxis2 || figure.layout.grid);
      if (wide && grid && chart.clientWidth < 0.8 * figure.layout.width) {
        wide = false;
        chart.classList.add("scrolls");
      }
      if (wide) fitToColumn(figure.layout, chart.clientWidth);
      var done = function () { chart.setAttribute("data-drawn", "done"); };
      window.Plotly.newPlot(chart, figure.data, figure.layout, config).then(function () {
        // A fitted chart whose labels no longer fit is drawn at its own size instead, scrolling in its box.
        if (!wide || !textCutOff(chart)) return done();
        var original = JSON.parse(json);
        chart.classList.add("scrolls");
        return window.Plotly.react(chart, original.data, original.layout, config).then(done);
      });
    });
  }

  function textCutOff(chart) {
    var svg = chart.querySelector(".main-svg");
    if (!svg) return false;
    var box = svg.getBoundingClientRect();
    return Array.prototype.some.call(chart.querySelectorAll("svg text"), function (text) {
      if (!(text.textContent || "").trim()) return false;
      var r = text.getBoundingClientRect();
      return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1);
    });
  }

  // A chart laid out wider than its column (a phone, a narrow window) takes the column's width: its height, wide
  // margins and title shrink with it (not below what keeps labels readable), so the plot area keeps its shape.
  function fitToColumn(layout, width) {
    var ratio = width / layout.width;
    var shrink = function (value, least) { return value > least ? Math.max(least, Math.round(value * ratio)) : value; };
    delete layout.width;
    layout.autosize = true;
    if (layout.height) layout.height = shrink(layout.height, Math.min(layout.height, 320));
    // A radar's axis labels sit in its side margins, so those keep room for a label.
    var side = layout.polar ? 110 : 40;
    if (layout.margin) ["l", "r", "t", "b"].forEach(function (edge) {
      layout.margin[edge] = shrink(layout.margin[edge] || 0, edge === "l" || edge === "r" ? side : 40);
    });
    if (layout.polar) {
      var axis = layout.polar.angularaxis = layout.polar.angularaxis || {};
      axis.tickfont = axis.tickfont || {};
      axis.tickfont.size = Math.min(axis.tickfont.size || 12, 10);
    }
    // A long axis title centred under a narrow plot area would run out of the chart: it goes on two lines.
    Object.keys(layout).filter(function (key) { return /^[xy]axis\d*$/.test(key); }).forEach(function (key) {
      var axis = layout[key], title = axis && axis.title;
      var text = typeof title === "string" ? title : title && title.text;
      if (!text || text.length <= 16 || text.indexOf("<br>") >= 0) return;
      var middle = Math.floor(text.length / 2), before = text.lastIndexOf(" ", middle), after = text.indexOf(" ", middle);
      var at = before < 0 ? after : after < 0 ? before : (middle - before <= after - middle ? before : after);
      if (at < 0) return;
      var wrapped = text.slice(0, at) + "<br>" + text.slice(at + 1);
      if (typeof title === "string") axis.title = wrapped; else title.text = wrapped;
    });
    if (layout.title && layout.title.font && layout.title.font.size)
      layout.title.font.size = Math.max(13, Math.round(layout.title.font.size * Math.sqrt(ratio)));
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
