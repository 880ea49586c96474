"""A period's numbers → the view model of the CCHC report: plain data that a Word template
lays out.

Pure: no I/O, no clock, no docx. `build_report` takes the validated plan and progress,
the quarter, the as-of date and the signing date; the counting is `plan.period`'s
(`period_numbers`, from `plan.status`), and this module only chooses how each number is
said and where. `ReportView.context()` is the mapping of plain dicts, lists and strings
that `templates/report.docx` reads; the template writes the sentences, numbers included,
from these named fields (so an office can reword them there).

This module lays out the heading and sections I to V; its parts are `report_model` (the
view model), `report_text` (how a text, a date, a count, a period, a state or a verdict is
said), `report_lines` (names, task and target lines, area blocks) and `report_annex`.

What the signed text never holds: an id of cchc's (tasks, targets and indicators are
named in the plan's words, or by the short name `ten_ngan` the officer gives them, and a
task whose name another task shares is named with its objective), a placeholder, or a
sentence about data that is missing: what is missing is listed by `gaps` (the pre-flight,
`cchc report --check`), and the sentence that would say it is left out. A zero is said
in words. Values of a measure are one value and one verdict wherever the plan names it.

Template fields (`templates/report.docx` uses them; see README, "Changing the report
template"). A figure is a formatted count ("1.380"), "" for zero, or None when not
recorded (`{% if x %}` for a count, `{% elif x is not none %}` for zero):

- header: `co_quan_chu_quan`, `co_quan_ban_hanh`, `so_ky_hieu`, `dia_danh_ngay`,
  `ngay_ky`, `trich_yeu`, `kinh_gui` (list), `can_cu` (the plan and the request
  answered), `ten_co_quan`, `tu_ngay`, `den_ngay`, `ky_bao_cao`, `ky_bao_cao_ngan`,
  `ngay_so_lieu`, `nam`;
- narrative, lists of {text}: `chi_dao`, `ket_qua_kiem_tra`, `khac_phuc_chi_so`,
  `uu_diem`, `ton_tai`, `nguyen_nhan`, `phuong_huong`, `kien_nghi`;
- section I: `ke_hoach` ("Kế hoạch số 15/KH-SCT ngày 10/01/2023"), `ke_hoach_ve`,
  `chi_dao_so_lieu` (the steering figures and `ty_le_kiem_tra`), `chi_dao_muc` (the number
  of each sub-section shown: ke_hoach, kiem_tra, tuyen_truyen, sang_kien, khac_phuc,
  nhiem_vu; "" when it has nothing to say), `dieu_chinh`, `chi_dao_linh_vuc`;
- a tally {chu_the, ngay, nhiem_vu, thuong_xuyen, co_thoi_han, den_han,
  hoan_thanh_den_han, dung_han, hoan_thanh_qua_han, ty_le, hoan_thanh, ty_le_nam,
  ca_nam, truoc_han (done before a deadline still to come), qua_han, chua_hoan_thanh,
  co_ket_qua, khong_thuc_hien, ca_nam_bao_cao (the year report), nam}: `tong_hop` and
  each area's `dem`;
- areas: `linh_vuc` (section II), each {so, ten, loai, dem, so_lieu, co_so_lieu, tthc,
  pakn, chi_so_766, chi_tieu, hoan_thanh, thuong_xuyen, chua_bao_cao,
  thuong_xuyen_con, chua_xong, khong_thuc_hien, theo_linh_vuc}; a target line {ma, ten,
  muc_tieu, thuc_hien, ngay_so_lieu, danh_gia, loai, moc, moc_ngay, nhu_muc, ca_nam (judged
  before the year's end), cu (older than the period's last quarter), cach_tinh (what a
  computed share counts)}; a task line {ma, ten, muc_tieu, chu_tri, thoi_han, tinh_trang,
  ngay_hoan_thanh, ket_qua, ghi_chu, loai (its state's code, done_early included)};
- section II's verdicts: `chi_tieu_dem` [{so, ten}], `chi_tieu_tong`, `chi_tieu_ngay`, `chi_tieu_theo`;
- section III: `iii_muc` (uu_diem, ton_tai), `ton_tai_so_lieu` [{loai, so, ten}];
- section IV: `ky_toi`, `ky_toi_nhan`, `nhiem_vu_ky_toi`, `tiep_tuc`, `ky_toi_ghi_chu`;
- signature: `nguoi_ky` {quyen_han, chuc_vu, ho_ten}, `noi_nhan` (list);
- annex: `phu_luc_tieu_de`, `phu_luc_kem_theo`, `phu_luc_nhiem_vu` (parts {so, tieu_de,
  nhiem_vu: rows {tt, nhiem_vu, chu_tri, thoi_han, ket_qua, tien_do, ghi_chu, muc_tieu,
  nhom (a group's title row: 7.1, 7.2)}}), `phu_luc_chi_tieu` (areas {ten, chi_tieu: rows
  {tt, ten, muc_tieu, thuc_hien, danh_gia}}), `phu_luc_tong_hop` (rows {linh_vuc,
  so_nhiem_vu, thuong_xuyen, den_han, hoan_thanh (of those due), dung_han,
  hoan_thanh_qua_han, ty_le, qua_han, chua_hoan_thanh, truoc_han, khong_thuc_hien}),
  `phu_luc_tong_hop_ghi_chu`, `tong_cong`, `phu_luc_tthc` (one row per report so far:
  {ky, tiep_nhan, truc_tuyen, truc_tiep, ky_truoc, da_giai_quyet, truoc_han, dung_han,
  qua_han, dang_giai_quyet, trong_han, dang_qua_han, tra_lai}), `phu_luc_tthc_linh_vuc`
  (the same columns, one row per lĩnh vực, `ky` its name) and
  `phu_luc_tthc_linh_vuc_tong` (their total).

The document's core properties are `ReportView.properties()`'s, not the template's.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from cchc_cli import words
from cchc_cli.errors import UsageError
from cchc_cli.plan.deadlines import Period
from cchc_cli.plan.period import PeriodNumbers, next_period_start, period_numbers
from cchc_cli.plan.shapes import nfc_key
from cchc_cli.plan.status import plan_period
from cchc_cli.views.report_annex import annex
from cchc_cli.views.report_lines import ReportLines
from cchc_cli.views.report_model import (
    Fact,
    ReportView,
    SignerView,
    VerdictCount,
)
from cchc_cli.views.report_text import (
    IN_WINDOW,
    QUARTERS,
    TON_TAI_TITLES,
    VERDICT_ORDER,
    clean,
    count,
    default_output_name,
    document_number,
    keep_last_words,
    lower_first,
    next_name,
    one_line,
    org_name,
    report_name,
    report_title,
    trim,
    vn_date,
    vn_long_date,
)

if TYPE_CHECKING:
    from cchc_cli.plan.model import Narrative, Plan, Progress

# What the package, the commands and the tests take from here.
__all__ = [
    "QUARTERS",
    "ReportView",
    "build_report",
    "check_as_of",
    "clean",
    "count",
    "default_output_name",
    "document_number",
    "narrative_for",
    "report_name",
    "vn_date",
    "vn_long_date",
]

# How each report names its period in running text; read by `commands.report`.


def check_as_of(period: Period, as_of: date) -> None:
    if not period.start <= as_of <= period.cutoff:
        raise UsageError(
            "as-of-outside-report",
            as_of=as_of.isoformat(),
            name_vi=period.name_vi,
            name_en=period.name_en,
            year=period.year,
            first=vn_date(period.start),
            last=vn_date(period.cutoff),
        )


def narrative_for(progress: Progress, quarter: int) -> Narrative | None:
    return progress.narrative(quarter)


def amendments_in(b: ReportLines) -> list[str]:
    """The plan's amendments decided inside the report's window, one sentence each, naming
    what they changed in the plan's words."""
    lines = []
    for a in b.n.amendments:
        named = [b.task_name(m) if m in b.tasks else b.target_name(m) if m in b.targets else m
                 for m in a.ma]  # fmt: skip
        lines.append(
            f"{one_line(a.so)} ngày {vn_date(a.ngay)}: {trim(a.ly_do)} "
            f"(điều chỉnh: {'; '.join(named)})."
        )
    return lines


def _title(text: str, period: str) -> str:
    """The summary title, broken before the period's name when one line cannot hold it."""
    if len(text) <= 64:
        return text
    return text[: -len(period)].rstrip() + "\n" + period


def _addressees(names: list[str]) -> list[str]:
    items = [trim(one_line(n)) for n in names if trim(one_line(n))]
    if not items:
        return ["Sở Nội vụ."]
    return [f"{n};" for n in items[:-1]] + [f"{items[-1]}."]


def _request(story: Narrative | None) -> str:
    """ "; theo đề nghị của Sở Nội vụ tại Văn bản số 1234/SNV-CCHC ngày 01/6/2023 về …"."""
    asked = story.tra_loi if story else None
    if asked is None:
        return ""
    by = f" của {one_line(asked.co_quan)}" if one_line(asked.co_quan) else ""
    text = f"; theo đề nghị{by} tại Văn bản số {one_line(asked.so)} ngày {vn_date(asked.ngay)}"
    if asked.trich_yeu:
        text += f" {lower_first(trim(one_line(asked.trich_yeu)))}"
    return text


def _plan_reference(n: PeriodNumbers) -> tuple[str, str]:
    """("Kế hoạch số 15/KH-SCT ngày 10/01/2023", "cải cách hành chính năm 2023"): the plan
    by its number and date when known (the pre-flight asks for them otherwise)."""
    doc = n.plan.van_ban
    ref = "Kế hoạch"
    if n.plan_issue is not None:
        num, day = n.plan_issue
        ref += f" số {num}" + (f" ngày {vn_date(day)}" if day else "")
    return ref, lower_first(trim(one_line(doc.trich_yeu)))


def build_report(
    plan: Plan,
    progress: Progress,
    quarter: int,
    *,
    signed_on: date,
    as_of: date | None = None,
    number: str | None = None,
) -> ReportView:
    """The report of `quarter` (1..4) of the plan's year, as of `as_of` (default: the cut-off).

    The numbers are `plan.period.period_numbers`', from `compute_status` for the report's
    period: the same that `cchc status --quarter N` shows."""
    if quarter not in QUARTERS:
        raise ValueError(f"quarter must be one of {QUARTERS}, got {quarter!r}")
    period = plan_period(plan, quarter)
    as_of = period.cutoff if as_of is None else as_of
    check_as_of(period, as_of)
    numbers = period_numbers(plan, progress, quarter, as_of)
    b = ReportLines(numbers)
    story = numbers.story
    so = document_number(number if number is not None else (story.so if story else None), plan)
    # Section II's areas are built before section I's steering area is numbered last in I,
    # so that a measure is "first given" where the reader meets it first: section I.
    one = _section_one(b)
    return ReportView(
        **_heading(b, period, as_of, signed_on, so),
        **one,
        **_section_two(b),
        **_section_three(b),
        **_section_four(b),
        **_closing(b),
        **annex(b, signed_on, so),
        gaps=list(numbers.gaps),
        signed_on=signed_on,
        gap_names={
            g.key: b.target_name(g.key) for g in numbers.gaps if g.kind in ("target", "target_old")
        },  # fmt: skip
        numbers=numbers,
    )


def _heading(
    b: ReportLines, period: Period, as_of: date, signed_on: date, so: str
) -> dict[str, Any]:
    """The header block, the title and the opening sentence, which cites the plan by its
    number and date and the document the report answers (`bao_cao: [{ky: N, tra_loi: …}]`)."""
    plan, story = b.plan, b.n.story
    doc = plan.van_ban
    org = org_name(doc.co_quan_ban_hanh)
    ky = report_title(plan.nam, period.quarter)
    ref, about = _plan_reference(b.n)
    return {
        "co_quan_chu_quan": one_line(doc.co_quan_chu_quan),
        "co_quan_ban_hanh": one_line(doc.co_quan_ban_hanh),
        "ten_co_quan": org,
        "so_ky_hieu": so,
        "dia_danh_ngay": vn_long_date(one_line(doc.dia_danh), signed_on),
        "ngay_ky": vn_date(signed_on),
        "trich_yeu": _title(f"Kết quả thực hiện công tác cải cách hành chính {ky}", ky),
        "kinh_gui": _addressees((story and story.kinh_gui) or plan.cai_dat.kinh_gui),
        "can_cu": f"{ref} của {org} về {about}{_request(story)}",
        "tu_ngay": vn_date(period.start),
        "den_ngay": vn_date(as_of),
        "ky_bao_cao": ky,
        "ky_bao_cao_ngan": f"kết quả thực hiện công tác CCHC {ky}",
        "ngay_so_lieu": vn_date(as_of),
        "nam": plan.nam,
    }


def _numbered(shown: dict[str, bool]) -> dict[str, str]:
    """Sub-sections numbered 1, 2, … in order, skipping those with nothing to say."""
    out, i = {}, 0
    for key, here in shown.items():
        i += here
        out[key] = str(i) if here else ""
    return out


def _section_one(b: ReportLines) -> dict[str, Any]:
    """I. Chỉ đạo, điều hành: the narrative, the plan and its amendments, inspections
    (what they found and how it was handled), communication, initiatives, the follow-up
    of the PAR and SIPAS indices, the steering area's block."""
    steering = b.n.steering
    f = b.figures("chi_dao")
    rate = b.n.inspection_rate
    f["ty_le_kiem_tra"] = words.rate(rate) if rate is not None else ""
    # A window that starts after the year's (quý III) counts its own inspections: said as
    # the quarter's, never as a share of the year's units.
    f["trong_ky"] = "" if b.n.cumulative else IN_WINDOW[b.n.quarter]
    ref, about = _plan_reference(b.n)
    findings = b.narrative("ket_qua_kiem_tra")
    follow_up = b.narrative("khac_phuc_chi_so")
    muc = _numbered({
        "ke_hoach": True,
        "kiem_tra": f["cuoc_kiem_tra"] is not None,
        "tuyen_truyen": f["tin_bai_tuyen_truyen"] is not None,
        "sang_kien": f["sang_kien"] is not None,
        "khac_phuc": bool(follow_up),
        "nhiem_vu": steering is not None,
    })  # fmt: skip
    where = one_line(steering.ten) if steering is not None else ""
    return {
        "chi_dao": b.narrative("chi_dao_dieu_hanh"),
        "ke_hoach": ref,
        "ke_hoach_ve": about,
        "chi_dao_so_lieu": f,
        "chi_dao_muc": muc,
        "ket_qua_kiem_tra": findings,
        "khac_phuc_chi_so": follow_up,
        "dieu_chinh": amendments_in(b),
        "chi_dao_linh_vuc": b.area_block(steering.ma, "", where) if steering else None,
    }


def _section_two(b: ReportLines) -> dict[str, Any]:
    """II. Results: the whole plan's tally and the verdicts of its measures, then one block
    per area."""
    steering = b.n.steering
    other = [a for a in b.plan.linh_vuc if a is not steering]
    verdicts = b.n.verdicts()
    newest = b.n.latest_value_day
    return {
        "tong_hop": b.tally(b.status.summary, f"Kế hoạch CCHC năm {b.plan.nam}"),
        "chi_tieu_tong": sum(verdicts.values()),
        "chi_tieu_dem": [
            VerdictCount(verdicts[k], b.verdict_word(k)) for k in VERDICT_ORDER if verdicts.get(k)
        ],  # fmt: skip
        "chi_tieu_ngay": vn_date(newest) if newest is not None else "",
        "chi_tieu_theo": _as_of_values(b),
        "linh_vuc": [b.area_block(a.ma, str(i), one_line(a.ten)) for i, a in enumerate(other, 1)],
    }


def _as_of_values(b: ReportLines) -> str:
    """How the count of verdicts is dated: "theo số liệu đến ngày 14/12/2023" when every
    value is of one day, else "theo số liệu gần nhất của từng chỉ tiêu (từ ngày 09/6/2023
    đến ngày 14/9/2023)": one date would say the older values are of that day."""
    days = sorted({t.measured_on for t in b.n.measured if t.measured_on is not None})
    if not days:
        return ""
    if len(days) == 1:
        return f"theo số liệu đến ngày {vn_date(days[0])}"
    return (
        f"theo số liệu gần nhất của từng chỉ tiêu (từ ngày {vn_date(days[0])} đến ngày "
        f"{vn_date(days[-1])})"
    )


def _section_three(b: ReportLines) -> dict[str, Any]:
    """III. Đánh giá chung: the narrative and the facts a person should explain, each
    named in the plan's words."""
    n = b.n
    tasks = {"qua_han": n.overdue, "chua_hoan_thanh": n.not_done, "hoan_thanh_muon": n.done_late}
    targets = {"khong_dat": n.missed, "nguy_co": n.at_risk}
    facts = [Fact(kind, len(rows), [b.task_name(r.id) for r in rows])
             for kind, rows in tasks.items() if rows]  # fmt: skip
    facts += [Fact(kind, len(rows), [b.target_name(t.id) for t in rows])
              for kind, rows in targets.items() if rows]  # fmt: skip
    if n.silent:  # named in their areas (section II): counted here
        facts.append(Fact("thuong_xuyen", len(n.silent), []))
    uu_diem, ton_tai, nguyen_nhan = (b.narrative(k) for k in
                                     ("ket_qua_noi_bat", "ton_tai_han_che", "nguyen_nhan"))  # fmt: skip
    muc = _numbered({"uu_diem": bool(uu_diem), "ton_tai": bool(ton_tai or facts or nguyen_nhan)})
    # The heading names what follows; "a)" and "b)" only when both parts are there.
    both = bool(ton_tai or facts) and bool(nguyen_nhan)
    title = TON_TAI_TITLES[(bool(ton_tai or facts), bool(nguyen_nhan))]
    muc |= {"ton_tai_ten": keep_last_words(title), "ton_tai_ab": "ab" if both else ""}
    return {
        "iii_muc": muc,
        "uu_diem": uu_diem,
        "ton_tai": ton_tai,
        "ton_tai_so_lieu": facts,
        "nguyen_nhan": nguyen_nhan,
    }


def _section_four(b: ReportLines) -> dict[str, Any]:
    """IV. Phương hướng: what falls due in the next period, and what carries over, each
    with its state in the words of the tally and the annex."""
    n, y = b.n, b.plan.nam
    coming = next_name(y, n.quarter)
    upcoming = [b.task_line(r) for r in n.upcoming]
    later = ""
    if n.next_end is None:
        later = f"Các nhiệm vụ năm {y + 1} thực hiện theo Kế hoạch CCHC năm {y + 1}."
    elif not upcoming:
        later = f"Theo Kế hoạch, không có nhiệm vụ nào đến hạn trong {coming}."
    if n.continuing and n.next_end is not None:  # the year report hands over to next year's plan
        later = (later + " " if later else "") + (
            f"Tiếp tục thực hiện {n.continuing} nhiệm vụ thường xuyên theo Kế hoạch."
        )
    return {
        "phuong_huong": b.narrative("phuong_huong"),
        "ky_toi": coming,
        "ky_toi_nhan": _upcoming_label(b, coming),
        "nhiem_vu_ky_toi": upcoming,
        "tiep_tuc": [b.unfinished_line(r) for r in n.unfinished],
        "ky_toi_ghi_chu": later,
    }


def _upcoming_label(b: ReportLines, coming: str) -> str:
    """What heads the tasks falling due next: "…đến hạn trong 6 tháng cuối năm 2023:" when
    they all fall in that period, else the days they fall between (quý III's list holds a
    task due 30/9, before quý IV)."""
    n = b.n
    if n.next_end is None:
        return ""
    first = min((r.due for r in n.upcoming if r.due is not None), default=None)
    begin = next_period_start(n.quarter, b.plan.nam)
    if first is not None and begin is not None and first >= begin:
        return f"Các nhiệm vụ theo Kế hoạch đến hạn trong {coming}:"
    start = vn_date(b.as_of + timedelta(days=1))
    return f"Các nhiệm vụ theo Kế hoạch đến hạn từ ngày {start} đến ngày {vn_date(n.next_end)}:"


# What such reports carry when the plan and the period name no recipients: the director,
# who signs, is not sent his own report; when a deputy signs on his behalf, the leaders are.
DEFAULT_RECIPIENTS = ("Như trên;", "UBND tỉnh (b/c);")
DEPUTIES = "Các Phó Giám đốc Sở;"
LEADERS = "Lãnh đạo Sở;"


def _default_recipients(signer: Any, keep: str) -> list[str]:
    own = not (signer.quyen_han or "").strip() and nfc_key(signer.chuc_vu) == "giám đốc"
    return [*DEFAULT_RECIPIENTS, DEPUTIES if own else LEADERS, keep]


def _closing(b: ReportLines) -> dict[str, Any]:
    """V. Kiến nghị, the signer and Nơi nhận."""
    plan, story = b.plan, b.n.story
    signer = b.n.signer
    keep = f"Lưu: VT, {one_line(plan.cai_dat.don_vi_luu) or 'VP'}."
    sent = (
        (story and story.noi_nhan)
        or plan.cai_dat.noi_nhan_bao_cao
        or _default_recipients(signer, keep)
    )
    return {
        "kien_nghi": b.narrative("kien_nghi"),
        "nguoi_ky": SignerView(
            quyen_han=one_line(signer.quyen_han),
            chuc_vu=one_line(signer.chuc_vu),
            ho_ten=one_line(signer.ho_ten or ""),
        ),
        "noi_nhan": [one_line(line) for line in sent],
    }
