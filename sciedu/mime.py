"""The MIME types sciedu reads in notebook outputs and metadata, named once."""

#: ipywidgets' saved widget state (notebook metadata) and one widget's view (a cell output).
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
#: Image outputs a figure can have; each needs alt text on the site.
IMAGE_TYPES = ("image/png", "image/jpeg", "image/svg+xml", "image/gif")
