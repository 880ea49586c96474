"""Vietnamese everywhere an official meets cchc: the help's own scaffolding, option values
typed in Vietnamese, the YAML reader's messages, the JSON Schema's descriptions."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from conftest import ROOT
from helpers import cchc

PLAN = ROOT / "plans" / "2023.yaml"

# Words that are English and never a Vietnamese syllable written without marks.
ENGLISH = re.compile(
    r"\b(the|of|and|is|or|with|for|when|each|by|from|its|it|be|are|this|that|not|e\.g|used|"
    r"blank|empty|verbatim|until|where|which|found|expected|allowed|did|could|while|"
    r"character|stream|token|mapping|sequence|indentation|block)\b",
    re.IGNORECASE,
)


def english_in(text: str) -> list[str]:
    return ENGLISH.findall(text)


# --- help ---------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["--help"], ["status", "--help"], ["record", "-h"]])
def test_help_has_no_english_scaffolding(args: list[str]) -> None:
    r = cchc(*args, "--lang", "vi")
    assert r.code == 0
    usage = r.out.splitlines()[0]
    assert usage.startswith("Cách dùng: cchc")
    assert "[OPTIONS]" not in r.out and "COMMAND" not in r.out and "[ARGS]" not in r.out
    assert "[TUỲ CHỌN]" in usage
    english = cchc(*args, "--lang", "en")
    assert "[OPTIONS]" in english.out.splitlines()[0]


def test_a_usage_error_shows_the_vietnamese_usage_line() -> None:
    r = cchc("status", "--only", "xyz", "--lang", "vi")
    assert r.code == 2
    assert r.err.startswith("Cách dùng: cchc status [TUỲ CHỌN]")
    assert "qua-han (overdue)" in r.err and "chua-bao-cao (missing-report)" in r.err


# --- option values --------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["quá hạn", "qua-han", "Qua_han", "QUÁ HẠN", "overdue"])
def test_only_takes_its_values_in_vietnamese(typed: str) -> None:
    english = cchc("status", str(PLAN), "--as-of", "2023-06-30", "--only", "overdue",
                   "--format", "json")  # fmt: skip
    said = cchc("status", str(PLAN), "--as-of", "2023-06-30", "--only", typed, "--format", "json")
    assert said.code == 0, said.all
    assert json.loads(said.out) == json.loads(english.out)


def test_format_and_schema_kind_in_vietnamese() -> None:
    table = cchc("status", str(PLAN), "--as-of", "2023-06-30", "-f", "bảng", "--width", "100")
    assert (
        table.code == 0
        and table.out
        == cchc("status", str(PLAN), "--as-of", "2023-06-30", "-f", "table", "--width", "100").out
    )
    assert cchc("schema", "tiến độ").out == cchc("schema", "progress").out
    assert cchc("schema", "ke-hoach").out == cchc("schema", "plan").out
    assert cchc("validate", str(PLAN), "--format", "van-ban").code == 0


def test_an_option_name_is_not_taken_for_a_value() -> None:
    # the normalisation applies to values: an option spelt in Vietnamese is still unknown
    r = cchc("status", "--qua-han")
    assert r.code == 2 and "--qua-han" in r.err


# --- the YAML reader --------------------------------------------------------------------------

MALFORMED = [
    "nam: 2023\nvan_ban: {a: 1\nx: [1, 2\n",
    "nam: 2023\n  x: 1\n",
    'nam: "2023\n',
    "ten: Kết quả: tốt\n",
    "nam: 2023\nx: @abc\n",
    'nam: 2023\nx: "a\\qb"\n',
    "nam: 2023\n- a\n",
    "%FOO\n---\nnam: 1\n",
    "nam: [1, 2\n",
    "a:\n  - b\n  c: 1\n",
    "a: |0\n  x\n",
    "a: !!binary x\nb: *c\n",
    "a: 1\n---\nb: 2\n",
    "? a\n",
    "a: b\n c: d\n",
    "a: 'x\n",
    "a: `x`\n",
    "a: %x\n",
    "a: x\n...\nb: y\n",
    "- a\nb: c\n",
    "a: [b}\n",
    'a: "\\u12"\n',
    "a: !<x y> 1\n",
    "%YAML 1.2\n%YAML 1.2\n---\na: 1\n",
    "%TAG ! x\n%TAG ! y\n---\na: 1\n",
]


@pytest.mark.parametrize("text", MALFORMED)
def test_every_yaml_message_is_one_vietnamese_line_at_its_place(tmp_path: Path, text: str) -> None:
    (tmp_path / "plans").mkdir()
    path = tmp_path / "plans" / "2023.yaml"
    path.write_text(text, encoding="utf-8")
    r = cchc("validate", str(path), "--lang", "vi")
    assert r.code == 1, r.all
    first = r.out.splitlines()[0]
    assert re.match(rf"{re.escape(str(path))}:\d+:\d+: lỗi: ", first), first
    said = first.split(": lỗi: ", 1)[1]
    assert not english_in(said), said
    assert "Traceback" not in r.all


def test_a_colon_in_a_sentence_says_to_quote_it(tmp_path: Path) -> None:
    (tmp_path / "2023.yaml").write_bytes(PLAN.read_bytes())
    path = tmp_path / "2023.progress.yaml"
    path.write_text(
        "nam: 2023\nbao_cao:\n  - ky: 2\n    ket_qua_noi_bat: Đã hoàn thành: 5 nhiệm vụ\n",
        encoding="utf-8",
    )
    r = cchc("validate", str(path), "--lang", "vi")
    first = next(ln for ln in r.out.splitlines() if ": lỗi: " in ln)
    assert first.startswith(f"{path}:4:")
    assert 'hãy đặt cả câu trong dấu nháy kép, ví dụ ket_qua_noi_bat: "Đã hoàn thành: 5' in first


# --- the JSON Schema ------------------------------------------------------------------------


def _descriptions(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [node["description"]] if isinstance(node.get("description"), str) else []
        return found + [d for k, v in node.items() if k != "description" for d in _descriptions(v)]
    if isinstance(node, list):
        return [d for v in node for d in _descriptions(v)]
    return []


@pytest.mark.parametrize("kind", ["plan", "progress", "criteria"])
def test_every_schema_description_is_vietnamese(kind: str) -> None:
    schema = json.loads(cchc("schema", kind).out)
    descriptions = _descriptions(schema)
    assert len(descriptions) > 30
    for text in descriptions:
        assert not english_in(text), text
        assert unicodedata.normalize("NFC", text) == text
