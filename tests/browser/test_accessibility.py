"""Every page type in both languages, in a real Chromium: axe-core finds no serious or critical violation,
nothing is wider than a 390 px phone, and a source line break never puts a space between two CJK characters."""

from __future__ import annotations

import re

import pytest

from site_fixtures import PAGES, axe_source, chromium, served_site, site_root  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
#: WCAG 2.x A and AA plus axe's best practices: what Lighthouse's accessibility score is made of.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
CJK = "\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
CJK_BREAK = re.compile(f"[{CJK}][ \\t]*\\n\\s*[{CJK}]")


def _open(chromium, url: str, viewport: dict[str, int]):
    context = chromium.new_context(viewport=viewport)
    page = context.new_page()
    response = page.goto(url)
    assert response is not None
    page.wait_for_load_state("load")
    # where sciedu.js runs (not on printables), wait until it has made wide code focusable
    page.wait_for_function("() => !document.querySelector('script[src*=\"sciedu.js\"]')"
                           " || document.documentElement.hasAttribute('data-sciedu-ready')")
    return context, page


def _summary(violations: list[dict]) -> list[str]:
    return [f"{v['impact']} {v['id']}: {v['help']} — {len(v['nodes'])}× e.g. {v['nodes'][0]['target']} "
            f"{v['nodes'][0].get('failureSummary', '')[:200]}" for v in violations]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_serious_or_critical_axe_violation(chromium, served_site: str, axe_source: str, path: str, scheme: str) -> None:
    if scheme == "slate" and "print" in path:
        pytest.skip("printable pages have one (print) scheme")
    context, page = _open(chromium, f"{served_site}/{path}", {"width": 1280, "height": 900})
    if scheme == "slate":  # the reader's choice, with the palette toggle in the header
        page.locator("form[data-md-component=palette] label:visible").first.click()
        page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
        page.wait_for_timeout(400)  # Material fades the colours in
    page.add_script_tag(content=axe_source)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", AXE_TAGS)
    context.close()
    bad = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, "\n".join(_summary(bad))


@pytest.mark.parametrize("path", PAGES)
def test_projector_mode_keeps_contrast(chromium, served_site: str, axe_source: str, path: str) -> None:
    if "print" in path:
        pytest.skip("printable pages have no reading modes")
    context, page = _open(chromium, f"{served_site}/{path}", {"width": 1920, "height": 1080})
    before = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)")
    page.locator(".sciedu-projector-toggle").click()
    page.reload()  # the choice is kept (localStorage) and applied before the first paint
    assert page.locator(".sciedu-projector-toggle").get_attribute("aria-pressed") == "true"
    after = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)")
    assert after >= 1.3 * before, (before, after)
    page.add_script_tag(content=axe_source)
    result = page.evaluate("() => axe.run(document, {runOnly: {type: 'rule', values: ['color-contrast']}})")
    context.close()
    assert _summary(result["violations"]) == []


@pytest.mark.parametrize("path", PAGES)
def test_nothing_wider_than_a_phone(chromium, served_site: str, path: str) -> None:
    context, page = _open(chromium, f"{served_site}/{path}", PHONE)
    _draw_all_maths(page)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.sciedu-scroll, pre, .md-typeset__scrollwrap, .katex-display'))
        .map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : ''))
        .slice(0, 5)""")
    context.close()
    assert width <= PHONE["width"], f"{path} is {width} px wide at {PHONE['width']} px; widest elements: {wide}"


def _draw_all_maths(page) -> None:
    """KaTeX draws a page's formulas once they come near the screen: draw them all before measuring."""
    if page.evaluate("() => !!(window.sciedu && window.sciedu.renderAllMath) && !!document.querySelector('.arithmatex')"):
        page.evaluate("() => new Promise(resolve => window.sciedu.renderAllMath(resolve))")


#: Text blocks whose text is prose (a list item only when it holds no nested block).
PROSE = "p, td, th, dd, dt, figcaption, h1, h2, h3, h4, h5, h6, li:not(:has(ul, ol, p, div, table))"


@pytest.mark.parametrize("path", [p for p in PAGES if not p.values[0].startswith("en/")])
def test_no_space_between_chinese_characters(chromium, served_site: str, path: str) -> None:
    """A source line break left in the HTML renders as a space: none may sit between two CJK characters."""
    context, page = _open(chromium, f"{served_site}/{path}", {"width": 1280, "height": 900})
    _draw_all_maths(page)
    texts = page.evaluate("""selector => [...document.querySelectorAll(selector)]
        .filter(e => !e.closest('pre, code, script, style, svg, .katex, .md-nav, .md-header, .md-footer'))
        .map(e => { const c = e.cloneNode(true); c.querySelectorAll('script').forEach(x => x.remove()); c.querySelectorAll('code, .katex').forEach(x => x.replaceWith('x')); return c.textContent; })""", PROSE)
    context.close()
    found = [text[max(0, m.start() - 8): m.end() + 8] for text in texts for m in CJK_BREAK.finditer(text)]
    assert found == [], found[:10]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_phone_catalogue_is_one_card_per_activity(chromium, served_site: str, prefix: str) -> None:
    context, page = _open(chromium, f"{served_site}/{prefix}activities/index.html", PHONE)
    heights = page.evaluate("""() => [...document.querySelectorAll('table.sciedu-catalog tbody td:nth-child(2)')]
        .map(td => td.getBoundingClientRect().height / parseFloat(getComputedStyle(td).lineHeight))""")
    context.close()
    assert heights and all(h < 1.6 for h in heights), f"the subject wraps (lines per cell): {heights}"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_phone_heatmap_text_stays_readable(chromium, served_site: str, prefix: str) -> None:
    context, page = _open(chromium, f"{served_site}/{prefix}standards/cn-compulsory-science-2022/coverage.html", PHONE)
    frame = page.locator(".sciedu-scroll")
    assert frame.get_attribute("tabindex") == "0" and frame.get_attribute("aria-label")
    smallest = page.evaluate("() => Math.min(...[...document.querySelectorAll('svg.sciedu-heatmap text')].map(t => t.getBoundingClientRect().height))")
    context.close()
    assert smallest >= 11, f"heatmap text is {smallest:.1f} px high on a phone"


def test_wide_code_is_reachable_by_keyboard_and_named_navs_only(chromium, served_site: str) -> None:
    """Code wider than a phone scrolls sideways: sciedu.js makes each such block focusable once the page is idle,
    as Material's script did (no copy-button navs any more: every nav on the page has a name)."""
    context, page = _open(chromium, f"{served_site}/activities/physics/stopping-distance/index.html", {"width": 390, "height": 800})
    page.wait_for_function("() => document.querySelector('pre > code[tabindex=\"0\"]') !== null")
    wide = page.evaluate("() => [...document.querySelectorAll('.md-typeset pre > code')].filter(c => c.scrollWidth > c.clientWidth + 1)"
                         ".map(c => c.getAttribute('tabindex'))")
    unnamed = page.evaluate("() => [...document.querySelectorAll('nav')].filter(n => !n.getAttribute('aria-label') && !n.getAttribute('aria-labelledby')).map(n => n.className)")
    context.close()
    assert wide and set(wide) == {"0"}
    assert unnamed == []


def test_palette_toggle_switches_and_is_remembered_without_the_theme_script(chromium, served_site: str) -> None:
    """Material's script bundle is not loaded; sciedu.js runs the light/dark toggle, and the next page starts dark."""
    context, page = _open(chromium, f"{served_site}/activities/physics/stopping-distance/index.html", {"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    scripts = page.evaluate("() => [...document.scripts].map(s => s.src).filter(Boolean)")
    assert not any("bundle." in src for src in scripts), scripts
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.locator("form[data-md-component=palette] label:visible").click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.goto(f"{served_site}/index.html")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.locator("form[data-md-component=palette] label:visible").click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    context.close()
    assert errors == []
