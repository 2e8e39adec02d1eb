/* sciedu: the page behaviour of every page. Material's own script bundle is not loaded (site/overrides/main.html):
   on a long activity page it laid the whole page out again and again (about 1 s of blocking time on a throttled
   phone). The theme's drawer, tabs, navigation and language menu work without it (its .no-js styles); what it
   did that readers need is here: the light/dark palette toggle, and keyboard access to code and tables that
   scroll sideways. Also: maths with the bundled KaTeX (loaded when needed), the catalogue filters and the
   projector reading mode. */
(function () {
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
      button.addEventListener("click", function () {
        var on = root.classList.toggle("sciedu-projector");
        button.setAttribute("aria-pressed", String(on));
        try { localStorage.setItem(PROJECTOR, on ? "1" : "0"); } catch (e) { /* private mode: this page only */ }
      });
    });
  }
  // The palette toggle (partials/palette.html): one radio input per scheme, and beside each a label for the next
  // one, shown while its input is checked. The choice is stored as Material stored it, so that the theme's
  // inline script applies it before the first paint of the next page; without a choice the reader's system
  // setting (prefers-color-scheme) picks the scheme.
  function setupPalette() {
    var form = document.querySelector("form[data-md-component=palette]");
    if (!form) return;
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name=__palette]"));
    if (!inputs.length) return;
    var KEYS = ["media", "scheme", "primary", "accent"];
    function show(index, store) {
      var input = inputs[index];
      input.checked = true;
      KEYS.slice(1).forEach(function (key) {
        document.body.setAttribute("data-md-color-" + key, input.getAttribute("data-md-color-" + key));
      });
      var next = inputs[(index + 1) % inputs.length].id;
      form.querySelectorAll("label").forEach(function (label) { label.hidden = label.htmlFor !== next; });
      if (store && typeof __md_set === "function") {
        var color = {};
        KEYS.forEach(function (key) { color[key] = input.getAttribute("data-md-color-" + key); });
        __md_set("__palette", { index: index, color: color });
      }
    }
    var stored = null;
    try { stored = typeof __md_get === "function" ? __md_get("__palette") : null; } catch (e) { stored = null; }
    var index = stored && inputs[stored.index] ? stored.index : -1;
    if (index < 0) {
      inputs.forEach(function (input, i) {
        var media = input.getAttribute("data-md-color-media");
        if (index < 0 && media && window.matchMedia && window.matchMedia(media).matches) index = i;
      });
    }
    show(Math.max(index, 0), false);
    form.addEventListener("change", function (event) {
      var i = inputs.indexOf(event.target);
      if (i >= 0) show(i, true);
    });
    form.addEventListener("keydown", function (event) {  // Enter on the focused option moves to the next scheme
      var i = inputs.indexOf(event.target);
      if (event.key !== "Enter" || i < 0) return;
      event.preventDefault();
      var next = (i + 1) % inputs.length;
      show(next, true);
      inputs[next].focus();
    });
  }
  // A code block or table wider than the screen scrolls sideways; keyboard users reach it with Tab (WCAG 2.1.1).
  // Measured once, after the page has loaded and been laid out (reading sizes then costs no new layout); the
  // page is then marked data-sciedu-ready.
  function focusScrollables() {
    function measure() {
      var boxes = document.querySelectorAll(".md-typeset pre > code, .md-typeset table:not([class])");
      var wide = [];
      boxes.forEach(function (box) { if (box.scrollWidth > box.clientWidth + 1) wide.push(box); });
      wide.forEach(function (box) { if (!box.hasAttribute("tabindex")) box.setAttribute("tabindex", "0"); });
      document.documentElement.setAttribute("data-sciedu-ready", "");
    }
    function afterLayout() { requestAnimationFrame(function () { setTimeout(measure, 0); }); }
    if (document.readyState === "complete") afterLayout();
    else window.addEventListener("load", afterLayout);
  }
  function scrollWidePictures() {
    // the heatmap keeps its 12 px labels on a phone and scrolls sideways in a focusable, named frame
    document.querySelectorAll("svg.sciedu-heatmap").forEach(function (svg) {
      var frame = document.createElement("div");
      frame.className = "sciedu-scroll";
      frame.tabIndex = 0;
      frame.setAttribute("role", "region");
      frame.setAttribute("aria-label", svg.getAttribute("aria-label") || "");
      svg.parentNode.insertBefore(frame, svg);
      frame.appendChild(svg);
    });
  }
  function onPage() { setupPalette(); renderMath(); setupFilters(); setupProjector(); scrollWidePictures(); focusScrollables(); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", onPage); }
  else { onPage(); }
})();
