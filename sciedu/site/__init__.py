"""The site: notebooks → Markdown pages and a nav per language → ``mkdocs build --strict`` → ``build/site``.

Generation writes plain Markdown and a plain mkdocs config (no MkDocs plugins of our own), so moving to
another generator that reads ``mkdocs.yml`` stays cheap.
"""
