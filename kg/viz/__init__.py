"""Seeing the graph: networkx conversion and a self-contained interactive HTML page."""

from kg.analysis import to_networkx
from kg.viz.page import render_html, write_html

__all__ = ["to_networkx", "render_html", "write_html"]
