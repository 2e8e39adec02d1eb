"""sciedu: write a science activity once; get student and teacher notebooks, checks and an offline site."""

__version__ = "0.1.0"
