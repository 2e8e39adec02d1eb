"""The execution cache key covers what a kernel can see, and cached outputs join fresh Markdown."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from sciedu.execute import Job, join, join_text
from sciedu.exporters import dumps


def _nb(*cells: nbformat.NotebookNode) -> nbformat.NotebookNode:
    nb = new_notebook(cells=list(cells))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def _key(nb: nbformat.NotebookNode) -> str:
    return Job("n", dumps(nb), Path("."), 60).cache_key


def _base() -> nbformat.NotebookNode:
    return _nb(new_markdown_cell("# Title"), new_code_cell("x = 1\nprint(x)"), new_code_cell("x + 1"))


def test_markdown_and_display_tags_do_not_change_the_key() -> None:
    base = _key(_base())
    more_text = _base()
    more_text.cells.append(new_markdown_cell("A new paragraph."))
    more_text.cells[0].source = "# Another title"
    hidden = _base()
    hidden.cells[1].metadata["tags"] = ["hide-input"]
    hidden.metadata["sciedu"] = {"lang": "en"}
    assert _key(more_text) == base
    assert _key(hidden) == base


def test_code_order_execution_tags_and_kernel_change_the_key() -> None:
    base = _key(_base())
    edited = _base()
    edited.cells[2].source = "x + 2"
    swapped = _base()
    swapped.cells[1], swapped.cells[2] = swapped.cells[2], swapped.cells[1]
    raises = _base()
    raises.cells[2].metadata["tags"] = ["raises-exception"]
    other_kernel = _base()
    other_kernel.metadata["kernelspec"]["name"] = "python3-other"
    keys = {_key(nb) for nb in (edited, swapped, raises, other_kernel)}
    assert base not in keys
    assert len(keys) == 4


def test_assets_and_timeout_change_the_key() -> None:
    text = dumps(_base())
    base = Job("n", text, Path("."), 60).cache_key
    assert Job("n", text, Path("."), 60, asset_digest="abc").cache_key != base
    assert Job("n", text, Path("."), 30).cache_key != base


def test_join_takes_fresh_markdown_and_executed_outputs() -> None:
    executed = _base()
    executed.cells[1].outputs = [new_output("stream", name="stdout", text="1\n")]
    executed.cells[1].execution_count = 1
    executed.cells[2].outputs = [new_output("execute_result", data={"text/plain": "2"}, execution_count=2)]
    executed.cells[2].execution_count = 2
    executed.metadata["language_info"] = {"name": "python"}
    fresh = _base()
    fresh.cells.insert(2, new_markdown_cell("Inserted between the code cells."))
    fresh.cells[1].metadata["tags"] = ["hide-input"]
    before = dumps(fresh)

    joined = join(fresh, executed)

    assert dumps(fresh) == before  # the input is not changed
    assert [c.cell_type for c in joined.cells] == ["markdown", "code", "markdown", "code"]
    assert joined.cells[2].source == "Inserted between the code cells."
    assert joined.cells[1].outputs[0]["text"] == "1\n"
    assert joined.cells[1].metadata["tags"] == ["hide-input"]
    assert joined.cells[3].execution_count == 2
    assert joined.metadata["language_info"] == {"name": "python"}


def test_join_refuses_notebooks_with_different_code() -> None:
    other = _base()
    other.cells[1].source = "x = 2"
    try:
        join_text(dumps(_base()), dumps(other))
    except ValueError as exc:
        assert "same code cells" in str(exc)
    else:
        raise AssertionError("join accepted different code")
