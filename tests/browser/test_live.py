"""The kit's widgets working in the page, without a kernel: Playwright on Debian's Chromium.

- every answer box of every bundled activity (zh and en pages) gives the same verdict as the kit's Python
  ``check_quantity`` on ~100 inputs each, malformed ones included, or honestly says "check in the notebook";
- on a fixture activity with every kind of kit widget (tests/data/live-library): answers, multiple choice with
  misconception feedback, a prediction kept in localStorage across a reload, a seeded exercise, a symbolic box
  that is notebook-only; on a desktop and a 390 px phone viewport, by keyboard only, from ``file://``;
- no request leaves the site; every frozen (interact) view is labelled static, with no slider that looks live.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from conftest import DATA, REPO, make_project, run_cli
from live_inputs import agreement
from site_fixtures import CHROMIUM, chromium, serve  # noqa: F401  (fixtures)

#: Every bundled activity, as subject/id (the library grows; the tests follow it).
BUNDLED = sorted(f"{p.parent.parent.name}/{p.parent.name}" for p in (REPO / "activities").glob("*/*/activity.yaml"))
LIVE = "physics/live-speed"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
MIN_AGREEMENT = 50
AGREEMENT_FILE = REPO / "build" / "live-agreement.json"

pytestmark = [
    pytest.mark.chromium,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def repo_site() -> Iterator[str]:
    """The repository's own site (built if missing), served on a free localhost port."""
    if not (REPO / "build" / "site" / "index.html").is_file():
        assert run_cli("build", cwd=REPO).returncode == 0
    url, server = serve(REPO / "build" / "site")
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def live_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The fixture activity with every kind of kit widget, built and served: (url, site folder)."""
    root = make_project(tmp_path_factory.mktemp("live") / "project", DATA / "live-library")
    proc = run_cli("build", "--student-only", cwd=root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    url, server = serve(root / "build" / "site")
    yield url, root / "build" / "site"
    server.shutdown()


def _open(chromium, viewport: str = "desktop"):
    """A new page that records its requests and script errors."""
    context = chromium.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.errors = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requests.append(request.url))  # type: ignore[attr-defined]
    page.on("pageerror", lambda error: page.errors.append(str(error)))  # type: ignore[attr-defined]
    return context, page


def _left_the_site(page, base: str) -> list[str]:
    return [u for u in page.requests if not u.startswith(base) and not u.startswith(("data:", "blob:"))]


def _spec(box) -> dict:
    return json.loads(box.locator("script.sciedu-live-spec").text_content())


def _ready(page) -> None:
    """A student starts on the first answer box: the unit table loads then, not with the page."""
    page.wait_for_load_state("load")
    assert page.evaluate("() => !window.SCIEDU_UNITS"), "the unit table is not part of the page's first view"
    page.locator('.sciedu-live[data-sciedu-live="quantity"] input[type="text"]').first.focus()
    page.wait_for_function("document.documentElement.getAttribute('data-sciedu-units') === '1'")


def _feedback(box) -> tuple[str, str]:
    out = box.locator(".sciedu-live-feedback")
    return out.get_attribute("data-kind") or "", out.get_attribute("data-message") or ""


# --- Python ↔ browser agreement on the bundled activities ------------------------------------------

@pytest.mark.parametrize("activity", BUNDLED)
def test_answer_boxes_agree_with_the_python_checker(chromium, repo_site: str, activity: str) -> None:
    counts = {"inputs": 0, "same": 0, "deferred": [], "different": [], "boxes": 0}
    for prefix in ("", "en/"):
        context, page = _open(chromium)
        page.goto(f"{repo_site}/{prefix}activities/{activity}/index.html")
        _ready(page)
        boxes = page.locator('.sciedu-live[data-sciedu-live="quantity"]')
        assert boxes.count() >= 1, "each bundled activity has an answer box"
        for index in range(boxes.count()):
            box = boxes.nth(index)
            spec = _spec(box)
            expected = None
            if "variant" in spec:
                seed = 7
                box.locator('input[type="number"]').fill(str(seed))
                expected = spec["variant"]["rows"][seed - spec["variant"]["first"]][2]
            result = agreement(box, spec, expected)
            counts["boxes"] += 1
            for key in ("inputs", "same"):
                counts[key] += result[key]
            counts["deferred"] += result["deferred"]
            counts["different"] += result["different"]
        assert _left_the_site(page, repo_site) == []
        assert page.errors == []  # type: ignore[attr-defined]
        context.close()
    _record(activity, counts)
    assert counts["different"] == [], counts["different"][:10]
    assert counts["same"] >= MIN_AGREEMENT * 2, counts
    assert len(counts["deferred"]) <= counts["inputs"] // 20, counts["deferred"]


def _record(activity: str, counts: dict) -> None:
    """Keep the counts for the report (build/live-agreement.json); the assertions above are the test."""
    data = json.loads(AGREEMENT_FILE.read_text(encoding="utf-8")) if AGREEMENT_FILE.is_file() else {}
    data[activity] = {"boxes": counts["boxes"], "inputs": counts["inputs"], "identical": counts["same"],
                      "check_in_notebook": len(counts["deferred"]), "different": len(counts["different"])}
    AGREEMENT_FILE.parent.mkdir(parents=True, exist_ok=True)
    AGREEMENT_FILE.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")


@pytest.mark.parametrize("activity", BUNDLED)
def test_seeded_table_matches_the_declared_variants(chromium, repo_site: str, activity: str) -> None:
    """The page's per-seed numbers come from the kit's variants(); activity.yaml's formula gives the same answers."""
    from sciedu.answers import Parameter, VariantSpec
    from sciedu.kit import variants

    meta = yaml.safe_load((REPO / "activities" / activity / "activity.yaml").read_text(encoding="utf-8"))
    if not meta.get("variants"):
        pytest.skip(f"{activity} declares no seeded variants")
    context, page = _open(chromium)
    page.goto(f"{repo_site}/en/activities/{activity}/index.html")
    _ready(page)
    seeded = [s for s in map(_spec, page.locator('.sciedu-live[data-sciedu-live="quantity"]').all()) if "variant" in s]
    assert len(seeded) == 1
    table = seeded[0]["variant"]
    declared = next(v for v in meta["variants"] if v["id"] == table["key"])
    parameters = tuple(Parameter(name, tuple(p["range"]) if "range" in p else p["choices"], p.get("unit", ""))
                       for name, p in declared["parameters"].items())
    spec = VariantSpec(declared["id"], declared["label"], parameters, declared.get("constants", {}),
                       declared["formula"], declared["unit"], declared.get("digits", 2))
    for seed, (_text, _shown, value, params) in enumerate(table["rows"], start=table["first"]):
        assert variants(spec.kit_params, lambda **_: 0, seed, key=table["key"]).params == params
        assert value == pytest.approx(spec.compute(**params), abs=10 ** -spec.digits), (seed, params)
    # the student's side: a seed shows that seed's numbers, and its answer is right
    # the seeded box is the one with a seed field, wherever it comes among the page's answer boxes
    box = page.locator('.sciedu-live[data-sciedu-live="quantity"]').filter(has=page.locator('input[type="number"]')).first
    box.locator('input[type="number"]').fill("12")
    text, shown, value, _params = table["rows"][11]
    assert box.locator("output").inner_text() == text
    unit = seeded[0]["expected"]["text"].partition(" ")[2]  # none for a pure number
    box.locator('input[type="text"]').fill(f"{shown} {unit}".strip())
    box.locator('input[type="text"]').press("Enter")
    assert _feedback(box)[0] == "correct"
    context.close()


# --- every kind of widget on the fixture activity -------------------------------------------------

@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_answers_choices_predictions_and_seeds(chromium, live_site, viewport: str) -> None:
    url, _folder = live_site
    context, page = _open(chromium, viewport)
    page.goto(f"{url}/en/activities/{LIVE}/index.html")
    _ready(page)
    answer = page.locator('.sciedu-live[data-sciedu-live="quantity"]').first
    for typed, kind in [("0.5 m/s", "correct"), ("1.8 km/h", "correct"), ("５０ 厘米每秒", "correct"),
                        ("500 m/s", "wrong_unit"), ("0.5", "missing_unit"), ("0.5 m", "wrong_dimension"),
                        ("0.9 m/s", "wrong_number"), ("fast", "unparseable")]:
        answer.locator('input[type="text"]').fill(typed)
        answer.locator("button").click()
        assert _feedback(answer)[0] == kind, typed
        assert answer.locator(".sciedu-live-feedback").is_visible()
    assert "1000 times too large" in _check(answer, "500 m/s")

    choice = page.locator('.sciedu-live[data-sciedu-live="choice"]')
    radios = choice.locator('input[type="radio"]')
    assert radios.count() == 3 and choice.locator("legend").inner_text().startswith("A car runs 2 m in 4 s")
    choice.locator("button").click()
    assert _feedback(choice) == ("invalid_choice", "Choose an option first.")
    choice.get_by_label("A. 2 m/s").check()
    choice.locator("button").click()
    kind, message = _feedback(choice)
    assert kind == "incorrect" and "common misconception: Speed is time divided by distance" in message
    choice.get_by_label("B. 0.5 m/s").check()
    choice.locator("button").click()
    assert _feedback(choice) == ("correct", "Right: 2 ÷ 4 = 0.5.")

    seeded = page.locator('.sciedu-live[data-sciedu-live="quantity"]').nth(1)
    spec = _spec(seeded)
    assert _check(seeded, "0.5 m/s") == "Enter your seed (1–200) first."
    seeded.locator('input[type="number"]').fill("3")
    text, shown, _value, _params = spec["variant"]["rows"][2]
    assert seeded.locator("output").inner_text() == text
    assert _check(seeded, f"{shown} m/s").startswith("Correct")

    symbolic = page.locator('.sciedu-live[data-sciedu-live="notebook-only"]')
    assert "checked in the notebook" in symbolic.inner_text()
    assert symbolic.locator("a").get_attribute("href").endswith("live-speed-en.ipynb")

    prediction = page.locator('.sciedu-live[data-sciedu-live="prediction"]')
    reveal = prediction.locator('button[data-step="reveal"]')
    assert reveal.is_disabled()
    prediction.locator("textarea").first.fill("It halves, because the same distance takes twice as long.")
    prediction.locator('button[data-step="record"]').click()
    assert _feedback(prediction)[0] == "recorded"
    reveal.click()
    kind, message = _feedback(prediction)
    assert kind == "revealed" and "It halves" in message and "The speed halves: 2 ÷ 8 = 0.25 m/s." in message
    page.reload()
    _ready(page)
    prediction = page.locator('.sciedu-live[data-sciedu-live="prediction"]')
    kind, message = _feedback(prediction)
    assert kind == "revealed" and "Your prediction: It halves" in message and "What happened: The speed halves" in message
    assert prediction.locator("textarea").first.input_value().startswith("It halves")
    stored = page.evaluate("() => Object.keys(localStorage)")
    assert any("slower-car" in key for key in stored)

    if viewport == "phone":  # nothing wider than the screen
        too_wide = page.evaluate("""() => [...document.querySelectorAll('.sciedu-live, .sciedu-live *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.tagName)""")
        assert too_wide == []
    assert _left_the_site(page, url) == []
    assert page.errors == []  # type: ignore[attr-defined]
    context.close()


def _check(box, text: str) -> str:
    box.locator('input[type="text"]').fill(text)
    box.locator('input[type="text"]').press("Enter")
    return _feedback(box)[1]


def test_keyboard_only(chromium, live_site) -> None:
    url, _folder = live_site
    context, page = _open(chromium)
    page.goto(f"{url}/activities/{LIVE}/index.html")
    _ready(page)
    answer = page.locator('.sciedu-live[data-sciedu-live="quantity"]').first
    field = answer.locator('input[type="text"]')
    field.focus()
    page.keyboard.type("0.5 米/秒")
    page.keyboard.press("Enter")
    assert _feedback(answer) == ("correct", "正确！")
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.press("Tab")  # to the Check button
    assert page.evaluate("() => document.activeElement.tagName") == "BUTTON"
    page.keyboard.press("Space")
    assert _feedback(answer)[0] == "empty"

    choice = page.locator('.sciedu-live[data-sciedu-live="choice"]')
    choice.locator('input[type="radio"]').first.focus()
    page.keyboard.press("ArrowDown")  # radio group: arrows move the choice
    assert choice.locator('input[type="radio"]').nth(1).is_checked()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert _feedback(choice)[0] == "correct"
    assert _left_the_site(page, url) == []
    context.close()


def test_works_from_file_url(chromium, live_site) -> None:
    """A site folder opened from a USB stick: no fetch(), the unit table comes in by a script tag."""
    _url, folder = live_site
    context, page = _open(chromium)
    page.goto((folder / "en" / "activities" / LIVE / "index.html").as_uri())
    _ready(page)
    answer = page.locator('.sciedu-live[data-sciedu-live="quantity"]').first
    assert _check(answer, "1.8 km/h") == "Correct!"
    choice = page.locator('.sciedu-live[data-sciedu-live="choice"]')
    choice.get_by_label("C. 8 m/s").check()
    choice.locator("button").click()
    assert "A longer time means a higher speed." in _feedback(choice)[1]
    assert [u for u in page.requests if not u.startswith(("file://", "data:", "blob:"))] == []
    context.close()


@pytest.mark.parametrize("activity", BUNDLED)
def test_every_widget_is_live_or_labelled_static(chromium, repo_site: str, activity: str) -> None:
    """No control that looks live and does nothing: an interact is explorable (its controls swap precomputed
    states) or its frozen view says it is a static picture."""
    context, page = _open(chromium)
    page.goto(f"{repo_site}/en/activities/{activity}/index.html")
    widgets = page.locator(".sciedu-widget")
    for index in range(widgets.count()):
        widget = widgets.nth(index)
        if "sciedu-explore" in (widget.get_attribute("class") or ""):
            assert widget.locator(".sciedu-explore-note").inner_text().startswith("Live:")
            assert widget.locator("input:not([disabled]), select:not([disabled])").count() >= 1
        else:
            note = widget.locator(".sciedu-widget-note")
            assert note.is_visible() and note.inner_text().startswith("Static picture")
            assert widget.locator("input, button, select").filter(visible=True).count() == 0
    assert "Answer Check" not in page.locator("article").inner_text()
    assert _left_the_site(page, repo_site) == []
    context.close()


@pytest.mark.parametrize("activity", BUNDLED)
def test_each_slider_of_each_explorable_shows_its_precomputed_state(chromium, repo_site: str, activity: str) -> None:
    """Move every slider and change every option of every live interact: the output becomes the state the
    build computed for those values (read from the page's own states file)."""
    for prefix in ("", "en/"):
        context, page = _open(chromium)
        page.goto(f"{repo_site}/{prefix}activities/{activity}/index.html")
        explorables = page.locator(".sciedu-explore")
        for index in range(explorables.count()):
            widget = explorables.nth(index)
            for control in widget.locator("[data-control]").all():
                _step(page, control)
                page.wait_for_function("w => w.hasAttribute('data-state')", arg=widget.element_handle())
                expected = page.evaluate(_EXPECTED_STATE, widget.element_handle())
                assert expected["shown"] == expected["stored"], (activity, prefix, expected)
                page.wait_for_function("w => Array.from(w.querySelectorAll('.sciedu-explore-output img')).every(i => i.complete && i.naturalWidth > 0)",
                                       arg=widget.element_handle())
        assert page.errors == [] and _left_the_site(page, repo_site) == []
        context.close()


_EXPECTED_STATE = """w => {
  const states = window.SCIEDU_STATES[w.getAttribute('data-states-id')];
  const where = Array.from(w.querySelectorAll('[data-control]')).map(c => c.type === 'checkbox' ? (c.checked ? 1 : 0) : parseInt(c.value, 10));
  let index = 0; where.forEach((p, i) => { index = index * states.sizes[i] + p; });
  const shown = Array.from(w.querySelector('.sciedu-explore-output').children).map(n => parseInt(n.getAttribute('data-blob'), 10));
  const images = Array.from(w.querySelectorAll('.sciedu-explore-output img')).map(img => img.complete && img.naturalWidth > 0);
  return {index, stored: states.states[index], shown, images_drawn: images.every(Boolean)};
}"""


def _step(page, control) -> None:
    """Change one control the way a student would: a slider one step to the right, a select to its next
    option, a checkbox toggled."""
    kind = control.get_attribute("type") or control.evaluate("c => c.tagName.toLowerCase()")
    if kind == "range":
        control.focus()
        page.keyboard.press("End" if control.get_attribute("value") == "0" else "Home")
    elif kind == "select":
        options = control.locator("option").count()
        control.select_option(index=(int(control.input_value()) + 1) % options)
    else:
        control.click()


def test_explorable_on_the_fixture_by_keyboard_touch_and_from_file(chromium, live_site) -> None:
    url, folder = live_site
    for target in (f"{url}/en/activities/{LIVE}/index.html", (folder / "en" / "activities" / LIVE / "index.html").as_uri()):
        for viewport in VIEWPORTS:
            context, page = _open(chromium, viewport)
            page.goto(target)
            widget = page.locator(".sciedu-explore").first
            assert widget.locator("pre").first.inner_text().strip() == "4.0 s: 0.50 m/s"  # the initial state, before any script
            slider = widget.locator('input[type="range"]')
            slider.focus()
            for _ in range(8):
                page.keyboard.press("ArrowRight")  # 4.0 → 8.0 s in steps of 0.5
            page.wait_for_function("w => w.getAttribute('data-state') === '14'", arg=widget.element_handle())
            assert widget.locator("pre").first.inner_text().strip() == "8.0 s: 0.25 m/s"
            assert widget.locator("output").first.inner_text() == "8.00"
            assert slider.get_attribute("aria-valuetext") == "8.00"
            page.keyboard.press("Home")
            page.wait_for_function("w => w.getAttribute('data-state') === '0'", arg=widget.element_handle())
            assert widget.locator("pre").first.inner_text().strip() == "1.0 s: 2.00 m/s"
            assert page.errors == []
            assert [u for u in page.requests if not u.startswith((url, "file://", "data:", "blob:"))] == []
            context.close()
