"""`cchc import-plan`: a draft plan (the YAML of `plan.model.Plan`) from an issued plan's
Word document, as `files.word` reads it.

The appendix table is read by `files.draft_table` (parts, objectives, tasks, units); the
body here, from its paragraphs and the lines of its small tables (the header and the
signer are often laid out in borderless tables):

- the header: the parent and the issuing body (the capitals before "Số:"), the number
  and its symbols ("Số: 15/KH-SCT"), the place and date ("Hà Tĩnh, ngày … tháng 01 năm
  2023"), the document's type (KẾ HOẠCH) and title, the footnotes (from the document's
  footnotes, numbered as Word shows them);
- the legal bases: the paragraphs between the title and section I;
- sections I to VI, by the words of their headings (I. … mục đích, II. … chỉ tiêu,
  III. … giải pháp, IV. … trọng tâm, V. kinh phí, VI. tổ chức thực hiện): II's areas
  ("1. Chỉ đạo điều hành CCHC") and indicators with the targets their words state
  (`plan.stated`), III's areas, groups (7.1), opening paragraphs and bullets;
- the recipients after "Nơi nhận:" and the signer (authority, title, name);
- the appendix's heading ("Phụ lục", its title, the "(Kèm theo …)" line).

Text is kept as printed; a leading "- " bullet of a body paragraph is dropped, as the
plan writes its lists. What the plan needs but could not be read is left empty, so that
`cchc validate` names its line, with a comment above saying what to fill in ("CẦN
ĐIỀN"); what was guessed has a comment saying what to check ("KIỂM TRA"). The year of the
plan is its title's, else its date's, else `--year`'s. Never prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc_cli import words
from cchc_cli.errors import Loc, UsageError
from cchc_cli.files.draft_table import BULLET, KEYS, Appendix, Units, appendix_tables, one_line
from cchc_cli.files.word import Paragraph, Table, WordDocument
from cchc_cli.plan.deadlines import DeadlineError, parse_deadline
from cchc_cli.plan.lookup import fold
from cchc_cli.plan.stated import link_figures, read_figures


@dataclass(frozen=True)
class Note:
    loc: Loc | None  # where in the plan (None: about the whole draft)
    kind: str  # "fill": the plan needs it (validate names the line); "check": a guess
    say: str  # the sentence in `words.IMPORT_PLAN`
    args: tuple[tuple[str, Any], ...] = ()


@dataclass
class Draft:
    data: dict[str, Any] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    year: int = 0

    def note(self, loc: Loc | None, kind: str, say: str, **args: Any) -> None:
        self.notes.append(Note(loc, kind, say, tuple(args.items())))


def excerpt(text: str, room: int = 60) -> str:
    """Document text fit for a one-line comment: one line, at most `room` characters."""
    one = one_line(text)
    return one if len(one) <= room else one[: room - 1].rstrip() + "…"


# --- the body --------------------------------------------------------------------------------

SECTIONS = (
    ("muc_dich_yeu_cau", ("muc dich",)),
    ("chi_tieu", ("chi tieu",)),
    ("giai_phap", ("giai phap",)),
    ("nhiem_vu_trong_tam", ("trong tam",)),
    ("kinh_phi", ("kinh phi",)),
    ("to_chuc_thuc_hien", ("to chuc thuc hien",)),
)
SECTION_HEADING = re.compile(r"^(?P<num>[IVX]{1,4})[.)]\s*(?P<title>\S.{0,150})$")
AREA_HEADING = re.compile(r"^(?P<num>\d{1,2})\.\s+(?P<title>\S.{0,150})$")
GROUP_HEADING = re.compile(r"^(?P<num>\d{1,2}\.\d{1,2})\.?\s+(?P<title>\S.{0,150})$")
MOTTO = ("cong hoa xa hoi chu nghia", "doc lap - tu do", "tu do - hanh phuc")
TITLE = re.compile(r"^(KẾ HOẠCH)(?:\s+(.*))?$")
BASES_START = ("can cu", "thuc hien", "trien khai", "theo ", "de ", "nham ")
NUMBER_LINE = re.compile(r"^S[ốỐ]\s*[:.]?\s*(?P<rest>.*/.*)$")
REFERENCE = re.compile(
    r"^(?P<so>[^/]*?)\s*/\s*(?P<loai>[A-ZĐ]{1,10})\s*-\s*(?P<cq>[A-ZĐ0-9][A-ZĐ0-9.-]*)\s*$"
)
DATE_LINE = re.compile(
    r"^(?P<place>[^,\d]{2,60}),\s*ngày[\s.…]*(?P<d>\d{1,2})?[\s.…]*tháng[\s.…]*(?P<m>\d{1,2})?"
    r"[\s.…]*năm[\s.…]*(?P<y>\d{4})",
    re.I,
)
AUTHORITY = re.compile(r"^(KT|TM|TL|TUQ|Q)\.\s*\S", re.I)
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _is_rule(text: str) -> bool:
    return bool(text) and all(c in "_-–—=*.… " for c in text)


def _unbulleted(text: str) -> str:
    return BULLET.sub("", text, count=1)


def _section_heading(text: str) -> str | None:
    """The title of a section heading ("II. CÁC CHỈ TIÊU CHỦ YẾU" → "CÁC CHỈ TIÊU CHỦ YẾU")."""
    found = SECTION_HEADING.match(text)
    if not found or "\n" in text or text.endswith((";", ",")):
        return None
    title = found.group("title")
    return title if title[:1].isupper() or title[:1].isdigit() else None


def _section_key(title: str) -> str | None:
    folded = fold(title)
    return next((key for key, names in SECTIONS if any(n in folded for n in names)), None)


def body_texts(blocks: list[Paragraph | Table]) -> list[str]:
    """The body as texts: each paragraph, and each line of each cell of its tables."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(block.text)
        else:
            out += [
                ln for row in block.rows for c in row if not c.merged for ln in c.text.split("\n")
            ]
    return out


class Body:
    """What the body says, read from its texts (see the module's docstring)."""

    def __init__(self, draft: Draft, texts: list[str]) -> None:
        self.draft = draft
        self.texts = texts
        self.doc: dict[str, Any] = {}  # van_ban's fields found
        self.sections: dict[str, tuple[str, list[str]]] = {}  # key → (title, paragraphs)
        self.appendix: dict[str, str] = {}  # tieu_de, ghi_chu

    def read(self) -> None:
        texts = self.texts
        headings = [(i, t) for i, text in enumerate(texts) if (t := _section_heading(text))]
        first = headings[0][0] if headings else len(texts)
        title_at = next((i for i, t in enumerate(texts[:first]) if TITLE.match(t)), None)
        self.header(texts[: first if title_at is None else title_at])
        if title_at is not None:
            self.title_and_bases(title_at, first)
        appendix_at = next(
            (i for i, t in enumerate(texts)
             if i > first and re.fullmatch(r"phu luc\b.{0,20}", fold(t.split("\n")[0]))),
            len(texts),
        )  # fmt: skip
        self.appendix_heading(appendix_at)
        end = self.read_sections([(i, t) for i, t in headings if i < appendix_at], appendix_at)
        self.signer(texts[end:appendix_at])

    def header(self, texts: list[str]) -> None:
        doc = self.doc
        bodies: list[str] = []
        for line in (ln for text in texts for ln in text.split("\n")):
            if not line or _is_rule(line) or any(m in fold(line) for m in MOTTO):
                continue
            number = NUMBER_LINE.match(line)
            reference = REFERENCE.match(number.group("rest")) if number else None
            if reference:
                doc["so"] = reference.group("so").strip(" .…") or None
                doc["ky_hieu_loai"] = reference.group("loai")
                doc["ky_hieu_co_quan"] = reference.group("cq")
                continue
            date = DATE_LINE.match(line)
            if date:
                doc["dia_danh"] = date.group("place").strip()
                doc["ngay_ban_hanh"] = {
                    "ngay": int(date.group("d")) if date.group("d") else None,
                    "thang": int(date.group("m")) if date.group("m") else None,
                    "nam": int(date.group("y")),
                }
                continue
            if _is_upper(line) and "ky_hieu_loai" not in doc and len(line) <= 120:
                bodies.append(line)
        if len(bodies) >= 2:
            doc["co_quan_chu_quan"], doc["co_quan_ban_hanh"] = bodies[0], " ".join(bodies[1:])
        elif bodies:
            doc["co_quan_ban_hanh"] = bodies[0]

    def title_and_bases(self, at: int, first_section: int) -> None:
        """KẾ HOẠCH, the title under it (up to three short lines), the legal bases after."""
        head, _, rest = self.texts[at].partition("\n")
        found = TITLE.match(head)
        assert found is not None
        self.doc["ten_loai"] = found.group(1)
        title = [x for x in (found.group(2) or "", *rest.split("\n")) if x]
        i = at + 1
        while i < first_section and len(title) < 3:
            text = self.texts[i]
            if not text or _is_rule(text):
                i += 1
                if title:
                    break
                continue
            if len(text) > 200 or text.endswith((":", ";")) or fold(text).startswith(BASES_START):
                break
            title.append(one_line(text))
            i += 1
        self.doc["trich_yeu"] = " ".join(title)
        bases = [one_line(t) for t in self.texts[i:first_section] if t and not _is_rule(t)]
        self.doc["can_cu"] = "\n".join(bases)

    def appendix_heading(self, at: int) -> None:
        rest = [t for t in self.texts[at + 1 :] if t]
        if rest and not rest[0].startswith("("):
            self.appendix["tieu_de"] = one_line(rest.pop(0))
        if rest and rest[0].startswith("("):
            self.appendix["ghi_chu"] = one_line(rest[0])

    def read_sections(self, headings: list[tuple[int, str]], stop: int) -> int:
        """Each section's paragraphs; where the last one ends (at the recipients, the signer
        or the appendix)."""
        end = stop
        for n, (at, title) in enumerate(headings):
            last = n + 1 == len(headings)
            paragraphs = []
            for j in range(at + 1, stop if last else headings[n + 1][0]):
                text = self.texts[j]
                if last and (
                    fold(text).startswith("noi nhan") or (_is_upper(text) and len(text) <= 60)
                ):
                    end = j
                    break
                if text and not _is_rule(text):
                    paragraphs.append(one_line(text))
            key = _section_key(title)
            if key is None:
                self.draft.note(None, "check", "section-unread", title=excerpt(title))
            elif key not in self.sections:
                self.sections[key] = (title, paragraphs)
        return end

    def signer(self, texts: list[str]) -> None:
        lines = [ln for text in texts for ln in text.split("\n") if ln and not _is_rule(ln)]
        recipients: list[str] = []
        rest: list[str] = []
        listing = False
        for line in lines:
            if fold(line).startswith("noi nhan"):
                listing = True
            elif listing and BULLET.match(line):
                recipients.append(_unbulleted(line))
            else:
                listing = False
                rest.append(line)
        self.doc["noi_nhan"] = recipients
        person: dict[str, Any] = {"quyen_han": None, "chuc_vu": "", "ho_ten": None}
        titles = [ln for ln in rest if _is_upper(ln)]
        if titles:
            if AUTHORITY.match(titles[0]) and len(titles) > 1:
                person["quyen_han"], person["chuc_vu"] = titles[0], titles[1]
            else:
                person["chuc_vu"] = titles[0]
            after = rest[rest.index(person["chuc_vu"]) + 1 :]
            names = [
                ln for ln in after
                if not ln.startswith("(") and 2 <= len(ln.split()) <= 6
                and all(w[:1].isupper() for w in ln.split()) and not _is_upper(ln)
            ]  # fmt: skip
            person["ho_ten"] = names[0] if names else None
        self.doc["nguoi_ky"] = person


# --- the plan --------------------------------------------------------------------------------


def draft_plan(doc: WordDocument, year: int | None = None) -> Draft:
    """The draft plan of a document; a usage error when it has no appendix table, or when
    no year can be read and none is given."""
    found = appendix_tables(doc.blocks)
    if found is None:
        raise UsageError("docx-no-table", path=doc.label)
    at, tables, columns = found
    units = Units()
    appendix = Appendix(units)
    appendix.read(tables, columns)
    draft = Draft()
    body = Body(draft, body_texts(doc.blocks[:at]))
    body.read()
    draft.year = year if year is not None else _plan_year(body, doc.label)
    draft.data = _Assembly(draft, body, appendix, units, doc).plan()
    missing = [k for k in KEYS if k not in columns.keys]
    if missing:
        draft.note(None, "check", "column-missing", columns=missing)
    for text in columns.extra:
        draft.note(None, "check", "column-unread", column=excerpt(text, 40))
    if doc.removed:
        draft.note(None, "check", "chars-removed", count=doc.removed)
    return draft


def _plan_year(body: Body, name: str) -> int:
    found = YEAR.findall(body.doc.get("trich_yeu", ""))
    if found:
        return int(found[-1])
    issued = body.doc.get("ngay_ban_hanh")
    if issued:
        return int(issued["nam"])
    raise UsageError("docx-no-year", path=name)


def _letter(n: int) -> str:
    """a, b, …, z, aa, ab, …: the suffix of an objective's n-th task (from 0)."""
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(97 + rest) + out
    return out


ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def _id_part(text: str) -> str:
    if ID.match(text):
        return text
    return re.sub(r"[^A-Za-z0-9._-]+", "-", fold(text)).strip("-._") or "X"


class _Assembly:
    """The draft's data, in the plan's shape, and its notes."""

    def __init__(
        self, draft: Draft, body: Body, appendix: Appendix, units: Units, doc: WordDocument
    ) -> None:
        self.draft, self.body, self.appendix, self.units, self.doc = (
            draft,
            body,
            appendix,
            units,
            doc,
        )
        self.ids = units.ids()

    def note(self, loc: Loc, kind: str, say: str, **args: Any) -> None:
        self.draft.note(loc, kind, say, **args)

    def at(self, item: dict[str, Any]) -> str:
        return words.import_plan_word("at", row=item.get("_at", 0))

    def plan(self) -> dict[str, Any]:
        year = self.draft.year
        sections = self.body.sections
        chi_tieu = self.indicators(sections.get("chi_tieu"))
        parts = [self.part(p, i) for i, p in enumerate(self.appendix.parts)]
        giai_phap = self.solutions(sections.get("giai_phap"))
        names: dict[int, str] = {}
        for area in (*chi_tieu, *parts, *giai_phap):
            names.setdefault(area["linh_vuc"], area["tieu_de"])
        indicators = [(a["linh_vuc"], i) for a in chi_tieu for i in a["chi_tieu"]]
        for part in parts:
            for objective in _objectives(part):
                if objective.get("chi_so"):
                    link_figures(objective, indicators, part["linh_vuc"])
        van_ban = self.document()
        don_vi = self.units.registry(self.ids)
        plan: dict[str, Any] = {
            "nam": year,
            "van_ban": van_ban,
            "linh_vuc": [
                {"ma": n, "ten": t or str(n)} for n, t in sorted(names.items()) if 1 <= n <= 20
            ],
            "don_vi": don_vi,
            "muc_dich_yeu_cau": self.section("muc_dich_yeu_cau"),
            "chi_tieu": chi_tieu,
            "giai_phap": giai_phap,
            "nhiem_vu_trong_tam": self.section("nhiem_vu_trong_tam"),
            "kinh_phi": self.section("kinh_phi"),
            "to_chuc_thuc_hien": self.section("to_chuc_thuc_hien"),
            "phu_luc": {
                "tieu_de": self.body.appendix.get("tieu_de", ""),
                "ghi_chu": self.body.appendix.get("ghi_chu", ""),
                "phan": parts,
            },
            "dieu_chinh": [],
        }
        settings = self.settings(van_ban)
        if settings:
            plan["cai_dat"] = settings
        if not plan["phu_luc"]["tieu_de"]:
            self.note(("phu_luc", "tieu_de"), "fill", "fill-appendix-title")
        if not don_vi:
            self.note(("don_vi",), "fill", "fill-units")
        if not plan["linh_vuc"]:
            self.note(("linh_vuc",), "fill", "fill-areas")
        objectives = [o for p in parts for o in _objectives(p)]
        self.draft.counts = {
            "parts": len(parts),
            "objectives": len(objectives),
            "tasks": sum(len(o["nhiem_vu"]) for o in objectives),
            "units": len(don_vi),
            "indicators": sum(len(a["chi_tieu"]) for a in chi_tieu),
            "targets": sum(len(i.get("chi_so", [])) for _a, i in indicators),
        }
        return plan

    def document(self) -> dict[str, Any]:
        d = self.body.doc
        van_ban: dict[str, Any] = {
            "co_quan_chu_quan": d.get("co_quan_chu_quan", ""),
            "co_quan_ban_hanh": d.get("co_quan_ban_hanh", ""),
            "ky_hieu_co_quan": d.get("ky_hieu_co_quan", ""),
            "ten_loai": d.get("ten_loai", "KẾ HOẠCH"),
            "ky_hieu_loai": d.get("ky_hieu_loai", "KH"),
            "so": d.get("so"),
            "dia_danh": d.get("dia_danh", ""),
            "ngay_ban_hanh": d.get("ngay_ban_hanh")
            or {"ngay": None, "thang": None, "nam": self.draft.year},
            "trich_yeu": d.get("trich_yeu", ""),
            "can_cu": d.get("can_cu", ""),
            "chu_thich": [{"so": n, "noi_dung": t} for n, t in sorted(self.doc.footnotes.items())],
            "nguoi_ky": d.get("nguoi_ky") or {"quyen_han": None, "chuc_vu": "", "ho_ten": None},
            "noi_nhan": d.get("noi_nhan", []),
        }
        for key in ("co_quan_chu_quan", "co_quan_ban_hanh", "ky_hieu_co_quan", "dia_danh",
                    "trich_yeu"):  # fmt: skip
            if not van_ban[key]:
                self.note(("van_ban", key), "fill", f"fill-{key}")
        if "ngay_ban_hanh" not in d:
            self.note(("van_ban", "ngay_ban_hanh"), "check", "check-date")
        if not van_ban["nguoi_ky"]["chuc_vu"]:
            self.note(("van_ban", "nguoi_ky", "chuc_vu"), "fill", "fill-signer")
        elif not van_ban["nguoi_ky"]["ho_ten"]:
            self.note(("van_ban", "nguoi_ky", "ho_ten"), "check", "check-signer-name")
        if not van_ban["noi_nhan"]:
            self.note(("van_ban", "noi_nhan"), "check", "check-recipients")
        if not van_ban["can_cu"]:
            self.note(("van_ban", "can_cu"), "check", "check-bases")
        return van_ban

    def settings(self, van_ban: dict[str, Any]) -> dict[str, Any]:
        """`cai_dat`: the reports' addressee, from the parent body ("UBND TỈNH HÀ TĨNH" → "Sở
        Nội vụ tỉnh Hà Tĩnh"), and the unit after "Lưu: VT," in the recipients."""
        settings: dict[str, Any] = {}
        parent = re.match(r"^UBND (TỈNH|THÀNH PHỐ) (.+)$", van_ban["co_quan_chu_quan"])
        if parent:
            settings["kinh_gui"] = [
                f"Sở Nội vụ {parent.group(1).lower()} {parent.group(2).title()}"
            ]
            self.note(("cai_dat", "kinh_gui"), "check", "check-addressee")
        for line in van_ban["noi_nhan"]:
            filed = re.match(r"^Lưu\s*:\s*VT\s*,\s*([A-Za-zĐđ]+)", line)
            if filed:
                settings["don_vi_luu"] = fold(filed.group(1)).upper()
        return settings

    def part(self, part: dict[str, Any], pi: int) -> dict[str, Any]:
        loc: Loc = ("phu_luc", "phan", pi)
        out: dict[str, Any] = {
            "so": part["so"],
            "linh_vuc": part["linh_vuc"],
            "tieu_de": part["tieu_de"],
        }
        if not part["so"]:
            self.note((*loc, "so"), "fill", "fill-part", at=self.at(part))
        elif not part["tieu_de"]:
            self.note((*loc, "tieu_de"), "fill", "fill-part-title", at=self.at(part))
        prefix = _id_part(part["so"]) if part["so"] else str(pi + 1)
        if part["muc_tieu"] or not part["nhom"]:
            out["muc_tieu"] = [self.objective(o, (*loc, "muc_tieu", oi), prefix)
                               for oi, o in enumerate(part["muc_tieu"])]  # fmt: skip
        if part["nhom"]:
            out["nhom"] = []
            for gi, group in enumerate(part["nhom"]):
                gloc: Loc = (*loc, "nhom", gi)
                if not group["tieu_de"]:
                    self.note((*gloc, "tieu_de"), "fill", "fill-group-title", at=self.at(group))
                out["nhom"].append({
                    "so": group["so"],
                    "tieu_de": group["tieu_de"],
                    "muc_tieu": [self.objective(o, (*gloc, "muc_tieu", oi), _id_part(group["so"]))
                                 for oi, o in enumerate(group["muc_tieu"])],
                })  # fmt: skip
        return out

    def objective(self, obj: dict[str, Any], loc: Loc, prefix: str) -> dict[str, Any]:
        ma = f"{prefix}.{_id_part(obj['so'])}"
        out: dict[str, Any] = {"ma": ma, "so": obj["so"], "noi_dung": obj["noi_dung"]}
        if obj.get("_guessed"):
            self.note((*loc, "so"), "check", "check-number", at=self.at(obj))
        if not obj["noi_dung"]:
            self.note((*loc, "noi_dung"), "fill", "fill-objective", at=self.at(obj))
        for _what, at in obj.get("_joined", []):
            self.note((*loc, "noi_dung"), "check", "objective-joined",
                      at=words.import_plan_word("at", row=at))  # fmt: skip
        figures = read_figures(obj["noi_dung"])
        if figures:
            out["chi_so"] = figures
        tasks = obj["nhiem_vu"]
        out["nhiem_vu"] = []
        for ti, task in enumerate(tasks):
            tloc: Loc = (*loc, "nhiem_vu", ti)
            t: dict[str, Any] = {"ma": ma if len(tasks) == 1 else f"{ma}.{_letter(ti)}"}
            t["nhiem_vu"] = task["nhiem_vu"]
            if not task["nhiem_vu"]:
                self.note((*tloc, "nhiem_vu"), "fill", "fill-task", at=self.at(task))
            t.update(self.row(task, tloc))
            if task["dong_tiep"]:
                t["dong_tiep"] = [self.row(line, (*tloc, "dong_tiep", li))
                                  for li, line in enumerate(task["dong_tiep"])]  # fmt: skip
            out["nhiem_vu"].append(t)
        return out

    def row(self, row: dict[str, Any], loc: Loc) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if row["hoat_dong"]:
            out["hoat_dong"] = row["hoat_dong"]
        if row["ket_qua"]:
            out["ket_qua"] = row["ket_qua"]
        for key in ("chu_tri", "phoi_hop"):
            out[key] = [self.ids[k] for k in row[key]]
            names = ", ".join(self.units.official(k) for k in row[key])
            if row[f"{key}_goc"] and row[f"{key}_goc"] != names:
                out[f"{key}_goc"] = row[f"{key}_goc"]  # the cell as printed
        if not row["chu_tri"]:
            self.note((*loc, "chu_tri"), "check", "check-lead", at=self.at(row))
        out["thoi_han"] = row["thoi_han"]
        year = self.draft.year
        if not row["thoi_han"]:
            self.note((*loc, "thoi_han"), "fill", "fill-deadline", at=self.at(row), year=year)
        else:
            try:
                parse_deadline(row["thoi_han"], year)
            except DeadlineError:
                self.note((*loc, "thoi_han"), "check", "check-deadline", at=self.at(row),
                          phrase=excerpt(row["thoi_han"]), year=year)  # fmt: skip
        if row["kinh_phi"]:
            out["kinh_phi"] = row["kinh_phi"]
        for columns, at in row.get("_joined", []):
            where = words.import_plan_word("at", row=at)
            self.note((*loc, columns[0]), "check", "row-joined", columns=columns, at=where)
        return out

    def section(self, key: str) -> dict[str, Any]:
        if key not in self.body.sections:
            self.note((key, "tieu_de"), "fill", "fill-section", section=key)
            return {"tieu_de": "", "doan": []}
        title, paragraphs = self.body.sections[key]
        return {"tieu_de": title, "doan": [t for p in paragraphs if (t := _unbulleted(p))]}

    def indicators(self, section: tuple[str, list[str]] | None) -> list[dict[str, Any]]:
        """Section II → `chi_tieu`: areas of indicators, each with the targets it states."""
        if section is None:
            self.note(("chi_tieu",), "check", "check-indicators")
            return []
        areas: list[dict[str, Any]] = []
        loose = 0
        for text in section[1]:
            heading = AREA_HEADING.match(text)
            if heading and not text.endswith((".", ";", ":")):
                areas.append({"linh_vuc": int(heading.group("num")),
                              "tieu_de": heading.group("title"), "chi_tieu": []})  # fmt: skip
                continue
            content = _unbulleted(text)
            if not areas or not content:
                loose += bool(content)
                continue
            area = areas[-1]
            ma = f"CT{area['linh_vuc']}.{len(area['chi_tieu']) + 1}"
            indicator: dict[str, Any] = {"ma": ma, "noi_dung": content}
            if not BULLET.match(text):
                indicator["gach_dau_dong"] = False
            figures = read_figures(content)
            if figures:
                indicator["chi_so"] = [
                    {"ma": f"{ma}.{_letter(i)}", **f} for i, f in enumerate(figures)
                ]
            area["chi_tieu"].append(indicator)
        if loose:
            self.note(("chi_tieu",), "check", "indicators-loose", count=loose)
        return areas

    def solutions(self, section: tuple[str, list[str]] | None) -> list[dict[str, Any]]:
        """Section III → `giai_phap`: areas, their groups (7.1), opening paragraphs, bullets."""
        if section is None:
            self.note(("giai_phap",), "check", "check-solutions")
            return []
        areas: list[dict[str, Any]] = []
        loose = 0
        for text in section[1]:
            group = GROUP_HEADING.match(text)
            heading = AREA_HEADING.match(text)
            if group and areas and not text.endswith((".", ";")):
                areas[-1].setdefault("muc_con", []).append(
                    {"so": group.group("num"), "tieu_de": group.group("title"), "noi_dung": []}
                )
                continue
            if heading and not text.endswith((".", ";", ":")):
                areas.append({"linh_vuc": int(heading.group("num")),
                              "tieu_de": heading.group("title"), "noi_dung": []})  # fmt: skip
                continue
            content = _unbulleted(text)
            if not areas or not content:
                loose += bool(content)
                continue
            holder = areas[-1]["muc_con"][-1] if areas[-1].get("muc_con") else areas[-1]
            if not BULLET.match(text) and not holder["noi_dung"] and "mo_dau" not in holder:
                holder["mo_dau"] = content
            else:
                holder["noi_dung"].append(content)
        if loose:
            self.note(("giai_phap",), "check", "solutions-loose", count=loose)
        for area in areas:  # the model's order: mo_dau before noi_dung, muc_con last
            for holder in (area, *area.get("muc_con", [])):
                if "mo_dau" in holder:
                    holder["mo_dau"] = holder.pop("mo_dau")
                holder["noi_dung"] = holder.pop("noi_dung")
            if "muc_con" in area:
                area["muc_con"] = area.pop("muc_con")
        return areas


def _objectives(part: dict[str, Any]) -> list[dict[str, Any]]:
    return [*part.get("muc_tieu", []), *(o for g in part.get("nhom", []) for o in g["muc_tieu"])]


# --- writing the draft -----------------------------------------------------------------------

FLOW_KEYS = frozenset({"chu_tri", "phoi_hop", "ten_khac", "thuoc", "kinh_gui"})


def comment_text(text: str) -> str:
    """Text safe in a one-line YAML comment: no line break, and no character that steers a
    terminal or an editor (shown as \\uXXXX)."""
    from cchc_cli.plan.text import UNSAFE_TEXT

    one = " ".join(text.replace("\r", " ").replace("\n", " ").split())
    return UNSAFE_TEXT.sub(lambda m: f"\\u{ord(m.group()):04x}", one)


def render(draft: Draft, source: str, out: Path) -> tuple[str, list[tuple[int, str]]]:
    """The draft's text in `cchc fmt`'s layout: a comment at the top, one above each line to
    fill in or check; and those comments' line numbers and words."""
    from cchc_cli.files.reader import locate, parse_text
    from cchc_cli.files.roundtrip import canonical, dump_new
    from cchc_cli.plan.model import Plan

    text = dump_new(draft.data, FLOW_KEYS)
    node = parse_text(str(out), text).node
    above: dict[int, list[str]] = {}
    loose: list[str] = []
    for note in draft.notes:
        said = comment_text(words.import_plan_note(note.kind, note.say, dict(note.args)))
        if note.loc is None:
            loose.append(said)
        else:
            above.setdefault(locate(node, note.loc, on_key=True)[0], []).append(said)
    lines: list[str] = []
    for n, line in enumerate(text.split("\n"), 1):
        indent = " " * (len(line) - len(line.lstrip(" ")))
        lines += [f"{indent}# {said}" for said in dict.fromkeys(above.get(n, []))]
        lines.append(line)
    name = comment_text(Path(source).name)
    header = words.import_plan_word("header", name=name, year=draft.year)
    top = [f"# {comment_text(line)}" for line in header.split("\n")]
    top += [f"# {said}" for said in dict.fromkeys(loose)]
    result = canonical("\n".join([*top, "", *lines]), Plan, out)
    marks = tuple(f"# {m}" for m in words.import_plan_marks())
    notes = [(n, line.strip()[2:]) for n, line in enumerate(result.split("\n"), 1)
             if line.strip().startswith(marks)]  # fmt: skip
    return result, notes
