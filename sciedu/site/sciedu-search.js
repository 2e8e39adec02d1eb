/* sciedu search: the header's search button opens a dialog; the index (search/index.js, written by
   sciedu/site/search.py) is loaded with a <script> element on first use, so it is not part of a page's
   first view and it works from file:// (a USB stick) as well as from a server. Nothing leaves the site.

   Matching: a Chinese (CJK) query word matches where that exact string occurs, so 加速度 finds pages
   with 加速度 and never pages with only 加倍 or 加强; a Latin word matches at the start of a word, in any
   case. Every word must occur in the page. Ranking: words in the page title, then in a section heading,
   then how often they occur in the text; the link goes to the section that matched best. */
(function () {
  "use strict";
  var CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/;
  var MAX_RESULTS = 30;
  var pages = null;      // the prepared index, once loaded
  var loading = null;    // the callbacks waiting for it

  function norm(text) { return (text || "").normalize("NFKC").toLowerCase(); }
  function words(query) { return norm(query).split(/[\s,，、;；]+/).filter(Boolean).slice(0, 8); }
  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  function counter(word) {
    if (CJK.test(word)) {
      return function (text) {
        var n = 0, at = text.indexOf(word);
        while (at >= 0 && n < 20) { n++; at = text.indexOf(word, at + word.length); }
        return n;
      };
    }
    var re = new RegExp("(^|[^\\p{L}\\p{N}])" + escapeRegExp(word), "gu");
    return function (text) { var m = text.match(re); return m ? Math.min(m.length, 20) : 0; };
  }

  function prepare(indexes) {
    var prepared = [];
    indexes.forEach(function (index) {
      index.pages.forEach(function (page) {
        prepared.push({
          url: page.u, title: page.t, area: page.a || "", titleN: norm(page.t),
          sections: page.s.map(function (s) { return { anchor: s[0], heading: s[1], text: s[2], headingN: norm(s[1]), textN: norm(s[2]) }; })
        });
      });
    });
    return prepared;
  }

  function search(query) {
    var list = words(query);
    if (!list.length || !pages) return [];
    var counters = list.map(counter);
    var phrase = list.join(" ");
    var results = [];
    pages.forEach(function (page) {
      var found = list.map(function () { return false; });
      var score = 0, best = 0, bestScore = -1, sum = 0;
      counters.forEach(function (count, j) {
        if (count(page.titleN)) { found[j] = true; score += 30; }
      });
      page.sections.forEach(function (section, i) {
        var s = 0;
        counters.forEach(function (count, j) {
          var h = count(section.headingN), x = count(section.textN);
          if (h || x) found[j] = true;
          s += h * 6 + Math.min(x, 5);
        });
        if (list.length > 1 && (section.headingN + " " + section.textN).indexOf(phrase) >= 0) s += 8;  // the words side by side
        sum += s;
        if (s > bestScore) { bestScore = s; best = i; }
      });
      if (!found.every(Boolean)) return;
      if (list.length > 1 && page.titleN.indexOf(phrase) >= 0) score += 20;
      results.push({ page: page, section: page.sections[best], score: score + bestScore + 0.1 * sum });
    });
    results.sort(function (a, b) { return b.score - a.score || a.page.title.localeCompare(b.page.title); });
    return results;
  }

  function snippet(text, list) {
    var lower = text.toLowerCase(), at = -1;
    list.forEach(function (w) { var i = lower.indexOf(w); if (i >= 0 && (at < 0 || i < at)) at = i; });
    if (at < 0) at = 0;
    var start = Math.max(0, at - 30), end = Math.min(text.length, at + 90);
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  function highlighted(text, list) {
    // the text with every query word in a <mark>, built as nodes (never as HTML)
    // (lower case only: NFKC would change the length, e.g. "…" to "...", and the offsets with it)
    var fragment = document.createDocumentFragment(), lower = text.toLowerCase(), i = 0;
    if (lower.length !== text.length) { fragment.appendChild(document.createTextNode(text)); return fragment; }
    while (i < text.length) {
      var next = -1, len = 0;
      list.forEach(function (w) { var k = lower.indexOf(w, i); if (k >= 0 && (next < 0 || k < next)) { next = k; len = w.length; } });
      if (next < 0) { fragment.appendChild(document.createTextNode(text.slice(i))); break; }
      if (next > i) fragment.appendChild(document.createTextNode(text.slice(i, next)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + len);
      fragment.appendChild(mark);
      i = next + len;
    }
    return fragment;
  }

  function load(dialog, done) {
    if (pages) { done(); return; }
    if (loading) { loading.push(done); return; }
    loading = [done];
    var sources = [dialog.dataset.index, dialog.dataset.teacherIndex].filter(Boolean);
    var left = sources.length, failed = false;
    window.__scieduSearch = window.__scieduSearch || [];
    sources.forEach(function (src) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = script.onerror = function (event) {
        if (event.type === "error") failed = true;
        if (--left) return;
        pages = failed ? null : prepare(window.__scieduSearch);
        var waiting = loading;
        loading = null;
        waiting.forEach(function (callback) { callback(failed); });
      };
      document.head.appendChild(script);
    });
  }

  function setup(dialog) {
    if (dialog.dataset.ready) return;
    dialog.dataset.ready = "1";
    var input = dialog.querySelector("input");
    var status = dialog.querySelector(".sciedu-search__status");
    var list = dialog.querySelector(".sciedu-search__results");
    var note = dialog.querySelector(".sciedu-search__note");
    var base = (dialog.dataset.base || ".").replace(/\/$/, "");
    var timer = null;

    function render() {
      list.textContent = "";
      note.textContent = "";
      var query = input.value.trim();
      if (!query) { status.textContent = ""; return; }
      if (!pages) { status.textContent = dialog.dataset.loading; return; }
      var terms = words(query), results = search(query);
      status.textContent = results.length ? dialog.dataset.count.replace("{n}", results.length) : dialog.dataset.none;
      results.slice(0, MAX_RESULTS).forEach(function (result) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        var first = result.section === result.page.sections[0];
        link.href = base + "/" + result.page.url + (result.section.anchor && !first ? "#" + result.section.anchor : "");
        var title = document.createElement("span");
        title.className = "sciedu-search__page";
        title.appendChild(highlighted(result.page.title, terms));
        link.appendChild(title);
        if (result.page.area === "teacher") {
          var badge = document.createElement("span");
          badge.className = "sciedu-search__badge";
          badge.textContent = dialog.dataset.teacher;
          link.appendChild(badge);
        }
        if (!first && result.section.heading) {
          var heading = document.createElement("span");
          heading.className = "sciedu-search__section";
          heading.appendChild(highlighted(result.section.heading, terms));
          link.appendChild(heading);
        }
        item.appendChild(link);
        if (result.section.text) {
          var text = document.createElement("p");
          text.appendChild(highlighted(snippet(result.section.text, terms), terms));
          item.appendChild(text);
        }
        list.appendChild(item);
      });
      if (dialog.dataset.elsewhere) note.textContent = dialog.dataset.elsewhere;
    }

    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(render, 120); });
    input.addEventListener("keydown", function (event) {
      var links = list.querySelectorAll("a");
      if (event.key === "Enter" && !event.isComposing) {
        event.preventDefault();
        clearTimeout(timer);
        render();
        links = list.querySelectorAll("a");
        if (links.length) links[0].click();
      } else if (event.key === "ArrowDown" && links.length) {
        event.preventDefault();
        links[0].focus();
      }
    });
    list.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (at < 0) return;
      event.preventDefault();
      if (event.key === "ArrowUp" && at === 0) input.focus();
      else links[Math.max(0, Math.min(links.length - 1, at + (event.key === "ArrowDown" ? 1 : -1)))].focus();
    });
    dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });  // the backdrop
    dialog.open$ = function () {
      if (!dialog.open) dialog.showModal();
      input.focus();
      input.select();
      load(dialog, function (failed) { if (failed) status.textContent = dialog.dataset.failed; else render(); });
    };
  }

  function open() {
    var dialog = document.getElementById("sciedu-search");
    if (!dialog) return;
    setup(dialog);
    dialog.open$();
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".sciedu-search-open")) open();
  });
  document.addEventListener("keydown", function (event) {
    // "/", "s" and "f" open the search, as in the theme, unless the reader is typing somewhere
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (["/", "s", "f"].indexOf(event.key) < 0) return;
    event.preventDefault();
    event.stopPropagation();  // the theme's own handler would toggle its (absent) search
    open();
  }, true);

  // for tests and for the benchmark: the same ranking the dialog shows
  window.scieduSearch = { words: words, search: function (query) { return search(query); }, load: function (done) {
    var dialog = document.getElementById("sciedu-search");
    setup(dialog);
    load(dialog, done);
  } };
})();
