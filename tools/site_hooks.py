"""MkDocs hooks: build-time steps that need the built site."""

from __future__ import annotations
