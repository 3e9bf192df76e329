"""DSA export: records built, validated against the database's rules and searched for personal
data, per second (pure: no database), and the validation alone per record.

    python bench/dsa_export.py [--decisions 2000] [--accounts 25]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from typing import Any

import orjson
from rich.console import Console
from rich.table import Table

from standing.transparency.dsa import dsa_records
from standing.transparency.dsa_schema import validate_record


def statement(i: int, accounts: int, rng: random.Random) -> dict[str, Any]:
    persons = [f"Person {rng.randrange(10**6)} Example" for _ in range(3)]
    return {
        "decision_id": f"dec-{i:016x}",
        "policy_version": "2026.11+abcdef12",
        "issued_at": "2026-03-01T00:00:00+00:00",
        "territorial_scope": rng.choice([[], ["DE", "FR"], ["US", "NL"]]),
        "restricted": [{"capability": "ads.promote"}, {"capability": "payments.receive"}],
        "ground": {"type": "legal_obligation", "reference": "Council Regulation (EU) 269/2014"},
        "rule": {"id": "sanctioned-party", "title": "Parties subject to financial sanctions"},
        "starts_at": "2026-03-01T00:00:00+00:00",
        "ends_at": rng.choice([None, "2027-03-01T00:00:00+00:00", "2040-01-01T00:00:00+00:00"]),
        "automated_detection": True,
        "automated_decision": False,
        "affected": {
            "accounts": [
                {
                    "id": f"acct-{i}-{a}",
                    "capabilities": ["ads.promote", "payments.receive"],
                    "holder": rng.choice(["person", "organisation"]),
                    "since": "2015-06-01",
                }
                for a in range(accounts)
            ]
        },
        "transparency": {
            "public_facts": "The advertiser is designated under entry EU.1234.56 of the "
            "consolidated list of persons subject to EU financial sanctions. " * 4,
            "legal_ground": {
                "id": "eu-269-2014",
                "act": "Council Regulation (EU) No 269/2014, article 2",
                "european": True,
            },
            "category": "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY",
            "category_addition": [],
            "keywords": ["KEYWORD_OTHER"],
            "content_language": "EN",
            "source_type": "SOURCE_TYPE_OTHER_NOTIFICATION",
            "source_identity": "European Commission (FISMA)",
            "personal_data": persons,
            "automated_decision": "PARTIALLY",
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--decisions", type=int, default=2000)
    parser.add_argument("--accounts", type=int, default=25)
    args = parser.parse_args()
    rng = random.Random(11)
    statements = [statement(i, args.accounts, rng) for i in range(args.decisions)]
    runs = []
    records: list[dict[str, Any]] = []
    for _ in range(3):
        start = time.perf_counter()
        records = [r for s in statements for r in dsa_records(s, base_url="https://a.example")]
        runs.append(time.perf_counter() - start)
    best = min(runs)
    start = time.perf_counter()
    for r in records:
        validate_record(r)
    validate_s = time.perf_counter() - start
    result = {
        "decisions": args.decisions,
        "records": len(records),
        "records_per_s": round(len(records) / best),
        "median_run_s": round(statistics.median(runs), 3),
        "validate_us_per_record": round(validate_s / len(records) * 1e6, 2),
        "bytes_per_record": round(sum(len(orjson.dumps(r)) for r in records) / len(records)),
    }
    sys.stdout.write(orjson.dumps(result, option=orjson.OPT_INDENT_2).decode() + "\n")
    table = Table(title="DSA export (build + validate + personal-data check)")
    table.add_column("figure")
    table.add_column("value", justify="right")
    for key, value in result.items():
        table.add_row(key, str(value))
    Console(stderr=True).print(table)


if __name__ == "__main__":
    main()
