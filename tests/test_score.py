"""`cchc score`: the PAR-index self-assessment from the plan's own records; the criteria set
as data (`cchc validate`, `cchc criteria`); the register of reports in `cchc status`."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from conftest import ROOT
from helpers import cchc, require_tool

from cchc_cli import words
from cchc_cli.plan.deadlines import Period
from cchc_cli.plan.reports import report_status

PLAN = ROOT / "plans" / "2023.yaml"
EXAMPLE = ROOT / "examples" / "2023.progress.yaml"
SET = ROOT / "tieu-chi" / "vi-du" / "so-2023.yaml"
LIBREOFFICE = "apt-get install libreoffice-calc-nogui"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository of plans with the 2023 plan, the example progress and the example set."""
    (tmp_path / "plans").mkdir()
    shutil.copy(PLAN, tmp_path / "plans" / "2023.yaml")
    shutil.copy(EXAMPLE, tmp_path / "plans" / "2023.progress.yaml")
    (tmp_path / "tieu-chi" / "vi-du").mkdir(parents=True)
    shutil.copy(SET, tmp_path / "tieu-chi" / "vi-du" / "so-2023.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def score_json(*args: str) -> dict:
    r = cchc("score", *args, "--format", "json")
    assert r.code == 0, r.all
    return json.loads(r.out)


def criteria_of(data: dict) -> dict[str, dict]:
    return {c["code"]: c for a in data["areas"] for c in a["criteria"]}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- the criteria set as data -------------------------------------------------------------


def test_the_example_set_cites_its_decision_says_its_wording_is_ours_and_validates() -> None:
    from cchc_cli.files.criteria import load_criteria

    cset, problems = load_criteria(SET)
    assert cset is not None and problems == []
    d = cset.quyet_dinh
    assert (d.so, d.nam, d.co_quan) == ("1880/QĐ-UBND", 2013, "UBND tỉnh Cà Mau")
    assert d.dia_chi and d.dia_chi.startswith("https://thuvienphapluat.vn/")
    assert cset.loi_van == "tu_soan"
    text = SET.read_text(encoding="utf-8")
    assert "KHÔNG PHẢI bộ tiêu chí chính thức" in text and "hãy nhập bộ tiêu chí chính thức" in text
    r = cchc("validate", str(SET))
    assert r.code == 0, r.all
    assert "1 file checked: 0 error(s), 0 warning(s)" in r.out
    # the plan names it, so validating the plans checks it too
    r = cchc("validate", str(PLAN), "--progress", str(EXAMPLE))
    assert r.code == 0 and "3 files checked" in r.out


def test_the_criteria_schema_is_committed_and_described_in_vietnamese() -> None:
    r = cchc("schema", "criteria")
    committed = (ROOT / "schema" / "criteria.schema.json").read_text(encoding="utf-8")
    assert r.out.rstrip("\n") == committed.rstrip("\n")
    schema = json.loads(committed)
    for name, definition in {"(root)": schema, **schema["$defs"]}.items():
        for field, spec in definition.get("properties", {}).items():
            assert spec.get("description"), f"{name}.{field}"
    assert "Điểm tối đa" in committed
    first = SET.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schema/criteria.schema.json"


BAD_SET = """\
ten: Thử
cap: so
quyet_dinh: {so: 1/QĐ-UBND, ngay: 2020-01-02, co_quan: UBND tỉnh}
loi_van: tu_soan
tong_diem: 10
linh_vuc:
  - ma: "1"
    ten: Một
    diem_toi_da: 4
    tieu_chi:
      - ma: "1.1"
        ten: Kế hoạch
        diem_toi_da: 3
        thanh_phan:
          - ma: "1.1.1"
            ten: Ban hành
            diem_toi_da: 1
            cach_cham: {kieu: truong_hop, truong_hop: {dung_han: 1, tre: 0.5}}
            tu_dong: ke_hoach_ban_hanh_dung_han
          - ma: "1.1.1"
            ten: Hoàn thành
            diem_toi_da: 1
            cach_cham: {kieu: muc, muc: [{tren: 90, diem: 3}, {diem: 0}]}
            tu_dong: ty_le_hoan_thanh_ke_hoac
      - ma: "1.2"
        ten: Báo cáo
        diem_toi_da: 1
        cach_cham: {kieu: muc, muc: [{tu: 100, diem: 1}]}
        tu_dong: ke_hoach_ban_hanh_dung_han
"""


def test_a_set_whose_points_do_not_add_up_is_refused_at_each_line(tmp_path: Path) -> None:
    folder = tmp_path / "tieu-chi"
    folder.mkdir()
    path = folder / "so.yaml"
    path.write_text(BAD_SET, encoding="utf-8")
    r = cchc("validate", str(path))
    assert r.code == 1
    found = {(int(m[0]), m[1]) for m in re.findall(rf"{re.escape(str(path))}:(\d+):\d+: error: (.*)", r.out)}  # fmt: skip
    assert found == {
        (5, "tong_diem says 10 but the areas add up to 4"),
        (13, "1.1: the maximum says 3 but its parts add up to 2"),
        (18, "rule ke_hoach_ban_hanh_dung_han gives the cases dung_han, tre_han, "
             "chua_ban_hanh, but truong_hop names dung_han, tre"),
        (20, "duplicate criterion code '1.1.1'"),
        (23, "1.1.1: 3 points, more than its maximum 1"),
        (24, "no automatic rule 'ty_le_hoan_thanh_ke_hoac'; did you mean "
             "'ty_le_hoan_thanh_ke_hoach'?; the rules: " + ", ".join(
                 __import__("cchc_cli.plan.criteria", fromlist=["RULES"]).RULES)),
        (29, "rule ke_hoach_ban_hanh_dung_han gives no percentage, so it cannot score by muc; "
             "its cases: dung_han, tre_han, chua_ban_hanh"),
    }  # fmt: skip


def test_a_set_outside_the_repository_or_missing_is_said_at_the_plans_setting(repo: Path) -> None:
    plan = repo / "plans" / "2023.yaml"
    edit(plan, "bo_tieu_chi: ../tieu-chi/vi-du/so-2023.yaml", "bo_tieu_chi: ../../etc/passwd")
    r = cchc("score")
    assert r.code == 1
    line = next(i for i, t in enumerate(plan.read_text().splitlines(), 1) if "bo_tieu_chi" in t)
    assert f"plans/2023.yaml:{line}:" in r.err and "must be a file inside the repository" in r.err
    assert "root:" not in r.err
    edit(plan, "bo_tieu_chi: ../../etc/passwd", "bo_tieu_chi: ../tieu-chi/khong-co.yaml")
    r = cchc("score")
    assert r.code == 1 and f"plans/2023.yaml:{line}:" in r.err and "no criteria set" in r.err
    (repo / "tieu-chi" / "link.yaml").symlink_to(repo / "tieu-chi" / "vi-du" / "so-2023.yaml")
    edit(plan, "bo_tieu_chi: ../tieu-chi/khong-co.yaml", "bo_tieu_chi: ../tieu-chi/link.yaml")
    r = cchc("score")
    assert r.code == 2 and "is a symbolic link" in r.err and "Traceback" not in r.all


# --- the self-assessment -------------------------------------------------------------------


def test_the_example_gives_a_total_and_every_computed_point_is_traced_to_a_record(
    repo: Path,
) -> None:
    data = score_json()
    crit = criteria_of(data)
    leaves = [c for c in crit.values() if c["leaf"]]
    assert data["total"]["points"] == pytest.approx(sum(c["points"] or 0 for c in leaves))
    assert data["total"]["self_max"] == 19 and data["total"]["survey_max"] == 5
    lines = {
        name: (repo / "plans" / name).read_text(encoding="utf-8").splitlines()
        for name in ("2023.yaml", "2023.progress.yaml")
    }
    auto = [c for c in leaves if c["source"] == "auto"]
    assert {c["code"] for c in auto} == {
        "1.1.1",
        "1.1.4",
        "1.2.1",
        "9.1",
        "9.2",
        "9.3",
        "9.4",
        "9.5",
    }
    for c in auto:
        records = c["computed"]["records"]
        assert records, c["code"]
        for record in records:
            path, line = record["where"].rsplit(":", 1)
            text = lines[Path(path).name][int(line) - 1]
            assert text.strip(), (c["code"], record)
    # the plan issued by its deadline: the plan's task and the record that completed it
    issued = crit["1.1.1"]
    assert issued["computed"]["case"] == "dung_han" and issued["points"] == 1
    where = [r["where"] for r in issued["computed"]["records"]]
    plan_line = lines["2023.yaml"][int(where[0].rsplit(":", 1)[1]) - 1]
    record_line = lines["2023.progress.yaml"][int(where[1].rsplit(":", 1)[1]) - 1]
    assert "Trước ngày 15/01/2023" in plan_line and "2023-01-10" in record_line
    assert issued["computed"]["numbers"] == {"task": "I.1.a", "done_on": "2023-01-10",
                                             "due": "2023-01-14"}  # fmt: skip
    # the completion counts are those of `cchc status` (Summary), not counted again
    status = json.loads(cchc("status", "--as-of", "2023-12-31", "--format", "json").out)
    s = status["summary"]
    assert crit["1.1.4"]["computed"]["numbers"] == {"done": s["done"], "dated": s["dated"]}
    assert crit["9.5"]["computed"]["numbers"] == {"done_on_time": s["done_on_time"],
                                                  "dated": s["dated"]}  # fmt: skip
    assert crit["1.1.4"]["computed"]["value"] == pytest.approx(s["plan_rate"] * 100, abs=0.01)
    # the rates of the year report's figures, as the progress file records them
    from cchc_cli.files.workspace import open_workspace

    year = open_workspace(repo / "plans" / "2023.yaml").progress.narrative(4)
    t, f = year.thong_ke_tthc, year.so_lieu
    resolved = t.giai_quyet_truoc_han + t.giai_quyet_dung_han
    on_time = resolved / (resolved + t.giai_quyet_qua_han)
    assert crit["9.2"]["computed"]["value"] == pytest.approx(on_time * 100)
    assert crit["9.2"]["points"] == round(2 * on_time, 2)
    online = t.tiep_nhan_truc_tuyen / (t.tiep_nhan_truc_tuyen + t.tiep_nhan_truc_tiep)
    assert crit["9.3"]["computed"]["value"] == pytest.approx(online * 100)
    # the example records no tong_so_don_vi: the units are the departments and the public
    # service units, traced to their lines
    assert f.tong_so_don_vi is None
    assert crit["9.1"]["computed"]["numbers"] == {
        "don_vi_duoc_kiem_tra": f.don_vi_duoc_kiem_tra,
        "tong_so_don_vi": f.so_phong + f.so_don_vi_su_nghiep,
    }
    assert [r["label"] for r in crit["9.1"]["computed"]["records"]] == [
        "don_vi_duoc_kiem_tra", "so_phong", "so_don_vi_su_nghiep"]  # fmt: skip


def test_the_officers_scores_evidence_and_appraisal_are_read_and_what_is_missing_listed(
    repo: Path,
) -> None:
    data = score_json()
    crit = criteria_of(data)
    assert data["unscored"] == ["1.2.2"] and data["lacking_evidence"] == ["1.1.3"]
    assert crit["1.1.2"]["source"] == "manual" and crit["1.1.2"]["points"] == 1
    assert [e["number"] for e in crit["1.1.2"]["evidence"]] == ["15/KH-SCT", None]
    assert crit["1.3"]["appraised"] == 2 and crit["1.3"]["appraisal"][0]["reply"]
    assert data["total"]["appraised"] == 2 and data["total"]["appraised_count"] == 1
    assert crit["9.6"]["source"] == "survey" and not crit["9.6"]["unscored"]
    # a document cited by several criteria is listed once, with all of them
    docs = {d["number"]: d for d in data["documents"] if d["number"]}
    assert docs["15/KH-SCT"]["criteria"] == ["1.1.2"]
    plan_issued = [
        d for d in data["documents"] if d["title"] == "Kế hoạch số 15/KH-SCT ngày 10/01/2023"
    ]
    assert plan_issued[0]["criteria"] == ["1.1.1", "1.1.4", "9.5"]
    r = cchc("score", "--lang", "vi")
    assert r.code == 0
    assert "Chưa chấm (1): 1.2.2" in r.out
    assert "Có điểm nhưng thiếu tài liệu kiểm chứng (1): 1.1.3" in r.out
    assert "Tự chấm: 15,99/19 điểm (chưa gồm 5 điểm điều tra xã hội học; tổng tối đa 24)" in r.out


def test_removing_the_record_of_the_plans_issuance_lowers_the_score_by_the_rule(repo: Path) -> None:
    before = score_json()
    progress = repo / "plans" / "2023.progress.yaml"
    edit(progress, "  - ma: I.1.a\n    ngay: 2023-01-10\n    trang_thai: hoan_thanh\n"
         "    minh_chung: Kế hoạch số 15/KH-SCT ngày 10/01/2023\n", "")  # fmt: skip
    after = score_json()
    old, new = criteria_of(before), criteria_of(after)
    assert new["1.1.1"]["computed"]["case"] == "chua_ban_hanh"
    assert (old["1.1.1"]["points"], new["1.1.1"]["points"]) == (1, 0)  # truong_hop: 1 → 0
    assert new["1.1.1"]["computed"]["numbers"]["done_on"] is None
    # the same record counted in the plan's completion too: 12/13 → 11/13, from > 90 % to 70–90 %
    assert new["1.1.4"]["computed"]["numbers"] == {"done": 11, "dated": 13}
    assert (old["1.1.4"]["points"], new["1.1.4"]["points"]) == (2, 1)
    drop = sum((old[k]["points"] or 0) - (new[k]["points"] or 0) for k in old if old[k]["leaf"])
    assert before["total"]["points"] - after["total"]["points"] == pytest.approx(drop)
    assert drop == pytest.approx(1 + 1 + (old["9.5"]["points"] - new["9.5"]["points"]))
    # issued late: half the point, as the set's cases say
    edit(progress, "nhiem_vu:\n", "nhiem_vu:\n  - ma: I.1.a\n    ngay: 2023-01-20\n"
         "    trang_thai: hoan_thanh\n    minh_chung: Kế hoạch số 15/KH-SCT ngày 20/01/2023\n")  # fmt: skip
    late = criteria_of(score_json())
    assert (late["1.1.1"]["computed"]["case"], late["1.1.1"]["points"]) == ("tre_han", 0.5)


def test_a_report_sent_late_lowers_the_score_by_the_rule(repo: Path) -> None:
    progress = repo / "plans" / "2023.progress.yaml"
    late = score_json()
    assert criteria_of(late)["1.2.1"]["computed"]["case"] == "gui_tre"
    assert criteria_of(late)["1.2.1"]["points"] == 0
    edit(progress, "ngay_gui: 2023-09-19", "ngay_gui: 2023-09-18")  # sent on its due day
    on_time = score_json()
    c = criteria_of(on_time)["1.2.1"]
    assert (c["computed"]["case"], c["points"]) == ("du_dung_han", 1)
    assert c["computed"]["numbers"] == {"sent_on_time": 4, "due": 4, "late": 0, "overdue": 0}
    assert on_time["total"]["points"] - late["total"]["points"] == pytest.approx(1)
    # the record is the day it was sent
    where = [r["where"] for r in c["computed"]["records"]]
    lines = progress.read_text(encoding="utf-8").splitlines()
    assert [lines[int(w.rsplit(":", 1)[1]) - 1].strip() for w in where] == [
        "ngay_gui: 2023-03-16", "ngay_gui: 2023-06-16", "ngay_gui: 2023-09-18",
        "ngay_gui: 2023-12-18",
    ]  # fmt: skip
    edit(progress, "    ngay_gui: 2023-03-16\n", "")  # one not sent at all
    c = criteria_of(score_json())["1.2.1"]
    assert (c["computed"]["case"], c["points"]) == ("thieu", 0)


def test_an_officers_score_on_a_computed_criterion_is_shown_beside_what_cchc_computed(
    repo: Path,
) -> None:
    progress = repo / "plans" / "2023.progress.yaml"
    edit(progress, "tu_cham:\n", "tu_cham:\n  - ma: \"1.2.1\"\n    diem: 1\n"
         "    ghi_chu: Báo cáo quý III gửi qua phần mềm ngày 18/9, trục liên thông ngày 19/9.\n")  # fmt: skip
    c = criteria_of(score_json())["1.2.1"]
    assert (c["source"], c["points"], c["computed"]["points"]) == ("override", 1, 0)
    assert "instead of cchc's 0" in c["how"]


def test_self_assessment_entries_that_do_not_fit_the_set_are_errors_at_their_line(
    repo: Path,
) -> None:
    progress = repo / "plans" / "2023.progress.yaml"
    edit(progress, "tu_cham:\n", "tu_cham:\n  - ma: \"1.1.5\"\n    diem: 1\n  - ma: \"1.1\"\n"
         "    diem: 2\n  - ma: \"1.2.2\"\n    diem: 3\n")  # fmt: skip
    r = cchc("score")
    assert r.code == 1
    start = progress.read_text(encoding="utf-8").splitlines().index("tu_cham:") + 1
    assert f"2023.progress.yaml:{start + 1}:9: error: no criterion '1.1.5' in the set" in r.err
    assert re.search(r"did you mean '1\.1\.[1-4]'\?", r.err)
    assert f"2023.progress.yaml:{start + 4}:11: error: 1.1 has components" in r.err
    assert (
        f"2023.progress.yaml:{start + 6}:11: error: 1.2.2: 3 points, more than its maximum 1"
        in r.err
    )
    assert cchc("validate").code == 1


def test_no_set_named_is_a_usage_error_and_criteria_overrides_the_plans(repo: Path) -> None:
    plan = repo / "plans" / "2023.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.split("  # Chấm điểm Chỉ số CCHC")[0], encoding="utf-8")
    r = cchc("score")
    assert r.code == 2 and "names no criteria set" in r.err
    r = cchc("score", "--criteria", "tieu-chi/vi-du/so-2023.yaml", "--format", "json")
    assert r.code == 0
    c = criteria_of(json.loads(r.out))["1.1.1"]
    assert c["computed"]["missing"] == "not-mapped"  # the plan maps no task to the rule
    assert c["unscored"] and "nhiem_vu_ban_hanh_ke_hoach" in c["how"]


# --- outputs ---------------------------------------------------------------------------------


def test_the_workbook_has_the_layout_sozno_collects_and_an_index_of_evidence(repo: Path) -> None:
    data = score_json()
    r = cchc("score", "-o", "tu-cham.xlsx")
    assert r.code == 0 and r.out.startswith("Wrote tu-cham.xlsx: 13 criteria")
    book = openpyxl.load_workbook("tu-cham.xlsx")
    sheet = book[words.SCORE_SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    # a title block names the year, the body, the set with its decision and the day
    head = rows.index(words.SCORE_SHEET_HEADERS)
    above = " ".join(str(v) for row in rows[:head] for v in row if v)
    assert "NĂM 2023" in above and "Cơ quan: SỞ CÔNG THƯƠNG" in above
    assert "Quyết định số" in above and "Số liệu tính đến ngày" in above
    rows = rows[head:]
    by_code = {row[0]: row for row in rows[1:] if row[0]}
    issued = by_code["1.1.1"]
    assert issued[2:4] == (1, 1)
    assert "I.1.a" in issued[4] and "plans/2023.progress.yaml:" in issued[4]
    assert "15/KH-SCT" in issued[5]
    assert by_code["1.3"][6] == 2 and by_code["1.3"][7] and by_code["1.3"][8]
    total = rows[-1]
    assert total[1] == words.SCORE_TOTAL and total[3] == data["total"]["points"]
    assert total[2] == data["total"]["max"]
    index = list(book[words.EVIDENCE_SHEET].iter_rows(values_only=True))
    assert index[0] == words.EVIDENCE_HEADERS
    assert len(index) - 1 == len(data["documents"])
    cited = {row[3]: row[7] for row in index[1:]}
    assert cited["Kế hoạch số 15/KH-SCT ngày 10/01/2023"] == "1.1.1, 1.1.4, 9.5"
    # an existing workbook is kept unless --force; the output is a workbook, not a link
    assert cchc("score", "-o", "tu-cham.xlsx").code == 2
    assert cchc("score", "-o", "tu-cham.xlsx", "--force").code == 0
    assert cchc("score", "-o", "plans/2023.progress.yaml").code == 2
    Path("elsewhere.xlsx").write_bytes(b"x")
    Path("link.xlsx").symlink_to(Path("elsewhere.xlsx").resolve())
    r = cchc("score", "-o", "link.xlsx", "--force")
    assert r.code == 1 and "is a symbolic link" in r.err
    assert Path("elsewhere.xlsx").read_bytes() == b"x"


def test_the_workbook_opens_in_libreoffice_calc(repo: Path, tmp_path: Path) -> None:
    soffice = require_tool("soffice", "libreoffice", install=LIBREOFFICE)
    assert cchc("score", "-o", "tu-cham.xlsx").code == 0
    done = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
         "csv", "--outdir", str(repo / "out"), "tu-cham.xlsx"],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    out = repo / "out" / "tu-cham.csv"
    assert out.exists(), done.stdout + done.stderr
    text = out.read_text(encoding="utf-8", errors="replace")
    assert "1.1.1" in text and "STT" in text


def test_the_terminal_view_in_both_languages(repo: Path) -> None:
    vi = cchc("score", "--lang", "vi", "--width", "100", env={"NO_COLOR": "1"})
    en = cchc("score", "--lang", "en", "--width", "100", env={"NO_COLOR": "1"})
    assert vi.code == 0 and en.code == 0
    assert "Tự chấm điểm Chỉ số CCHC năm 2023 · SỞ CÔNG THƯƠNG" in vi.out
    assert "PAR index self-assessment 2023" in en.out
    assert "lời tự soạn" in vi.out and "cchc's own words" in en.out
    assert "plans/2023.yaml:" in vi.out and "plans/2023.progress.yaml:" in vi.out
    assert max(len(line) for line in vi.out.splitlines()) <= 100


# --- the register of reports in `cchc status` ------------------------------------------------


def test_a_report_is_on_time_on_its_due_day_and_late_the_day_after() -> None:
    period = Period(
        2023, 3, "Quý III", "Q3", date(2023, 6, 15), date(2023, 9, 14), date(2023, 9, 18)
    )
    at = date(2023, 12, 31)
    assert report_status(period, date(2023, 9, 18), at, 14) == "sent_on_time"
    assert report_status(period, date(2023, 9, 19), at, 14) == "sent_late"
    assert report_status(period, None, date(2023, 9, 18), 14) == "due_soon"  # due today
    assert report_status(period, None, date(2023, 9, 19), 14) == "overdue"
    assert report_status(period, None, date(2023, 9, 4), 14) == "due_soon"
    assert report_status(period, None, date(2023, 9, 3), 14) == "not_yet_due"
    # a report sent after the view's date does not change the earlier view
    assert report_status(period, date(2023, 9, 19), date(2023, 9, 18), 14) == "due_soon"


def test_status_shows_reports_due_and_late_in_every_view_alike(repo: Path) -> None:
    js = json.loads(cchc("status", "--as-of", "2023-12-31", "--format", "json").out)
    assert [(r["quarter"], r["status"]) for r in js["reports"]] == [
        (1, "sent_on_time"), (2, "sent_on_time"), (3, "sent_late"), (4, "sent_on_time")
    ]  # fmt: skip
    assert js["reports"][2]["sent_on"] == "2023-09-19" and js["reports"][2]["due"] == "2023-09-18"
    assert js["reports"][0]["channels"] == ["truc_lien_thong", "phan_mem_bnv"]
    counts = js["summary"]["reports"]
    assert (counts["due"], counts["sent_on_time_due"], counts["sent_late"]) == (4, 3, 1)
    table = cchc("status", "--as-of", "2023-12-31", "--lang", "vi", "--width", "100").out
    assert "Báo cáo đến hạn: 3/4 gửi đúng hạn, 1 gửi muộn, 0 chưa gửi" in table
    assert re.search(r"Quý III\s+18/09\s+19/09\s+trục liên thông văn bản\s+Gửi quá hạn", table)
    md = cchc("status", "--as-of", "2023-12-31", "--format", "markdown", "--lang", "vi").out
    assert "| Quý III | 18/09/2023 | 19/09/2023 | trục liên thông văn bản | Gửi quá hạn |" in md
    # mid-year, before anything is sent: due reports are overdue and urgent, like tasks
    progress = repo / "plans" / "2023.progress.yaml"
    edit(progress, "    ngay_gui: 2023-03-16\n", "")
    js = json.loads(cchc("status", "--as-of", "2023-04-01", "--format", "json").out)
    assert js["reports"][0]["status"] == "overdue" and js["summary"]["reports"]["overdue"] == 1
    assert js["urgent"][0] == "Q1"  # the report's name, as tasks give their id
    only = json.loads(cchc("status", "--as-of", "2023-04-01", "--only", "overdue", "--format",
                           "json").out)  # fmt: skip
    assert [r["quarter"] for r in only["reports"]] == [1]
    # reports are the body's: a view narrowed to a unit has none
    unit = json.loads(cchc("status", "--unit", "VP", "--format", "json").out)
    assert unit["reports"] == []


def test_a_report_sent_before_it_was_signed_is_an_error_at_its_line(repo: Path) -> None:
    progress = repo / "plans" / "2023.progress.yaml"
    edit(progress, "ngay_gui: 2023-06-16", "ngay_gui: 2023-06-15")
    r = cchc("validate")
    line = progress.read_text(encoding="utf-8").splitlines().index("    ngay_gui: 2023-06-15") + 1
    assert r.code == 1
    assert f"2023.progress.yaml:{line}:15: error: period 2: sent on 2023-06-15, before it was signed on 2023-06-16" in r.out  # fmt: skip


# --- the site -------------------------------------------------------------------------------


def test_the_site_shows_self_scores_side_by_side_and_the_register(repo: Path) -> None:
    other = repo / "other"
    (other / "plans").mkdir(parents=True)
    shutil.copy(repo / "plans" / "2023.yaml", other / "plans" / "2023.yaml")
    shutil.copytree(repo / "tieu-chi", other / "tieu-chi")
    r = cchc("site", ".", "other", "-o", "site", "--as-of", "2023-12-31", "--lang", "vi")
    assert r.code == 0, r.all
    portfolio = (repo / "site" / "index.html").read_text(encoding="utf-8")
    assert "<th>Tự chấm</th>" in portfolio
    assert 'data-sort="15.99">15,99/19</td>' in portfolio
    plan_page = (repo / "site" / "sct-2023" / "index.html").read_text(encoding="utf-8")
    assert 'id="s-score"' in plan_page and 'id="s-reports"' in plan_page
    assert "Gửi quá hạn" in plan_page
    assert (
        "Quý III (hạn 18/09/2023): gửi muộn, ngày 19/09/2023" in portfolio
        or "Năm (hạn 18/12/2023)" in portfolio
    )


# --- importing a set from the decision's appendix ------------------------------------------------

APPENDIX = [
    ("STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Tự đánh giá"),
    ("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "3", None),
    ("1.1", "Kế hoạch CCHC năm", "2", None),
    ("1.1.1", "Ban hành kế hoạch CCHC năm", "1", None),
    (None, "Ban hành kịp thời: 1", None, None),
    (None, "Không ban hành: 0", None, None),
    ("1.1.2", "Mức độ thực hiện kế hoạch", "1", None),
    ("1.2", "Báo cáo CCHC", "1", None),
    ("2", "CẢI CÁCH THỂ CHẾ", "1,5", None),
    ("2.1", "Rà soát văn bản", "1,5", None),
    (None, "Tổng cộng", "4,5", None),
]


def _xlsx(rows: list[tuple], path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Phụ lục"
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def _docx(rows: list[tuple], path: Path) -> Path:
    """A Word appendix whose header cell of the wording spans two columns (the wording and
    a narrow column beside it), as published tables do: the maximum stands in the fourth
    column of every row but is the third cell of the header row."""
    import docx

    document = docx.Document()
    document.add_paragraph("PHỤ LỤC")
    table = document.add_table(rows=len(rows), cols=5)
    header, *body = rows
    table.cell(0, 0).text = header[0]
    table.cell(0, 1).merge(table.cell(0, 2)).text = header[1]
    table.cell(0, 3).text = header[2]
    table.cell(0, 4).text = header[3]
    for r, (first, name, top, _) in enumerate(body, 1):
        for c, value in enumerate((first, name, "", top, None)):
            table.cell(r, c).text = value or ""
    document.save(str(path))
    return path


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
def test_a_set_is_imported_from_the_decisions_appendix_keeping_its_wording(
    repo: Path, kind: str
) -> None:
    source = (_xlsx if kind == "xlsx" else _docx)(APPENDIX, repo / f"phu-luc.{kind}")
    (repo / "tieu-chi" / "tinh").mkdir()
    out = "tieu-chi/tinh/so-2024.yaml"
    r = cchc("criteria", source.name, "-o", out, "--number", "9/2024/QĐ-UBND", "--date",
             "2024-03-01", "--issuer", "UBND tỉnh", "--plan-year", "2024")  # fmt: skip
    assert r.code == 0, r.all
    assert r.out == f"Wrote {out}: 2 areas, 5 criteria and components, 4.5 points\n"
    assert cchc("validate", out).code == 0
    from cchc_cli.files.criteria import load_criteria

    cset, _ = load_criteria(Path(out))
    assert cset is not None and cset.loi_van == "chinh_thuc"
    assert cset.quyet_dinh.ngay == date(2024, 3, 1) and cset.tong_diem == 4.5
    # the default name leaves the decision to where the set is named beside it: once
    assert "9/2024" not in cset.ten and cset.ten == "PAR index criteria, department level"
    issued = cset.linh_vuc[0].tieu_chi[0].thanh_phan[0]
    assert issued.ten == "Ban hành kế hoạch CCHC năm"
    assert issued.cach_cham_goc == ["Ban hành kịp thời: 1", "Không ban hành: 0"]
    assert issued.cach_cham is not None and issued.cach_cham.kieu == "tu_cham"
    assert issued.tu_dong is None  # never guessed from the wording
    assert cchc("criteria", source.name, "-o", out, "--number", "9", "--year", "2024",
                "--issuer", "UBND").code == 2  # exists: --force  # fmt: skip


def test_an_appendix_whose_points_do_not_add_up_is_said_at_its_cell_and_nothing_written(
    repo: Path,
) -> None:
    rows = list(APPENDIX)
    rows[2] = ("1.1", "Kế hoạch CCHC năm", "3", None)
    rows[6] = ("1.1.2", "Mức độ thực hiện kế hoạch", "một", None)
    source = _xlsx(rows, repo / "phu-luc.xlsx")
    r = cchc("criteria", source.name, "-o", "so.yaml", "--number", "9", "--year", "2024",
             "--issuer", "UBND")  # fmt: skip
    assert r.code == 1
    assert "phu-luc.xlsx:Phụ lục!C7: error: the maximum 'một' is not a number" in r.err
    assert not Path("so.yaml").exists()
    rows[6] = APPENDIX[6]
    _xlsx(rows, source)
    r = cchc("criteria", source.name, "-o", "so.yaml", "--number", "9", "--year", "2024",
             "--issuer", "UBND")  # fmt: skip
    assert r.code == 1 and "phu-luc.xlsx:Phụ lục!A3: error: 1.1: the maximum says 3" in r.err
    assert not Path("so.yaml").exists()
    assert cchc("criteria", source.name, "-o", "plans/x.yaml", "--number", "9", "--year",
                "2024", "--issuer", "UBND").code == 2  # fmt: skip
    shutil.copy(PLAN, "ke-hoach.yaml")  # a plan kept elsewhere is not written over, even forced
    r = cchc("criteria", source.name, "-o", "ke-hoach.yaml", "--force", "--number", "9",
             "--year", "2024", "--issuer", "UBND")  # fmt: skip
    assert r.code == 2 and "is a plan or progress file" in r.err
    assert Path("ke-hoach.yaml").read_bytes() == PLAN.read_bytes()


def test_a_criterion_without_a_maximum_or_a_parent_is_said_at_its_cell(repo: Path) -> None:
    rows = list(APPENDIX)
    rows[6] = ("1.1.2", "Mức độ thực hiện kế hoạch", None, None)  # no maximum
    rows.insert(7, ("3.1.9", "Tiêu chí lạc chỗ", "1", None))  # no criterion 3 above it
    source = _xlsx(rows, repo / "phu-luc.xlsx")
    r = cchc("criteria", source.name, "-o", "so.yaml", "--number", "9", "--year", "2024",
             "--issuer", "UBND", "--lang", "vi")  # fmt: skip
    assert r.code == 1, r.all
    assert "phu-luc.xlsx:Phụ lục!C7: lỗi: 1.1.2 thiếu điểm tối đa" in r.err
    assert "3.1.9 không có tiêu chí cấp trên trong bảng" in r.err
    assert "lỗi nội bộ" not in r.err and not Path("so.yaml").exists()


def test_a_hostile_document_is_refused_before_it_is_parsed(repo: Path) -> None:
    good = _docx(APPENDIX, repo / "good.docx")
    data = io.BytesIO()
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(data, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "word/document.xml":
                dtd = b'<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
                content = content.replace(b"?>", b"?>" + dtd, 1)
            dst.writestr(item, content)
    (repo / "entities.docx").write_bytes(data.getvalue())
    args = ["-o", "so.yaml", "--number", "9", "--year", "2024", "--issuer", "UBND"]
    r = cchc("criteria", "entities.docx", *args)
    assert r.code == 2 and "declares a DTD or XML entities" in r.err and "Traceback" not in r.all
    (repo / "text.docx").write_text("not a document")
    r = cchc("criteria", "text.docx", *args)
    assert r.code == 2 and "Traceback" not in r.all
    (repo / "link.docx").symlink_to(good.resolve())
    assert cchc("criteria", "link.docx", *args).code == 2
    assert not Path("so.yaml").exists()


def test_readme_score_example_is_what_cchc_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = "$ cchc score plans/2023.yaml --progress examples/2023.progress.yaml --width 80\n"
    shown = readme.split(command, 1)[1].split("...\n```", 1)[0]
    monkeypatch.chdir(ROOT)
    r = cchc("score", "plans/2023.yaml", "--progress", "examples/2023.progress.yaml",
             "--width", "80", env={"NO_COLOR": "1", "CCHC_LANG": "vi"})  # fmt: skip
    assert r.code == 0
    assert r.out.startswith(shown) and len(shown.splitlines()) == 20
