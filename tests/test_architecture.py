"""Pure domain modules do no I/O: they import neither the store, the web stack nor the CLI."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "standing"
FORBIDDEN = (
    "sqlalchemy",
    "fastapi",
    "starlette",
    "uvicorn",
    "typer",
    "psycopg",
    "httpx",
    "standing.store",
    "standing.web",
    "standing.cli",
    "standing.bootstrap",
)
PURE = [
    "decisions/model.py",
    "decisions/propagation.py",
    "decisions/statement.py",
    "decisions/recheck.py",
    "dates.py",
    "graph/model.py",
    "graph/ftm.py",
    "graph/chain.py",
    "desk/model.py",
    "policies/model.py",
    "audit/chain.py",
    "audit/crosscheck.py",
    "screening/model.py",
    "guard/model.py",
    "decisions/transparency.py",
    "transparency/dsa.py",
    "transparency/dsa_schema.py",
    "transparency/aggregate.py",
    "appeals/model.py",
    "notify/events.py",
    "notify/messages.py",
    "notify/retry.py",
    "notify/signing.py",
]
PURE_PACKAGES = ["screening/sources"]


def imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def pure_files() -> list[Path]:
    files = [PACKAGE / p for p in PURE]
    for package in PURE_PACKAGES:
        files += sorted((PACKAGE / package).glob("*.py"))
    return files


@pytest.mark.parametrize("path", pure_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_pure_module_has_no_io_imports(path: Path) -> None:
    bad = {n for n in imports(path) if n.startswith(FORBIDDEN)}
    assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}"
