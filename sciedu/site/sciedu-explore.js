/* sciedu-explore: interact widgets whose every state the build computed (sciedu/site/explore.py).
   The states file is a script beside the page, loaded on first use (so file:// works); nothing else is
   fetched and nothing is computed here: a control change picks the precomputed state and shows it. */
(function () {
  "use strict";

  function loadStates(widget, done) {
    var id = widget.getAttribute("data-states-id");
    var store = window.SCIEDU_STATES || {};
    if (store[id]) { done(store[id]); return; }
    if (widget._sciedu_waiting) { widget._sciedu_waiting.push(done); return; }
    widget._sciedu_waiting = [done];
    var script = document.createElement("script");
    script.src = widget.getAttribute("data-states");
    script.onload = function () {
      var found = (window.SCIEDU_STATES || {})[id];
      var waiting = widget._sciedu_waiting; widget._sciedu_waiting = null;
      if (!found) { fail(widget); return; }
      waiting.forEach(function (callback) { callback(found); });
    };
    script.onerror = function () { widget._sciedu_waiting = null; fail(widget); };
    document.head.appendChild(script);
  }

  function fail(widget) {
    output(widget).textContent = widget.getAttribute("data-failed");
  }

  function output(widget) { return widget.querySelector(".sciedu-explore-output"); }

  function positions(widget) {
    return Array.prototype.map.call(widget.querySelectorAll("[data-control]"), function (control) {
      if (control.type === "checkbox") return control.checked ? 1 : 0;
      return parseInt(control.value, 10) || 0;
    });
  }

  function stateIndex(where, sizes) {
    var index = 0;
    for (var i = 0; i < sizes.length; i++) index = index * sizes[i] + where[i];
    return index;
  }

  /* one object address per SVG, made on first show and reused: revisiting a state costs no re-encoding */
  function svgAddress(blob) {
    if (!blob.address) {
      blob.address = window.URL && URL.createObjectURL
        ? URL.createObjectURL(new Blob([blob[1]], { type: "image/svg+xml" }))
        : "data:image/svg+xml;charset=utf-8," + encodeURIComponent(blob[1]);
    }
    return blob.address;
  }

  function element(blob, alt) {
    var kind = blob[0], data = blob[1], node;
    if (kind === "svg" || kind === "img") {
      node = document.createElement("img");
      node.src = kind === "svg" ? svgAddress(blob) : data;
      node.alt = alt;
      var p = document.createElement("p"); p.appendChild(node); return p;
    }
    if (kind === "html") {
      node = document.createElement("div"); node.className = "sciedu-output";
      node.innerHTML = data;  /* sanitised from an allow-list at build time */
      return node;
    }
    node = document.createElement("pre"); node.textContent = data; return node;
  }

  function show(widget, states) {
    var index = stateIndex(positions(widget), states.sizes);
    var state = states.states[index];
    if (!state) return;
    var alt = widget.getAttribute("data-alt") || "";
    var out = output(widget);
    var nodes = state.map(function (blob) {
      var node = element(states.blobs[blob], alt);
      node.setAttribute("data-blob", String(blob));  /* which stored output this is (for tests and tools) */
      return node;
    });
    while (out.firstChild) out.removeChild(out.firstChild);
    nodes.forEach(function (node) { out.appendChild(node); });
    widget.setAttribute("data-state", String(index));
  }

  function readout(control, widget) {
    if (control.type !== "range") return;
    var states = (window.SCIEDU_STATES || {})[widget.getAttribute("data-states-id")];
    var shown = control.parentNode.querySelector("output");
    var text = states ? states.labels[parseInt(control.getAttribute("data-control"), 10)][parseInt(control.value, 10)] : control.value;
    if (shown) shown.textContent = text;
    control.setAttribute("aria-valuetext", text);
  }

  function setup() {
    Array.prototype.forEach.call(document.querySelectorAll(".sciedu-explore"), function (widget) {
      var changed = function (event) {
        var control = event.target;
        if (!control.hasAttribute || !control.hasAttribute("data-control")) return;
        loadStates(widget, function (states) { readout(control, widget); show(widget, states); });
      };
      widget.addEventListener("input", changed);
      widget.addEventListener("change", changed);
      /* warm the states on first approach, so the first move answers at once */
      var warm = function () { loadStates(widget, function () {}); };
      widget.addEventListener("pointerenter", warm, { once: true });
      widget.addEventListener("focusin", warm, { once: true });
      widget.addEventListener("touchstart", warm, { once: true, passive: true });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup); else setup();
})();
