"""The boundaries: pure domain modules do no I/O (they import neither the store, the web stack
nor the CLI); the CLI is thin; one error document; one territory parser. The gate's rooms
import one way: model <- state and checks <- follower, sources <- build. Services depend on the
`standing.ports.Services` protocol; only the composition roots import `standing.bootstrap`.
Every write is a unit of work of its actor, and records its events through it. Services
answer in typed values, never in loose dictionaries or ORM rows."""

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
    "screening/normalize.py",
    "screening/romanize.py",
    "screening/similarity.py",
    "screening/wordlists.py",
    "guard/model.py",
    "decisions/transparency.py",
    "transparency/dsa.py",
    "transparency/dsa_schema.py",
    "transparency/aggregate.py",
    "appeals/model.py",
    "notify/events.py",
    "notify/model.py",
    "notify/messages.py",
    "notify/retry.py",
    "notify/signing.py",
    "gate/model.py",
    "gate/graph.py",
    "gate/propagate.py",
    "gate/exempt.py",
    "gate/state.py",
    "gate/core.py",
]
PURE_PACKAGES = ["screening/sources", "screening/match"]


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


#: Name comparison reads nothing but the word lists shipped with the package, through
#: `standing.screening.wordlists` (once, at import).
NAME_COMPARISON = sorted(
    [PACKAGE / "screening" / n for n in ("normalize.py", "romanize.py", "similarity.py")]
    + list((PACKAGE / "screening" / "match").glob("*.py"))
)
FILE_ACCESS = ("os", "io", "pathlib", "shutil", "tempfile", "importlib", "pickle")


@pytest.mark.parametrize("path", NAME_COMPARISON, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_name_comparison_reads_only_the_word_lists(path: Path) -> None:
    bad = {n for n in imports(path) if n.split(".")[0] in FILE_ACCESS}
    calls = {
        node.func.id
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    assert not bad and "open" not in calls, f"{path.relative_to(PACKAGE)} reads files"


#: The composition roots: they build `standing.bootstrap.Services` (or are handed one by what
#: does) and pass it to services, which see it only as `standing.ports.Services`.
COMPOSITION_ROOTS = ("bootstrap.py", "cli/", "web/", "demo/")


def non_root_modules() -> list[Path]:
    return sorted(
        path
        for path in PACKAGE.rglob("*.py")
        if not path.relative_to(PACKAGE).as_posix().startswith(COMPOSITION_ROOTS)
    )


def test_the_composition_roots_are_where_services_are_built() -> None:
    builders = {
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if "Services.build(" in path.read_text()
    }
    assert builders
    assert all(name.startswith(COMPOSITION_ROOTS) for name in builders), builders


def imports_bootstrap(path: Path) -> bool:
    names = imports(path)
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module == "standing":
            names |= {f"standing.{a.name}" for a in node.names}
    return any(n == "standing.bootstrap" or n.startswith("standing.bootstrap.") for n in names)


@pytest.mark.parametrize("path", non_root_modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_the_composition_roots_import_bootstrap(path: Path) -> None:
    where = path.relative_to(PACKAGE)
    assert not imports_bootstrap(path), f"{where} imports standing.bootstrap: use standing.ports"


def bare_writes(path: Path) -> list[int]:
    """Lines calling ``.write()`` with no actor (every write is a unit of work of one)."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "write"
        and not node.args
        and not node.keywords
    ]


def test_every_write_is_a_unit_of_work_of_its_actor() -> None:
    bare = {
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line in bare_writes(path)
    }
    assert not bare, f"services.write() without an actor: {sorted(bare)}"


#: Where an audit event is appended: the log itself and the unit of work, which attributes
#: it to its actor; a service records through ``work.record``.
APPENDERS = ("audit/", "store/unit.py")


def test_services_record_events_through_the_unit_of_work() -> None:
    appending = {
        path.relative_to(PACKAGE).as_posix()
        for path in sorted(PACKAGE.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.ImportFrom)
        and node.module == "standing.audit.log"
        and any(a.name == "append" for a in node.names)
    }
    assert appending
    assert all(name.startswith(APPENDERS) for name in appending), appending


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


# --- the gate, one way -----------------------------------------------------------------------

GATE = PACKAGE / "gate"
#: Each room of the gate and its layer. A module imports from lower layers only, and sideways
#: only within the layer of the state and the checks or within its own package; the one way up
#: is core's deferred delegation to build (``Gate.from_*``, ``follow``, ``save``).
GATE_LAYERS = {
    "model": 0,
    "graph": 1,
    "propagate": 1,
    "exempt": 1,
    "state": 1,
    "core": 1,
    "metrics": 1,
    "__init__": 2,
    "follower": 2,
    "sources": 2,
    "build": 3,
    "service": 4,
}
DEFERRED_UP = {("core", "build")}
#: The modules that keep and make gates use only the gate's public side.
PUBLIC_SIDE_ONLY = ["follower.py", "build.py", "sources"]


def gate_files() -> list[Path]:
    return sorted(GATE.rglob("*.py"))


def room(path: Path) -> str:
    """``sources/database.py`` -> ``sources``; ``core.py`` -> ``core``."""
    return path.relative_to(GATE).parts[0].removesuffix(".py")


def gate_imports(path: Path) -> list[tuple[str, bool]]:
    """The rooms of the gate ``path`` imports, each with whether the import is deferred (made
    inside a function)."""
    tree = ast.parse(path.read_text())
    deferred = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        for inner in ast.walk(node)
    }
    found: list[tuple[str, bool]] = []
    for node in ast.walk(tree):
        modules: list[str] = []
        if isinstance(node, ast.Import):
            modules = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module == "standing.gate":
            modules = [f"standing.gate.{a.name}" for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules = [node.module]
        for module in modules:
            if module.startswith("standing.gate."):
                found.append((module.split(".")[2], id(node) in deferred))
    return found


def test_every_room_of_the_gate_has_a_layer() -> None:
    assert {room(p) for p in gate_files()} == set(GATE_LAYERS)


@pytest.mark.parametrize("path", gate_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_gate_imports_point_one_way(path: Path) -> None:
    here = room(path)
    layer = GATE_LAYERS[here]
    for there, deferred in gate_imports(path):
        assert there in GATE_LAYERS, f"{path.relative_to(PACKAGE)} imports unknown room {there}"
        other = GATE_LAYERS[there]
        sideways = other == layer and (layer == 1 or there == here)
        up_by_delegation = deferred and (here, there) in DEFERRED_UP
        assert other < layer or sideways or up_by_delegation, (
            f"{path.relative_to(PACKAGE)} (layer {layer}) imports standing.gate.{there} "
            f"(layer {other})"
        )


@pytest.mark.parametrize("path", gate_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_gate_imports_nothing_of_the_web(path: Path) -> None:
    bad = {n for n in imports(path) if n.startswith(("standing.web", "standing.cli"))}
    assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}"


def test_the_model_imports_nothing_else_of_the_gate() -> None:
    assert not {n for n in imports(GATE / "model.py") if n.startswith("standing.gate")}


def private_uses(path: Path) -> list[str]:
    """Private members used on anything but ``self`` (``gate._swap``), and private names
    imported from the gate."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if (
            isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
        ):
            found.append(f"line {node.lineno}: .{node.attr}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("standing.gate"):
            found += [f"line {node.lineno}: {a.name}" for a in node.names if a.name[0] == "_"]
    return found


@pytest.mark.parametrize(
    "path",
    [p for p in gate_files() if p.relative_to(GATE).parts[0] in PUBLIC_SIDE_ONLY],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_what_keeps_and_makes_a_gate_uses_its_public_side(path: Path) -> None:
    assert not private_uses(path), f"{path.relative_to(PACKAGE)}: {private_uses(path)}"


#: The modules whose public functions are the use cases: they answer in typed values (frozen
#: dataclasses, domain types), never in loose dictionaries or ORM rows.
SERVICE_MODULES = sorted(
    {p.relative_to(PACKAGE).as_posix() for p in PACKAGE.glob("*/service.py")}
    | {
        "appeals/disputes.py",
        "decisions/rechecks.py",
        "decisions/verdicts.py",
        "graph/importer.py",
        "notify/deliveries.py",
        "notify/webhooks.py",
        "transparency/report.py",
        "transparency/submit.py",
    }
)
#: Answers whose shape is open by nature, each with why.
OPEN_DOCUMENTS = {
    # records in the DSA Transparency Database's schema, streamed out as the export's lines
    ("transparency/service.py", "export_dsa"),
}


def _loose(annotation: ast.expr, names: dict[str, object]) -> list[str]:
    """What in a return annotation is loose: ``dict[str, Any]`` or an ORM table class."""
    from standing.store.base import Base

    found = []
    for node in ast.walk(annotation):
        if (
            isinstance(node, ast.Subscript)
            and ast.unparse(node.value) in ("dict", "Mapping", "MutableMapping")
            and isinstance(node.slice, ast.Tuple)
            and ast.unparse(node.slice.elts[-1]) in ("Any", "typing.Any")
        ):
            found.append(ast.unparse(node))
        elif isinstance(node, ast.Name):
            value = names.get(node.id)
            if isinstance(value, type) and issubclass(value, Base):
                found.append(node.id)
    return found


def _public_returns(module: str) -> list[tuple[str, ast.expr]]:
    """Each public function of ``module`` and its return annotation."""
    tree = ast.parse((PACKAGE / module).read_text())
    return [
        (node.name, node.returns)
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and not node.name.startswith("_")
        and node.returns is not None
    ]


@pytest.mark.parametrize("module", SERVICE_MODULES)
def test_services_answer_in_typed_values(module: str) -> None:
    import importlib

    names = vars(
        importlib.import_module("standing." + module.removesuffix(".py").replace("/", "."))
    )
    loose = {
        name: found
        for name, returns in _public_returns(module)
        if (module, name) not in OPEN_DOCUMENTS and (found := _loose(returns, names))
    }
    assert not loose, f"{module}: public functions answer loosely: {loose}"


def test_the_open_documents_are_still_there() -> None:
    for module, name in OPEN_DOCUMENTS:
        assert name in dict(_public_returns(module)), (module, name)
