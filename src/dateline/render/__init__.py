"""Output: records as JSON, JSON Lines, a text digest or Markdown."""

from dateline.render.digest import render_markdown, render_text

__all__ = ["render_markdown", "render_text"]
