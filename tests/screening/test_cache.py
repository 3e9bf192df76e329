"""Built screeners kept on disk: read back instead of rebuilt, never stale, never fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

from standing.bootstrap import Services
from standing.graph.importer import import_files
from standing.screening import service
from standing.screening.cache import SUFFIX, ScreenerCache, cache_dir, cache_key
from standing.screening.match import Query, Screener
from standing.screening.model import Entry, EntryName
from standing.screening.service import import_list, screen_queries
from standing.settings import Settings
from tests.fixtures.services import TestClock
from tests.principals import ANALYST
from tests.screening.test_service import BOD

KASPERSKY = Query.of("Лаборатория Касперского", schema="Company")


def test_where_the_cache_lives(tmp_path: Path) -> None:
    db = tmp_path / "var" / "standing.db"
    assert cache_dir("auto", f"sqlite:///{db}") == db.parent / "cache" / "screening"
    assert cache_dir("auto", "postgresql://postgres@127.0.0.1:5432/test") is None
    assert cache_dir("auto", "sqlite://") is None
    assert cache_dir("off", f"sqlite:///{db}") is None
    assert cache_dir(str(tmp_path / "c"), "postgresql://x@y/z") == tmp_path / "c"


def test_key_follows_entries_and_threshold() -> None:
    base = cache_key(0.8, {"a": "1", "b": "2"})
    assert base == cache_key(0.8, {"b": "2", "a": "1"})
    assert base != cache_key(0.8, {"a": "1", "b": "3"})
    assert base != cache_key(0.8, {"a": "1"})
    assert base != cache_key(0.85, {"a": "1", "b": "2"})


def test_a_screener_read_back_answers_the_same(tmp_path: Path) -> None:
    entries = [
        Entry("t", "1", "organization", (EntryName("AO Kaspersky Lab"),)),
        Entry("t", "2", "person", (EntryName("Evgeny Kaspersky"), EntryName("Евгений Касперский"))),
        Entry("t", "3", "organization", (EntryName("Hangzhou Hikvision Digital Technology"),)),
    ]
    built = Screener(entries)
    cache = ScreenerCache(tmp_path)
    cache.store("k", built)
    read = cache.load("k")
    assert read is not None
    for q in (KASPERSKY, Query.of("Касперский Евгений", schema="Person"), Query.of("Hikvision")):
        assert [(r.entry.entry_id, r.score, r.features) for r in read.screen(q)] == [
            (r.entry.entry_id, r.score, r.features) for r in built.screen(q)
        ]
    assert (tmp_path / f"k{SUFFIX}").stat().st_mode & 0o077 == 0


def test_commands_read_the_screener_back(
    database_url: str, clock: TestClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(database_url=database_url, screening_cache=str(tmp_path / "cache"))
    first = Services.build(settings, clock=clock)
    try:
        import_list(first, "us_dhs_bod", [BOD], None, ANALYST)
        [found] = screen_queries(first, [KASPERSKY])
    finally:
        first.close()
    [kept] = list((tmp_path / "cache").glob(f"*{SUFFIX}"))

    def no_building(*_args: object, **_kw: object) -> Screener:
        raise AssertionError("the screener should have been read back")

    # a new process: nothing in memory, the screener comes from disk
    monkeypatch.setattr(service, "Screener", no_building)
    second = Services.build(settings, clock=clock)
    try:
        assert screen_queries(second, [KASPERSKY]) == [found]
    finally:
        second.close()

    # an unreadable file is rebuilt, not an error
    monkeypatch.undo()
    kept.write_bytes(b"not a screener")
    third = Services.build(settings, clock=clock)
    try:
        assert screen_queries(third, [KASPERSKY]) == [found]
    finally:
        third.close()
    assert kept.stat().st_size > 1000


def test_importing_a_list_builds_no_other_lists_index(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from standing.demo.seed import SCENARIO

    import_files(services, [SCENARIO], ANALYST)
    import_list(services, "us_dhs_bod", [BOD], None, ANALYST)
    built: list[int] = []
    real = service.Screener

    def counting(entries: list[Entry], **kw: float) -> Screener:
        built.append(len(entries))
        return real(entries, **kw)

    monkeypatch.setattr(service, "Screener", counting)
    fcc = tmp_path / "covered.csv"
    fcc.write_text(
        "covered_equipment_or_services,date_of_inclusion_on_covered_list\n"
        '"Telecommunications equipment produced by Huawei Technologies Company, including '
        "telecommunications or video surveillance services provided by such entity or using "
        'such equipment.","March 12, 2021"\n',
        encoding="utf-8",
    )
    result = import_list(services, "us_fcc_covered", [fcc], None, ANALYST)
    assert result.entries == 1
    # Re-screening the parties needs the parties' index, not the lists'; only the new
    # version's own index is built, to be kept for the next screening (when there is a cache).
    kept = cache_dir(services.settings.screening_cache, services.settings.database_url)
    assert built == ([1] if kept is not None else [])


def test_the_fingerprint_covers_every_data_file() -> None:
    from standing.screening import cache

    data = Path(cache.__file__).resolve().parent / "data"
    covered = set(cache.fingerprinted_files())
    missing = [p.name for p in data.rglob("*") if p.is_file() and p not in covered]
    assert not missing, f"data files outside the index cache's fingerprint: {missing}"
    assert data / "cedict_words.tsv" in covered
