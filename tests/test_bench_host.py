"""bench/host.py serves as a static host does: gzip for text, a year's cache for assets, revalidation for HTML."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request

import pytest

from bench.host import ASSET_CACHE, HTML_CACHE, serve_static


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    (site / "page").mkdir()
    (site / "page" / "index.html").write_text("<!doctype html><title>t</title>" + "文" * 2000, encoding="utf-8")
    (site / "style.css").write_text("p { color: red; }\n" * 200, encoding="utf-8")
    (site / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))
    with serve_static(site) as url:
        yield url


def fetch(url: str, **headers: str):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, b""


def test_html_is_compressed_and_revalidated(base):
    status, headers, body = fetch(f"{base}/page/", **{"Accept-Encoding": "gzip, br"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Cache-Control"] == HTML_CACHE
    assert gzip.decompress(body).decode("utf-8").endswith("文")
    again, _, _ = fetch(f"{base}/page/", **{"Accept-Encoding": "gzip", "If-None-Match": headers["ETag"]})
    assert again == 304


def test_assets_are_kept_and_only_text_is_compressed(base):
    _, css, body = fetch(f"{base}/style.css", **{"Accept-Encoding": "gzip"})
    assert css["Content-Encoding"] == "gzip" and css["Cache-Control"] == ASSET_CACHE
    assert len(body) < 200
    _, png, _ = fetch(f"{base}/image.png", **{"Accept-Encoding": "gzip"})
    assert png["Content-Encoding"] is None and png["Cache-Control"] == ASSET_CACHE


def test_no_compression_unless_asked(base):
    _, headers, body = fetch(f"{base}/style.css")
    assert headers["Content-Encoding"] is None and body.startswith(b"p { color")
