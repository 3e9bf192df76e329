"""The boundaries: pure domain modules do no I/O (they import neither the store, the web stack
nor the CLI); the CLI is thin; one error document; one territory parser."""

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
    "errors.py",
    "territories.py",
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


CLI = PACKAGE / "cli"
#: The CLI's shared modules; every other module in standing/cli is a group of commands.
CLI_SHARED = {"__init__.py", "acting.py", "database.py", "moments.py", "output.py", "progress.py"}
CLI_SHARED |= {"root.py"}
CLI_SHARED |= {"reference.py"}  # renders docs/cli.md from the app


def cli_command_modules() -> list[Path]:
    return sorted(p for p in CLI.glob("*.py") if p.name not in CLI_SHARED)


@pytest.mark.parametrize("path", sorted(CLI.glob("*.py")), ids=lambda p: p.name)
def test_only_the_cli_database_module_speaks_sqlalchemy(path: Path) -> None:
    if path.name == "database.py":
        return
    bad = {n for n in imports(path) if n.startswith(("sqlalchemy", "standing.store"))}
    assert not bad, f"cli/{path.name} imports {sorted(bad)}: use a service"


@pytest.mark.parametrize("path", cli_command_modules(), ids=lambda p: p.name)
def test_cli_commands_are_module_level(path: Path) -> None:
    """A module-level Typer ``app`` per command module, commands defined at module level."""
    tree = ast.parse(path.read_text())
    assigned = {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    assert "app" in assigned, f"cli/{path.name} has no module-level `app`"
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node not in tree.body:
            assert not node.decorator_list, f"cli/{path.name}: {node.name} is not module-level"


def _error_envelopes(tree: ast.AST) -> list[int]:
    """Lines of dict displays shaped ``{"error": {"code": ..., ...}}``."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Dict):
            continue
        for key, value in zip(node.keys, node.values, strict=True):
            inner = value.keys if isinstance(value, ast.Dict) else []
            if (
                isinstance(key, ast.Constant)
                and key.value == "error"
                and any(isinstance(k, ast.Constant) and k.value == "code" for k in inner)
            ):
                lines.append(node.lineno)
    return lines


def test_only_errors_builds_the_error_document() -> None:
    built = {
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "errors.py" or path.parent != PACKAGE
        for line in _error_envelopes(ast.parse(path.read_text()))
    }
    assert not built, f"error documents built outside standing.errors.error_document: {built}"


def test_every_error_is_a_standing_error() -> None:
    from standing.errors import CheckError, DatabaseProblem, StandingError
    from standing.territories import InvalidTerritory

    for error in (CheckError, DatabaseProblem, InvalidTerritory):
        assert issubclass(error, StandingError)
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "errors.py" and path.parent == PACKAGE:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ClassDef) and node.name in ("CheckError", "DatabaseProblem"):
                raise AssertionError(f"{path.relative_to(PACKAGE)} defines {node.name}")


TERRITORY_READERS = [
    "cli/decisions.py",
    "cli/gate.py",
    "decisions/service.py",
    "gate/core.py",
    "web/api/check.py",
    "web/api/standing.py",
    "web/ui/desk.py",
]


def _territory_messages(tree: ast.AST) -> list[int]:
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and "is not an ISO 3166-1 alpha-2" in node.value
    ]


def test_one_territory_parser() -> None:
    for name in TERRITORY_READERS:
        assert "standing.territories" in imports(PACKAGE / name), name
    elsewhere = {
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "territories.py"
        for line in _territory_messages(ast.parse(path.read_text()))
    }
    assert not elsewhere, f"territory codes parsed outside standing.territories: {elsewhere}"


@pytest.mark.parametrize("path", cli_command_modules(), ids=lambda p: p.name)
def test_cli_command_modules_share_only_the_shared_modules(path: Path) -> None:
    shared = {f"standing.cli.{name.removesuffix('.py')}" for name in CLI_SHARED}
    bad = {n for n in imports(path) if n.startswith("standing.cli.") and n not in shared}
    assert not bad, f"cli/{path.name} imports the commands of {sorted(bad)}"
