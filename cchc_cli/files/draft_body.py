"""The body of an issued plan's Word document, for `cchc import-plan` (`files.draft_plan`):
read from its paragraphs and the lines of its small tables (the header and the signer are
often laid out in borderless tables).

- the header: the parent and the issuing body (the capitals before "Số:"), the number
  and its symbols ("Số: 15/KH-SCT"), the place and date ("Hà Tĩnh, ngày … tháng 01 năm
  2023"), the document's type (KẾ HOẠCH) and title;
- the legal bases: the paragraphs between the title and section I;
- sections I to VI, by the words of their headings (I. … mục đích, II. … chỉ tiêu,
  III. … giải pháp, IV. … trọng tâm, V. kinh phí, VI. tổ chức thực hiện): II's areas
  ("1. Chỉ đạo điều hành CCHC") and indicators with the targets their words state
  (`plan.stated`), III's areas, groups (7.1), opening paragraphs and bullets;
- the recipients after "Nơi nhận:" and the signer (authority, title, name);
- the appendix's heading ("Phụ lục", its title, the "(Kèm theo …)" line).

Text is kept as printed; a leading "- " bullet of a body paragraph is dropped, as the
plan writes its lists. Never prints.
"""

from __future__ import annotations

import re
from typing import Any

from cchc_cli.files.draft import Draft, excerpt, letter
from cchc_cli.files.draft_table import BULLET, is_upper, one_line
from cchc_cli.files.word import Paragraph, Table
from cchc_cli.plan.lookup import fold
from cchc_cli.plan.stated import read_figures

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


def _is_rule(text: str) -> bool:
    return bool(text) and all(c in "_-–—=*.… " for c in text)


def unbulleted(text: str) -> str:
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
            if is_upper(line) and "ky_hieu_loai" not in doc and len(line) <= 120:
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
                    fold(text).startswith("noi nhan") or (is_upper(text) and len(text) <= 60)
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
        """The recipients after "Nơi nhận:" and the signer, from the texts after the last
        section."""
        lines = [ln for text in texts for ln in text.split("\n") if ln and not _is_rule(ln)]
        self.doc["noi_nhan"], rest = _recipients(lines)
        self.doc["nguoi_ky"] = _signer(rest)


def _recipients(lines: list[str]) -> tuple[list[str], list[str]]:
    """The bullets after "Nơi nhận:" (without their bullet), and the other lines."""
    recipients: list[str] = []
    rest: list[str] = []
    listing = False
    for line in lines:
        if fold(line).startswith("noi nhan"):
            listing = True
        elif listing and BULLET.match(line):
            recipients.append(unbulleted(line))
        else:
            listing = False
            rest.append(line)
    return recipients, rest


def _signer(lines: list[str]) -> dict[str, Any]:
    """The signer: the authority ("KT. GIÁM ĐỐC") and title in capitals, the name under them."""
    person: dict[str, Any] = {"quyen_han": None, "chuc_vu": "", "ho_ten": None}
    titles = [ln for ln in lines if is_upper(ln)]
    if not titles:
        return person
    if AUTHORITY.match(titles[0]) and len(titles) > 1:
        person["quyen_han"], person["chuc_vu"] = titles[0], titles[1]
    else:
        person["chuc_vu"] = titles[0]
    after = lines[lines.index(person["chuc_vu"]) + 1 :]
    person["ho_ten"] = next((ln for ln in after if _is_name(ln)), None)
    return person


def _is_name(line: str) -> bool:
    """A person's name: two to six words, each capitalised, not all in capitals."""
    words = line.split()
    return (
        not line.startswith("(")
        and 2 <= len(words) <= 6
        and all(w[:1].isupper() for w in words)
        and not is_upper(line)
    )


# --- sections II and III ----------------------------------------------------------------------


def read_indicators(draft: Draft, section: tuple[str, list[str]] | None) -> list[dict[str, Any]]:
    """Section II → `chi_tieu`: areas of indicators, each with the targets it states."""
    if section is None:
        draft.note(("chi_tieu",), "check", "check-indicators")
        return []
    areas: list[dict[str, Any]] = []
    loose = 0
    for text in section[1]:
        heading = AREA_HEADING.match(text)
        if heading and not text.endswith((".", ";", ":")):
            areas.append({"linh_vuc": int(heading.group("num")),
                          "tieu_de": heading.group("title"), "chi_tieu": []})  # fmt: skip
            continue
        content = unbulleted(text)
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
            indicator["chi_so"] = [{"ma": f"{ma}.{letter(i)}", **f} for i, f in enumerate(figures)]
        area["chi_tieu"].append(indicator)
    if loose:
        draft.note(("chi_tieu",), "check", "indicators-loose", count=loose)
    return areas


def read_solutions(draft: Draft, section: tuple[str, list[str]] | None) -> list[dict[str, Any]]:
    """Section III → `giai_phap`: areas, their groups (7.1), opening paragraphs, bullets."""
    if section is None:
        draft.note(("giai_phap",), "check", "check-solutions")
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
        content = unbulleted(text)
        if not areas or not content:
            loose += bool(content)
            continue
        holder = areas[-1]["muc_con"][-1] if areas[-1].get("muc_con") else areas[-1]
        if not BULLET.match(text) and not holder["noi_dung"] and "mo_dau" not in holder:
            holder["mo_dau"] = content
        else:
            holder["noi_dung"].append(content)
    if loose:
        draft.note(("giai_phap",), "check", "solutions-loose", count=loose)
    for area in areas:  # the model's order: mo_dau before noi_dung, muc_con last
        for holder in (area, *area.get("muc_con", [])):
            if "mo_dau" in holder:
                holder["mo_dau"] = holder.pop("mo_dau")
            holder["noi_dung"] = holder.pop("noi_dung")
        if "muc_con" in area:
            area["muc_con"] = area.pop("muc_con")
    return areas
