"""Where things live in the repository."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "sources"
PLANS = SOURCES / "plans"
TRANSLATIONS = SOURCES / "translations"
OPENCC_DIR = SOURCES / "opencc"
DOCS = ROOT / "docs"
