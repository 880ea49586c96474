"""`cchc fmt`: one canonical layout, idempotent, comments kept, the real plans already in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MINIMAL_PLAN, ROOT, write
from helpers import cchc, read_model
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_cli.files import roundtrip as yamlio
from cchc_cli.plan.model import Plan, Progress, Target, Task, TaskRecord

REAL_FILES = sorted((ROOT / "plans").glob("*.yaml"))


# --- the repository's own files ------------------------------------------------------------


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.name)
def test_real_files_are_in_the_canonical_layout(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert yamlio.canonical(text, yamlio.model_for(path)) == text


def test_fmt_check_passes_on_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    r = cchc("fmt", "--check")
    assert r.code == 0, r.all
    assert r.out == f"0 file(s) would be reformatted, {len(REAL_FILES)} already formatted\n"


def test_real_plan_after_fmt_is_the_same_plan(tmp_path: Path) -> None:
    plan = tmp_path / "2023.yaml"
    plan.write_bytes((ROOT / "plans" / "2023.yaml").read_bytes())
    assert cchc("fmt", str(plan)).code == 0
    assert plan.read_bytes() == (ROOT / "plans" / "2023.yaml").read_bytes()


# --- layout --------------------------------------------------------------------------------

MESSY = """\
# Made-up test file.
nhiem_vu:
- trang_thai: hoan_thanh   # done
  ngay: 2023-01-12
  # evidence follows
  minh_chung: 'Kế hoạch số 15/KH-SCT'
  ma: I.1.a
- ma: I.2
  ngay: 2023-03-01
  trang_thai: dang_thuc_hien
  ghi_chu: ~
nam: 2023
"""

# Comments keep the column they were written at (ruamel's rule): after the
# records move right by two spaces, "# done" is one space after its value and
# "# evidence follows" stays where it was.
TIDY = """\
# Made-up test file.
nam: 2023
nhiem_vu:
  - ma: I.1.a
    ngay: 2023-01-12
    trang_thai: hoan_thanh # done
  # evidence follows
    minh_chung: 'Kế hoạch số 15/KH-SCT'
  - ma: I.2
    ngay: 2023-03-01
    trang_thai: dang_thuc_hien
    ghi_chu: null
"""


def test_canonical_layout_of_a_messy_file() -> None:
    assert yamlio.canonical(MESSY, Progress) == TIDY
    assert yamlio.canonical(TIDY, Progress) == TIDY


def test_fmt_rewrites_and_check_lists(tmp_path: Path) -> None:
    messy = write(tmp_path, MESSY, "2023.progress.yaml")
    plan = write(tmp_path, MINIMAL_PLAN)
    r = cchc("fmt", "--check", str(plan), str(messy))
    assert r.code == 1
    assert r.out == f"would reformat {messy}\n1 file(s) would be reformatted, 1 already formatted\n"
    assert messy.read_text(encoding="utf-8") == MESSY
    r = cchc("fmt", "--check", "--diff", str(messy))
    assert "-- trang_thai: hoan_thanh   # done" in r.out
    assert "+    trang_thai: hoan_thanh # done" in r.out
    r = cchc("fmt", str(plan), str(messy))
    assert r.code == 0, r.all
    assert r.out == f"reformatted {messy}\n1 file(s) reformatted, 1 already formatted\n"
    assert messy.read_text(encoding="utf-8") == TIDY
    assert cchc("fmt", "--check", str(messy)).code == 0


def test_fmt_defaults_to_every_yaml_under_plans(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "plans").mkdir()
    write(tmp_path / "plans", MINIMAL_PLAN)
    write(tmp_path / "plans", MESSY, "2023.progress.yaml")
    monkeypatch.chdir(tmp_path)
    r = cchc("fmt", "--check")
    assert r.code == 1
    assert r.out.splitlines()[0] == "would reformat plans/2023.progress.yaml"


def test_quotes_dates_nulls_and_long_lines_are_kept() -> None:
    long = "Rất dài " * 60
    text = (
        f'nam: 2023\nnhiem_vu:\n  - ma: "I.1.a"\n    ngay: 2023-01-12\n'
        f"    trang_thai: 'hoan_thanh'\n    ghi_chu: {long.strip()}\n    ly_do: null\n"
    )
    assert yamlio.canonical(text, Progress) == text


def test_a_blank_value_is_written_null() -> None:
    assert yamlio.canonical("nam: 2023\nbao_cao:\n", Progress) == "nam: 2023\nbao_cao: null\n"


def test_comment_before_a_key_moves_with_it() -> None:
    text = (
        "nam: 2023\n"
        "cai_dat:\n"
        "  canh_bao_truoc: 14  # days\n"
        "  # who receives reports\n"
        "  kinh_gui: [Sở Nội vụ]\n"
        "\n"
        "# the end\n"
    )
    assert yamlio.canonical(text, Plan) == (
        "nam: 2023\n"
        "cai_dat:\n"
        "  # who receives reports\n"
        "  kinh_gui: [Sở Nội vụ]\n"
        "  canh_bao_truoc: 14  # days\n"
        "\n"
        "# the end\n"
    )


def test_field_order_puts_names_first() -> None:
    assert yamlio.field_order(Task)[:3] == ("ma", "nhiem_vu", "hoat_dong")
    assert yamlio.field_order(Task)[-1] == "dong_tiep"
    assert yamlio.field_order(Target)[:2] == ("ma", "so_sanh")
    assert yamlio.field_order(TaskRecord) == tuple(TaskRecord.model_fields)


def test_unknown_keys_keep_their_place_after_known_ones() -> None:
    text = "ghi_chu_rieng: x\nnam: 2023\n"
    assert yamlio.canonical(text, Progress) == "nam: 2023\nghi_chu_rieng: x\n"


# --- bad input -----------------------------------------------------------------------------


def test_a_file_that_does_not_parse_is_reported_and_left_alone(tmp_path: Path) -> None:
    bad = write(tmp_path, "nam: 2023\nnhiem_vu: [\n", "2023.progress.yaml")
    messy = write(tmp_path, MESSY, "other.progress.yaml")
    before = bad.read_bytes()
    r = cchc("fmt", str(bad), str(messy))
    assert r.code == 1
    assert r.err.startswith(f"{bad}:3:1: error: ")
    assert "Traceback" not in r.all
    assert bad.read_bytes() == before
    assert messy.read_text(encoding="utf-8") == TIDY  # the others are still formatted
    assert r.out.endswith("1 left unchanged because of the errors above\n")


def test_duplicate_keys_are_reported(tmp_path: Path) -> None:
    bad = write(tmp_path, "nam: 2023\nnam: 2024\n", "2023.progress.yaml")
    r = cchc("fmt", "--check", str(bad))
    assert r.code == 1
    assert r.err.startswith(f"{bad}:2:1: error: duplicate key")


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    r = cchc("fmt", str(tmp_path / "nope.yaml"))
    assert r.code == 2
    assert r.err == f"cchc: error: {tmp_path / 'nope.yaml'}: no such file\n"


def test_empty_file_is_left_alone(tmp_path: Path) -> None:
    empty = write(tmp_path, "# nothing yet\n", "2023.progress.yaml")
    assert cchc("fmt", "--check", str(empty)).code == 0


# --- idempotence on generated files -------------------------------------------------------

_KEYS = ["ma", "ngay", "trang_thai", "minh_chung", "ghi_chu"]
_VALUES = {
    "ma": ["I.1.a", '"I.2"', "III.1"],
    "ngay": ["2023-01-12", "'2023-03-31'"],
    "trang_thai": ["hoan_thanh", "dang_thuc_hien"],
    "minh_chung": ["Kế hoạch số 15/KH-SCT", '"Văn bản: 12/SCT"', "null"],
    "ghi_chu": ["'ghi chú'", "x  # a comment", "~", ""],
}


@st.composite
def progress_documents(draw: st.DrawFn) -> str:
    dash = draw(st.sampled_from(["", "  "]))
    records = []
    for _ in range(draw(st.integers(1, 4))):
        keys = draw(st.permutations(_KEYS))
        lines = []
        for i, key in enumerate(keys):
            value = draw(st.sampled_from(_VALUES[key]))
            lead = f"{dash}- " if i == 0 else f"{dash}  "
            lines.append(f"{lead}{key}: {value}".rstrip())
            if draw(st.booleans()) and i:
                lines.insert(-1, f"{dash}  # about {key}")
        records.append("\n".join(lines))
    blank = draw(st.sampled_from(["\n", "\n\n"]))
    top = [
        f"nam: 2023{draw(st.sampled_from(['', '  # year']))}",
        "nhiem_vu:\n" + "\n".join(records),
    ]
    if draw(st.booleans()):
        top.reverse()
    return "# Made-up test file.\n" + blank.join(top) + "\n"


@settings(max_examples=150, deadline=None)
@given(progress_documents())
def test_fmt_is_idempotent_and_keeps_the_content(text: str) -> None:
    once = yamlio.canonical(text, Progress)
    assert yamlio.canonical(once, Progress) == once
    for line in text.splitlines():
        if "#" in line:
            assert line[line.index("#") :] in once  # every comment survives
    before, after = (yamlio.load(t) for t in (text, once))
    assert before == after
    keys = [list(item) for item in after["nhiem_vu"]]
    assert all(k == [f for f in _KEYS if f in k] for k in keys)


def test_fmt_output_validates_like_its_input(tmp_path: Path) -> None:
    plan = write(tmp_path, MINIMAL_PLAN)
    assert read_model(plan, Plan)[0] is not None
    progress = write(tmp_path, MESSY, "2023.progress.yaml")
    model_before = read_model(progress, Progress)[0]
    assert cchc("fmt", str(progress)).code == 0
    assert read_model(progress, Progress)[0] == model_before


@pytest.mark.parametrize(
    "text",
    [
        "---\nnam: 2023\n",
        "# before the marker\n---\nnam: 2023\n",
        "%YAML 1.2\n---  # the document\nnam: 2023\n",
        "nam: 2023\n...\n# after the end marker\n",
    ],
)
def test_document_markers_and_their_comments_are_kept(text: str) -> None:
    assert yamlio.canonical(text, Progress) == text


def test_a_comment_ruamel_would_drop_is_refused(tmp_path: Path) -> None:
    text = "nam: 2023\nbao_cao: [\n  {ky: 1},  # quý I\n]\n"
    path = write(tmp_path, text, "2023.progress.yaml")
    r = cchc("fmt", str(path))
    assert r.code == 1
    assert r.err.startswith(f"{path}:3:13: error: cchc cannot rewrite this file without losing")
    assert path.read_text(encoding="utf-8") == text
