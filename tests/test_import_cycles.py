"""No import cycles between the catalogue's modules (``db/``).

A cycle makes the import order decide whether a name exists yet (half-initialised
modules), and it means two modules cannot be understood, tested or split apart one
without the other. The check reads the source with ``ast`` instead of importing it, so
it sees every import — at module level, inside functions and under ``TYPE_CHECKING``
alike — and runs without the application's dependencies.

``import db.a.b`` and ``from db.a import b`` depend on ``db.a.b`` (when ``b`` is a
module, else on ``db.a``) and on the packages Python initialises on the way there
(``db.a``), except the importer's own packages, which are already being imported.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def module_name(path: Path, root: Path) -> str:
    """``db/search/run.py`` → ``db.search.run``; a package's ``__init__`` is the package."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """Every module of *package* under *root* → the modules of *package* it imports."""
    paths = {module_name(path, root): path for path in sorted((root / package).rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        is_package = path.name == "__init__.py"
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets.update(_known(alias.name, paths) for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = _absolute(node, name, is_package)
                for alias in node.names:
                    submodule = f"{base}.{alias.name}"
                    targets.add(submodule if submodule in paths else _known(base, paths))
        graph[name] = {
            needed
            for target in targets
            for needed in _with_packages(target, paths)
            if not _within(name, needed)  # its own packages: already being imported
        }
    return graph


def _absolute(node: ast.ImportFrom, importer: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    parts = importer.split(".")
    if not is_package:
        parts.pop()
    if node.level > 1:
        parts = parts[: len(parts) - (node.level - 1)]
    return ".".join([*parts, node.module] if node.module else parts)


def _with_packages(module: str, modules: Mapping[str, Path]) -> Iterator[str]:
    """*module* and each package Python initialises before it (``a.b`` for ``a.b.c``)."""
    parts = module.split(".") if module else []
    for end in range(1, len(parts) + 1):
        if ".".join(parts[:end]) in modules:
            yield ".".join(parts[:end])


def _within(module: str, package: str) -> bool:
    """*package* is *module* itself or one of the packages that contain it."""
    return module == package or module.startswith(package + ".")


def _known(dotted: str, modules: Mapping[str, Path]) -> str:
    """The longest prefix of *dotted* that is one of *modules*; "" when none is."""
    parts = dotted.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return ""


def cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in graph.get(module, ()):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return sorted(found)


def test_the_catalogue_has_no_import_cycles() -> None:
    graph = import_graph(ROOT, "db")
    assert "db.search.run" in graph and "db.search.index" in graph["db.search.run"]
    assert cycles(graph) == []


def _write(root: Path, files: Mapping[str, str]) -> None:
    for relative, source in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")


@pytest.mark.parametrize(
    "b_source",
    [
        "import pkg.sub.a\n",
        "from pkg.sub import a\n",
        "from . import a\n",
        "from .a import thing\n",
        "def later():\n    from pkg.sub.a import thing\n",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..sub.a import thing\n",
    ],
)
def test_the_check_finds_a_cycle_however_it_is_written(tmp_path: Path, b_source: str) -> None:
    _write(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/sub/__init__.py": "",
            "pkg/sub/a.py": "from pkg.sub.b import other\nthing = 1\n",
            "pkg/sub/b.py": b_source + "other = 2\n",
            "pkg/c.py": "import pkg.sub.a\nimport os\n",
        },
    )
    assert cycles(import_graph(tmp_path, "pkg")) == [["pkg.sub.a", "pkg.sub.b"]]


def test_the_check_finds_a_longer_cycle_and_nothing_in_a_chain(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/a.py": "from pkg import b\n",
            "pkg/b.py": "from pkg.c import x\n",
            "pkg/c.py": "import pkg.a\nx = 1\n",
            "pkg/d.py": "from pkg import a, b, c\n",
        },
    )
    assert cycles(import_graph(tmp_path, "pkg")) == [["pkg.a", "pkg.b", "pkg.c"]]
    _write(tmp_path, {"pkg/c.py": "x = 1\n"})
    assert cycles(import_graph(tmp_path, "pkg")) == []


def test_the_check_counts_a_package_whose_init_imports_back(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/cli/__init__.py": "from pkg.cli.main import main\n",
            # main's own package pkg.cli is being imported already: not a cycle by itself
            "pkg/cli/main.py": "from pkg.cli.output import show\n"
            "def main():\n    from pkg.demo import run\n",
            "pkg/cli/output.py": "import os\nshow = print\n",
            "pkg/demo.py": "from pkg.cli.output import show\n",
        },
    )
    assert cycles(import_graph(tmp_path, "pkg")) == [["pkg.cli", "pkg.cli.main", "pkg.demo"]]


def test_a_package_re_exporting_its_modules_is_not_a_cycle(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/cli/__init__.py": "from pkg.cli.main import main\n",
            "pkg/cli/main.py": "from pkg.cli.output import show\nfrom pkg.cli import output\n",
            "pkg/cli/output.py": "show = print\n",
        },
    )
    assert cycles(import_graph(tmp_path, "pkg")) == []
