"""A corpus of malformed plan and progress files, each with the first problem it must produce.

The files live in tests/data/malformed/; their expected first problem (line,
column, code and a message fragment) is in tests/data/malformed/expected.yaml.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cchc_cli.files.workspace import validate_file

CORPUS = Path(__file__).resolve().parent / "data" / "malformed"
EXPECTED: dict[str, dict] = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))

# Known gaps of the validator: the test states the right answer and is expected to fail.
KNOWN_GAPS: dict[str, str] = {}


def _cases() -> list:
    cases = []
    for name, expected in EXPECTED.items():
        marks = (
            [pytest.mark.xfail(reason=KNOWN_GAPS[name], strict=True)] if name in KNOWN_GAPS else []
        )
        cases.append(pytest.param(name, expected, id=name, marks=marks))
    return cases


def test_every_corpus_file_has_an_expectation() -> None:
    files = {
        p.relative_to(CORPUS).as_posix()
        for p in CORPUS.rglob("*.yaml")
        if p.name != "expected.yaml" and not (p.name == "2023.yaml" and p.parent != CORPUS)
    }
    assert files == set(EXPECTED)
    assert len(files) >= 12


@pytest.mark.parametrize(("name", "expected"), _cases())
def test_first_problem(name: str, expected: dict) -> None:
    path = CORPUS / name
    # A progress file is checked with its plan: the problems of the file itself come first.
    problems = [p for p in validate_file(path) if p.source.path == str(path)]
    assert problems, f"{name}: no problem reported"
    first = problems[0]
    assert first.severity == "error"
    assert (first.source.line, first.source.col) == (expected["line"], expected["col"]), (
        f"{name}: first problem at {first.source.line}:{first.source.col}: {first.message}"
    )
    assert first.code == expected["code"]
    assert expected["message"] in first.message


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if "/" in n))
def test_plan_beside_each_progress_case_is_valid(name: str) -> None:
    """A progress case must fail on its own content, not on its plan."""
    plan = (CORPUS / name).with_name("2023.yaml")
    own = [p for p in validate_file(plan) if p.source.path == str(plan)]
    assert [p for p in own if p.severity == "error"] == []
