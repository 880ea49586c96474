"""The report's words outside its template: the titles of the year's four reports, and
what the pre-flight (`cchc report --check`) says a report lacks and where to enter it."""

from __future__ import annotations

from datetime import date
from typing import Any

from cchc_cli.words.context import pick
from cchc_cli.words.formats import decree_date
from cchc_cli.words.periods import REPORT_TITLES


def report_title(quarter: int, year: int, lang: str | None = None) -> str:
    """The title of one of the year's four reports: "Báo cáo CCHC quý I năm 2023"."""
    return pick(REPORT_TITLES, lang)[quarter].format(year=year)


# --- the report's pre-flight (`cchc report --check`) ------------------------------
# What a report lacks, and where the officer enters it (`plan.period.Gap`).

NARRATIVE_WHAT: dict[str, dict[str, str]] = {
    "vi": {
        "chi_dao_dieu_hanh": "công tác chỉ đạo, điều hành CCHC trong kỳ",
        "khac_phuc_chi_so": "kết quả khắc phục tồn tại, hạn chế qua Chỉ số CCHC, Chỉ số hài "
        "lòng (SIPAS) năm trước",
        "ket_qua_noi_bat": "kết quả nổi bật (ưu điểm) của kỳ báo cáo",
        "ton_tai_han_che": "tồn tại, hạn chế trong kỳ",
        "nguyen_nhan": "nguyên nhân của tồn tại, hạn chế",
        "phuong_huong": "phương hướng, nhiệm vụ trọng tâm kỳ tới",
        "kien_nghi": "đề xuất, kiến nghị (ghi “Không.” nếu không có)",
        "ket_qua_kiem_tra": "tồn tại, hạn chế phát hiện qua kiểm tra và việc xử lý, khắc phục",
    },
    "en": {
        "chi_dao_dieu_hanh": "the period's steering of the reform",
        "khac_phuc_chi_so": "how the shortcomings shown by last year's PAR and SIPAS indices "
        "were addressed",
        "ket_qua_noi_bat": "the period's main results (strengths)",
        "ton_tai_han_che": "the period's shortcomings",
        "nguyen_nhan": "their causes",
        "phuong_huong": "the next period's direction and main tasks",
        "kien_nghi": "proposals (write “Không.” when there are none)",
        "ket_qua_kiem_tra": "what inspections found and how it was handled",
    },
}

GAPS: dict[str, dict[str, str]] = {
    "vi": {
        "narrative": "phần viết “{what}”: bao_cao (ky: {quarter}) → {key}",
        "figure": "số liệu “{what}”: bao_cao (ky: {quarter}) → so_lieu.{key}, hoặc `cchc "
        "figures -q {quarter} --set {key}=N`",
        "tthc": "số liệu “{what}”: bao_cao (ky: {quarter}) → thong_ke_tthc.{key}, hoặc `cchc "
        "figures -q {quarter} --set {key}=N`",
        "figures": "mọi số liệu của các lĩnh vực (kiểm tra, tuyên truyền, văn bản, biên chế, …): "
        "bao_cao (ky: {quarter}) → so_lieu, hoặc `cchc figures -q {quarter} --set KEY=N`",
        "tthc_all": "mọi số liệu giải quyết TTHC trong kỳ: bao_cao (ky: {quarter}) → "
        "thong_ke_tthc, hoặc `cchc figures -q {quarter} --set KEY=N`",
        "tthc_areas": "kết quả giải quyết TTHC theo từng lĩnh vực: bao_cao (ky: {quarter}) → "
        "tthc_linh_vuc (mỗi lĩnh vực một mục: linh_vuc và các số hồ sơ như thong_ke_tthc)",
        "service_index": "điểm Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định số "
        "766/QĐ-TTg, 5 nhóm): bao_cao (ky: {quarter}) → chi_so_766",
        "target": "số liệu chỉ tiêu “{what}” ({key}): chi_so, hoặc `cchc record {key} --value N "
        "--date YYYY-MM-DD`",
        "target_old": "số liệu mới của chỉ tiêu “{what}” ({key}): số liệu gần nhất là ngày "
        "{day}, trước ngày {since} (văn bản ghi rõ ngày đó): chi_so, hoặc `cchc "
        "record {key} --value N --date YYYY-MM-DD`",
        "plan_number": "số, ngày ban hành Kế hoạch: ke_hoach: {{so: …, ngay: YYYY-MM-DD}} trong "
        "tệp tiến độ (hoặc van_ban.so và ngay_ban_hanh trong tệp kế hoạch)",
        "signer": "họ tên người ký: cai_dat.nguoi_ky_bao_cao.ho_ten trong tệp kế hoạch, hoặc "
        "bao_cao (ky: {quarter}) → nguoi_ky",
        "codes": "phần viết {key} (ky: {quarter}) nêu mã {ids}: văn bản in nguyên văn; hãy gọi "
        "nhiệm vụ, chỉ tiêu bằng tên",
    },
    "en": {
        "narrative": "the text on {what}: bao_cao (ky: {quarter}) → {key}",
        "figure": "the figure “{what}”: bao_cao (ky: {quarter}) → so_lieu.{key}, or `cchc "
        "figures -q {quarter} --set {key}=N`",
        "tthc": "the figure “{what}”: bao_cao (ky: {quarter}) → thong_ke_tthc.{key}, or `cchc "
        "figures -q {quarter} --set {key}=N`",
        "figures": "every figure of the areas (inspections, communication, documents, "
        "staffing, …): bao_cao (ky: {quarter}) → so_lieu, or `cchc figures -q {quarter} --set "
        "KEY=N`",
        "tthc_all": "every TTHC case figure of the period: bao_cao (ky: {quarter}) → "
        "thong_ke_tthc, or `cchc figures -q {quarter} --set KEY=N`",
        "tthc_areas": "the TTHC cases by lĩnh vực: bao_cao (ky: {quarter}) → tthc_linh_vuc (one "
        "item per lĩnh vực: linh_vuc and the case figures of thong_ke_tthc)",
        "service_index": "the points of the service index (Quyết định số 766/QĐ-TTg, 5 "
        "groups): bao_cao (ky: {quarter}) → chi_so_766",
        "target": "a value of the target “{what}” ({key}): chi_so, or `cchc record {key} "
        "--value N --date YYYY-MM-DD`",
        "target_old": "a newer value of the target “{what}” ({key}): the latest is of {day}, "
        "before {since} (the document says that day): chi_so, or `cchc "
        "record {key} --value N --date YYYY-MM-DD`",
        "plan_number": "the plan's number and date of issue: ke_hoach: {{so: …, ngay: "
        "YYYY-MM-DD}} in the progress file (or van_ban.so and ngay_ban_hanh in the plan)",
        "signer": "the signer's name: cai_dat.nguoi_ky_bao_cao.ho_ten in the plan, or bao_cao "
        "(ky: {quarter}) → nguoi_ky",
        "codes": "the text {key} (ky: {quarter}) names ids {ids}: the document prints it as "
        "written; name tasks and targets in words",
    },
}


def gap_text(gap: Any, quarter: int, name: str, lang: str | None = None) -> str:
    """One line of the pre-flight: what a report lacks and where to enter it. `name` is a
    target's name in the plan's words (for a target)."""
    from cchc_cli.plan.shapes import AREA_FIGURES, TTHC_FIELDS

    what = name
    if gap.kind == "narrative":
        what = pick(NARRATIVE_WHAT, lang).get(gap.key, gap.key)
    elif gap.kind == "figure":
        what = AREA_FIGURES[gap.key][1]
    elif gap.kind == "tthc":
        what = TTHC_FIELDS[gap.key]
    day = since = ""
    if gap.kind == "target_old" and len(gap.ids) == 2:
        day, since = (decree_date(date.fromisoformat(d)) for d in gap.ids)
    return pick(GAPS, lang)[gap.kind].format(
        what=what, key=gap.key, quarter=quarter, ids=", ".join(gap.ids), day=day, since=since
    )
