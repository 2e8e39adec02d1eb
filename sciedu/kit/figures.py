"""Figures that stay sharp on a projector and light on a phone: SVG from the inline backend.

Why SVG: a line chart or a drawn model is a few hundred vector paths. As SVG it is smaller than the PNG of the
same chart (10–40 KB, and 3–4× less again gzip-served) and sharp at any zoom, where an 80 dpi PNG blurs on a
projector and a 144 dpi PNG is 2–3× heavier. Text is drawn as paths, so Chinese labels need no font on the
reader's machine. Two settings make the SVG byte-identical from run to run (the build caches it and nbval
compares it): no date in the file's metadata, and a fixed salt for the ids matplotlib gives clip paths.

    from sciedu.kit import sharp_figures
    sharp_figures()          # in the notebook's first code cell, after importing matplotlib

Outside a Jupyter kernel (a plain ``python`` run, a test) only the matplotlib settings apply.
"""

from __future__ import annotations

#: The salt matplotlib mixes into SVG element ids; any fixed string makes the ids repeatable.
HASH_SALT = "sciedu"

#: Fonts with Chinese glyphs, tried in this order after DejaVu Sans: Debian's fonts-wqy-microhei (what sciedu's CI
#: installs), then the usual ones on Linux, Windows and macOS. ``font.family`` is the list itself, so matplotlib
#: (3.6+) falls back glyph by glyph: Latin letters, digits and symbols from DejaVu Sans, Chinese from the first
#: CJK font. (WenQuanYi Micro Hei first drew ℃ as an empty glyph; DejaVu Sans has it.)
CJK_FONTS = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimHei",
             "PingFang SC", "Heiti SC")


def sharp_figures(*, width: float = 6.4, height: float = 4.0) -> None:
    """Draw every later inline figure as deterministic SVG, ``width`` × ``height`` inches by default."""
    import matplotlib

    matplotlib.rcParams["svg.hashsalt"] = HASH_SALT
    matplotlib.rcParams["svg.fonttype"] = "none"
    matplotlib.rcParams["figure.figsize"] = (width, height)
    matplotlib.rcParams["font.family"] = ["DejaVu Sans", *installed_cjk_fonts()]
    try:
        from IPython import get_ipython
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:  # pragma: no cover - the kit's notebooks always run in IPython
        return
    if get_ipython() is not None:
        set_matplotlib_formats("svg", metadata={"Date": None})


def installed_cjk_fonts() -> list[str]:
    """The fonts of :data:`CJK_FONTS` this machine has (naming a missing one makes matplotlib print warnings)."""
    from matplotlib import font_manager

    names = {font.name for font in font_manager.fontManager.ttflist}
    return [name for name in CJK_FONTS if name in names]
