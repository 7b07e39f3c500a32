"""The built site served as a real static host serves it, for every benchmark that loads pages.

A plain `http.server` sends files as they are and says nothing of caching, so a browser (and
Lighthouse) would judge bytes and revalidations no host sends. Static hosts (GitHub Pages,
Netlify, a CDN in front of a bucket) compress text with gzip or brotli and say how long a
response may be kept. Here: gzip for text types when the browser accepts it (stdlib, level 9,
as hosts precompress), `Cache-Control: no-cache` with an `ETag` for HTML (the browser asks
again each time and gets a 304 when nothing changed), and a year's `max-age` for everything
else (assets, data, search index), which a host does for fingerprinted assets.

The one owner of "serve like a static host": `bench/search_cost.py` (time to the first
search result) and `bench/lighthouse.py` (Lighthouse scores) both serve through it.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

# Types a host compresses; images, fonts, PDFs, EPUBs and zips are compressed already.
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml",
                "application/atom+xml", "image/svg+xml", "application/manifest+json")
HTML_CACHE = "no-cache"  # keep, but revalidate on each visit (ETag → 304)
ASSET_CACHE = "public, max-age=31536000"  # a year, as hosts send for assets


def cache_control(content_type: str) -> str:
    return HTML_CACHE if content_type.startswith("text/html") else ASSET_CACHE


def compressible(content_type: str) -> bool:
    return content_type.startswith(COMPRESSIBLE)


@functools.lru_cache(maxsize=512)
def _gzipped(path: str, mtime_ns: int) -> bytes:
    """The file gzip-compressed, once per version of it (the server runs on a shared machine)."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=9, mtime=0)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, without a log line per request."""

    def log_message(self, *args):
        pass


class StaticHostHandler(QuietHandler):
    """Static files with a static host's compression and cache headers."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()  # directory redirects, listings and 404s as http.server does them
        content_type = self.guess_type(str(path))
        stat = path.stat()
        gzip_ok = compressible(content_type) and "gzip" in self.headers.get("Accept-Encoding", "")
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}{"-gz" if gzip_ok else ""}"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self._common_headers(content_type, etag)
            self.end_headers()
            return None
        body = _gzipped(str(path), stat.st_mtime_ns) if gzip_ok else path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        if gzip_ok:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self._common_headers(content_type, etag)
        self.end_headers()
        return io.BytesIO(body)

    def _common_headers(self, content_type: str, etag: str) -> None:
        self.send_header("Cache-Control", cache_control(content_type))
        self.send_header("ETag", etag)
        if compressible(content_type):
            self.send_header("Vary", "Accept-Encoding")



@contextmanager
def serve(site: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """The built site over http on a free local port; yields its base URL."""
    handler = functools.partial(handler_class, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def serve_static(site: Path) -> AbstractContextManager[str]:
    """The site as a static host serves it (gzip, cache headers); yields its base URL."""
    return serve(site, StaticHostHandler)


# The name the search benchmark has used since it served gzip alone.
serve_gzip = serve_static
GzipHandler = StaticHostHandler
