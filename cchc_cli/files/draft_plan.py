"""`cchc import-plan`: a draft plan (the YAML of `plan.model.Plan`) from an issued plan's
Word document, as `files.word` reads it.

The appendix table is read by `files.draft_table` (parts, objectives, tasks, units), the
body by `files.draft_body` (header, legal bases, sections, signer); here they are put
together in the plan's shape, with ids made the way the 2023 plan makes them, and written
in `cchc fmt`'s layout.

What the plan needs but could not be read is left empty, so that `cchc validate` names
its line, with a comment above saying what to fill in ("CẦN ĐIỀN"); what was guessed has
a comment saying what to check ("KIỂM TRA"). The year of the plan is its title's, else its
date's, else `--year`'s. Never prints.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from cchc_cli import words
from cchc_cli.errors import Loc, UsageError
from cchc_cli.files.draft import Draft, excerpt, id_part, letter
from cchc_cli.files.draft_body import Body, body_texts, read_indicators, read_solutions, unbulleted
from cchc_cli.files.draft_table import KEYS, Appendix, Units, appendix_tables
from cchc_cli.files.word import WordDocument
from cchc_cli.plan.deadlines import DeadlineError, parse_deadline
from cchc_cli.plan.lookup import fold
from cchc_cli.plan.stated import link_figures, read_figures

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


YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _plan_year(body: Body, name: str) -> int:
    found = YEAR.findall(body.doc.get("trich_yeu", ""))
    if found:
        return int(found[-1])
    issued = body.doc.get("ngay_ban_hanh")
    if issued:
        return int(issued["nam"])
    raise UsageError("docx-no-year", path=name)


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
        chi_tieu = read_indicators(self.draft, sections.get("chi_tieu"))
        parts = [self.part(p, i) for i, p in enumerate(self.appendix.parts)]
        giai_phap = read_solutions(self.draft, sections.get("giai_phap"))
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
        prefix = id_part(part["so"]) if part["so"] else str(pi + 1)
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
                    "muc_tieu": [self.objective(o, (*gloc, "muc_tieu", oi), id_part(group["so"]))
                                 for oi, o in enumerate(group["muc_tieu"])],
                })  # fmt: skip
        return out

    def objective(self, obj: dict[str, Any], loc: Loc, prefix: str) -> dict[str, Any]:
        ma = f"{prefix}.{id_part(obj['so'])}"
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
            t: dict[str, Any] = {"ma": ma if len(tasks) == 1 else f"{ma}.{letter(ti)}"}
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
        return {"tieu_de": title, "doan": [t for p in paragraphs if (t := unbulleted(p))]}


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
