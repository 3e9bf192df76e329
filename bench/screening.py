"""Screening evaluation and speed benchmark (issue 4, part 6).

Usage: .venv/bin/python bench/screening.py [--no-nomenklatura] [--entries 100000] [--queries 2000]
       [--quality-only | --speed-only] [--no-rescreen] [--misses]
       [--fresh] [--fresh-only] [--fresh-pairs FILE] [--fresh-nomenklatura-only]

1. Quality on tests/data/screening_pairs.csv (see bench/make_screening_pairs.py): precision,
   recall and F1 at this engine's DEFAULT_THRESHOLD, on all pairs and on the dev/test halves,
   per category, and a calibration table (share of true matches per score band). Side by
   side on the same pairs: nomenklatura's logic-v2 and logic-v1 at 0.70, run by
   bench/nomenklatura_driver.py inside the bench-only virtualenv .bench-venv (created by
   bench/setup_nomenklatura.sh when missing).
2. Throughput: names screened per second on one core against an index of >= 100,000 entries
   (the real list entries, the rest recombined from real name parts, seeded), and whether
   the positive pairs' candidates are still found through the index among them.
3. Re-screening: time to re-screen 100,000 parties against the new and changed entries of a
   list update (an index over the parties, built once; one lookup per changed entry).
4. With --fresh: the fresh held-out organisation pairs, tests/data/org_pairs_fresh.csv
   (bench/make_org_pairs.py --split fresh), never tuned on: aggregate precision, recall and F1
   and counts per category and per script for standing and logic-v2 / logic-v1, never a pair.
   --fresh-only (implies --fresh) skips everything else; --fresh-nomenklatura-only scores them
   with logic-v2 / logic-v1 alone; --fresh-pairs reads another file of the same columns (a
   small made-up one to try the report).
5. With the quality parts: the second tuning set of organisation pairs,
   tests/data/org_pairs_tune2.csv (bench/make_org_pairs.py --split tune2: names romanised from
   Russian, Persian, Arabic, Chinese, Japanese and Korean, names in Arabic script and Han
   characters, descriptors before the name), as its own set (org_tune2_quality); --misses
   prints its errors as it does the tuning half's. Its positives are also screened through
   the index (a Screener over the real lists and the pairs' candidates): how many of those
   matched pair by pair screening returns as a match (through_index).

Wall-clock and CPU figures are both given (the machine is shared: the CPU seconds of the one
process are the steadier measure), with the load average at the time.

Prints a Rich table to stderr and one JSON document to stdout; also writes
bench/results/screening.json.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import make_screening_pairs as gen  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from standing.screening import native  # noqa: E402
from standing.screening.evaluation import (  # noqa: E402
    LabelledPair,
    by_category,
    metrics,
    pairs_matcher,
    read_pairs,
)
from standing.screening.match import DEFAULT_THRESHOLD, PartyIndex, Query, Screener  # noqa: E402
from standing.screening.model import Entry, EntryIdentifier, EntryName  # noqa: E402
from standing.screening.sources._common import detect_script  # noqa: E402

PAIRS = ROOT / "tests" / "data" / "screening_pairs.csv"
ORG_PAIRS = ROOT / "tests" / "data" / "org_pairs.csv"
ORG_FRESH_PAIRS = ROOT / "tests" / "data" / "org_pairs_fresh.csv"
ORG_TUNE2_PAIRS = ROOT / "tests" / "data" / "org_pairs_tune2.csv"
#: The previous release's speed on this machine (names/s against 100,000 entries, build s).
PREVIOUS = {"names_per_second": 444.0, "index_build_seconds": 31.9}
DATA = ROOT.parent / "shared" / "data"
NK_THRESHOLD = 0.70
SEED = 4242


# -- quality -------------------------------------------------------------------------------


def calibration(pairs: list[LabelledPair], scores: list[float]) -> list[dict[str, Any]]:
    bands = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 0.99), (0.99, 1.01)]
    out = []
    for lo, hi in bands:
        sel = [p.match for p, s in zip(pairs, scores, strict=True) if lo <= s < hi]
        out.append({
            "band": f"[{lo:.2f}, {min(hi, 1.0):.2f}{']' if hi > 1 else ')'}",
            "pairs": len(sel),
            "match_rate": round(sum(sel) / len(sel), 4) if sel else None,
        })  # fmt: skip
    return out


def run_nomenklatura(setup: bool, pairs_file: Path = PAIRS) -> dict[str, Any]:
    py = ROOT / ".bench-venv" / "bin" / "python"
    if not py.exists() and setup:
        proc = subprocess.run(
            ["bash", str(ROOT / "bench" / "setup_nomenklatura.sh")],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            return {"error": "setup_nomenklatura.sh failed", "stderr": proc.stderr[-2000:]}
    if not py.exists():
        return {"error": ".bench-venv missing (run bench/setup_nomenklatura.sh)"}
    proc = subprocess.run(
        [
            str(py),
            str(ROOT / "bench" / "nomenklatura_driver.py"),
            str(pairs_file),
            "logic-v2",
            "logic-v1",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    if proc.returncode != 0:
        return {"error": "nomenklatura_driver.py failed", "stderr": proc.stderr[-2000:]}
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def quality(nomenklatura: bool) -> dict[str, Any]:
    pairs = read_pairs(PAIRS)
    matcher = pairs_matcher(pairs)
    t0 = time.perf_counter()
    scores = [matcher.score(p.query, p.entry).score for p in pairs]
    seconds = time.perf_counter() - t0
    labels = [p.match for p in pairs]
    out: dict[str, Any] = {
        "pairs_file": str(PAIRS.relative_to(ROOT)),
        "pairs": len(pairs),
        "positives": sum(labels),
        "threshold": DEFAULT_THRESHOLD,
        "standing": {
            "all": metrics(labels, scores, DEFAULT_THRESHOLD),
            "seconds": round(seconds, 3),
        },
    }
    for split in ("dev", "test"):
        idx = [i for i, p in enumerate(pairs) if p.split == split]
        out["standing"][split] = metrics(
            [labels[i] for i in idx], [scores[i] for i in idx], DEFAULT_THRESHOLD
        )
    # the generated pairs alone (without nomenklatura's own adversarial checks)
    own = [i for i, p in enumerate(pairs) if p.category != "nomenklatura_checks"]
    out["standing"]["generated_pairs"] = metrics(
        [labels[i] for i in own], [scores[i] for i in own], DEFAULT_THRESHOLD
    )
    out["standing"]["by_threshold"] = {
        f"{t:.2f}": metrics(labels, scores, t) for t in (0.7, 0.75, 0.8, 0.85, 0.9)
    }
    cats = by_category(pairs, scores, DEFAULT_THRESHOLD)
    out["standing"]["calibration"] = calibration(pairs, scores)
    if nomenklatura:
        nk = run_nomenklatura(setup=True)
        out["nomenklatura"] = {k: v for k, v in nk.items() if k not in ("algorithms",)}
        for name, nk_scores in nk.get("algorithms", {}).items():
            out["nomenklatura"][name] = {
                "all": metrics(labels, nk_scores, NK_THRESHOLD),
                "test": metrics(
                    [labels[i] for i, p in enumerate(pairs) if p.split == "test"],
                    [nk_scores[i] for i, p in enumerate(pairs) if p.split == "test"],
                    NK_THRESHOLD,
                ),
            }
            for cat, c in by_category(pairs, nk_scores, NK_THRESHOLD).items():
                cats[cat][f"{name}_accuracy"] = c["accuracy"]
    out["by_category"] = cats
    return out


def org_quality(nomenklatura: bool, misses: bool) -> dict[str, Any]:
    """The organisation pairs (bench/make_org_pairs.py) on their tuning and held-out halves,
    standing at its threshold and logic-v2 / logic-v1 at 0.70 on the same pairs. Token
    rarities come from the real lists plus the pairs' candidates, as in a screening index."""
    pairs = read_pairs(ORG_PAIRS)
    matcher = pairs_matcher(pairs, extra=real_entries())
    results = [matcher.score(p.query, p.entry) for p in pairs]
    scores = [r.score for r in results]
    labels = [p.match for p in pairs]
    halves = {h: [i for i, p in enumerate(pairs) if p.split == h] for h in ("tune", "heldout")}

    def report(values: list[float], threshold: float) -> dict[str, Any]:
        out = {"all": metrics(labels, values, threshold)}
        for half, idx in halves.items():
            out[half] = metrics([labels[i] for i in idx], [values[i] for i in idx], threshold)
        return out

    out: dict[str, Any] = {
        "pairs_file": str(ORG_PAIRS.relative_to(ROOT)),
        "pairs": len(pairs),
        "negatives": labels.count(False),
        "tune_pairs": len(halves["tune"]),
        "heldout_pairs": len(halves["heldout"]),
        "threshold": DEFAULT_THRESHOLD,
        "standing": report(scores, DEFAULT_THRESHOLD),
    }
    for half, idx in halves.items():
        # Counts per category and per script of the query only: the held-out half's pairs are
        # never printed.
        out.update(counts(half, [pairs[i] for i in idx], [scores[i] for i in idx]))
    if misses:  # the tuning half only: the held-out half is never looked at
        print_errors([pairs[i] for i in halves["tune"]], [results[i] for i in halves["tune"]])
    if nomenklatura:
        nk = run_nomenklatura(setup=True, pairs_file=ORG_PAIRS)
        out["nomenklatura"] = {k: v for k, v in nk.items() if k not in ("algorithms",)}
        for name, nk_scores in nk.get("algorithms", {}).items():
            out["nomenklatura"][name] = report(nk_scores, NK_THRESHOLD)
    return out


def print_errors(pairs: list[LabelledPair], results: list[Any]) -> None:
    """The misses and false matches among pairs one may tune on, to stderr."""
    for p, res in zip(pairs, results, strict=True):
        if (res.score >= DEFAULT_THRESHOLD) != p.match:
            name = res.features.get("name", {})
            Console(stderr=True).print(
                f"[{'red' if p.match else 'yellow'}]{'miss' if p.match else 'false'}[/] "
                f"{p.category:15} {res.score:.3f} {p.query.names[0]!r} / "
                f"{p.entry.names[0].value!r} {name.get('method', '')} "
                f"{res.features.get('legal_forms', '')}",
                highlight=False,
            )


def org_tune2_quality(nomenklatura: bool, misses: bool) -> dict[str, Any]:
    """The second tuning set of organisation pairs (bench/make_org_pairs.py --split tune2):
    precision, recall and F1 and counts per category and per script, standing at its
    threshold and logic-v2 / logic-v1 at 0.70; ``misses`` prints standing's errors. Token
    rarities as in org_quality."""
    pairs = read_pairs(ORG_TUNE2_PAIRS)
    extra = real_entries()
    matcher = pairs_matcher(pairs, extra=extra)
    results = [matcher.score(p.query, p.entry) for p in pairs]
    scores = [r.score for r in results]
    labels = [p.match for p in pairs]
    m = metrics(labels, scores, DEFAULT_THRESHOLD)
    out: dict[str, Any] = {
        "pairs_file": str(ORG_TUNE2_PAIRS.relative_to(ROOT)),
        "pairs": len(pairs),
        "negatives": labels.count(False),
        "threshold": DEFAULT_THRESHOLD,
        "standing": {"all": m, "tune2": m},
        **counts("tune2", pairs, scores),
    }
    out["through_index"] = through_index(pairs, results, extra)
    if misses:
        print_errors(pairs, results)
    if nomenklatura:
        nk = run_nomenklatura(setup=True, pairs_file=ORG_TUNE2_PAIRS)
        out["nomenklatura"] = {k: v for k, v in nk.items() if k not in ("algorithms",)}
        for name, nk_scores in nk.get("algorithms", {}).items():
            m = metrics(labels, nk_scores, NK_THRESHOLD)
            out["nomenklatura"][name] = {"all": m, "tune2": m}
    return out


def through_index(
    pairs: list[LabelledPair], results: list[Any], real: list[Entry]
) -> dict[str, int]:
    """Screening through the index rather than pair by pair: of the positive pairs whose
    candidate the matcher matches, how many a screener over the real lists and the pairs'
    candidates returns as a match (an entry with the very same name counts, as several pairs
    share one). A pair matched alone but not through the index was not retrieved, or was
    ranked out by candidates the index scored higher."""
    positives = [p for p, r in zip(pairs, results, strict=True) if p.match and r.match]
    screener = Screener(real + [p.entry for p in pairs if p.match])
    through = 0
    for p in positives:
        target = {n.value for n in p.entry.names}
        hits = screener.screen(p.query, limit=50)
        through += any(h.match and target & {n.value for n in h.entry.names} for h in hits)
    return {"matched_pairwise": len(positives), "matched_through_index": through}


def counts(
    split: str, pairs: list[LabelledPair], scores: list[float], threshold: float = DEFAULT_THRESHOLD
) -> dict[str, Any]:
    """Counts per category, and per script of the query for the other-script pairs, of one
    split: ``{split}_by_category`` and ``{split}_other_script_by_script``."""
    other = [(p, v) for p, v in zip(pairs, scores, strict=True) if p.category == "other_script"]
    return {
        f"{split}_by_category": by_category(pairs, scores, threshold),
        f"{split}_other_script_by_script": by_category(
            [replace(p, category=detect_script(p.query.names[0]) or "mixed") for p, _ in other],
            [v for _, v in other],
            threshold,
        ),
    }


def org_fresh_quality(
    pairs_file: Path, standing: bool = True, nomenklatura: bool = True
) -> dict[str, Any]:
    """The fresh held-out organisation pairs (bench/make_org_pairs.py --split fresh), never
    tuned on: precision, recall and F1 and counts per category and per script, for standing at
    its threshold (unless ``standing`` is false) and logic-v2 / logic-v1 at 0.70. No pair is
    printed or returned. Token rarities as in org_quality."""
    pairs = read_pairs(pairs_file)
    labels = [p.match for p in pairs]
    try:
        shown = str(pairs_file.resolve().relative_to(ROOT))
    except ValueError:
        shown = str(pairs_file)
    out: dict[str, Any] = {
        "pairs_file": shown,
        "pairs": len(pairs),
        "negatives": labels.count(False),
        "fresh_pairs": sum(1 for p in pairs if p.split == "fresh"),
        "threshold": DEFAULT_THRESHOLD,
    }
    if standing:
        matcher = pairs_matcher(pairs, extra=real_entries())
        scores = [matcher.score(p.query, p.entry).score for p in pairs]
        m = metrics(labels, scores, DEFAULT_THRESHOLD)
        out["standing"] = {"all": m, "fresh": m}
        # as in org_quality: standing's counts at the top, each algorithm's under its name
        out.update(counts("fresh", pairs, scores))
    if nomenklatura:
        nk = run_nomenklatura(setup=True, pairs_file=pairs_file)
        out["nomenklatura"] = {k: v for k, v in nk.items() if k not in ("algorithms",)}
        for name, nk_scores in nk.get("algorithms", {}).items():
            m = metrics(labels, nk_scores, NK_THRESHOLD)
            out["nomenklatura"][name] = {
                "all": m,
                "fresh": m,
                **counts("fresh", pairs, nk_scores, NK_THRESHOLD),
            }
    return out


# -- speed ---------------------------------------------------------------------------------


def real_entries() -> list[Entry]:
    out: list[Entry] = []
    kinds = {"person": "person", "organization": "organization", "vessel": "vessel"}
    for p in gen.read_parties(DATA):
        names = [EntryName(p.name), *(EntryName(a, "alias") for a in p.aliases[:8])]
        names += [EntryName(o, "original_script") for o in p.original_script]
        out.append(
            Entry(
                source=p.source,
                entry_id=p.pid,
                kind=kinds.get(p.kind, "unknown"),
                names=tuple(names),
                countries=tuple(p.countries),
                identifiers=tuple(EntryIdentifier("registration_number", i) for i in p.identifiers),
                birth_dates=(p.dob,) if p.dob else (),
            )
        )
    return out


def synthetic_entries(real: list[Entry], n: int, rng: random.Random) -> list[Entry]:
    """Recombine real name parts: given names x surnames, distinctive words x legal forms."""
    given: list[str] = []
    family: list[str] = []
    org_words: list[str] = []
    generic = sorted(gen.GENERIC)
    for e in real:
        name = e.names[0].value
        if e.kind == "person" and ", " in name:
            last, first = name.split(", ", 1)
            family.append(last)
            given.extend(first.split()[:2])
        elif e.kind == "organization":
            org_words.extend(w for w in gen.distinctive(name) if len(w) > 2)
    forms = [s for _, spellings, _ in gen.LEGAL_FAMILIES for s in spellings]
    out: list[Entry] = []
    for i in range(n):
        if rng.random() < 0.5:
            name = f"{rng.choice(family)}, {rng.choice(given)} {rng.choice(given)}"
            kind = "person"
        else:
            words = [rng.choice(org_words).upper() for _ in range(rng.choice([1, 2, 2, 3]))]
            if rng.random() < 0.5:
                words.append(rng.choice(generic).upper())
            name = " ".join(words) + " " + rng.choice(forms)
            kind = "organization"
        out.append(Entry("synthetic", f"syn-{i}", kind, (EntryName(name),)))
    return out


def throughput(n_entries: int, n_queries: int, pairs: list[LabelledPair]) -> dict[str, Any]:
    rng = random.Random(SEED)
    real = real_entries()
    positives = [p for p in pairs if p.match]
    entries = real + [p.entry for p in positives]
    entries += synthetic_entries(real, max(0, n_entries - len(entries)), rng)
    gc.collect()
    gc.disable()
    t0, c0 = time.perf_counter(), time.process_time()
    screener = Screener(entries)
    build = time.perf_counter() - t0
    build_cpu = time.process_time() - c0
    gc.enable()
    gc.freeze()  # a long-lived index: keep its objects out of the cyclic collector's scans
    names = sum(len(e.names) for e in entries)
    # queries: the positive pairs' queries plus list names with a typo, in random order
    queries: list[Query] = [p.query for p in positives]
    while len(queries) < n_queries:
        e = rng.choice(real)
        name = e.names[0].value
        ws = name.split()
        i = rng.randrange(len(ws))
        if len(ws[i]) >= 5:
            ws[i] = gen.typo(ws[i], rng)
        queries.append(Query.of(" ".join(ws)))
    rng.shuffle(queries)
    queries = queries[:n_queries]
    t0, c0 = time.perf_counter(), time.process_time()
    for q in queries:
        screener.screen(q)
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    # through the index: is each positive pair's candidate found, and matched? An entry with
    # the very same name as the candidate counts (several pairs share a list name).
    found = matched = 0
    for p in positives:
        target = {n.value for n in p.entry.names}
        hits = screener.screen(p.query, limit=50, floor=0.0)
        same = [h for h in hits if target & {n.value for n in h.entry.names}]
        if same:
            found += 1
            matched += int(same[0].match)
    return {
        "entries": len(entries),
        "real_entries": len(real),
        "names_indexed": names,
        # the compiled hot modules (standing/screening/native.py): "compiled" when in use
        "screening_code": native.status() if native.active() else f"python ({native.status()})",
        "index_build_seconds": round(build, 2),
        "index_build_cpu_seconds": round(build_cpu, 2),
        "names_per_cpu_second": round(len(queries) / cpu, 1),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "queries": len(queries),
        "seconds": round(seconds, 3),
        "names_per_second": round(len(queries) / seconds, 1),
        "names_per_second_vs_previous": round(
            len(queries) / seconds / PREVIOUS["names_per_second"], 3
        ),
        "index_build_vs_previous": round(build / PREVIOUS["index_build_seconds"], 3),
        "previous": PREVIOUS,
        "ms_per_name": round(1000 * seconds / len(queries), 3),
        "positives_through_index": len(positives),
        "retrieved": found,
        "retrieved_and_matched": matched,
        "retrieval_recall": round(found / len(positives), 4),
        "end_to_end_recall": round(matched / len(positives), 4),
    }


def rescreen(n_parties: int, n_changed: int) -> dict[str, Any]:
    rng = random.Random(SEED + 1)
    real = real_entries()
    synth = synthetic_entries(real, n_parties, rng)
    parties: list[Query] = []
    for i, e in enumerate(synth):
        schema = "Person" if e.kind == "person" else "Company"
        parties.append(Query(names=(e.names[0].value,), schema=schema, id=f"party-{i}"))
    # a few hundred parties are really listed: they should come out as hits
    for i, e in enumerate(rng.sample(real, 300)):
        parties[i] = Query(names=(e.names[0].value,), id=f"party-listed-{i}")
    gc.collect()
    gc.disable()
    t0 = time.perf_counter()
    index = PartyIndex(parties)
    build = time.perf_counter() - t0
    gc.enable()
    gc.freeze()
    changed = rng.sample(real, n_changed)
    t0 = time.perf_counter()
    hits = 0
    for e in changed:
        hits += len(index.screen_entry(e))
    seconds = time.perf_counter() - t0
    return {
        "parties": len(parties),
        "changed_entries": len(changed),
        "party_index_build_seconds": round(build, 2),
        "rescreen_seconds": round(seconds, 3),
        "rescreen_seconds_including_index_build": round(seconds + build, 2),
        "hits": hits,
    }


# -- output --------------------------------------------------------------------------------


def table(result: dict[str, Any]) -> Table:
    t = Table(title="screening benchmark")
    t.add_column("engine")
    t.add_column("threshold", justify="right")
    t.add_column("precision", justify="right")
    t.add_column("recall", justify="right")
    t.add_column("F1", justify="right")
    t.add_column("F1 (test half)", justify="right")
    q = result.get("quality")
    if q:
        s = q["standing"]
        t.add_row(
            "standing", f"{q['threshold']:.2f}", f"{s['all']['precision']:.3f}",
            f"{s['all']['recall']:.3f}", f"{s['all']['f1']:.3f}", f"{s['test']['f1']:.3f}",
        )  # fmt: skip
    for name in ("logic-v2", "logic-v1"):
        nk = (q or {}).get("nomenklatura", {}).get(name)
        if nk:
            t.add_row(
                name, f"{NK_THRESHOLD:.2f}", f"{nk['all']['precision']:.3f}",
                f"{nk['all']['recall']:.3f}", f"{nk['all']['f1']:.3f}", f"{nk['test']['f1']:.3f}",
            )  # fmt: skip
    org = result.get("org_quality")
    if org:
        for half in ("tune", "heldout"):
            m = org["standing"][half]
            t.add_row(
                f"standing, org pairs ({half})", f"{org['threshold']:.2f}",
                f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}", "",
            )  # fmt: skip
            v2 = org.get("nomenklatura", {}).get("logic-v2")
            if v2:
                m = v2[half]
                t.add_row(
                    f"logic-v2, org pairs ({half})", f"{NK_THRESHOLD:.2f}",
                    f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}", "",
                )  # fmt: skip
    for doc_key, half, label, engines_of in (
        ("org_tune2_quality", "tune2", "org pairs (tune2)", ("logic-v2",)),
        ("org_fresh_quality", "fresh", "fresh org pairs", ("logic-v2", "logic-v1")),
    ):
        doc = result.get(doc_key)
        if not doc:
            continue
        engines = [("standing", doc.get("standing"), doc["threshold"])] + [
            (name, doc.get("nomenklatura", {}).get(name), NK_THRESHOLD) for name in engines_of
        ]
        for name, res, threshold in engines:
            if res:
                m = res[half]
                t.add_row(
                    f"{name}, {label}", f"{threshold:.2f}",
                    f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}", "",
                )  # fmt: skip
    tune2 = (result.get("org_tune2_quality") or {}).get("through_index")
    if tune2:
        t.caption = (
            f"org pairs (tune2) through the index: {tune2['matched_through_index']} of the "
            f"{tune2['matched_pairwise']} matched pair by pair; "
        )
    sp = result.get("throughput")
    if sp:
        t.caption = (t.caption or "") + (
            f"{sp['names_per_second']:.0f} names/s against {sp['entries']:,} entries "
            f"({sp['names_per_second_vs_previous']:.2f}x the previous release), index build "
            f"{sp['index_build_seconds']:.1f} s ({sp['index_build_vs_previous']:.2f}x); "
            f"retrieval recall {sp['retrieval_recall']:.3f}; "
            f"screening code {sp['screening_code']}; "
        )
    rs = result.get("rescreen")
    if rs:
        t.caption = (t.caption or "") + (
            f"re-screen {rs['parties']:,} parties vs {rs['changed_entries']} changed entries: "
            f"{rs['rescreen_seconds']:.2f} s (+{rs['party_index_build_seconds']:.1f} s index build)"
        )
    return t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-nomenklatura", action="store_true")
    ap.add_argument("--entries", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=2_000)
    ap.add_argument("--parties", type=int, default=100_000)
    ap.add_argument("--changed", type=int, default=250)
    ap.add_argument("--quality-only", action="store_true", help="Skip the speed parts.")
    ap.add_argument("--speed-only", action="store_true", help="Skip the quality parts.")
    ap.add_argument("--no-rescreen", action="store_true", help="Skip the re-screening part.")
    ap.add_argument(
        "--misses",
        action="store_true",
        help="Print the errors of the org pairs' tuning half and of the second tuning set.",
    )
    ap.add_argument(
        "--fresh",
        action="store_true",
        help="Also report the fresh held-out org pairs (aggregates only; never tuned on).",
    )
    ap.add_argument(
        "--fresh-pairs",
        type=Path,
        default=ORG_FRESH_PAIRS,
        help="The fresh pairs file (default tests/data/org_pairs_fresh.csv).",
    )
    ap.add_argument(
        "--fresh-only",
        action="store_true",
        help="Report the fresh held-out org pairs alone (implies --fresh).",
    )
    ap.add_argument(
        "--fresh-nomenklatura-only",
        action="store_true",
        help="Score the fresh pairs with logic-v2 / logic-v1 only, not standing (implies --fresh).",
    )
    args = ap.parse_args()
    args.fresh = args.fresh or args.fresh_only or args.fresh_nomenklatura_only
    if args.fresh_nomenklatura_only and args.no_nomenklatura:
        ap.error("--fresh-nomenklatura-only needs nomenklatura")
    result: dict[str, Any] = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "lists": [
            "us_ofac_sdn_2024-05-03.csv",
            "us_ofac_alt_2025-08.csv",
            "us_ofac_cons_prim_2025-12.csv",
            "un_sc_consolidated_2026-02-27.xml",
            "uk_sanctions_list_2025-08-11.ods",
            "us_csl_sample_2019.csv",
        ],
    }
    targets: dict[str, bool] = {}
    if not args.speed_only and not args.fresh_only:
        result["quality"] = quality(not args.no_nomenklatura)
        result["org_quality"] = org_quality(not args.no_nomenklatura, args.misses)
        result["org_tune2_quality"] = org_tune2_quality(not args.no_nomenklatura, args.misses)
        held = result["org_quality"]["standing"]["heldout"]
        targets["recall>=0.99"] = result["quality"]["standing"]["all"]["recall"] >= 0.99
        targets["precision>=0.95"] = result["quality"]["standing"]["all"]["precision"] >= 0.95
        targets["org_heldout_recall>=0.95"] = held["recall"] >= 0.95
        targets["org_heldout_precision>=0.95"] = held["precision"] >= 0.95
        v2 = result["quality"].get("nomenklatura", {}).get("logic-v2")
        if v2:
            targets["f1>logic-v2"] = result["quality"]["standing"]["all"]["f1"] > v2["all"]["f1"]
        org_v2 = result["org_quality"].get("nomenklatura", {}).get("logic-v2")
        if org_v2:
            targets["org_heldout_f1>logic-v2"] = held["f1"] > org_v2["heldout"]["f1"]
    if args.fresh:
        result["org_fresh_quality"] = org_fresh_quality(
            args.fresh_pairs,
            standing=not args.fresh_nomenklatura_only,
            nomenklatura=not args.no_nomenklatura,
        )
    if not args.quality_only and not args.fresh_only:
        pairs = read_pairs(PAIRS)
        result["throughput"] = throughput(args.entries, args.queries, pairs)
        if not args.no_rescreen:
            result["rescreen"] = rescreen(args.parties, args.changed)
        targets["names_per_second>=500"] = result["throughput"]["names_per_second"] >= 500
        targets["index_build<30s"] = result["throughput"]["index_build_seconds"] < 30
    result["targets"] = targets
    Console(stderr=True).print(table(result))
    part = (
        "-fresh"
        if args.fresh_only
        else "-quality"
        if args.quality_only
        else "-speed"
        if args.speed_only
        else ""
    )
    out = ROOT / "bench" / "results" / f"screening{part}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
