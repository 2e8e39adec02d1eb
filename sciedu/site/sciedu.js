/* sciedu: maths with the bundled KaTeX, and the catalogue filters. Runs on every (instant) page load. */
(function () {
  function renderMath() {
    if (typeof renderMathInElement !== "function") return;
    document.querySelectorAll(".arithmatex").forEach(function (el) {
      renderMathInElement(el, {
        delimiters: [
          { left: "\\(", right: "\\)", display: false },
          { left: "\\[", right: "\\]", display: true }
        ],
        throwOnError: false
      });
    });
  }
  function setupFilters() {
    var table = document.querySelector("table.sciedu-catalog");
    var bar = document.querySelector(".sciedu-filters");
    if (!table || !bar) return;
    var selects = bar.querySelectorAll("select");
    function apply() {
      table.querySelectorAll("tbody tr").forEach(function (row) {
        var show = true;
        selects.forEach(function (s) { if (s.value && row.dataset[s.name] !== s.value) show = false; });
        row.hidden = !show;
      });
    }
    selects.forEach(function (s) { s.addEventListener("change", apply); });
  }
  function onPage() { renderMath(); setupFilters(); }
  if (typeof document$ !== "undefined") { document$.subscribe(onPage); }
  else { document.addEventListener("DOMContentLoaded", onPage); }
})();
