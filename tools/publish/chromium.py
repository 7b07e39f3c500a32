"""Debian's headless Chromium, as the tests, the benchmark and print-to-PDF launch it.

Never a downloaded browser: there is no network for one. `make test` installs the
Debian packages chromium and chromium-driver.
"""

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
