"""`cchc import-plan FILE.docx`: draft a plan from its issued Word document."""

from pathlib import Path
from typing import Annotated

import typer

from cchc_cli.commands.common import handled, out


@handled
def import_plan(
    document: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="The issued plan as a Word document, its appendix a table of tasks.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Where to write the draft (default: plans/<year>.yaml).",
            show_default=False,
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            metavar="YEAR",
            help="The plan's year, where the document's title and date do not give it.",
            min=1900,
            max=2100,
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the output file if it exists.")
    ] = False,
) -> None:
    """Draft a plan from its issued Word document, marking what to fill in or check."""
    from cchc_cli import words
    from cchc_cli.commands.common import WRITTEN, err, print_problems
    from cchc_cli.errors import UsageError
    from cchc_cli.files.draft_plan import draft_plan, render
    from cchc_cli.files.safe_write import regular_or_missing, write_text
    from cchc_cli.files.word import read_docx
    from cchc_cli.files.workspace import find_plans_dir, is_progress_file, load_text
    from cchc_cli.plan.model import Plan

    if output is not None and (output.suffix not in (".yaml", ".yml") or is_progress_file(output)):
        raise UsageError("import-plan-output", path=str(output))
    draft = draft_plan(read_docx(document), year)
    target = output or find_plans_dir() / f"{draft.year}.yaml"
    if not force and (target.exists() or target.is_symlink()):
        raise UsageError("import-plan-exists", path=str(target))
    regular_or_missing(target)  # a link, a FIFO or a folder there is refused, --force or not
    text, notes = render(draft, document.name, target)
    _, problems = load_text(str(target), text, Plan)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text(target, text)
    WRITTEN.append(target)
    out(words.import_plan_word("written", path=target, source=document, **draft.counts))
    if notes:
        err(words.note(words.import_plan_word("notes", count=len(notes))))
        for line, said in notes:
            err(f"{target}:{line}: {said}")
    print_problems(problems)
    errors = sum(p.severity == "error" for p in problems)
    if errors:
        err(words.error(words.import_plan_word("invalid", count=errors)))
        raise typer.Exit(1)
