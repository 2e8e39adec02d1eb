"""Cap what a cell may store: an executed notebook with huge outputs is cut, with a note where it was cut.

A cell that prints in a loop or draws a huge image would make the notebook, the page and the class pack
megabytes large. Per code cell, text outputs keep at most ``MAX_TEXT`` characters and images at most
``MAX_IMAGE`` bytes (base64); what is left out is replaced by one clear note, and the cell is reported.
"""

from __future__ import annotations

import copy

import nbformat

MAX_TEXT = 200_000
MAX_IMAGE = 5_000_000
NOTE = ("[sciedu: output truncated. This cell produced {text:,} characters of text and {image:,} bytes of images; "
        "a page keeps at most {max_text:,} characters and {max_image:,} bytes per cell.]\n")


def _sizes(output: nbformat.NotebookNode) -> tuple[int, int]:
    """(characters of text, bytes of images) in one output."""
    kind = output.get("output_type")
    if kind == "stream":
        return len(_joined(output.get("text", ""))), 0
    if kind == "error":
        return sum(len(line) for line in output.get("traceback", [])), 0
    text = image = 0
    for mime, value in output.get("data", {}).items():
        size = len(_joined(value)) if isinstance(value, (str, list)) else len(str(value))
        if mime.startswith("image/"):
            image += size
        else:
            text += size
    return text, image


def _joined(value: str | list[str]) -> str:
    return value if isinstance(value, str) else "".join(value)


def merge_streams(nb: nbformat.NotebookNode) -> tuple[nbformat.NotebookNode, bool]:
    """``nb`` with each run of consecutive stream outputs of one name (stdout, stderr) joined into one output, and
    whether anything was joined. How a kernel splits one cell's printing into messages depends on timing, so
    without this two builds could store, and show, the same text as one block or as two."""
    changed = False
    for cell in nb.cells:
        outputs = cell.get("outputs") if cell.cell_type == "code" else None
        if not outputs or len(outputs) < 2:
            continue
        merged: list[nbformat.NotebookNode] = []
        for output in outputs:
            last = merged[-1] if merged else None
            if (last is not None and output.get("output_type") == "stream" and last.get("output_type") == "stream"
                    and output.get("name") == last.get("name")):
                last["text"] = _joined(last.get("text", "")) + _joined(output.get("text", ""))
                changed = True
            else:
                merged.append(output)
        cell.outputs = merged
    return nb, changed


def cap_outputs(nb: nbformat.NotebookNode, max_text: int = MAX_TEXT,
                max_image: int = MAX_IMAGE) -> tuple[nbformat.NotebookNode, list[str]]:
    """A copy of ``nb`` with every cell's outputs within the caps, and the ids of the cells that were cut."""
    out = copy.deepcopy(nb)
    cut: list[str] = []
    for cell in out.cells:
        if cell.cell_type != "code":
            continue
        sizes = [_sizes(o) for o in cell.get("outputs", [])]
        total_text, total_image = sum(s[0] for s in sizes), sum(s[1] for s in sizes)
        if total_text <= max_text and total_image <= max_image:
            continue
        kept, text_left, image_left = [], max_text, max_image
        for output, (text, image) in zip(cell.outputs, sizes, strict=True):
            if text <= text_left and image <= image_left:
                kept.append(output)
                text_left, image_left = text_left - text, image_left - image
                continue
            if output.get("output_type") == "stream" and image == 0 and text_left > 0:
                kept.append(nbformat.v4.new_output("stream", name=output.get("name", "stdout"),
                                                   text=_joined(output.get("text", ""))[:text_left]))
            break
        note = NOTE.format(text=total_text, image=total_image, max_text=max_text, max_image=max_image)
        kept.append(nbformat.v4.new_output("stream", name="stderr", text="\n" + note))
        cell.outputs = kept
        cut.append(cell.get("id", ""))
    return out, cut
