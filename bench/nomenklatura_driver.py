"""Score the labelled screening pairs with nomenklatura's matchers (bench-only).

Run by the bench virtualenv's python (see bench/setup_nomenklatura.sh), never imported by
the package: `.bench-venv/bin/python bench/nomenklatura_driver.py PAIRS.csv [ALGO...]`.
Prints one JSON document: {"algorithms": {name: [score per pair, in file order]},
"seconds": {name: total compare time}, "versions": {...}}.

Every entity gets a unique id (logic-v2 caches name analysis by entity id).
"""

from __future__ import annotations

import csv
import json
import sys
import time
from importlib.metadata import version
from typing import Any

from followthemoney import EntityProxy
from nomenklatura.matching import get_algorithm

SCHEMAS = {"Person", "Company", "Organization", "LegalEntity", "Vessel"}


def read_pairs(path: str) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines))


def entity(eid: str, schema: str, side: str, row: dict[str, str]) -> EntityProxy:
    props: dict[str, list[str]] = {"name": [n for n in row[side].split("|") if n.strip()]}
    country = row.get(f"{side}_country") or ""
    if country:
        key = "nationality" if schema == "Person" else "country"
        props[key] = country.split("|")
    dob = row.get(f"{side}_birth_date") or ""
    if dob and schema == "Person":
        props["birthDate"] = dob.split("|")
    ident = row.get(f"{side}_identifier") or ""
    if ident:
        key = "idNumber" if schema == "Person" else "registrationNumber"
        if schema == "Vessel":
            key = "imoNumber"
        props[key] = ident.split("|")
    return EntityProxy.from_dict({"id": eid, "schema": schema, "properties": props})


def main() -> None:
    path = sys.argv[1]
    names = sys.argv[2:] or ["logic-v2", "logic-v1"]
    rows = read_pairs(path)
    out: dict[str, Any] = {"algorithms": {}, "seconds": {}, "errors": {}}
    out["versions"] = {
        "nomenklatura": version("nomenklatura"),
        "followthemoney": version("followthemoney"),
        "rigour": version("rigour"),
    }
    for name in names:
        algo = get_algorithm(name)
        if algo is None:
            out["errors"][name] = "unknown algorithm"
            continue
        config = algo.default_config()
        scores: list[float] = []
        errors = 0
        start = time.perf_counter()
        for i, row in enumerate(rows):
            schema = row["schema"] if row["schema"] in SCHEMAS else "LegalEntity"
            try:
                q = entity(f"{name}-q-{i}", schema, "query", row)
                c = entity(f"{name}-c-{i}", schema, "candidate", row)
                scores.append(float(algo.compare(q, c, config).score))
            except Exception:  # a pair nomenklatura cannot score counts as a non-match
                errors += 1
                scores.append(0.0)
        out["seconds"][name] = round(time.perf_counter() - start, 3)
        out["algorithms"][name] = scores
        out["errors"][name] = errors
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
