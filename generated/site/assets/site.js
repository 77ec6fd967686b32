// The reference site's behaviour: offline search over window.SEARCH_INDEX (search-index.js), and
// a copy button on every code block. No network, no dependencies; works from file://.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script ? script.getAttribute("data-root") || "" : "";
  var index = window.SEARCH_INDEX || [];
  var input = document.getElementById("search");
  var list = document.getElementById("search-results");
  var KINDS = { endpoint: "endpoint", model: "struct", "enum": "enum" };

  function rank(entry, words) {
    var strong = (entry.method + " " + entry.python + " " + entry.title).toLowerCase();
    var all = strong + " " + entry.text.toLowerCase();
    var score = 0;
    for (var i = 0; i < words.length; i++) {
      if (strong.indexOf(words[i]) >= 0) {
        score += 3;
      } else if (all.indexOf(words[i]) >= 0) {
        score += 1;
      } else {
        return 0;
      }
    }
    return score + (entry.kind === "endpoint" ? 1 : 0);
  }

  function show(query) {
    var words = query.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    list.textContent = "";
    if (words.length === 0) {
      list.hidden = true;
      return;
    }
    var found = [];
    index.forEach(function (entry, order) {
      var score = rank(entry, words);
      if (score > 0) {
        found.push({ entry: entry, score: score, order: order });
      }
    });
    found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    found.slice(0, 20).forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + hit.entry.url;
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = KINDS[hit.entry.kind] || hit.entry.kind;
      var where = document.createElement("span");
      where.className = "where";
      where.textContent = hit.entry.python + " · " + hit.entry.method;
      link.appendChild(kind);
      link.appendChild(document.createTextNode(hit.entry.title));
      link.appendChild(where);
      item.appendChild(link);
      list.appendChild(item);
    });
    if (found.length === 0) {
      var none = document.createElement("li");
      none.className = "none";
      none.textContent = "Nothing found";
      list.appendChild(none);
    }
    list.hidden = false;
  }

  if (input && list) {
    input.form.addEventListener("submit", function (event) { event.preventDefault(); });
    input.addEventListener("input", function () { show(input.value); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        var first = list.querySelector("a");
        if (first) { window.location.href = first.href; }
      } else if (event.key === "Escape") {
        list.hidden = true;
      }
    });
  }

  function copy(text, button) {
    function done() {
      button.textContent = "Copied";
      window.setTimeout(function () { button.textContent = "Copy"; }, 1500);
    }
    function fallback() {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "absolute";
      area.style.left = "-9999px";
      document.body.appendChild(area);
      area.select();
      try { document.execCommand("copy"); } catch (ignored) { /* nothing more to try */ }
      document.body.removeChild(area);
      done();
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }

  document.querySelectorAll("div.code").forEach(function (block) {
    var button = block.querySelector("button.copy");
    var code = block.querySelector("pre code");
    if (button && code) {
      button.addEventListener("click", function () { copy(code.textContent, button); });
    }
  });
})();
