"""`cchc score` laid out: the terminal view, the JSON, the workbook Sở Nội vụ collects
(criterion, maximum, self-score, explanation, evidence, appraisal) with its index of
evidence, and the figures the site shows. Layout only: every number is the score report's
(`plan.score`), every record's place is given (`sources`)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from cchc_cli import words
from cchc_cli.errors import Source
from cchc_cli.plan.score import CriterionScore, Document, Ref, ScoreReport
from cchc_cli.views import json_text
from cchc_cli.views.safe_text import one_line
from cchc_cli.views.sheets import Column, Sheet

JSON_VERSION = 1
SHOWN_RECORDS = 4  # records listed per criterion in the terminal (all in JSON and workbook)
INDENT = 8

Sources = Mapping[Ref, Source]


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _where(ref: Ref, sources: Sources) -> str:
    found = sources.get(ref)
    return f"{found.path}:{found.line}" if found is not None else ref.label


def decision_text(report: ScoreReport, lang: str) -> str:
    d = report.cset.quyet_dinh
    L = lambda k: words.label(lang, k)  # noqa: E731
    when = (
        L("sc_decision_date").format(day=words.day(d.ngay))
        if d.ngay is not None
        else L("sc_decision_year").format(year=d.nam)
    )
    return L("sc_decision").format(number=d.so, when=when, issuer=d.co_quan)


def document_text(doc: Document, year: int, lang: str) -> str:
    """A document as an officer cites it: "Kế hoạch số 15/KH-SCT ngày 10/01/2023"."""
    parts = []
    if doc.report is not None:
        parts.append(words.report_title(doc.report, year, lang))
    if doc.trich_yeu:
        parts.append(doc.trich_yeu)
    if doc.so:
        parts.append(f"{words.label(lang, 'report_number')} {doc.so}")
    if doc.ngay:
        parts.append(words.day(doc.ngay))
    if doc.trang:
        parts.append(doc.trang)
    for extra in (doc.tep, doc.lien_ket):
        if extra:
            parts.append(extra)
    return ", ".join(parts)


def how(c: CriterionScore, lang: str) -> str:
    """How the criterion's points came to be, in one sentence."""
    L = lambda k: words.label(lang, k)  # noqa: E731
    if c.survey:
        return L("sc_survey")
    if c.computed is not None:
        explanation = words.score_explanation(c.computed, lang)
        if c.source == "override":
            return L("sc_override").format(
                points=words.points(c.points, lang),
                computed=words.points(c.computed_points, lang),
                rule=c.rule,
                explanation=explanation,
            )
        if c.computed.missing is not None:
            return L("sc_cannot").format(rule=c.rule, why=explanation)
        return L("sc_auto").format(rule=c.rule, explanation=explanation)
    return L("sc_manual") if c.points is not None else L("sc_not_scored")


# --- the terminal ----------------------------------------------------------------------


def lines(report: ScoreReport, sources: Sources, year: int, body: str, lang: str) -> list[tuple[str, str, int]]:  # fmt: skip
    """The view as (text, style, indent) lines, each to be wrapped at its indent."""
    L = lambda k: words.label(lang, k)  # noqa: E731
    out: list[tuple[str, str, int]] = [
        (L("sc_title").format(year=year, body=body), "bold", 0),
        (L("sc_set").format(name=report.cset.ten, decision=decision_text(report, lang)), "", 0),
    ]
    if report.cset.loi_van == "tu_soan":
        out.append((L("sc_own_words"), "yellow", 0))
    out.append((f"{L('as_of')} {words.day(report.as_of)}", "", 0))
    out += [(text, style, 0) for text, style in headline(report, lang)]
    for area in report.areas:
        out.append(("", "", 0))
        out.append(
            (
                L("sc_area").format(
                    code=area.code,
                    title=area.title,
                    points=words.points(area.points, lang),
                    max=words.points(area.max, lang),
                ),
                "bold underline",
                0,
            )  # fmt: skip
        )
        for c in area.criteria:
            out += _criterion_lines(c, sources, year, lang)
    return out


def headline(report: ScoreReport, lang: str) -> list[tuple[str, str]]:
    """The total, what is not scored, what lacks evidence: the lines that open the view."""
    L = lambda k: words.label(lang, k)  # noqa: E731
    p = lambda v: words.points(v, lang)  # noqa: E731
    if report.survey_max:
        total = L("sc_total").format(points=p(report.points), self_max=p(report.self_max),
                                     survey=p(report.survey_max), total=p(report.total_max))  # fmt: skip
    else:
        total = L("sc_total_no_survey").format(points=p(report.points), self_max=p(report.self_max))
    found = [(total, "bold")]
    if report.appraised is not None:
        found.append((L("sc_appraised").format(points=p(report.appraised),
                                               count=report.appraised_count,
                                               leaves=len(report.scored)), ""))  # fmt: skip
    unscored = [c.code for c in report.unscored]
    found.append(
        (L("sc_unscored").format(count=len(unscored), codes=", ".join(unscored)), "yellow")
        if unscored
        else (L("sc_no_unscored"), "green")
    )
    lacking = [c.code for c in report.lacking_evidence]
    found.append(
        (L("sc_unevidenced").format(count=len(lacking), codes=", ".join(lacking)), "yellow")
        if lacking
        else (L("sc_no_unevidenced"), "green")
    )
    if report.problems:
        found.append((L("sc_problems").format(count=len(report.problems)), "bold red"))
    return found


Line = tuple[str, str, int]  # text, style, indent


def _criterion_lines(c: CriterionScore, sources: Sources, year: int, lang: str) -> list[Line]:
    """A criterion: its code, title and score; for one that is scored, how, from which
    records, with which evidence, and its rounds of appraisal."""
    found = [_score_line(c, lang)]
    if c.leaf:
        sub = 2 * c.depth + INDENT
        found.append((how(c, lang), "dim" if c.unscored else "", sub))
        found += [
            (text, style, sub) for text, style in _records_and_evidence(c, sources, year, lang)
        ]
        found += _rounds(c, sub, lang)
    return found


def _score_line(c: CriterionScore, lang: str) -> Line:
    p = lambda v: words.points(v, lang)  # noqa: E731
    pad = 2 * c.depth
    if not c.leaf:
        score, style = p(c.max), "bold"
    elif c.survey:
        score, style = f"—/{p(c.max)}", ""
    else:
        score, style = f"{p(c.points)}/{p(c.max)}", "yellow" if c.unscored else ""
    return (f"{c.code.ljust(INDENT - 1 - pad)} {c.title} · {score}", style, pad)


def _first(items: list[str], more: str, lang: str) -> str:
    """The first SHOWN_RECORDS items, and how many more there are."""
    shown = items[:SHOWN_RECORDS]
    if len(items) > SHOWN_RECORDS:
        shown.append(words.label(lang, more).format(count=len(items) - SHOWN_RECORDS))
    return "; ".join(shown)


def _records_and_evidence(
    c: CriterionScore, sources: Sources, year: int, lang: str
) -> list[tuple[str, str]]:
    """The records a computed point came from, the officer's note, the evidence (or what
    evidence the criterion asks for, when it lacks it)."""
    L = lambda k: words.label(lang, k)  # noqa: E731
    found = []
    if c.computed is not None and c.computed.refs:
        refs = [f"{_where(r, sources)} ({r.label})" for r in c.computed.refs]
        found.append((f"{L('sc_records')}: {_first(refs, 'sc_more_records', lang)}", ""))
    if c.note:
        found.append((f"{L('sc_note')}: {c.note}", ""))
    if c.evidence:
        docs = [document_text(d, year, lang) for d in c.evidence]
        found.append((f"{L('sc_evidence')}: {_first(docs, 'sc_more_documents', lang)}", ""))
    elif c.lacks_evidence or (c.unscored and c.evidence_needed):
        found.append((L("sc_needs_evidence").format(what=c.evidence_needed or "—"), "yellow"))
    return found


def _rounds(c: CriterionScore, sub: int, lang: str) -> list[Line]:
    """Each round of appraisal: its score, what the appraisers said, the officer's reply."""
    L = lambda k: words.label(lang, k)  # noqa: E731
    found: list[Line] = []
    for r in c.rounds:
        when = f" ({words.day(r.ngay)})" if r.ngay else ""
        points = words.points(r.diem, lang)
        found.append((L("sc_round").format(round=r.vong, day=when, points=points), "cyan", sub))
        if r.nhan_xet:
            found.append((L("sc_round_said").format(text=r.nhan_xet), "", sub + 2))
        if r.giai_trinh:
            found.append((L("sc_round_reply").format(text=r.giai_trinh), "", sub + 2))
    return found


# --- JSON -----------------------------------------------------------------------------


def _value(v: Any) -> Any:
    return v.isoformat() if isinstance(v, date) else v


def _doc_json(doc: Document, year: int, sources: Sources, lang: str) -> dict[str, Any]:
    return {
        "number": doc.so,
        "date": _iso(doc.ngay),
        "title": doc.trich_yeu,
        "report": doc.report,
        "file": doc.tep,
        "link": doc.lien_ket,
        "page": doc.trang,
        "text": document_text(doc, year, lang),
        "record": _where(doc.ref, sources) if doc.ref is not None else None,
    }


def _criterion_json(c: CriterionScore, sources: Sources, year: int, lang: str) -> dict[str, Any]:
    computed = None
    if c.computed is not None:
        k = c.computed
        computed = {
            "rule": k.rule,
            "case": k.case,
            "value": round(k.value, 4) if k.value is not None else None,
            "numbers": {name: _value(v) for name, v in k.numbers},
            "records": [{"where": _where(r, sources), "label": r.label} for r in k.refs],
            "missing": k.missing,
            "needs": k.needs,
            "points": c.computed_points,
            "explanation": words.score_explanation(k, lang),
        }
    return {
        "code": c.code,
        "area": c.area,
        "title": c.title,
        "depth": c.depth,
        "leaf": c.leaf,
        "max": c.max,
        "kind": c.kind or None,
        "source": c.source if c.leaf else None,
        "points": c.points,
        "how": how(c, lang) if c.leaf else None,
        "computed": computed,
        "note": c.note,
        "evidence": [_doc_json(d, year, sources, lang) for d in c.evidence],
        "evidence_needed": c.evidence_needed,
        "appraisal": [
            {
                "round": r.vong,
                "date": _iso(r.ngay),
                "points": r.diem,
                "remark": r.nhan_xet,
                "reply": r.giai_trinh,
            }  # fmt: skip
            for r in c.rounds
        ],
        "appraised": c.appraised,
        "unscored": c.unscored,
        "lacks_evidence": c.lacks_evidence,
    }


def to_json(report: ScoreReport, sources: Sources, plan: Any, set_file: str, lang: str) -> str:
    d = report.cset.quyet_dinh
    year = plan.nam
    data = {
        "version": JSON_VERSION,
        "plan_year": year,
        "as_of": report.as_of.isoformat(),
        "criteria_set": {
            "file": set_file,
            "name": report.cset.ten,
            "level": report.cset.cap,
            "year": report.cset.nam,
            "wording": report.cset.loi_van,
            "decision": {
                "number": d.so,
                "date": _iso(d.ngay),
                "year": d.nam,
                "issuer": d.co_quan,
                "address": d.dia_chi,
            },  # fmt: skip
        },
        "total": {
            "max": report.total_max,
            "self_max": report.self_max,
            "survey_max": report.survey_max,
            "points": report.points,
            "appraised": report.appraised,
            "appraised_count": report.appraised_count,
        },
        "areas": [
            {
                "code": a.code,
                "title": a.title,
                "max": a.max,
                "self_max": a.self_max,
                "points": a.points,
                "appraised": a.appraised,
                "criteria": [_criterion_json(c, sources, year, lang) for c in a.criteria],
            }
            for a in report.areas
        ],
        "unscored": [c.code for c in report.unscored],
        "lacking_evidence": [c.code for c in report.lacking_evidence],
        "documents": [
            {**_doc_json(doc, year, sources, lang), "criteria": codes}
            for doc, codes in report.documents
        ],
    }
    return json_text.dumps(data)


# --- the workbook ------------------------------------------------------------------------


def _cell(text: str) -> str:
    return one_line(" ".join(text.split()))


def _score_title(report: ScoreReport, year: int, body: str) -> list[tuple[str, str]]:
    """The lines above the table: the year, the body, the set and its decision, the day."""
    d = report.cset.quyet_dinh
    when = f"ngày {words.day(d.ngay)}" if d.ngay is not None else f"năm {d.nam}"
    return [
        ("title", words.SCORE_TITLE.format(year=year)),
        ("field", words.SCORE_BODY.format(body=_cell(body))),
        (
            "field",
            words.SCORE_SET.format(
                name=_cell(report.cset.ten), number=d.so, when=when, issuer=_cell(d.co_quan)
            ),
        ),  # fmt: skip
        ("field", words.SCORE_AS_OF.format(day=words.day(report.as_of))),
    ]


def score_sheets(report: ScoreReport, sources: Sources, year: int, body: str = "") -> list[Sheet]:
    """The self-assessment as Sở Nội vụ collects it, under a title naming the body, the
    year, the set and the day, and the index of the evidence cited: Vietnamese whatever
    the language (the workbook is sent to Sở Nội vụ)."""
    lang = "vi"
    h = words.SCORE_SHEET_HEADERS
    table = Sheet(
        words.SCORE_SHEET,
        [
            Column(h[0], 9),
            Column(h[1], 50, wrap=True),
            Column(h[2], 10, number_format="0.00"),
            Column(h[3], 11, number_format="0.00"),
            Column(h[4], 50, wrap=True),
            Column(h[5], 45, wrap=True),
            Column(h[6], 11, number_format="0.00"),
            Column(h[7], 35, wrap=True),
            Column(h[8], 35, wrap=True),
        ],
        title=_score_title(report, year, body),
    )
    for area in report.areas:
        table.rows.append(
            [
                area.code,
                _cell(area.title).upper(),
                area.max,
                area.points,
                None,
                None,
                area.appraised,
                None,
                None,
            ]  # fmt: skip
        )
        for c in area.criteria:
            if not c.leaf:
                table.rows.append(
                    [c.code, _cell(c.title), c.max, None, None, None, None, None, None]
                )
                continue
            explain = [how(c, lang)]
            if c.computed is not None and c.computed.refs:
                refs = "; ".join(f"{_where(r, sources)} ({r.label})" for r in c.computed.refs)
                explain.append(f"{words.label(lang, 'sc_records')}: {refs}")
            if c.note:
                explain.append(c.note)
            evidence = "; ".join(document_text(d, year, lang) for d in c.evidence)
            last = c.rounds[-1] if c.rounds else None
            title = _cell(c.title) + (f" ({words.SCORE_SURVEY})" if c.survey else "")
            table.rows.append(
                [
                    c.code,
                    title,
                    c.max,
                    c.points,
                    _cell(" — ".join(explain)),
                    _cell(evidence),
                    c.appraised,
                    _cell(last.nhan_xet or "") if last else None,
                    _cell(last.giai_trinh or "") if last else None,
                ]  # fmt: skip
            )
    table.rows.append(
        [
            None,
            words.SCORE_TOTAL,
            report.total_max,
            report.points,
            None,
            None,
            report.appraised,
            None,
            None,
        ]  # fmt: skip
    )
    e = words.EVIDENCE_HEADERS
    index = Sheet(
        words.EVIDENCE_SHEET,
        [
            Column(e[0], 6),
            Column(e[1], 18),
            Column(e[2], 12),
            Column(e[3], 50, wrap=True),
            Column(e[4], 25, wrap=True),
            Column(e[5], 30, wrap=True),
            Column(e[6], 10),
            Column(e[7], 18, wrap=True),
        ],
    )
    for n, (doc, codes) in enumerate(report.documents, 1):
        name = doc.trich_yeu or ""
        if doc.report is not None:
            name = words.report_title(doc.report, year, lang)
        index.rows.append(
            [n, doc.so, doc.ngay, _cell(name), doc.tep, doc.lien_ket, doc.trang, ", ".join(codes)]
        )
    return [table, index]


# --- the site --------------------------------------------------------------------------


def site_figures(report: ScoreReport, lang: str) -> dict[str, Any]:
    """What the site shows of a body's self-assessment: the totals and each area's."""
    return {
        "points": report.points,
        "self_max": report.self_max,
        "survey_max": report.survey_max,
        "appraised": report.appraised,
        "unscored": len(report.unscored),
        "lacking_evidence": len(report.lacking_evidence),
        "text": f"{words.points(report.points, lang)}/{words.points(report.self_max, lang)}",
        "areas": [
            (a.code, a.title, words.points(a.points, lang), words.points(a.self_max, lang))
            for a in report.areas
        ],
        "set": report.cset.ten,
        "own_words": report.cset.loi_van == "tu_soan",
    }


def render(
    report: ScoreReport, sources: Sources, year: int, body: str, lang: str, width: int | None
) -> None:
    """The terminal view, wrapped to the screen, in colour where the screen has it."""
    from cchc_cli.views.status_table import Lines, Screen

    screen = Screen(width)
    out = Lines()
    room = screen.width
    for text, style, indent in lines(report, sources, year, body, lang):
        if not text:
            out.text()
            continue
        first = True
        for part in _wrapped(text, max(room - indent - 2, 20)):
            pad = " " * (indent if first else indent + 2)
            out.text(pad + part, style)
            first = False
    screen.print(out)


def _wrapped(text: str, width: int) -> list[str]:
    from cchc_cli.views.status_table import wrap

    return wrap(one_line(text), width)
