"""The one owner of cache keys: every entry kept in .cache/ is named by `Key(...).hexdigest()`.

A key is made from everything that shapes the cached output:

- the **code** that computes it: the source files of the named modules and of every `tools.`
  module they import, transitively (read from each file's import statements, function-level
  imports included), plus the `__init__.py` of their packages. `code` is a required argument, so
  a new cache cannot forget it;
- the **libraries** it calls: their installed versions (`importlib.metadata`), and always
  Python's version;
- its **settings**: any options that change the output (a variant, a date, a flag);
- its **inputs**: the bytes it is computed from, added with `add`, `add_text` or `add_file`.

Granularity: the import closure of the module that computes an output, not the whole `tools/`
package. Hashing all of `tools/` (≈ 400 kB) would be just as cheap and would never miss an import,
but then any edit anywhere would throw away every printed PDF, the slowest output to remake;
with the closure, editing a page writer leaves the PDF cache alone (its pages are its inputs) and
editing the PDF module reprints them all. The closure is complete as long as `tools/` imports its
own modules by name (`import tools.x` or `from tools.x import y`; no relative or dynamic
imports: `tests/test_cachekey.py` checks that), and holds no data files besides its `.py` files.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
import json
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = "tools"
WHOLE_PACKAGE = "tools.*"  # as `code`: every .py file under tools/ (the docs build, which runs nearly all of it)


def module_file(name: str, repo: Path = REPO) -> Path | None:
    """The source file of module `name` ("tools.site.search_index") under `repo`, or None."""
    base = repo.joinpath(*name.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def _imported(path: Path) -> set[str]:
    """Names of the `tools.` modules a file imports (anywhere in it), and their parent packages."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)  # `from tools.x import module`
    found = set()
    for name in names:
        parts = name.split(".")
        if parts[0] != PACKAGE:
            continue
        for depth in range(1, len(parts) + 1):
            found.add(".".join(parts[:depth]))
    return found


def module_files(modules: Iterable[str], repo: Path = REPO) -> list[Path]:
    """The files of `modules` and of every tools module they import, transitively; sorted."""
    modules = tuple(modules)
    if WHOLE_PACKAGE in modules:
        return sorted(path for path in (repo / PACKAGE).rglob("*.py") if "__pycache__" not in path.parts)
    seen: dict[str, Path] = {}
    pending = list(modules)
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        path = module_file(name, repo)
        if path is None:
            if name in modules:
                raise ValueError(f"cache key: no module {name} under {repo}")
            continue  # `from tools.x import attribute`: not a module
        seen[name] = path
        pending.extend(_imported(path) - seen.keys())
        pending.extend(".".join(name.split(".")[:depth]) for depth in range(1, name.count(".") + 1))
    return sorted(set(seen.values()))


@functools.cache
def code_digest(modules: tuple[str, ...], repo: Path = REPO) -> str:
    """A digest of the source of `modules` and their transitive tools imports."""
    digest = hashlib.sha256()
    for path in module_files(modules, repo):
        digest.update(path.relative_to(repo).as_posix().encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def library_versions(names: Iterable[str]) -> dict[str, str]:
    """Installed version of each distribution (absent: "-"), and Python's."""
    versions = {"python": sys.version}
    for name in names:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "-"
    return versions


class Key:
    """A cache key under construction: code, libraries and settings first, then the inputs."""

    def __init__(self, cache: str, *, code: Iterable[str], libraries: Iterable[str] = (),
                 settings: Mapping[str, object] | None = None, repo: Path = REPO):
        modules = tuple(sorted(code))
        if not modules:
            raise ValueError(f"cache key {cache}: name the modules that compute the output")
        self._digest = hashlib.sha256()
        head = {"cache": cache, "code": code_digest(modules, repo), "libraries": library_versions(sorted(libraries)),
                "settings": {str(k): str(v) for k, v in sorted((settings or {}).items())}}
        self._digest.update(json.dumps(head, sort_keys=True, ensure_ascii=False).encode() + b"\0")

    def add(self, data: bytes) -> Key:
        self._digest.update(len(data).to_bytes(8, "big") + data)
        return self

    def add_text(self, text: str) -> Key:
        return self.add(text.encode("utf-8"))

    def add_file(self, path: Path, name: str | None = None) -> Key:
        """A file's name (`name`, else its path) and content."""
        self.add_text(name if name is not None else path.as_posix())
        return self.add(hashlib.sha256(path.read_bytes()).digest())

    def add_tree(self, root: Path, pattern: str = "*") -> Key:
        """Every file under `root` matching `pattern`, by its path relative to `root`."""
        self.add_text(f"tree:{root.resolve()}")
        for path in sorted(root.rglob(pattern)) if root.exists() else []:
            if path.is_file() and "__pycache__" not in path.parts:
                self.add_file(path, path.relative_to(root).as_posix())
        return self

    def hexdigest(self, length: int = 32) -> str:
        return self._digest.hexdigest()[:length]


def requirement_names(path: Path) -> list[str]:
    """The distributions a requirements file pins (name==version lines)."""
    names = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            names.append(line.split("==", 1)[0].strip())
    return names
