"""The data flows one way: store never imports the UI or Textual, and the UI never writes SQL."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN_IN_STORE = ("factcheck_tui.tui", "textual", "rich")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
    return names


def forbidden(module: str) -> bool:
    return any(module == f or module.startswith(f + ".") for f in FORBIDDEN_IN_STORE)


def test_store_never_imports_the_ui_or_textual():
    offenders = {
        str(p.relative_to(ROOT)): sorted(m for m in imported_modules(p) if forbidden(m))
        for p in (ROOT / "store").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_import_linter_contract_holds():
    from importlinter.cli import lint_imports

    assert lint_imports(config_filename=str(ROOT / "pyproject.toml")) == 0


SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE)\b[^\n]*\b(FROM|INTO|SET|WHERE)\b")


def test_the_ui_writes_no_sql():
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "tui").rglob("*.py") if SQL.search(p.read_text("utf-8"))]
    assert offenders == []
