"""sciedu: write a science activity once; get student and teacher notebooks, checks and an offline site."""

import sys

__version__ = "0.1.0"

# jsonschema (nbformat's validator) imports rfc3987_syntax when it is installed (jupyterlab's
# jupyter_events pulls it in), and that module compiles 38 lark grammars at import time: 1.1 CPU-seconds
# in every sciedu command and execution worker. It only checks the "iri" string formats, which no
# notebook or sciedu schema uses; without it jsonschema skips those formats. `sciedu lab` runs
# JupyterLab in its own process, where it is imported as usual.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
