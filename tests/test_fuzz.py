"""Hostile input: the deadline parser, the loader and the status computation never fall over.

Every test is bounded (150 examples, no per-example deadline) so the whole
file runs in well under a minute.
"""

from __future__ import annotations

import tempfile
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_cli.errors import Problem, UsageError
from cchc_cli.files.workspace import open_workspace, validate_file
from cchc_cli.plan.deadlines import Deadline, DeadlineError, parse_deadline
from cchc_cli.plan.model import Progress, TargetRecord, TaskRecord
from cchc_cli.plan.status import TASK_STATUSES, compute_status

ROOT = Path(__file__).resolve().parent.parent
PLAN_PATH = ROOT / "plans" / "2023.yaml"
PLAN_TEXT = PLAN_PATH.read_text(encoding="utf-8")
PLAN = open_workspace(PLAN_PATH).plan
TASK_IDS = sorted({task.ma for _, _, task in PLAN.tasks()})

# Scratch folder for the files the loader reads (hypothesis reuses one test
# function for many examples, so pytest's per-test tmp_path does not fit).
SCRATCH = tempfile.TemporaryDirectory(prefix="cchc-fuzz-")
BOUNDED = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _scratch_file(name: str = "2023.yaml") -> Path:
    return Path(SCRATCH.name) / name


def _check_problems(problems: object) -> list[Problem]:
    assert isinstance(problems, list)
    for p in problems:
        assert isinstance(p, Problem)
        assert p.source.line >= 0
        assert p.source.col >= 0
        assert isinstance(p.message, str) and p.message.strip()
        assert p.severity in ("error", "warning")
    return problems


# --- (a) deadline parser ----------------------------------------------------------

_DEADLINE_PIECES = [
    "Trước ngày ",
    "Chậm nhất ngày ",
    "Tháng ",
    "Quý ",
    " năm ",
    "6 tháng đầu năm ",
    "6 tháng cuối năm ",
    "Thường xuyên",
    ", liên tục",
    "Hằng quý",
    "Hằng tháng",
    "Theo Kế hoạch ISO năm 2023",
    "Trong năm ",
    "Ngày 15 tháng 3 năm 2023",
    "15/01/2023",
    "30/6",
    "01-02/2023",
    "II, III/2023",
    "IV/2023",
    "V/2023",
    "0/2023",
    "32/12/2023",
    "29/02/2023",
    "29/02/2024",
    "2023",
    "12",
    "-",
    "–",
    "/",
    ",",
    " ",
    "\u00a0",
    "\t",
    "\n",
]


def _fold_case(text: str, mode: int) -> str:
    return [text, text.upper(), text.lower(), unicodedata.normalize("NFD", text)][mode]


@BOUNDED
@given(
    st.lists(
        st.one_of(st.sampled_from(_DEADLINE_PIECES), st.text(max_size=3)),
        max_size=7,
    ).map("".join),
    st.integers(0, 3),
)
def test_deadline_parser_on_mixed_fragments(text: str, mode: int) -> None:
    phrase = _fold_case(text, mode)
    try:
        result = parse_deadline(phrase, 2023)
    except DeadlineError as error:
        assert isinstance(str(error), str)
        return
    assert isinstance(result, Deadline)
    if result.start is not None and result.due is not None:
        assert result.start <= result.due


# --- (b) the loader on random YAML documents and random bytes ------------------------

_PLAN_KEYS = [
    "nam",
    "van_ban",
    "linh_vuc",
    "don_vi",
    "chi_tieu",
    "chi_so",
    "phu_luc",
    "phan",
    "muc_tieu",
    "nhiem_vu",
    "ma",
    "ten",
    "so",
    "thoi_han",
    "chu_tri",
    "gia_tri",
    "don_vi",
    "so_sanh",
    "ung_voi",
    "cai_dat",
    "dieu_chinh",
    "ngay",
    "trang_thai",
]
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.dates(),
    st.sampled_from(["2023-13-45", "Quý V/2023", "phan_tram", ">=", "I.1.a", "150", "~", "&a"]),
)
_keys = st.one_of(st.sampled_from(_PLAN_KEYS), st.text(max_size=8), st.integers(-5, 5))
_documents = st.recursive(
    _scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(_keys, children, max_size=5),
    ),
    max_leaves=25,
)


@BOUNDED
@given(_documents, st.sampled_from(["2023.yaml", "2023.progress.yaml"]))
def test_loader_on_random_documents(document: object, name: str) -> None:
    path = _scratch_file(name)
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    if name != "2023.yaml":
        # a progress file is checked against its plan: give it the real one
        _scratch_file().write_text(PLAN_TEXT, encoding="utf-8")
    _check_problems(validate_file(path))


@BOUNDED
@given(
    st.one_of(
        st.binary(max_size=200),
        st.lists(
            st.sampled_from(
                [
                    b"nam: ",
                    b"2023",
                    b"\n",
                    b"  ",
                    b"- ",
                    b"\t",
                    b"{",
                    b"[",
                    b"\xff",
                    b"\x00",
                    b"&a ",
                    b"*a",
                    b"!!python/name:os.system",
                    b"'",
                    b'"',
                    b"\xc3",
                    b"#",
                ]
            ),
            max_size=30,
        ).map(b"".join),
    )
)
def test_loader_on_random_bytes(data: bytes) -> None:
    path = _scratch_file("bytes.yaml")
    path.write_bytes(data)
    _check_problems(validate_file(path))


def test_loader_usage_error_only_for_missing_file_or_directory() -> None:
    for path in (_scratch_file("missing.yaml"), Path(SCRATCH.name)):
        try:
            validate_file(path)
        except UsageError:
            continue
        raise AssertionError(f"{path}: expected a usage error")


# --- (c) the loader on mutations of plans/2023.yaml ----------------------------------

PLAN_LINES = PLAN_TEXT.splitlines(keepends=True)


@st.composite
def _mutated_plan(draw: st.DrawFn) -> str:
    lines = list(PLAN_LINES)
    n = len(lines)
    kind = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "truncate"]))
    i = draw(st.integers(0, n - 1))
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "swap":
        j = draw(st.integers(0, n - 1))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "insert":
        line = lines[i]
        at = draw(st.integers(0, len(line)))
        char = draw(st.one_of(st.sampled_from(list(":-[]{}&*!|>'\"#%@`\t ,?")), st.characters()))
        lines[i] = line[:at] + char + line[at:]
    else:
        text = "".join(lines)
        return text[: draw(st.integers(0, len(text)))]
    return "".join(lines)


@BOUNDED
@given(_mutated_plan())
def test_loader_on_mutated_plan(text: str) -> None:
    path = _scratch_file("mutated.yaml")
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    problems = _check_problems(validate_file(path))
    n_lines = len(text.splitlines())
    for p in problems:
        if p.source.line > 0:
            assert p.source.line <= n_lines + 1, (p.source, p.message)


# --- (d) status invariants ------------------------------------------------------------

_DAYS = st.dates(date(2022, 12, 1), date(2024, 1, 31))


@st.composite
def _record(draw: st.DrawFn) -> TaskRecord:
    state = draw(
        st.sampled_from(["hoan_thanh", "dang_thuc_hien", "chua_thuc_hien", "khong_thuc_hien"])
    )
    return TaskRecord(
        ma=draw(st.sampled_from(TASK_IDS)),
        ngay=draw(_DAYS),
        trang_thai=state,
        ly_do="Không còn phù hợp" if state == "khong_thuc_hien" else None,
    )


@BOUNDED
@given(st.lists(_record(), max_size=40), _DAYS, st.sampled_from([None, 0, 7, 30]))
def test_status_invariants(records: list[TaskRecord], as_of: date, soon: int | None) -> None:
    report = compute_status(PLAN, Progress(nam=2023, nhiem_vu=records), as_of, due_soon_days=soon)
    assert len(report.tasks) == len(PLAN.tasks())
    for row in report.tasks:
        assert row.status in TASK_STATUSES
    s = report.summary
    assert s.tasks == len(report.tasks)
    assert 0 <= s.done_due <= s.due <= s.dated
    assert s.done_due + s.done_early == s.done <= s.dated
    assert s.dated + s.continuous + s.dropped == s.tasks
    assert 0 <= s.overdue <= s.due
    assert s.done + s.overdue + s.not_done + s.due_soon <= s.dated
    for rate in (s.rate, s.plan_rate):
        assert rate is None or 0.0 <= rate <= 1.0
    if report.whole_year:
        assert s.due == s.dated and s.due_soon == 0
        assert all(r.status != "not_started" for r in report.tasks)
    assert sum(s.by_status.values()) == len(report.tasks)
    for key, count in s.by_status.items():
        assert key in TASK_STATUSES
        assert count == sum(r.status == key for r in report.tasks)
    for part in (*report.by_area.values(), *report.by_unit.values()):
        assert part.done_due <= part.due and part.overdue <= part.due and part.done <= part.dated
        assert sum(part.by_status.values()) == part.tasks


# --- (e) positions agree with PyYAML's own composer --------------------------------------


def _same_positions(node: Any, position: Any) -> None:
    """Walk PyYAML's node tree and our tree of positions together: same places everywhere."""
    assert (position[0], position[1]) == (node.start_mark.line, node.start_mark.column)
    children = position[2]
    if isinstance(node, yaml.MappingNode):
        texts = [k.value for k, _v in node.value]
        assert isinstance(children, dict) and len(children) == len(set(texts))
        for i, (key_node, value_node) in enumerate(node.value):
            if key_node.value in texts[:i]:
                continue  # keys 1 and '1': two keys, one text; the first one is kept
            key_line, key_col, value_position = children[key_node.value]
            assert (key_line, key_col) == (key_node.start_mark.line, key_node.start_mark.column)
            _same_positions(value_node, value_position)
    elif isinstance(node, yaml.SequenceNode):
        assert isinstance(children, list) and len(children) == len(node.value)
        for child, child_position in zip(node.value, children, strict=True):
            _same_positions(child, child_position)
    else:
        assert children is None


def test_positions_of_the_real_plan_agree_with_pyyaml() -> None:
    from cchc_cli.files.reader import _build, _event_parser

    built = _build(_event_parser()(PLAN_TEXT))
    assert built is not None
    _same_positions(yaml.compose(PLAN_TEXT, Loader=yaml.SafeLoader), built[1])


@BOUNDED
@given(_documents, st.booleans())
def test_positions_of_random_documents_agree_with_pyyaml(document: object, flow: bool) -> None:
    from cchc_cli.files.reader import _build, _event_parser

    text = yaml.safe_dump(document, allow_unicode=True, default_flow_style=flow)
    built = _build(_event_parser()(text))
    assert built is not None
    _same_positions(yaml.compose(text, Loader=yaml.SafeLoader), built[1])


TARGET_IDS = sorted({t.ma for _a, _i, t in PLAN.targets()})


@st.composite
def _measure(draw: st.DrawFn) -> TargetRecord:
    return TargetRecord(
        ma=draw(st.sampled_from(TARGET_IDS)),
        ngay=draw(_DAYS),
        gia_tri=draw(st.integers(0, 100)),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_record(), max_size=40),
    st.lists(_measure(), max_size=10),
    st.sampled_from([1, 2, 3, 4]),
)
def test_report_json_summary_is_status_at_the_quarter(
    records: list[TaskRecord], measures: list[TargetRecord], quarter: int
) -> None:
    """For any progress and every report, the report's numbers are status --quarter N's."""
    import json

    from cchc_cli.plan.status import as_of_for_quarter
    from cchc_cli.views.report import build_report
    from cchc_cli.views.status_view import make_view, to_json

    progress = Progress(nam=2023, nhiem_vu=records, chi_so=measures)
    as_of = as_of_for_quarter(PLAN, quarter)
    status = compute_status(PLAN, progress, as_of, quarter=quarter)
    status_json = json.loads(to_json(make_view(PLAN, status)))
    report = build_report(PLAN, progress, quarter, signed_on=as_of)
    report_json = json.loads(report.to_json())
    assert report_json["summary"] == status_json["summary"]
    assert report_json["period"] == status_json["period"]
    # and the document says the same numbers
    total = report.tong_cong
    # the annex's "done" is done of those due; a task done before a deadline still
    # to come has its own column, so that done never exceeds due
    assert (total.den_han, total.hoan_thanh, total.truoc_han) == (
        status.summary.due, status.summary.done_due, status.summary.done_early)  # fmt: skip
    assert total.hoan_thanh + total.truoc_han == status.summary.done


# --- (f) record and fmt keep every value they were not asked to change ---------------------

_SCALARS = st.one_of(
    st.integers(-(10**6), 10**6).map(str),
    st.floats(0, 100, allow_nan=False).map(lambda f: f"{f:.3g}"),
    st.sampled_from(["010", "1:30", "no", "yes", "~", "null", "0x1F", "1_000", "'010'", '"x"']),
    st.text("abc đếqý#:-", min_size=1, max_size=12).map(lambda s: repr(s)),
)


@st.composite
def _progress_text(draw: st.DrawFn) -> str:
    lines = ["# MADE-UP test file", "nam: 2023", "chi_so:"]
    for _ in range(draw(st.integers(0, 4))):
        ma = draw(st.sampled_from(TARGET_IDS))
        value = draw(_SCALARS)
        comment = draw(st.sampled_from(["", "  # ghi chú", "  # 1:30"]))
        lines += [f"  - ma: {ma}", "    ngay: 2023-03-01", f"    gia_tri: {value}{comment}"]
        if draw(st.booleans()):
            lines.append(f"    nguon: {draw(_SCALARS)}")
    return "\n".join(lines) + "\n"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_progress_text())
def test_record_and_fmt_keep_values(text: str) -> None:
    from cchc_cli.errors import CchcError
    from cchc_cli.files import roundtrip
    from cchc_cli.files.reader import parse_text
    from cchc_cli.files.record import Entry, add_record

    folder = Path(SCRATCH.name) / "roundtrip"
    folder.mkdir(exist_ok=True)
    plan = folder / "2023.yaml"
    if not plan.exists():
        plan.write_text(PLAN_TEXT, encoding="utf-8")
    prog = folder / "2023.progress.yaml"
    prog.write_text(text, encoding="utf-8")
    before = parse_text("x", text).root
    try:
        add_record(plan, Entry("I.2", date(2023, 6, 1), state="done"), today=date(2023, 6, 2))
    except CchcError:
        assert prog.read_text(encoding="utf-8") == text  # refused: nothing written
    else:
        after = parse_text("x", prog.read_text(encoding="utf-8")).root
        assert {k: v for k, v in after.items() if k != "nhiem_vu"} == before
        assert after["nhiem_vu"][-1]["ma"] == "I.2"
    current = prog.read_text(encoding="utf-8")
    values = parse_text("x", current).root
    try:
        roundtrip.format_file(prog, write=True)
    except CchcError:
        assert prog.read_text(encoding="utf-8") == current
    else:
        assert parse_text("x", prog.read_text(encoding="utf-8")).root == values
