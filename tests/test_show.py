"""`cchc show ID`: one task or target in full."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import ROOT
from helpers import cchc

PLAN = ROOT / "plans" / "2023.yaml"
PROGRESS = ROOT / "examples" / "2023.progress.yaml"


def show(*args: str, lang: str = "vi") -> tuple[int, str, str]:
    r = cchc("show", *args, str(PLAN), "--progress", str(PROGRESS), "--lang", lang)
    return r.code, r.out, r.err


def test_a_task_in_full_with_its_status_at_each_cutoff_and_its_records() -> None:
    code, out, err = show("I.1.b", "--as-of", "2023-09-30")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "I.1.b · Nhiệm vụ"
    assert "Chủ trì: VP (Văn phòng Sở)" in lines
    assert "Phối hợp: PCM (Các phòng chuyên môn)" in lines
    assert "Thời hạn: Tháng 01-02/2023 (hạn 28/02/2023)" in lines
    assert "  - Rà soát các nội dung tồn tại trong thực hiện CCHC năm 2022." in lines
    assert "Tình trạng ngày 30/09/2023: Hoàn thành quá hạn" in lines
    cutoffs = lines[lines.index("Tại các kỳ báo cáo:") + 1 : lines.index("Các bản ghi:")]
    assert [c.split(" (")[0].strip() for c in cutoffs] == ["Quý I", "6 tháng đầu năm", "Quý III"]
    assert "06/03/2023 · hoàn thành · minh chứng: Công văn số 310/SCT-VP" in out


def test_a_target_and_json_say_the_same_numbers_as_status() -> None:
    code, out, _ = show("CT3.1.a", "--as-of", "2023-12-31", "--format", "json", lang="en")
    assert code == 0
    data = json.loads(out)
    status = json.loads(
        cchc(
            "status",
            str(PLAN),
            "--progress",
            str(PROGRESS),
            "--as-of",
            "2023-12-31",
            "--format",
            "json",
        ).out  # fmt: skip
    )
    target = next(t for i in status["indicators"] for t in i["targets"] if t["id"] == "CT3.1.a")
    assert data["status"] == target["status"] and data["fields"]["Actual"] == "75%"
    assert [round(r["value"], 2) for r in data["records"]] == [73.61, 75]
    assert [c["quarter"] for c in data["at_cutoffs"]] == [1, 2, 3, 4]
    assert data["at_cutoffs"][0]["status"] == "no_data"


def test_ids_are_found_as_record_finds_them_and_unknown_ones_suggested() -> None:
    assert show("VII.1.1")[1].startswith("7.1.1 · Nhiệm vụ")
    code, _, err = show("I.2x")
    assert code == 1 and "không có mã 'I.2x'; có phải là 'I.2'?" in err
    code, _, err = show("I.1")
    assert code == 1 and "I.1 là mục tiêu" in err and "I.1.a, I.1.b" in err


def test_a_bad_record_is_said_first_and_the_rest_shown(tmp_path: Path) -> None:
    progress = tmp_path / "p.yaml"
    progress.write_text(
        PROGRESS.read_text(encoding="utf-8").replace("ngay: 2023-03-06", "ngay: 2023-13-06", 1),
        encoding="utf-8",
    )
    r = cchc("show", "I.1.a", str(PLAN), "--progress", str(progress), "--lang", "vi")
    assert r.code == 1
    assert "không phải ngày hợp lệ" in r.err and "không được tính" in r.err
    assert r.out.startswith("I.1.a · Nhiệm vụ")
