/* sciedu: maths with the bundled KaTeX (loaded when needed), the catalogue filters, the projector reading mode, and names for
   the theme's code-block navigation. Runs on every (instant) page load. */
(function () {
  // The language switch's links already point at this page in the other language (made at build time).
  // Material re-routes such clicks through the other language's sitemap.xml, which mkdocs leaves empty
  // without a site_url, and so lands on that language's home page: follow our link instead.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-sciedu-lang]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    window.location.href = link.href;
  }, true);
  // KaTeX (~120 KB gzip with its fonts) loads only on pages with maths, when the first formula comes near the
  // screen: most pages have none, and an activity page's first screen has none. Until then the formula
  // reads as its LaTeX source.
  var me = document.currentScript;
  var katexBase = me && me.src ? me.src.replace(/sciedu\.js(\?.*)?$/, "katex/") : "assets/katex/";
  var katexWaiting = null;
  function loadKatex(then) {
    if (typeof renderMathInElement === "function") { then(); return; }
    if (katexWaiting) { katexWaiting.push(then); return; }
    katexWaiting = [then];
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = katexBase + "katex.min.css";
    document.head.appendChild(css);
    function script(name, next) {
      var s = document.createElement("script");
      s.src = katexBase + name;
      s.onload = next;
      document.head.appendChild(s);
    }
    script("katex.min.js", function () {
      script("auto-render.min.js", function () {
        var waiting = katexWaiting;
        katexWaiting = null;
        waiting.forEach(function (callback) { callback(); });
      });
    });
  }
  function renderAllMath(done) {
    var maths = document.querySelectorAll(".arithmatex");
    if (!maths.length) { if (done) done(); return; }
    loadKatex(function () {
      maths.forEach(function (el) {
        if (el.dataset.rendered) return;
        el.dataset.rendered = "1";
        renderMathInElement(el, {
          delimiters: [
            { left: "\\(", right: "\\)", display: false },
            { left: "\\[", right: "\\]", display: true }
          ],
          throwOnError: false
        });
      });
      document.documentElement.setAttribute("data-sciedu-maths", "rendered");
      if (done) done();
    });
  }
  function renderMath() {
    var maths = document.querySelectorAll(".arithmatex");
    if (!maths.length) return;
    if (!("IntersectionObserver" in window)) { renderAllMath(); return; }
    var observer = new IntersectionObserver(function (entries) {
      if (!entries.some(function (e) { return e.isIntersecting; })) return;
      observer.disconnect();
      renderAllMath();
    }, { rootMargin: "400px 0px" });
    maths.forEach(function (el) { observer.observe(el); });
  }
  window.sciedu = window.sciedu || {};
  window.sciedu.renderAllMath = renderAllMath;  // tests, and anything that needs every formula drawn now
  function setupFilters() {
    var table = document.querySelector("table.sciedu-catalog");
    var bar = document.querySelector(".sciedu-filters");
    if (!table || !bar) return;
    var selects = bar.querySelectorAll("select");
    function apply() {
      table.querySelectorAll("tbody tr").forEach(function (row) {
        var show = true;
        selects.forEach(function (s) {
          // a row's data attribute may hold several values (audiences), separated by spaces
          if (s.value && (row.dataset[s.name] || "").split(" ").indexOf(s.value) < 0) show = false;
        });
        row.hidden = !show;
      });
    }
    selects.forEach(function (s) { s.addEventListener("change", apply); });
  }
  var PROJECTOR = "sciedu.projector";  // localStorage key; main.html applies it before the first paint
  function setupProjector() {
    var root = document.documentElement;
    document.querySelectorAll(".sciedu-projector-toggle").forEach(function (button) {
      button.setAttribute("aria-pressed", String(root.classList.contains("sciedu-projector")));
      if (button.dataset.sciedu) return;
      button.dataset.sciedu = "1";
      button.addEventListener("click", function () {
        var on = root.classList.toggle("sciedu-projector");
        button.setAttribute("aria-pressed", String(on));
        try { localStorage.setItem(PROJECTOR, on ? "1" : "0"); } catch (e) { /* private mode: this page only */ }
      });
    });
  }
  function nameCodeNavs() {
    // Material adds an unnamed <nav> (the copy button) to every code block: landmarks need distinct names
    var word = document.querySelector('meta[name="sciedu-code-block"]');
    var label = word ? word.content : "Code block";
    document.querySelectorAll("nav.md-code__nav:not([aria-label])").forEach(function (nav, i) {
      nav.setAttribute("aria-label", label + " " + (i + 1));
    });
  }
  function scrollWidePictures() {
    // the heatmap keeps its 12 px labels on a phone and scrolls sideways in a focusable, named frame
    document.querySelectorAll("svg.sciedu-heatmap").forEach(function (svg) {
      if (svg.parentNode.classList.contains("sciedu-scroll")) return;
      var frame = document.createElement("div");
      frame.className = "sciedu-scroll";
      frame.tabIndex = 0;
      frame.setAttribute("role", "region");
      frame.setAttribute("aria-label", svg.getAttribute("aria-label") || "");
      svg.parentNode.insertBefore(frame, svg);
      frame.appendChild(svg);
    });
  }
  function onPage() { renderMath(); setupFilters(); setupProjector(); nameCodeNavs(); scrollWidePictures(); }
  if (typeof document$ !== "undefined") { document$.subscribe(onPage); }
  else { document.addEventListener("DOMContentLoaded", onPage); }
})();
