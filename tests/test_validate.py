"""`cchc validate`: every problem with its position, hostile input never crashes."""

from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path

import pytest
from conftest import MINIMAL_PLAN, ROOT, write
from helpers import cchc, read_model
from hypothesis import given
from hypothesis import strategies as st

from cchc_cli.errors import Problem
from cchc_cli.files.workspace import validate_file
from cchc_cli.plan.lookup import resolve_unit
from cchc_cli.plan.model import Plan


def problems(tmp_path: Path, text: str, name: str = "2023.yaml") -> list[Problem]:
    return validate_file(write(tmp_path, text, name))


def where(ps: list[Problem]) -> list[tuple[int, int, str, str]]:
    return [(p.source.line, p.source.col, p.severity, p.code) for p in ps]


def line_of(text: str, needle: str) -> int:
    return next(i for i, ln in enumerate(text.splitlines(), 1) if needle in ln)


def test_minimal_plan_is_valid_with_its_one_warning(tmp_path: Path) -> None:
    ps = problems(tmp_path, MINIMAL_PLAN)
    line = line_of(MINIMAL_PLAN, "ung_voi: CT1.1.a")
    assert where(ps) == [(line, 15, "warning", "target-differs")]
    assert "I.2 states ≥ 50% but section II target CT1.1.a states ≥ 60%" in ps[0].message


def test_unknown_unit_suggests_the_right_one(tmp_path: Path) -> None:
    text = MINIMAL_PLAN.replace("phoi_hop: [TTRA, PCM]", "phoi_hop: [TTR, PCM]")
    ps = [p for p in problems(tmp_path, text) if p.severity == "error"]
    assert where(ps) == [(line_of(text, "[TTR, PCM]"), 26, "error", "unknown-unit")]
    assert ps[0].message == "unknown unit 'TTR'; did you mean 'TTRA'?"


def test_unit_named_instead_of_id_points_at_the_id(tmp_path: Path) -> None:
    text = MINIMAL_PLAN.replace("phoi_hop: [TTRA, PCM]", "phoi_hop: [Thanh tra, PCM]")
    ps = [p for p in problems(tmp_path, text) if p.severity == "error"]
    assert ps[0].message == "unknown unit 'Thanh tra'; did you mean 'TTRA'?"


def test_misspelt_key_did_you_mean(tmp_path: Path) -> None:
    text = MINIMAL_PLAN.replace(
        "              thoi_han: Tháng 01/2023", "              thoi_hn: Tháng 01/2023"
    )
    ps = [p for p in problems(tmp_path, text) if p.severity == "error"]
    msgs = {p.message: (p.source.line, p.source.col) for p in ps}
    line = line_of(text, "thoi_hn:")
    assert msgs["unknown key 'thoi_hn'; did you mean 'thoi_han'?"] == (line, 15)
    # the now-missing key is reported at its mapping's first line
    assert msgs["missing key 'thoi_han' in item 1 of 'nhiem_vu'"] == (line - 3, 15)


def test_duplicate_key(tmp_path: Path) -> None:
    text = MINIMAL_PLAN.replace("nam: 2023\n", "nam: 2023\nnam: 2024\n", 1)
    assert where(problems(tmp_path, text)) == [(2, 1, "error", "duplicate-key")]


def test_duplicate_ids(tmp_path: Path) -> None:
    text = MINIMAL_PLAN.replace("- ma: I.1.b", "- ma: I.1.a")
    ps = [p for p in problems(tmp_path, text) if p.code == "duplicate-id"]
    assert where(ps) == [(line_of(text, "nhiem_vu: Lồng ghép") - 1, 19, "error", "duplicate-id")]
    assert ps[0].message == "duplicate task id 'I.1.a'"


def test_wrong_type_and_impossible_date(tmp_path: Path) -> None:
    text = MINIMAL_PLAN.replace("nam: 2023\n", "nam: hai nghìn\n", 1).replace(
        "              thoi_han: Tháng 01/2023",
        "              thoi_han: Tháng 01/2023\n              han: 2023-13-45",
    )
    ps = problems(tmp_path, text)
    assert (1, 6, "error", "schema") in where(ps)
    bad = [p for p in ps if "2023-13-45" in p.message]
    assert where(bad) == [(line_of(text, "han: 2023-13-45"), 20, "error", "schema")]
    assert "not a valid date" in bad[0].message


def test_percentage_outside_range(tmp_path: Path) -> None:
    text = MINIMAL_PLAN.replace(
        "gia_tri: 60, don_vi: phan_tram}", "gia_tri: 160, don_vi: phan_tram}"
    )
    ps = [p for p in problems(tmp_path, text) if p.severity == "error"]
    assert len(ps) == 1 and "between 0 and 100, not 160" in ps[0].message
    assert ps[0].source.line == line_of(text, "gia_tri: 160")


def test_unreadable_deadline_lists_the_forms(tmp_path: Path) -> None:
    text = MINIMAL_PLAN.replace("thoi_han: Tháng 01/2023", "thoi_han: Tháng 13/2023")
    ps = [p for p in problems(tmp_path, text) if p.severity == "error"]
    assert where(ps) == [(line_of(text, "Tháng 13/2023"), 25, "error", "deadline")]
    assert "Quý I/2023" in ps[0].message and "Thường xuyên" in ps[0].message


def test_external_deadline_without_date_warns(tmp_path: Path) -> None:
    text = MINIMAL_PLAN.replace("thoi_han: Tháng 01/2023", "thoi_han: Theo Kế hoạch ISO năm 2023")
    ps = [p for p in problems(tmp_path, text) if p.code == "deadline-external"]
    assert len(ps) == 1 and "han: YYYY-MM-DD" in ps[0].message
    text2 = text.replace(
        "thoi_han: Theo Kế hoạch ISO năm 2023",
        "thoi_han: Theo Kế hoạch ISO năm 2023\n              han: 2023-10-31",
    )
    assert not [p for p in problems(tmp_path, text2) if p.code == "deadline-external"]


def test_unit_names_compare_after_nfc(tmp_path: Path) -> None:
    plan, _ = read_model(write(tmp_path, MINIMAL_PLAN), Plan)
    assert plan is not None
    decomposed = unicodedata.normalize("NFD", "văn phòng sở")
    assert decomposed != "văn phòng sở"
    assert resolve_unit(plan, decomposed) == "VP"
    assert resolve_unit(plan, "THANH TRA") == "TTRA"


def test_decomposed_text_in_the_file_is_stored_nfc(tmp_path: Path) -> None:
    text = MINIMAL_PLAN.replace(
        "ten: Thanh tra Sở", "ten: " + unicodedata.normalize("NFD", "Thanh tra Sở")
    )
    plan, loaded = read_model(write(tmp_path, text), Plan)
    assert plan is not None and not loaded.problems
    assert plan.unit("TTRA").ten == "Thanh tra Sở"  # type: ignore[union-attr]


# --- hostile input --------------------------------------------------------------

HOSTILE = {
    "python-tag": (
        'x: !!python/object/apply:os.system ["touch PWNED"]\n',
        1,
        "YAML tag !!python/object/apply:os.system is not allowed",
    ),
    "custom-tag": ("x: !secret value\n", 1, "not allowed"),
    "empty": ("", 1, "empty"),
    "comments-only": ("# nothing\n", 1, "empty"),
    "list": ("- a\n- b\n", 1, "expected a mapping"),
    "scalar": ("just text\n", 1, "expected a mapping"),
    "syntax": ("a: [1, 2\nb: 3\n", 2, "expected ',' or ']'"),
    "tab-indent": ("a:\n\tb: 1\n", 2, ""),
    "undefined-alias": ("nam: 2023\nx: *nowhere\n", 2, "undefined alias 'nowhere'"),
    "two-documents": ("nam: 2023\n---\nnam: 2024\n", 2, "one YAML document"),
    "mapping-as-key": ("nam: 2023\n? {a: 1}\n: b\n", 2, "keys must be plain text"),
    "seq-tag-on-mapping": ("nam: 2023\nx: !!seq {a: 1}\n", 2, "tag !!seq expects a list"),
    "map-tag-on-text": ("nam: 2023\nx: !!map text\n", 2, "expects a mapping"),
    "bad-int-tag": ("nam: 2023\nx: !!int twelve\n", 2, "'twelve' is not a valid int"),
    "long-number": ("nam: 2023\nx: " + "9" * 401 + "\n", 2, "number too long"),
    "set-tag": ("nam: 2023\nx: !!set {a: null}\n", 2, "not allowed"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_gets_one_positioned_error(
    tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text, line, fragment = HOSTILE[name]
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path, text)
    r = cchc("validate", str(path))
    assert r.code == 1
    first = r.out.splitlines()[0]
    assert first.startswith(f"{path}:{line}:"), first
    assert "error:" in first and fragment in first
    assert "Traceback" not in r.all
    assert not (tmp_path / "PWNED").exists()


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 12):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    path = write(tmp_path, "\n".join(lines) + "\n")
    r = cchc("validate", str(path))
    assert r.code == 1
    assert "aliases (*name) of mappings or lists are not allowed" in r.out
    assert r.out.startswith(f"{path}:2:8: error:")  # at the first *a, not at the anchor


def test_aliases_of_text_may_not_repeat_more_than_a_bound(tmp_path: Path) -> None:
    """An alias of text is its text again: 20,000 aliases of an 18,000-character line turn
    a 600 KB plan into 360 MB for `show` and `site`. Refused where the bound is passed."""
    from cchc_cli.files.reader import MAX_ALIASED

    big = "x" * 18_000
    uses = MAX_ALIASED // len(big) + 1
    text = f"nam: 2023\na: &big {big}\nb:\n" + "".join("  - *big\n" for _ in range(uses))
    r = cchc("validate", str(write(tmp_path, text)))
    assert r.code == 1 and f":{3 + uses}:5: error: the aliases (*name) in this file repeat" in r.out
    fewer = f"nam: 2023\na: &big {big}\nb:\n" + "  - *big\n" * (uses - 1)
    assert "aliases (*name)" not in cchc("validate", str(write(tmp_path, fewer))).out


def test_aliases_of_text_and_standard_tags_are_read(tmp_path: Path) -> None:
    from cchc_cli.files.reader import locate, read_text

    text = "a: &name Văn phòng\nb: *name\nc: !!str 010\nd: 010\ne: !!float 1\nf: [no, ~, .inf]\n"
    loaded = read_text(write(tmp_path, text))
    assert loaded.problems == []
    assert loaded.root == {
        "a": "Văn phòng",
        "b": "Văn phòng",
        "c": "010",
        "d": 10,
        "e": 1.0,
        "f": ["no", None, float("inf")],
    }
    assert locate(loaded.node, ("b",)) == (2, 4)
    assert locate(loaded.node, ("f", 2)) == (6, 12)
    assert locate(loaded.node, ("f",), on_key=True) == (6, 1)
    assert locate(loaded.node, ("missing",)) == (1, 1)


def test_binary_nul_and_latin1(tmp_path: Path) -> None:
    nul = tmp_path / "nul.yaml"
    nul.write_bytes(b"nam: 2023\nx: a\x00b\n")
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("nam: 2023\nx: café\n".encode("latin-1"))
    garbage = tmp_path / "garbage.yaml"
    garbage.write_bytes(bytes(range(256)) * 20)
    r = cchc("validate", str(nul), str(latin), str(garbage))
    assert r.code == 1
    assert f"{nul}:2:5: error: file contains a NUL byte" in r.out
    assert f"{latin}:2:7: error: not UTF-8 text (byte 0xe9)" in r.out
    assert f"{garbage}:1:1: error: file contains a NUL byte" in r.out


def test_deep_nesting_and_huge_scalar(tmp_path: Path) -> None:
    deep = write(tmp_path, "[" * 50_000 + "]" * 50_000 + "\n", "deep.yaml")
    nested = write(
        tmp_path, "a:\n" + "".join("  " * i + "- \n" for i in range(1, 200)), "nested.yaml"
    )
    big = write(tmp_path, 'nam: 2023\nx: "' + "x" * 3_000_000 + '"\n', "big.yaml")
    r = cchc("validate", str(deep), str(nested), str(big))
    assert r.code == 1
    # Refused where the nesting is found too deep: at the 61st bracket by cchc's own count,
    # or at the 1,001st where libyaml stops first (the libyaml of PyYAML 6.0.4's wheels
    # stops at 1,000 levels; older ones have no limit).
    assert re.search(rf"{re.escape(str(deep))}:1:(62|1001): error: nesting deeper than", r.out)
    assert f"{nested}:" in r.out
    assert f"{big}:1:1: error: missing keys" in r.out
    assert "Traceback" not in r.all


def test_directory_missing_file_and_bad_option_are_usage_errors(tmp_path: Path) -> None:
    assert cchc("validate", str(tmp_path)).code == 2
    r = cchc("validate", str(tmp_path / "nope.yaml"))
    assert r.code == 2 and "no such file" in r.err
    assert cchc("validate", "--bogus").code == 2


def test_exit_status_and_strict(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL_PLAN)
    r = cchc("validate", str(path))
    assert r.code == 0
    assert r.out.splitlines()[-1] == "1 file checked: 0 error(s), 1 warning(s)"
    assert cchc("validate", "--strict", str(path)).code == 1


def test_json_and_github_formats(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        MINIMAL_PLAN.replace(
            "chu_tri: [VP]\n              thoi_han: Tháng",
            "chu_tri: [VPS]\n              thoi_han: Tháng",
        ),
    )
    r = cchc("validate", "--format", "json", str(path))
    rows = json.loads(r.out)
    assert r.code == 1
    assert {row["code"] for row in rows} == {"unknown-unit", "target-differs"}
    assert set(rows[0]) == {"path", "line", "column", "severity", "code", "message"}
    g = cchc("validate", "--format", "github", str(path))
    err = next(ln for ln in g.out.splitlines() if ln.startswith("::error"))
    line = line_of(path.read_text(encoding="utf-8"), "[VPS]")
    assert err.startswith(f"::error file={path},line={line},col=")
    assert "::unknown unit 'VPS'; did you mean 'VP'?" in err


def test_progress_file_unknown_ids(tmp_path: Path) -> None:
    write(tmp_path, MINIMAL_PLAN)
    prog = write(
        tmp_path,
        """\
        nhiem_vu:
          - {ma: I.1.aa, ngay: 2023-01-10, trang_thai: hoan_thanh}
          - {ma: CT1.1.a, ngay: 2023-01-10, trang_thai: hoan_thanh}
        chi_so:
          - {ma: CT1.1.a, ngay: 2023-03-01, gia_tri: 130}
        """,
        "2023.progress.yaml",
    )
    msgs = [(p.source.line, p.message) for p in validate_file(prog) if p.source.path == str(prog)]
    assert msgs == [
        (2, "unknown task 'I.1.aa'; did you mean 'I.1.a'?"),
        (3, "unknown task 'CT1.1.a' (it is a target: record it under chi_so)"),
        (5, "target CT1.1.a is a percentage: 130 is outside 0–100"),
    ]


def test_progress_file_impossible_date(tmp_path: Path) -> None:
    write(tmp_path, MINIMAL_PLAN)
    prog = write(
        tmp_path,
        "chi_so:\n  - {ma: CT1.1.a, ngay: 2023-31-01, gia_tri: 30}\n",
        "2023.progress.yaml",
    )
    [p] = [p for p in validate_file(prog) if p.source.path == str(prog)]
    assert (p.source.line, p.source.col) == (2, 25)
    assert (
        p.message == "'ngay': '2023-31-01' is not a valid date; write YYYY-MM-DD, e.g. 2023-06-14"
    )


def test_schema_file_is_in_sync() -> None:
    for kind in ("plan", "progress"):
        r = cchc("schema", kind)
        assert r.code == 0
        committed = (ROOT / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
        assert r.out == committed + ("" if committed.endswith("\n") else "\n") or r.out.rstrip(
            "\n"
        ) == committed.rstrip("\n")


def test_checked_files_are_cached_by_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cchc_cli.files.reader as reader

    first = problems(tmp_path, MINIMAL_PLAN)
    calls: list[str] = []
    real = reader.parse_bytes
    monkeypatch.setattr(
        reader, "parse_bytes", lambda label, data: calls.append(label) or real(label, data)
    )
    again = validate_file(write(tmp_path, MINIMAL_PLAN, "copy.yaml"))
    assert calls == []  # same bytes: read from the cache
    assert [(p.source.line, p.message) for p in again] == [
        (p.source.line, p.message) for p in first
    ]
    assert again[0].source.path.endswith("copy.yaml")
    changed = validate_file(
        write(tmp_path, MINIMAL_PLAN.replace("gia_tri: 50", "gia_tri: 60"), "c.yaml")
    )
    assert len(calls) == 1 and changed == []
    monkeypatch.setenv("CCHC_NO_CACHE", "1")
    validate_file(tmp_path / "copy.yaml")
    assert len(calls) == 2


def test_cache_entries_others_can_write_are_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import stat

    import cchc_cli.files.reader as ws
    from cchc_cli.files import cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = write(tmp_path, MINIMAL_PLAN)
    first = validate_file(path)
    entries = list((tmp_path / "cache").rglob("*" + cache.ENTRY_SUFFIX))
    assert len(entries) == 1
    assert stat.S_IMODE(entries[0].stat().st_mode) == 0o600
    assert stat.S_IMODE(entries[0].parent.stat().st_mode) == 0o700
    calls: list[str] = []
    real = ws.parse_bytes
    monkeypatch.setattr(
        ws, "parse_bytes", lambda label, data: calls.append(label) or real(label, data)
    )
    validate_file(path)
    assert calls == []  # read back from the cache
    os.chmod(entries[0], 0o666)
    validate_file(path)
    assert calls == [str(path)]  # a group- or world-writable entry is ignored and rewritten
    entries[0].write_bytes(b"not an entry")
    os.chmod(entries[0], 0o600)
    assert validate_file(path) == first
    assert len(calls) == 2


def test_cache_forgets_entries_not_read_for_a_month(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import time

    from cchc_cli.files import cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = cache.cache_dir()
    assert root is not None
    cache.put("aa" + "0" * 62, b"old")
    cache.put("ab" + "0" * 62, b"read lately")
    legacy = root / "ab" / ("1" * 64 + ".pickle")
    legacy.write_text("{}")
    fresh_tmp = root / "ab" / ".x.json.123.tmp"
    fresh_tmp.write_text("")
    month_ago = time.time() - cache.KEEP_SECONDS - 60
    for name in ("aa" + "0" * 62, "ab" + "0" * 62):
        os.utime(root / name[:2] / f"{name}{cache.ENTRY_SUFFIX}", (month_ago, month_ago))
    assert cache.get("ab" + "0" * 62) == b"read lately"  # a read keeps it
    cache.put("ac" + "0" * 62, b"new")  # writing prunes
    assert cache.get("aa" + "0" * 62) is None
    assert cache.get("ab" + "0" * 62) == b"read lately"
    assert cache.get("ac" + "0" * 62) == b"new"
    assert not legacy.exists()
    assert fresh_tmp.exists()  # maybe another process writing right now


def test_every_schema_field_has_a_description() -> None:
    missing = []
    for kind in ("plan", "progress"):
        schema = json.loads((ROOT / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        for name, definition in {"(root)": schema, **schema.get("$defs", {})}.items():
            for field, spec in definition.get("properties", {}).items():
                if not spec.get("description"):
                    missing.append(f"{kind}:{name}.{field}")
    assert missing == []


def test_plan_points_editors_at_the_schema() -> None:
    first = (ROOT / "plans" / "2023.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/plan.schema.json"
    assert (ROOT / "plans" / "../schema/plan.schema.json").resolve().is_file()


def test_pure_python_parser_reads_the_plan_as_libyaml_does(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from cchc_cli.files import reader as loader

    text = (ROOT / "plans" / "2023.yaml").read_text(encoding="utf-8")
    with_libyaml = loader._build(loader._event_parser()(text))
    monkeypatch.setitem(sys.modules, "yaml.cyaml", None)  # as if PyYAML had no libyaml
    parser = loader._event_parser.__wrapped__()
    assert parser.__name__ == "PyEventParser"
    assert loader._build(parser(text)) == with_libyaml


def test_a_plan_is_checked_with_its_progress_and_the_reverse(tmp_path: Path) -> None:
    """Renaming a task that has progress breaks the progress file: validating the plan
    alone says so (the pre-commit hook passes only the changed file)."""
    plan = write(tmp_path, MINIMAL_PLAN)
    prog = write(
        tmp_path,
        "nhiem_vu:\n  - {ma: I.1.a, ngay: 2023-01-10, trang_thai: hoan_thanh}\n",
        "2023.progress.yaml",
    )
    assert cchc("validate", str(plan)).code == 0
    plan.write_text(MINIMAL_PLAN.replace("ma: I.1.a", "ma: I.1.x"), encoding="utf-8")
    r = cchc("validate", str(plan))
    assert r.code == 1 and f"{prog}:2:" in r.out and "unknown task 'I.1.a'" in r.out
    assert "2 files checked: 1 error(s)" in r.out
    r = cchc("validate", str(prog))
    assert r.code == 1 and "2 files checked" in r.out


def test_validate_a_plan_with_another_progress_file(tmp_path: Path) -> None:
    plan = write(tmp_path, MINIMAL_PLAN)
    other = write(
        tmp_path, "nhiem_vu:\n  - {ma: I.9, ngay: 2023-01-10, trang_thai: hoan_thanh}\n", "x.yaml"
    )
    r = cchc("validate", str(plan), "--progress", str(other))
    assert r.code == 1 and f"{other}:2:" in r.out


def test_a_cache_entry_is_data_and_gives_back_the_same_model(tmp_path: Path) -> None:
    """An entry is JSON: planted text never runs, and what it rebuilds equals a fresh check."""
    import json

    from conftest import ROOT

    from cchc_cli.files import checked
    from cchc_cli.files.workspace import file_bytes, load
    from cchc_cli.plan.model import Plan

    path = ROOT / "plans" / "2023.yaml"
    os.environ["CCHC_NO_CACHE"] = "1"
    try:
        fresh, problems = load(str(path), file_bytes(path), Plan)
    finally:
        del os.environ["CCHC_NO_CACHE"]
    assert fresh is not None
    entry = checked.dump(fresh, problems)
    assert json.loads(entry)["format"] == checked.FORMAT
    again = checked.load(entry, Plan, str(path))
    assert again is not None
    rebuilt, same_problems = again
    assert rebuilt == fresh and rebuilt.model_dump() == fresh.model_dump()
    assert [(p.source, p.message) for p in same_problems] == [
        (p.source, p.message) for p in problems
    ]
    for bad in (
        b"\x80\x04cos\nsystem\n.",
        b"{}",
        b'{"format": 1, "model": {"x": 1}, "problems": []}',
    ):
        assert checked.load(bad, Plan, str(path)) is None


def test_a_plan_checked_now_is_read_in_the_form_the_cache_gives_back(tmp_path: Path) -> None:
    """One form for reading: a plan and its progress file checked now are plain twins, of
    the very classes the cache rebuilds, with no Pydantic model left anywhere inside."""
    from conftest import ROOT
    from pydantic import BaseModel

    from cchc_cli.files import checked
    from cchc_cli.files.workspace import file_bytes, load
    from cchc_cli.plan.shapes import Plain

    def forms(value: object, seen: set[type]) -> set[type]:
        seen.add(type(value))
        if isinstance(value, Plain):
            for field in value.__dict__.values():
                forms(field, seen)
        elif isinstance(value, list | tuple):
            for item in value:
                forms(item, seen)
        elif isinstance(value, dict):
            for item in value.values():
                forms(item, seen)
        return seen

    plan_path = ROOT / "plans" / "2023.yaml"
    prog_path = ROOT / "plans" / "2023.progress.yaml"
    os.environ["CCHC_NO_CACHE"] = "1"
    try:
        plan, _ = load(str(plan_path), file_bytes(plan_path), "Plan")
        progress, _ = load(
            str(prog_path), file_bytes(prog_path), "Progress", plan=plan,
            plan_data=file_bytes(plan_path),
        )  # fmt: skip
    finally:
        del os.environ["CCHC_NO_CACHE"]
    for value, name in ((plan, "Plan"), (progress, "Progress")):
        assert value is not None
        seen = forms(value, set())
        assert not [k for k in seen if issubclass(k, BaseModel)], name
        assert list in seen and tuple not in seen  # lists, as JSON gives them back
        rebuilt = checked.load(checked.dump(value, []), name, name)
        assert rebuilt is not None
        assert type(rebuilt[0]) is type(value)
        assert rebuilt[0] == value and forms(rebuilt[0], set()) == seen


def test_an_unknown_id_is_matched_to_one_of_its_own_area_and_shape(tmp_path: Path) -> None:
    from cchc_cli.plan.lookup import closest_id

    ids = ["I.1.a", "I.3", "I.4", "VI.2", "7.1.1", "7.2.1"]
    assert closest_id("I.2", ids) in {"I.3", "I.4"}  # not VI.2, another area's task
    assert closest_id("VII.1.2", ids) == "7.1.1"  # Roman or Arabic, the same area
    assert closest_id("I.1.x", ids) == "I.1.a"


def test_every_model_has_a_plain_twin_with_its_methods() -> None:
    import inspect

    from pydantic import BaseModel

    from cchc_cli.plan import model, shapes

    models = {
        name: cls
        for name, cls in vars(model).items()
        if inspect.isclass(cls) and issubclass(cls, model.Model) and cls is not model.Model
    }
    assert set(models) == set(shapes.PLAIN)
    pydantic_own = set(dir(BaseModel))
    for name, cls in models.items():
        twin = shapes.PLAIN[name]
        own = {m for m in dir(cls) if not m.startswith("_") and m not in pydantic_own}
        own -= set(cls.model_fields)
        assert own <= set(dir(twin)), (name, own - set(dir(twin)))


def test_a_warm_status_reads_plain_objects_without_the_reader_or_pydantic_models(
    tmp_path: Path,
) -> None:
    import subprocess
    import sys

    from conftest import ROOT

    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "CCHC_LANG": "en"}
    env.pop("CCHC_NO_CACHE", None)
    probe = (
        "import sys\n"
        "from cchc_cli.commands.app import run\n"
        "code = run(['status', sys.argv[1], '--as-of', '2023-06-14'])\n"
        "heavy = [m for m in ('pydantic.main', 'cchc_cli.plan.model', 'cchc_cli.files.reader',"
        " 'yaml') if m in sys.modules]\n"
        "print('LOADED', code, heavy, file=sys.stderr)\n"
    )
    plan = str(ROOT / "plans" / "2023.yaml")
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe, plan], capture_output=True, text=True, env=env, check=True
        )  # fmt: skip
        for _ in range(2)
    ]
    cold, warm = (r.stderr.strip().splitlines()[-1] for r in runs)
    assert cold.startswith("LOADED 0") and "cchc_cli.plan.model" in cold  # checked: the models
    assert warm == "LOADED 0 []", warm  # from the cache: plain objects only
    assert runs[0].stdout == runs[1].stdout  # and the same table


def test_problems_left_out_past_the_cap_keep_their_severity() -> None:
    from cchc_cli.errors import Source
    from cchc_cli.files.raw import MAX_PROBLEMS, capped

    def found(severity: str, line: int) -> Problem:
        return Problem(Source("p.yaml", line, 1), severity, "x", "message", None)

    warnings = [found("warning", n) for n in range(1, MAX_PROBLEMS + 20)]
    shown = capped(warnings, "p.yaml")
    assert len(shown) == MAX_PROBLEMS + 1 and shown[-1].code == "too-many"
    assert shown[-1].severity == "warning"  # 19 more warnings are no error
    assert capped([*warnings, found("error", 999)], "p.yaml")[-1].severity == "error"


@given(st.text(alphabet="ab é\n\r\x0b\x0c\x1c\x85\u2028\u2029\t#:", max_size=40), st.booleans())
def test_lines_taken_from_the_bytes_are_the_texts_lines(text: str, bom: bool) -> None:
    """The excerpts under problems come from the file's bytes, line by line as
    str.splitlines() breaks them, after a BOM."""
    from cchc_cli.files.raw import Lines

    data = ("\ufeff" * bom + text).encode("utf-8")
    lines = Lines(data, 3 if bom else 0)
    assert list(lines) == text.splitlines() and len(lines) == len(text.splitlines())
    assert lines[-1:] == text.splitlines()[-1:]


def test_a_file_with_a_bom_is_placed_as_without(tmp_path: Path) -> None:
    """libyaml reads the bytes (BOM and all): lines and columns are the text's."""
    text = (ROOT / "plans" / "2023.yaml").read_text(encoding="utf-8")
    broken = text.replace("nam: 2023", "nam: [2023", 1)
    for name, data in (("a.yaml", broken.encode()), ("b.yaml", b"\xef\xbb\xbf" + broken.encode())):
        (tmp_path / name).write_bytes(data)
    a = cchc("validate", str(tmp_path / "a.yaml")).out.replace("a.yaml", "x")
    b = cchc("validate", str(tmp_path / "b.yaml")).out.replace("b.yaml", "x")
    assert a == b and ":" in a


def test_a_list_bomb_is_refused_while_it_is_read(tmp_path: Path) -> None:
    """A million `1,` (2 MB, a tenth of the size limit) took 1.5 GB; a list is refused at its
    item past MAX_ITEMS, a file at its value past MAX_VALUES."""
    from cchc_cli.files.reader import MAX_ITEMS, MAX_VALUES

    long = tmp_path / "long.yaml"
    long.write_text("nam: 2023\ndieu_chinh: [" + "1," * MAX_ITEMS + "1]\n", encoding="utf-8")
    r = cchc("validate", str(long))
    assert r.code == 1 and f":2:{14 + 2 * MAX_ITEMS}: error: this list or mapping holds" in r.out
    many = tmp_path / "many.yaml"
    rows = "".join(f"  - [{'1,' * 9}1]\n" for _ in range(MAX_VALUES // 11 + 1))
    many.write_text("nam: 2023\ndieu_chinh:\n" + rows, encoding="utf-8")
    r = cchc("validate", str(many))
    assert r.code == 1 and "error: the file holds more than" in r.out


def test_far_too_many_schema_errors_are_counted_not_listed(tmp_path: Path) -> None:
    """Past ten times the problems said, the schema's errors are not all built: the first
    are said from the data cut short, and the rest counted."""
    from cchc_cli.files.raw import MAX_PROBLEMS

    n = 20 * MAX_PROBLEMS
    path = tmp_path / "2023.yaml"
    path.write_text("nam: 2023\ndieu_chinh: [" + "1," * (n - 1) + "1]\n", encoding="utf-8")
    r = cchc("validate", str(path))
    assert r.code == 1
    assert MAX_PROBLEMS - 10 < r.out.count(": error: ") <= MAX_PROBLEMS + 1
    counted = re.search(r"and ([\d,]+) more schema problem", r.out)
    assert counted is not None, r.out[-300:]
    assert int(counted.group(1).replace(",", "")) >= n - MAX_PROBLEMS


def test_a_progress_file_named_by_option_is_said_to_be_one_whatever_its_name(
    tmp_path: Path,
) -> None:
    plan = write(tmp_path, MINIMAL_PLAN)
    (tmp_path / "d.yaml").mkdir()
    for command in ("validate", "status"):
        r = cchc(command, str(plan), "--progress", str(tmp_path / "d.yaml"), "--lang", "en")
        assert r.code == 2, r.all
        assert "d.yaml: is a folder, not a progress file; it is not read" in r.err, r.err


def test_two_records_of_one_task_on_one_day_are_a_warning_naming_the_one_used(
    tmp_path: Path,
) -> None:
    """Two pull requests that each record I.2 on one day merge cleanly; `validate` says so
    at the earlier line, and every view uses the later one, as the warning says."""
    plan = write(tmp_path, MINIMAL_PLAN)
    progress = write(
        tmp_path,
        "nam: 2023\nnhiem_vu:\n"
        "  - ma: I.2\n    ngay: 2023-06-01\n    trang_thai: hoan_thanh\n"
        "  - ma: I.2\n    ngay: 2023-06-02\n    trang_thai: hoan_thanh\n"
        "  - ma: I.2\n    ngay: 2023-06-01\n    trang_thai: dang_thuc_hien\n",
        "2023.progress.yaml",
    )
    r = cchc("validate", str(plan), str(progress), "--lang", "en")
    assert r.code == 0, r.all
    assert (
        f"{progress}:4:11: warning: I.2 has two records dated 2023-06-01: this one and the "
        "one on line 9; of the two, every report uses the one on line 9. Remove one of them"
    ) in r.out + r.err
    assert "2023-06-02" not in r.out + r.err  # another day is no repeat
    vi = cchc("validate", str(plan), str(progress), "--lang", "vi")
    assert "I.2 có hai bản ghi ngày 01/06/2023" in vi.out + vi.err


def test_an_empty_text_is_said_to_be_empty_and_an_empty_list_to_have_no_item(
    tmp_path: Path,
) -> None:
    """A text that must not be empty is checked after a validator (NFC), where Pydantic
    says "too_short" as of a list: it is still said of a text."""
    text = MINIMAL_PLAN.replace("co_quan_chu_quan: UBND TỈNH HÀ TĨNH", 'co_quan_chu_quan: ""')
    assert text != MINIMAL_PLAN
    r = cchc("validate", str(write(tmp_path, text)), "--lang", "en")
    assert r.code == 1 and "'co_quan_chu_quan' must not be empty" in r.out + r.err, r.all
    assert "at least one item" not in r.out + r.err


def test_an_impossible_issue_date_is_said_with_the_date(tmp_path: Path) -> None:
    text = MINIMAL_PLAN.replace("{thang: 1, nam: 2023}", "{ngay: 31, thang: 2, nam: 2023}")
    assert text != MINIMAL_PLAN
    r = cchc("validate", str(write(tmp_path, text)), "--lang", "vi")
    assert r.code == 1 and "'ngay_ban_hanh': ngày không có thật ('31/2/2023')" in r.out + r.err
