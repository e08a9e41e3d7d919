"""Architecture rules, read from every module's imports (module level and inside functions,
``TYPE_CHECKING`` blocks included):

- the core (``storage/``, ``sync/``) never imports Qt;
- imports point down only: ``desktop`` -> ``ui`` -> ``sync`` -> ``storage``;
- inside ``sync/`` they point down too: ``errors`` (the root) <- ``wire`` <- ``age``,
  ``signing`` <- ``trust`` <- ``bundle``, ``knowledge`` <- ``handover``, ``report``;
- there is no import circle anywhere in the four packages;
- developer tools (``devtools/``, ``tests/``, ``benchmarks/``) are never imported by them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = {"storage": 0, "sync": 1, "ui": 2, "desktop": 3}
#: The order of sync's subpackages (and its root modules): an import may not point to a
#: higher rank. Equal ranks may import each other as long as no circle forms.
SYNC_ORDER = {
    "sync": 0,  # sync/__init__.py and sync/errors.py
    "sync.wire": 1,
    "sync.age": 2,
    "sync.signing": 2,
    "sync.trust": 3,
    "sync.bundle": 4,
    "sync.knowledge": 4,
    "sync.handover": 5,
    "sync.report": 5,
    "sync.team": 6,
}
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
DEV_ONLY = ("devtools", "tests", "benchmarks", "scripts")


def module_name(path: Path, root: Path) -> str:
    name = ".".join(path.relative_to(root).with_suffix("").parts)
    return name.removesuffix(".__init__")


def all_modules(root: Path = ROOT) -> dict[str, Path]:
    return {
        module_name(p, root): p
        for layer in LAYERS
        for p in sorted((root / layer).rglob("*.py"))
        if "__pycache__" not in p.parts
    }


def imported_names(
    path: Path, name: str, is_package: bool, modules: frozenset[str] = frozenset()
) -> list[str]:
    """What each import statement in ``path`` loads, at any depth: ``from a import b`` names
    ``a.b`` when that is one of ``modules``, else ``a``. (A package's ``__init__`` that runs
    because one of its submodules is imported is not counted: every form does that.)"""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = name.split(".") if is_package else name.split(".")[:-1]
                parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*parts, base] if base else parts)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                names.append(sub if sub in modules else base)
    return names


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    """Module -> the modules of the four packages it imports."""
    modules = all_modules(root)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found = imported_names(path, name, path.name == "__init__.py", frozenset(modules))
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def sync_rank(module: str) -> int:
    parts = module.split(".")
    if len(parts) >= 2 and ".".join(parts[:2]) in SYNC_ORDER:
        return SYNC_ORDER[".".join(parts[:2])]
    return SYNC_ORDER["sync"]


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    found = []
    for source, targets in graph.items():
        for target in targets:
            s_layer, t_layer = LAYERS[source.split(".")[0]], LAYERS[target.split(".")[0]]
            if t_layer > s_layer:
                found.append(f"{source} -> {target} (up a layer)")
            elif source.startswith("sync") and target.startswith("sync"):
                if sync_rank(target) > sync_rank(source):
                    found.append(f"{source} -> {target} (up within sync/)")
    return sorted(found)


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph()


@pytest.mark.parametrize("layer", ["storage", "sync"])
def test_core_never_imports_qt(layer: str) -> None:
    modules = [(n, p) for n, p in all_modules().items() if n.split(".")[0] == layer]
    offenders = [
        f"{name} imports {imported}"
        for name, path in modules
        for imported in imported_names(path, name, path.name == "__init__.py")
        if imported.split(".")[0] in QT_MODULES
    ]
    assert modules, f"{layer}/ has no modules"
    assert offenders == []


def test_imports_point_down_only(graph: dict[str, set[str]]) -> None:
    assert len(graph) > 150  # the walk found the tree
    assert upward_imports(graph) == []


def test_no_import_circles(graph: dict[str, set[str]]) -> None:
    assert circles(graph) == []


def test_shipped_packages_never_import_developer_tools() -> None:
    offenders = [
        f"{name} imports {imported}"
        for name, path in all_modules().items()
        for imported in imported_names(path, name, path.name == "__init__.py")
        if imported.split(".")[0] in DEV_ONLY
    ]
    assert offenders == []


def test_sync_order_names_every_subpackage() -> None:
    packages = {p.parent for p in (ROOT / "sync").rglob("__init__.py")} - {ROOT / "sync"}
    named = {module_name(p / "__init__.py", ROOT) for p in packages}
    assert named == set(SYNC_ORDER) - {"sync"}


# ---------------------------------------------------------------- the checks can fail


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for layer in LAYERS:
        (tmp_path / layer).mkdir()
        (tmp_path / layer / "__init__.py").write_text("", encoding="utf-8")
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_a_circle_through_a_function_level_import_is_found(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "storage/a.py": "from storage.b import x\n",
            "storage/b.py": "def f():\n    from storage import a\n    return a\nx = 1\n",
        },
    )
    assert circles(import_graph(root)) == [["storage.a", "storage.b"]]


def test_a_circle_through_type_checking_is_found(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "ui/a.py": "from ui.b import B\n",
            "ui/b.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
            "    from ui.a import A\nB = 1\n",
        },
    )
    assert circles(import_graph(root)) == [["ui.a", "ui.b"]]


def test_upward_imports_are_found(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "storage/x.py": "def f():\n    import ui.w\n",
            "ui/w.py": "",
            "sync/wire/__init__.py": "",
            "sync/wire/f.py": "from sync.bundle import m\n",
            "sync/bundle/__init__.py": "",
            "sync/bundle/m.py": "from ..wire.f import g\n",
        },
    )
    assert upward_imports(import_graph(root)) == [
        "storage.x -> ui.w (up a layer)",
        "sync.wire.f -> sync.bundle.m (up within sync/)",
    ]


def test_guard_catches_a_qt_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert imported_names(bad, "bad", False) == ["PySide6.QtCore"]
