"""Teacher guides and scientist-in-school session plans, generated from one activity.

``teacher_guide`` builds the guide as Markdown sections (site page) and ``printable`` wraps any
sections into a standalone A4 HTML page. ``session_plan`` fits a run-of-show to a chosen length.
"""
