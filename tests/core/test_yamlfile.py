"""The YAML data files are parsed once per version, then read back from a JSON copy (a cold start is faster)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
import yaml

from nerveroot.yamlfile import load_yaml

DATA = "topics:\n  bladder:\n    findings: [red_flags.urinary_retention]\n    weight: 0.5\n"


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("NERVEROOT_NO_CACHE", raising=False)
    return tmp_path / "nerveroot"


def test_a_file_parsed_once_is_read_back_from_its_json_copy(cache_home: Path) -> None:
    first = load_yaml(DATA)
    copies = list(cache_home.glob("yaml-*.json"))
    assert len(copies) == 1
    # the copy is what the second load returns: mark it and see the mark come back
    marked = json.loads(copies[0].read_text("utf-8"))
    marked["topics"]["bladder"]["weight"] = 0.75
    copies[0].write_text(json.dumps(marked), "utf-8")
    assert load_yaml(DATA)["topics"]["bladder"]["weight"] == 0.75
    assert first == {"topics": {"bladder": {"findings": ["red_flags.urinary_retention"], "weight": 0.5}}}


def test_another_version_of_the_text_is_parsed_afresh(cache_home: Path) -> None:
    load_yaml(DATA)
    assert load_yaml(DATA.replace("0.5", "0.25"))["topics"]["bladder"]["weight"] == 0.25
    assert len(list(cache_home.glob("yaml-*.json"))) == 2


def test_a_damaged_copy_is_ignored_and_replaced(cache_home: Path) -> None:
    load_yaml(DATA)
    (copy,) = cache_home.glob("yaml-*.json")
    copy.write_text("{not json", "utf-8")
    assert load_yaml(DATA)["topics"]["bladder"]["weight"] == 0.5
    assert json.loads(copy.read_text("utf-8"))["topics"]["bladder"]["weight"] == 0.5


def test_data_json_cannot_hold_exactly_is_not_copied(cache_home: Path) -> None:
    """Whole-number keys and dates would come back as strings: such a file is always parsed."""
    text = "grades:\n  5: normal\n  4: weak\nreviewed: 2026-11-29\n"
    for _ in range(2):
        data = load_yaml(text)
        assert data == {"grades": {5: "normal", 4: "weak"}, "reviewed": datetime.date(2026, 11, 29)}
    assert list(cache_home.glob("yaml-*.json")) == []


def test_no_copy_is_kept_when_the_cache_is_switched_off(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NERVEROOT_NO_CACHE", "1")
    assert load_yaml(DATA)["topics"]["bladder"]["weight"] == 0.5
    assert not cache_home.exists()


def test_a_cache_that_cannot_be_written_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.delenv("NERVEROOT_NO_CACHE", raising=False)
    assert load_yaml(DATA)["topics"]["bladder"]["weight"] == 0.5


def test_bad_yaml_is_still_refused(cache_home: Path) -> None:
    with pytest.raises(yaml.YAMLError):
        load_yaml("topics: [unclosed\n")


def test_copies_used_least_recently_are_pruned_when_one_is_written(cache_home: Path) -> None:
    """Every version of every data file used to stay in the cache for ever; now the least used go."""
    import os

    from nerveroot import yamlfile

    def version(k: int) -> str:
        return f"version: v{k}\n"

    def copy_of(k: int) -> Path:
        return next(
            c
            for c in cache_home.glob("yaml-*.json")
            if json.loads(c.read_text("utf-8")) == {"version": f"v{k}"}
        )

    load_yaml(version(0))
    for k in range(1, yamlfile._KEEP_YAML + 5):
        load_yaml(version(k))
        os.utime(copy_of(k), (1_000_000_000 + k, 1_000_000_000 + k))  # written a second after the one before
        load_yaml(version(0))  # read back each time (now): the most recently used
    copies = {json.loads(c.read_text("utf-8"))["version"] for c in cache_home.glob("yaml-*.json")}
    assert len(copies) == yamlfile._KEEP_YAML
    assert "v0" in copies  # the oldest written, but used all along
    assert {"v1", "v2", "v3", "v4", "v5"}.isdisjoint(copies)  # never read again: the first to go
    assert f"v{yamlfile._KEEP_YAML + 4}" in copies


def test_the_lexicon_keeps_a_few_versions_of_its_start_letters(cache_home: Path) -> None:
    from nerveroot.text.scan import load_known, save_known

    for k in range(12):
        save_known(cache_home / f"lexicon-prefixes-{k:016x}.json", {"a": frozenset({"x"})})
    assert len(list(cache_home.glob("lexicon-prefixes-*.json"))) == 8
    assert load_known(cache_home / f"lexicon-prefixes-{11:016x}.json") == {"a": frozenset({"x"})}


@pytest.mark.parametrize(
    "path",
    sorted(Path(__file__).resolve().parents[2].joinpath("src", "nerveroot").rglob("*.yaml")),
    ids=lambda p: p.name,
)
def test_every_shipped_data_file_is_kept_as_json(path: Path, cache_home: Path) -> None:
    """A number written as a key (`1:` for `'1':`) would make a file unfit for its copy: parsed on every start."""
    load_yaml(path.read_text("utf-8"))
    assert len(list(cache_home.glob("yaml-*.json"))) == 1


def test_a_key_written_twice_is_refused_with_its_line(cache_home: Path) -> None:
    """YAML keeps the last of two equal keys without a word; a data file that says a thing twice is a mistake."""
    with pytest.raises(yaml.YAMLError, match="'weight' is written twice") as caught:
        load_yaml("topics:\n  bladder:\n    weight: 0.5\n    weight: 0.7\n")
    assert "line 4" in str(caught.value)
