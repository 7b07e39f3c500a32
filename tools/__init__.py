"""Conversion pipeline: raw plan texts → normalized document model → Markdown in docs/."""
