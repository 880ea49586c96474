"""The CCHC report's view model: plain data that `templates/report.docx` lays out (see
`views.report` for its fields), with the numbers behind it for `--format json` and the
pre-flight.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

from cchc_cli import words
from cchc_cli.plan.period import Gap, PeriodNumbers
from cchc_cli.views import json_text


@dataclass(frozen=True)
class Para:
    """One paragraph of narrative."""

    text: str


@dataclass(frozen=True)
class TargetLine:
    ma: str
    ten: str  # the target named by its subject, in the plan's words (or its ten_ngan)
    muc_tieu: str  # "≥ 60%"
    thuc_hien: str  # "65%"; "" for a value of 0 (said in words)
    ngay_so_lieu: str  # the day of that value: before the year's end, or when it is old
    danh_gia: str  # "đạt", "chưa đến kỳ đánh giá", "vượt mục tiêu" (met so far), …
    loai: str  # the verdict's code (met, not_due, …)
    moc: str = ""  # the interim target judged against ("30%"), if any
    moc_ngay: str = ""
    nhu_muc: str = ""  # a restated target: the area whose section first gives its measure
    ca_nam: bool = False  # judged before the year's end: the target is the year's
    cu: bool = False  # the value is older than the period's last quarter ("theo số liệu đến ngày")
    cach_tinh: str = ""  # a computed share: what it counts ("3/10 phòng, đơn vị được kiểm tra")
    tinh: bool = False  # computed from the period's figures (the restated line says so too)


@dataclass(frozen=True)
class Tally:
    """The counts behind a tally sentence ("Lĩnh vực có 7 nhiệm vụ …"), which the template
    writes: each field is one of `Summary`'s numbers, or a rate already formatted."""

    chu_the: str  # "Lĩnh vực", "Kế hoạch CCHC năm 2023"
    ngay: str  # the as-of day
    nhiem_vu: int
    thuong_xuyen: int
    co_thoi_han: int
    den_han: int
    hoan_thanh_den_han: int
    dung_han: int  # of those, on or before their deadline
    hoan_thanh_qua_han: int  # of those, after it
    ty_le: str
    hoan_thanh: int
    ty_le_nam: str
    ca_nam: bool  # some dated tasks are not yet due: the year's rate says more
    truoc_han: int  # completed before a deadline still to come (not among the due)
    qua_han: int  # overdue: deadline passed, not done
    chua_hoan_thanh: int  # the year report: due within the year, not done
    co_ket_qua: int
    khong_thuc_hien: int
    ca_nam_bao_cao: bool = False  # the year report: every dated task is due in the year
    nam: int = 0


@dataclass(frozen=True)
class TaskLine:
    ma: str
    ten: str  # the task in the plan's words (or its ten_ngan)
    muc_tieu: str  # its objective, when another task of the plan has the same name
    chu_tri: str
    thoi_han: str  # as it reads inside a sentence ("năm 2023")
    tinh_trang: str
    ngay_hoan_thanh: str = ""
    ket_qua: str = ""
    ghi_chu: str = ""  # as it reads inside a sentence
    loai: str = ""  # the state's code: done_on_time, done_late, done_early, overdue, …


@dataclass(frozen=True)
class TthcRow:
    """A row of section II's TTHC table: its number, what it counts, the count."""

    tt: str
    noi_dung: str
    so_luong: str
    dam: bool = False  # a total, in bold


@dataclass(frozen=True)
class AreaBlock:
    so: str
    ten: str
    loai: str  # the area's kind (`plan.period.area_kind`): which figures it gives
    dem: Tally
    so_lieu: dict[str, str | None] = field(default_factory=dict)
    co_so_lieu: bool = False  # any of the area's figures is recorded
    chi_tieu: list[TargetLine] = field(default_factory=list)
    hoan_thanh: list[TaskLine] = field(default_factory=list)
    thuong_xuyen: list[TaskLine] = field(default_factory=list)
    chua_bao_cao: list[str] = field(default_factory=list)  # continuous, no result: names
    thuong_xuyen_con: int = 0  # continuous tasks not dropped
    chua_xong: list[TaskLine] = field(default_factory=list)  # overdue or not done
    khong_thuc_hien: list[TaskLine] = field(default_factory=list)  # dropped, with the reason
    tthc: list[TthcRow] = field(default_factory=list)  # the TTHC area's case figures
    theo_linh_vuc: int = 0  # how many lĩnh vực the annex details
    pakn: dict[str, str | None] = field(default_factory=dict)
    chi_so_766: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Fact:
    """A fact of section III: `loai` "qua_han" (overdue, not done), "chua_hoan_thanh" (due
    in the year, not done), "hoan_thanh_muon" (done late in the period), "khong_dat"
    (targets missed), "nguy_co" (at risk), "thuong_xuyen" (continuous, no result); `so` of
    them, named `ten`."""

    loai: str
    so: int
    ten: list[str]


@dataclass(frozen=True)
class VerdictCount:
    so: int
    ten: str


@dataclass(frozen=True)
class TthcPeriodRow:
    """A row of an annex TTHC table: one report period's (or one lĩnh vực's) case figures."""

    ky: str
    tiep_nhan: str
    truc_tuyen: str
    truc_tiep: str
    ky_truoc: str
    da_giai_quyet: str
    truoc_han: str
    dung_han: str
    qua_han: str
    dang_giai_quyet: str
    trong_han: str
    dang_qua_han: str
    tra_lai: str


@dataclass(frozen=True)
class AnnexRow:
    tt: str
    nhiem_vu: str
    chu_tri: str = ""
    thoi_han: str = ""
    ket_qua: str = ""
    tien_do: str = ""
    ghi_chu: str = ""
    nhom: bool = False  # a group's title row inside a part (the plan's 7.1, 7.2)
    muc_tieu: str = ""  # the objective, when another task of the plan has the same name


@dataclass(frozen=True)
class AnnexPart:
    so: str
    tieu_de: str
    nhiem_vu: list[AnnexRow]


@dataclass(frozen=True)
class AnnexTarget:
    tt: str
    ten: str
    muc_tieu: str
    thuc_hien: str
    danh_gia: str


@dataclass(frozen=True)
class AnnexTargetGroup:
    ten: str
    chi_tieu: list[AnnexTarget]


@dataclass(frozen=True)
class SummaryRow:
    linh_vuc: str
    so_nhiem_vu: int
    thuong_xuyen: int
    den_han: int
    hoan_thanh: int
    dung_han: int
    hoan_thanh_qua_han: int
    ty_le: str
    qua_han: int
    chua_hoan_thanh: int
    khong_thuc_hien: int
    truoc_han: int = 0  # completed before a deadline still to come (not among the due)
    chua_den_han: int = 0  # mid-year: dated, deadline still to come, not done


@dataclass(frozen=True)
class SignerView:
    quyen_han: str
    chuc_vu: str
    ho_ten: str


@dataclass(frozen=True)
class ReportView:
    # header
    co_quan_chu_quan: str
    co_quan_ban_hanh: str
    ten_co_quan: str
    so_ky_hieu: str
    dia_danh_ngay: str
    ngay_ky: str
    trich_yeu: str
    kinh_gui: list[str]
    can_cu: str  # what the report answers: the plan, and the request it answers
    tu_ngay: str  # the data window
    den_ngay: str
    ky_bao_cao: str
    ky_bao_cao_ngan: str
    ngay_so_lieu: str
    nam: int
    # I
    chi_dao: list[Para]
    ke_hoach: str
    ke_hoach_ve: str
    chi_dao_so_lieu: dict[str, str | None]
    chi_dao_muc: dict[str, str]
    ket_qua_kiem_tra: list[Para]
    khac_phuc_chi_so: list[Para]
    dieu_chinh: list[str]
    chi_dao_linh_vuc: AreaBlock | None
    # II
    tong_hop: Tally
    chi_tieu_tong: int
    chi_tieu_dem: list[VerdictCount]
    chi_tieu_ngay: str  # the day of the newest value the verdicts rest on
    chi_tieu_theo: str  # "theo số liệu đến ngày …", or of each target's latest, from … to …
    linh_vuc: list[AreaBlock]
    # III
    iii_muc: dict[str, str]
    uu_diem: list[Para]
    ton_tai: list[Para]
    ton_tai_so_lieu: list[Fact]
    nguyen_nhan: list[Para]
    # IV
    phuong_huong: list[Para]
    ky_toi: str
    ky_toi_nhan: str
    nhiem_vu_ky_toi: list[TaskLine]
    tiep_tuc: list[TaskLine]
    ky_toi_ghi_chu: str
    # V and signature
    kien_nghi: list[Para]
    nguoi_ky: SignerView
    noi_nhan: list[str]
    # annex
    phu_luc_tieu_de: str
    phu_luc_kem_theo: str
    phu_luc_nhiem_vu: list[AnnexPart]
    phu_luc_chi_tieu: list[AnnexTargetGroup]
    phu_luc_tong_hop: list[SummaryRow]
    phu_luc_tong_hop_ghi_chu: str
    tong_cong: SummaryRow
    phu_luc_tthc: list[TthcPeriodRow]
    phu_luc_tthc_linh_vuc: list[TthcPeriodRow]
    phu_luc_tthc_linh_vuc_tong: TthcPeriodRow | None  # the lĩnh vực added up
    phu_luc_muc: dict[str, str]  # the annex's parts shown, numbered I, II, …
    # for the command line, not for the template
    gaps: list[Gap] = field(default_factory=list)
    gap_names: dict[str, str] = field(default_factory=dict)  # a target's id → its name
    numbers: PeriodNumbers | None = None  # the numbers behind the document
    signed_on: date | None = None

    def context(self) -> dict[str, Any]:
        """The template's data: plain dicts, lists, strings and numbers only (as
        `dataclasses.asdict` gives them, without its deep copy of every value: the view
        model is built for this one use)."""
        data = _plain(replace(self, gaps=[], gap_names={}, numbers=None))
        for key in ("gaps", "gap_names", "numbers", "signed_on"):
            data.pop(key)
        return data  # type: ignore[no-any-return]

    def properties(self) -> dict[str, Any]:
        """The document's own core properties (File > Properties): its title, the report's
        number, date and issuer as its subject, the issuer as its author, the signing date as
        the day it was created and modified; no description (the template's notes and dates
        describe the template, not the report)."""
        from datetime import datetime, time

        title = " ".join(self.trich_yeu.split())
        number = self.so_ky_hieu.strip()
        subject = f"Báo cáo số {number}" if not number.startswith("/") else "Báo cáo"
        subject += f" ngày {self.ngay_ky} của {self.ten_co_quan}"
        day = self.signed_on
        stamp = datetime.combine(day, time()) if day is not None else None
        return {
            "title": f"Báo cáo {words_lower(title)}",
            "subject": subject,
            "author": self.ten_co_quan,
            "keywords": "CCHC",
            "language": "vi-VN",
            "created": stamp,
            "modified": stamp,
        }

    def missing(self, lang: str | None = None) -> list[str]:
        """The pre-flight: one line per item the report lacks, saying where to enter it."""
        q = self.numbers.quarter if self.numbers is not None else 0
        return [words.gap_text(g, q, self.gap_names.get(g.key, ""), lang) for g in self.gaps]

    def to_json(self) -> str:
        """`cchc report --format json`: the numbers and lists behind the document, as a
        stable interface. Its `summary` is `cchc status --quarter N --format json`'s, its
        `targets` the same values and verdicts."""

        from cchc_cli.views.status_view import JSON_VERSION, period_json, summary_json

        assert self.numbers is not None
        n = self.numbers
        story = n.story
        data = {
            "version": JSON_VERSION,
            "as_of": n.status.as_of.isoformat(),
            "period": period_json(n.status, words.language()),
            "summary": summary_json(n.status),
            "targets": [
                {
                    "id": t.id,
                    "actual": t.actual,
                    "measured_on": _iso(t.measured_on),
                    "status": t.status,
                    "same_as": t.same_as,
                }
                for t in n.status.targets
            ],  # fmt: skip
            "missing": [
                {"kind": g.kind, "key": g.key, "ids": list(g.ids), "what": text}
                for g, text in zip(self.gaps, self.missing(), strict=True)
            ],  # fmt: skip
            "figures": {
                "thong_ke_tthc": story.thong_ke_tthc.model_dump()
                if story and story.thong_ke_tthc
                else {},
                "so_lieu": dict(n.figures),
            },
            "document": self.context(),
        }
        return json_text.dumps(data)


def words_lower(text: str) -> str:
    """ "Kết quả …" → "kết quả …" (the summary title after "Báo cáo")."""
    return text[:1].lower() + text[1:]


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _plain(value: Any) -> Any:
    """`value` as `dataclasses.asdict` gives it (dataclasses as dicts in the order of their
    fields; lists, tuples, named tuples and dicts rebuilt around plain values), without
    its deep copy of every other value: the view model is built for this one use."""
    if hasattr(type(value), "__dataclass_fields__"):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        items = [_plain(v) for v in value]
        return type(value)(*items) if hasattr(value, "_fields") else type(value)(items)
    if isinstance(value, dict):
        return type(value)((k, _plain(v)) for k, v in value.items())
    return value
