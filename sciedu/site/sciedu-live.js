/* sciedu-live.js: the kit's answer boxes, multiple choice, predictions and seeded exercises, without a kernel.
 *
 * Offline and framework-free. Each widget's data is inlined in its page as <script type="application/json">
 * (sciedu/site/live.py); the unit table, generated from the kit's pint registry, is the script
 * assets/sciedu-units.js, loaded by a <script> tag when a student first focuses an answer box (no fetch or XHR, so file://
 * works).
 * checkQuantity() mirrors sciedu.kit.quantities.check_quantity step by step; where it cannot be sure to give the
 * notebook's verdict it returns kind "defer" and the page says "check this in the notebook".
 * Predictions are kept in localStorage only; nothing is sent anywhere.
 */
(function () {
  "use strict";

  var DEFER = "defer";
  function deferText() {  // in the page's language, from its <meta name="sciedu-live-defer"> (site/overrides/main.html)
    var meta = document.querySelector('meta[name="sciedu-live-defer"]');
    return meta ? meta.content : "The page can't be sure about this answer: check it in the notebook.";
  }

  /* ---------- reading a quantity (sciedu.kit.normalize, sciedu.kit.units) ---------- */

  var SUP_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
  var SUP_RUN = /[⁻⁺]*[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;
  var OPERATORS = {
    "×": "*", "✕": "*", "⨯": "*", "·": "*", "⋅": "*", "•": "*", "∙": "*", "∗": "*",
    "÷": "/", "∕": "/", "⁄": "/", "−": "-", "–": "-", "—": "-", "‐": "-", "‑": "-"
  };
  var WORD = "[\\p{L}\\p{N}_]";
  var LETTER = "[\\p{L}\\p{Nl}\\p{No}]";       // Python's [^\W\d_]
  var LETTER_ = "[\\p{L}\\p{Nl}\\p{No}_]";     // Python's [^\W\d]

  // Python's str.isspace() characters (JS's \s differs: it has U+FEFF, lacks U+001C-U+001F and U+0085)
  var PY_SPACE = "[\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
  var PY_SPLIT = new RegExp(PY_SPACE + "+", "u");
  var PY_STRIP = new RegExp("^" + PY_SPACE + "+|" + PY_SPACE + "+$", "gu");
  function pyStrip(text) { return text.replace(PY_STRIP, ""); }
  function splitJoin(text) { return text.split(PY_SPLIT).filter(function (s) { return s; }).join(" "); }

  function normalize(text) {
    text = text.replace(SUP_RUN, function (run) {
      var out = "";
      for (var i = 0; i < run.length; i++) {
        var c = run[i], k = SUP_DIGITS.indexOf(c);
        out += k >= 0 ? String(k) : (c === "⁻" ? "-" : "+");
      }
      return "**(" + out + ")";
    });
    text = text.normalize("NFKC").replace(/\p{Cf}/gu, "");
    var out = "";
    for (var ch of text) out += OPERATORS[ch] || ch;
    return splitJoin(out.replace(/\^/g, "**"));
  }

  var cache = {};
  function regexes(table) {
    if (cache.table === table) return cache;
    var names = Object.keys(table.chinese).sort(function (a, b) { return b.length - a.length; });
    cache = {
      table: table,
      chinese: new RegExp("(平方|二次方|立方|三次方)?\\s*(" + names.join("|") + ")", "gu"),
      symbols: [
        [new RegExp("°\\s*C(?!" + WORD + ")", "gu"), " degC "], [new RegExp("°\\s*F(?!" + WORD + ")", "gu"), " degF "],
        [/°/gu, " degree "], [/%/gu, " percent "], [/‰/gu, " permille "], [/每/gu, " / "],
        [new RegExp("(?<!" + WORD + ")per(?!" + WORD + ")", "gu"), " / "]
      ],
      trailing: new RegExp("(?<=" + LETTER + ")(-?\\d+)(?![\\d.])", "gu"),
      dot: new RegExp("(?<=" + LETTER_ + ")\\.(?=" + LETTER_ + ")", "gu"),
      unitChar: new RegExp("^(?:" + LETTER_ + "|[\\s*/()])$", "u")
    };
    return cache;
  }
  var POWERS = { "平方": 2, "二次方": 2, "立方": 3, "三次方": 3 };

  function toPintText(text, table, meanings) {
    var re = regexes(table);
    text = text.replace(re.chinese, function (m, power, unit) {
      // a contextual word (度: kWh for an energy, °C for a temperature) reads as the answer's dimension asks
      var symbol = (meanings && Object.prototype.hasOwnProperty.call(meanings, unit)) ? meanings[unit] : table.chinese[unit];
      return power ? " " + symbol + "**" + POWERS[power] + " " : " " + symbol + " ";
    });
    re.symbols.forEach(function (pair) { text = text.replace(pair[0], pair[1]); });
    return splitJoin(text);
  }

  var NUMBER = /^([+-]?\s*(?:\d[\d,]*(?:\.\d*)?|\.\d+))(?:\s*[eE]\s*([+-]?\d+))?(?:\s*[*xX]\s*10\s*\*\*\s*(?:\(\s*([+-]?\d+)\s*\)|([+-]?\d+)))?/;
  var THOUSANDS = /^[+-]?\s*\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
  var EXPONENT = /\*\*\s*(?:\(\s*([+-]?\s*\d+(?:\.\d+)?)\s*\)|([+-]?\d+(?:\.\d+)?))/g;

  function QErr(key, params) { this.key = key; this.params = params || {}; }
  function Defer(why) { this.why = why; }

  function smallInt(text, limits) {
    if (text === undefined) return 0;
    if (text.replace(/^[+-]+/, "").length > 3 || Math.abs(parseInt(text, 10)) > limits.decimal_exponent) {
      throw new QErr("q_number_too_large");
    }
    return parseInt(text, 10);
  }

  function readNumber(m, limits) {
    var mantissa = m[1].replace(/ /g, "");
    if (mantissa.indexOf(",") >= 0) {
      if (!THOUSANDS.test(mantissa)) throw new QErr("q_decimal_comma");
      mantissa = mantissa.replace(/,/g, "");
    }
    var shift = smallInt(m[2], limits) + smallInt(m[3], limits) + smallInt(m[4], limits);
    var value = Number(mantissa + "e" + shift);
    if (!isFinite(value)) throw new QErr("q_number_too_large");
    return value;
  }

  function readQuantity(text, table, meanings) {
    if (Array.from(text).length > table.limits.length) throw new QErr("too_long", { limit: table.limits.length });
    var cleaned = toPintText(normalize(text), table, meanings);
    if (/(?![0-9])\p{Nd}/u.test(cleaned)) throw new Defer("non-ASCII digits");
    var m = NUMBER.exec(cleaned);
    if (!m) throw new QErr("q_no_number");
    var value = readNumber(m, table.limits);
    var unitText = pyStrip(pyStrip(cleaned.slice(m[0].length)).replace(/^\*+/, ""));
    if (!unitText) return { value: value, hasUnit: false };
    var unit = parseUnits(unitText, table);
    return { value: value, hasUnit: true, unit: unit };
  }

  function checkUnitText(unitText, table) {
    var m;
    EXPONENT.lastIndex = 0;
    while ((m = EXPONENT.exec(unitText)) !== null) {
      var exponent = (m[1] !== undefined ? m[1] : m[2]).replace(/ /g, "");
      if (Math.abs(parseFloat(exponent)) > table.limits.unit_exponent) {
        throw new QErr("q_bad_exponent", { text: m[0].trim() });
      }
    }
    var rest = unitText.replace(EXPONENT, " ").replace(/^1\s*\//, "/");
    var re = regexes(table);
    for (var ch of rest) {
      if (!re.unitChar.test(ch)) throw new QErr("q_bad_char", { char: ch });
    }
    var depth = 0, deepest = 0, opens = 0, closes = 0;
    for (var c of rest) {
      if (c === "(") { depth++; opens++; } else if (c === ")") { depth--; closes++; }
      deepest = Math.max(deepest, depth);
    }
    if (rest.indexOf("**") >= 0 || opens !== closes || deepest > 3) throw new QErr("q_bad_unit", { unit: unitText });
  }

  function parseUnits(unitText, table) {
    if (unitText[0] === "/") unitText = "1" + unitText;
    var re = regexes(table);
    unitText = unitText.replace(re.dot, "*").replace(re.trailing, "**$1");
    checkUnitText(unitText, table);
    var container;
    try {
      container = new UnitParser(pintPreprocess(unitText)).parse();
    } catch (err) {
      if (err instanceof Defer || err instanceof QErr) throw err;
      throw new QErr("q_bad_unit", { unit: unitText });
    }
    return resolveUnits(container, unitText, table);
  }

  /* pint's string_preprocessor rewrites for words (pint/util.py); the kit has already turned "per" into "/" */
  var ID = "([_a-zA-Z][_a-zA-Z0-9]*)";
  var PINT_WORDS = [
    [new RegExp("([\\w.\\-+*\\\\^])\\s+", "g"), "$1 "],
    [new RegExp(ID + " squared", "g"), "$1**2"], [new RegExp(ID + " cubed", "g"), "$1**3"],
    [new RegExp("cubic " + ID, "g"), "$1**3"], [new RegExp("square " + ID, "g"), "$1**2"],
    [new RegExp("sq " + ID, "g"), "$1**2"]
  ];
  function pintPreprocess(text) {
    PINT_WORDS.forEach(function (pair) { text = text.replace(pair[0], pair[1]); });
    return text;
  }

  /* A units expression: names, implicit or explicit * and /, ** with a signed number, brackets; the
     result is an ordered map name → power, as pint's ParserHelper builds it (left to right). */
  function UnitParser(text) {
    var tokens = [], i = 0;
    while (i < text.length) {
      var c = text[i];
      if (/\s/u.test(c)) { i++; continue; }
      if (c === "*" && text[i + 1] === "*") { tokens.push("**"); i += 2; continue; }
      if (c === "/" && text[i + 1] === "/") { tokens.push("/"); i += 2; continue; }  // pint: m//s is m/s
      if ("*/()+-".indexOf(c) >= 0) { tokens.push(c); i++; continue; }
      var num = /^\d+(?:\.\d+)?/.exec(text.slice(i));
      if (num) { tokens.push({ num: parseFloat(num[0]) }); i += num[0].length; continue; }
      var name = /^[\p{L}\p{Nl}\p{No}_\p{Mn}\p{Mc}]+/u.exec(text.slice(i));
      if (name) { tokens.push({ name: name[0] }); i += name[0].length; continue; }
      throw new Defer("token");
    }
    this.tokens = tokens;
    this.pos = 0;
  }
  UnitParser.prototype.peek = function () { return this.tokens[this.pos]; };
  UnitParser.prototype.next = function () { return this.tokens[this.pos++]; };
  UnitParser.prototype.parse = function () {
    var result = this.product();
    if (this.pos !== this.tokens.length) throw new Error("trailing");
    return result;
  };
  UnitParser.prototype.product = function () {
    var left = this.power();
    for (;;) {
      var t = this.peek();
      if (t === "*" || t === "/") {
        this.next();
        var right = this.power();
        left = combine(left, right, t === "*" ? 1 : -1);
      } else if (t !== undefined && (t === "(" || typeof t === "object")) {
        left = combine(left, this.power(), 1);          // implicit multiplication: "N m"
      } else {
        return left;
      }
    }
  };
  UnitParser.prototype.power = function () {
    var base = this.atom(), exponents = [];
    while (this.peek() === "**") { this.next(); exponents.push(this.signedNumber()); }
    if (!exponents.length) return base;
    var exponent = exponents.pop();            // a**b**c is a**(b**c), as in Python
    while (exponents.length) exponent = Math.pow(exponents.pop(), exponent);
    return raise(base, exponent);
  };
  UnitParser.prototype.signedNumber = function () {
    var t = this.next(), sign = 1;
    while (t === "-" || t === "+") { if (t === "-") sign = -sign; t = this.next(); }
    if (t === "(") {
      var inner = this.signedNumber();
      if (this.next() !== ")") throw new Error("bracket");
      return sign * inner;
    }
    if (!t || typeof t !== "object" || t.num === undefined) throw new Defer("exponent");
    return sign * t.num;
  };
  UnitParser.prototype.atom = function () {
    var t = this.next();
    if (t === "(") {
      var inner = this.product();
      if (this.next() !== ")") throw new Error("bracket");
      return inner;
    }
    if (t && typeof t === "object" && t.name !== undefined) { var m = new Map(); m.set(t.name, 1); return { scalar: 1, units: m }; }
    if (t && typeof t === "object" && t.num !== undefined) { return { scalar: t.num, units: new Map() }; }
    throw new Error("syntax");
  };
  function combine(a, b, sign) {
    var units = new Map(a.units);
    b.units.forEach(function (p, name) {
      var total = (units.get(name) || 0) + sign * p;
      if (total === 0) units.delete(name); else units.set(name, total);
    });
    return { scalar: sign > 0 ? a.scalar * b.scalar : a.scalar / b.scalar, units: units };
  }
  function raise(a, k) {
    var units = new Map();
    a.units.forEach(function (p, name) { if (p * k !== 0) units.set(name, p * k); });
    return { scalar: Math.pow(a.scalar, k), units: units };
  }

  function lookup(name, table) {
    var direct = table.units[name];
    if (direct && table.logarithmic.indexOf(name) >= 0) throw new Defer("logarithmic unit " + name);
    if (direct) return { entry: direct, prefixed: false };
    // pint's parse_unit_name: every (suffix, prefix) in its order; get_name takes the first reading
    var prefixes = [["", 1]].concat(table.prefixes);
    for (var s = 0; s < table.suffixes.length; s++) {
      var suffix = table.suffixes[s];
      for (var p = 0; p < prefixes.length; p++) {
        var prefix = prefixes[p][0];
        if (name.startsWith(prefix) && name.endsWith(suffix) && name.length >= prefix.length + suffix.length) {
          var rest = name.slice(prefix.length, suffix ? name.length - suffix.length : name.length);
          if (suffix && rest.length === 1) continue;
          var entry = table.units[rest];
          if (entry && table.logarithmic.indexOf(rest) >= 0) throw new Defer("logarithmic unit " + rest);
          if (entry) return { entry: entry, prefix: prefixes[p][1], prefixed: !!prefix };
        }
      }
    }
    return null;
  }
  function unitFactor(found) { return found.entry[0] * (found.prefix || 1); }
  function dimsOf(entry) { return entry.length === 3 ? entry[2] : entry[1]; }
  function offsetOf(entry) { return entry.length === 3 ? entry[1] : 0; }
  function sameDims(a, b) {
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  function resolveUnits(container, unitText, table) {
    if (container.scalar !== 1) throw new QErr("q_bad_unit", { unit: unitText });
    var factor = 1, offset = 0, dims = table.dims.map(function () { return 0; });
    var many = container.units.size > 1;
    container.units.forEach(function (power, name) {
      var found = lookup(name, table);
      if (!found) throw new QErr("q_unknown_unit", { unit: name });
      if (found.prefixed && offsetOf(found.entry)) throw new QErr("q_bad_unit", { unit: unitText });
      // pint reads °C in a product or with a power as a temperature difference (delta_degC): no offset
      if (offsetOf(found.entry) && !many && power === 1) offset = offsetOf(found.entry);
      factor *= Math.pow(unitFactor(found), power);
      var d = dimsOf(found.entry);
      for (var i = 0; i < dims.length; i++) dims[i] += d[i] * power;
    });
    return { factor: factor, offset: offset, dims: dims };
  }

  /* ---------- judging (sciedu.kit.quantities) ---------- */

  function fill(template, params) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return params[k] !== undefined ? String(params[k]) : m; });
  }

  function checkQuantity(answer, spec, table) {
    var msg = spec.messages;
    var text = answer == null ? "" : String(answer);
    if (!pyStrip(text)) return { correct: false, kind: "empty", message: msg.empty };
    var reading;
    try {
      reading = readQuantity(text, table, spec.meanings);
    } catch (err) {
      if (err instanceof QErr) return { correct: false, kind: "unparseable", message: fill(msg[err.key], err.params) };
      return deferred(spec, err);
    }
    try {
      return compare(reading, spec, table);
    } catch (err) {
      return deferred(spec, err);
    }
  }

  function deferred(spec, err) {
    return { correct: false, kind: DEFER, message: deferText(),
             why: err && err.why ? err.why : String(err) };
  }

  function accepts(value, target, spec) {
    return Math.abs(value - target) <= Math.max(spec.rtol * Math.abs(target), spec.atol);
  }

  function describeDimension(dims, spec, table) {
    for (var i = 0; i < table.named.length; i++) {
      if (sameDims(table.named[i][0], dims)) return table.named[i][1][spec.lang] || table.named[i][1].en;
    }
    return fill(spec.messages.unnamed_dimension, { base: formatBase(dims, table) });
  }

  var SUPERSCRIPT = { "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", ".": "⋅", "-": "⁻" };
  function superscript(power) {
    if (power === 1) return "";
    var text = String(power);
    if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Defer("exponent format");
    return text.split("").map(function (c) { return SUPERSCRIPT[c]; }).join("");
  }
  /* pint's "~P" format of SI base units: "m·s", "m/s²", "1/m/s", "s/m¹⋅⁵" */
  function formatBase(dims, table) {
    var terms = [];
    dims.forEach(function (p, i) { if (p !== 0) terms.push([table.base_symbols[i], p]); });
    if (terms.some(function (t) { return !t[0]; })) throw new Defer("base unit without a symbol");
    terms.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; });
    var up = terms.filter(function (t) { return t[1] > 0; }), down = terms.filter(function (t) { return t[1] < 0; });
    var text = up.length ? up.map(function (t) { return t[0] + superscript(t[1]); }).join("·") : (down.length ? "1" : "");
    down.forEach(function (t) { text += "/" + t[0] + superscript(-t[1]); });
    return text;
  }

  function compare(reading, spec, table) {
    var msg = spec.messages, exp = spec.expected, target = exp.value;
    if (!reading.hasUnit && exp.has_unit) {
      var right = accepts(reading.value, target, spec);
      return { correct: false, kind: "missing_unit", message: msg[right ? "q_missing_unit_number_ok" : "q_missing_unit"] };
    }
    var unit = reading.hasUnit ? reading.unit : { factor: 1, offset: 0, dims: table.dims.map(function () { return 0; }) };
    if (!sameDims(unit.dims, exp.dims)) {
      return { correct: false, kind: "wrong_dimension",
               message: fill(msg.q_wrong_dimension, { given: describeDimension(unit.dims, spec, table), expected: exp.dimension }) };
    }
    var value = (reading.value * unit.factor + unit.offset - exp.offset) / exp.factor;
    if (unit.factor === exp.factor && unit.offset === exp.offset) value = reading.value;
    if (accepts(value, target, spec)) return { correct: true, kind: "correct", message: msg.correct };
    var hint = conversionHint(reading, unit, value, spec, table);
    if (hint) return { correct: false, kind: "wrong_unit", message: hint };
    return { correct: false, kind: "wrong_number", message: msg.q_wrong_number };
  }

  function isTemperature(dims, table) {
    var k = table.units.K;
    return sameDims(dims, dimsOf(k));
  }

  function conversionHint(reading, unit, value, spec, table) {
    var msg = spec.messages, target = spec.expected.value;
    if (isTemperature(spec.expected.dims, table)) {
      for (var i = 0; i < table.temperature_scales.length; i++) {
        var scale = table.units[table.temperature_scales[i]];
        if (scale[0] === unit.factor && offsetOf(scale) === unit.offset) continue;
        var other = (reading.value * scale[0] + offsetOf(scale) - spec.expected.offset) / spec.expected.factor;
        if (accepts(other, target, spec)) return msg.q_hint_temperature;
      }
      return null;
    }
    if (value === 0 || target === 0 || (value > 0) !== (target > 0)) return null;
    var ratio = value / target, slack = Math.max(spec.rtol, spec.default_rtol);
    for (var j = 0; j < spec.factors.length; j++) {
      var f = spec.factors[j];
      var pairs = [[f[0], "q_too_large"], [1 / f[0], "q_too_small"]];
      for (var p = 0; p < 2; p++) {
        if (Math.abs(ratio / pairs[p][0] - 1) <= slack) {
          return fill(msg[pairs[p][1]], { factor: f[2], hint: msg[f[1]] });
        }
      }
    }
    return null;
  }

  /* ---------- the page ---------- */

  function specOf(root) {
    var node = root.querySelector("script.sciedu-live-spec");
    return node ? JSON.parse(node.textContent) : null;
  }

  function show(root, feedback) {
    var out = root.querySelector(".sciedu-live-feedback");
    var icon = feedback.kind === DEFER ? "ℹ️" : (feedback.done ? "📝" : (feedback.correct ? "✅" : "❌"));
    out.textContent = "";
    feedback.message.split("\n\n").forEach(function (para, i) {
      var p = document.createElement("p");
      p.textContent = (i === 0 ? icon + " " : "") + para;
      out.appendChild(p);
    });
    out.setAttribute("data-kind", feedback.kind);
    out.setAttribute("data-message", feedback.message);
    if (feedback.kind === DEFER) {
      var link = notebookLink();
      if (link) {
        var a = document.createElement("a");
        a.href = link.href; a.textContent = link.textContent.trim();
        out.lastChild.appendChild(document.createTextNode(" "));
        out.lastChild.appendChild(a);
      }
    }
  }

  function notebookLink() {
    return document.querySelector('.sciedu-downloads a[href$=".ipynb"]');
  }

  function setupQuantity(root, spec) {
    var input = root.querySelector('input[type="text"]');
    var button = root.querySelector("button");
    var seed = root.querySelector('input[type="number"]');
    var numbers = root.querySelector("output");
    var current = spec;
    function pickVariant() {
      var v = spec.variant, n = parseInt(seed.value, 10), row = v.rows[n - v.first];
      if (!row || String(n) !== seed.value.trim()) {
        numbers.textContent = "";
        current = null;
        return;
      }
      numbers.textContent = row[0];
      current = Object.assign({}, spec, { expected: Object.assign({}, spec.expected, { value: row[2] }) });
    }
    if (seed) {
      seed.addEventListener("input", pickVariant);
      current = null;
    }
    function check() {
      if (!window.SCIEDU_UNITS) { loadUnits(check); return; }
      if (!current) {
        show(root, { correct: false, kind: "no_seed", message: root.querySelector(".sciedu-live-seed").getAttribute("data-seed-first") });
        seed.focus();
        return;
      }
      show(root, checkQuantity(input.value, current, window.SCIEDU_UNITS));
    }
    button.addEventListener("click", check);
    input.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); check(); } });
  }

  function setupChoice(root, spec) {
    var button = root.querySelector("button");
    button.addEventListener("click", function () {
      var chosen = root.querySelector('input[type="radio"]:checked');
      if (!chosen) { show(root, { correct: false, kind: "invalid_choice", message: spec.none }); return; }
      var option = spec.options[parseInt(chosen.value, 10)];
      show(root, { correct: option.correct, kind: option.kind, message: option.message });
    });
  }

  function storageKey(root, spec) {
    return "sciedu-prediction:" + location.pathname + "#" + (spec.id || root.id);
  }
  function load(key) {
    try { return JSON.parse(localStorage.getItem(key) || "null") || {}; } catch (e) { return {}; }
  }
  function save(key, data) {
    try { localStorage.setItem(key, JSON.stringify(data)); return true; } catch (e) { return false; }
  }

  function setupPrediction(root, spec) {
    var key = storageKey(root, spec), msg = spec.messages;
    var boxes = root.querySelectorAll("textarea");
    var predictBox = boxes[0], explainBox = boxes[1];
    var buttons = {};
    root.querySelectorAll("button[data-step]").forEach(function (b) { buttons[b.getAttribute("data-step")] = b; });
    var state = load(key);
    function revealText() {
      var observation = spec.observation || buttons.reveal.getAttribute("data-missing") || "";
      return fill(msg.r_reveal, { prediction: state.prediction, observation: observation, explain: spec.explain });
    }
    function refresh() {
      buttons.reveal.disabled = !state.prediction;
      buttons.explain.disabled = !state.revealed;
      if (state.revealed && state.prediction) show(root, { correct: true, kind: "revealed", done: true, message: revealText() });
    }
    if (state.prediction) predictBox.value = state.prediction;
    if (state.explanation) explainBox.value = state.explanation;
    buttons.record.addEventListener("click", function () {
      var text = predictBox.value.trim();
      if (!text) { show(root, { correct: false, kind: "empty", message: msg.r_empty_prediction }); return; }
      if (Array.from(text).length > 5000) { show(root, { correct: false, kind: "unparseable", message: msg.too_long }); return; }
      state = { prediction: text, revealed: false };
      save(key, state);
      refresh();
      show(root, { correct: true, kind: "recorded", done: true, message: msg.r_recorded });
    });
    buttons.reveal.addEventListener("click", function () {
      if (!state.prediction) { show(root, { correct: false, kind: "no_prediction", message: msg.r_no_prediction }); return; }
      state.revealed = true;
      save(key, state);
      refresh();
    });
    buttons.explain.addEventListener("click", function () {
      if (!state.revealed) { show(root, { correct: false, kind: "no_prediction", message: msg.r_explain_first }); return; }
      var text = explainBox.value.trim();
      if (!text) { show(root, { correct: false, kind: "empty", message: msg.r_empty_explanation }); return; }
      state.explanation = text;
      save(key, state);
      show(root, { correct: true, kind: "explained", done: true, message: revealText() + "\n\n" + msg.r_explained });
    });
    refresh();
  }

  var unitsWaiting = null;  // callbacks while the unit table loads
  function loadUnits(then) {
    if (window.SCIEDU_UNITS) { then(); return; }
    if (unitsWaiting) { unitsWaiting.push(then); return; }
    unitsWaiting = [then];
    var me = document.querySelector('script[src$="sciedu-live.js"]');
    var script = document.createElement("script");
    script.src = me ? me.src.replace(/sciedu-live\.js(\?.*)?$/, "sciedu-units.js") : "sciedu-units.js";
    script.onload = function () {
      document.documentElement.setAttribute("data-sciedu-units", "1");
      var waiting = unitsWaiting;
      unitsWaiting = null;
      waiting.forEach(function (callback) { callback(); });
    };
    document.head.appendChild(script);
  }

  function setup() {
    var roots = document.querySelectorAll(".sciedu-live[data-sciedu-live]");
    roots.forEach(function (root) {
      if (root.getAttribute("data-ready")) return;
      var kind = root.getAttribute("data-sciedu-live");
      if (kind === "notebook-only") {
        var link = notebookLink(), a = root.querySelector("a.sciedu-live-notebook");
        if (link && a) a.href = link.getAttribute("href");
        root.setAttribute("data-ready", "1");
        return;
      }
      var spec = specOf(root);
      if (!spec) return;
      if (kind === "quantity") {
        setupQuantity(root, spec);
        // the unit table (~12 KB gzip) loads when a student starts on an answer box, not with the page
        root.addEventListener("focusin", function () { loadUnits(function () {}); }, { once: true });
      }
      else if (kind === "choice") setupChoice(root, spec);
      else if (kind === "prediction") setupPrediction(root, spec);
      root.setAttribute("data-ready", "1");
    });
  }

  var api = { checkQuantity: checkQuantity, normalize: normalize, loadUnits: loadUnits };
  if (typeof document === "undefined") { module.exports = api; return; }   // node, for quick checks
  window.sciedu = window.sciedu || {};
  window.sciedu.live = api;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup); else setup();
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
})();
