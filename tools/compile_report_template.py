"""Write cchc_cli/views/templates/report.docx.compiled: the body of the bundled report
template as Jinja compiles it to Python, in cchc's environment.

    python tools/compile_report_template.py

Run it after changing report.docx (tools/build_report_template.py), or after upgrading
Jinja or docxtpl: `cchc report` uses the compiled body only where its first line, the key
of the text, Jinja and environment it was compiled from, matches; elsewhere it compiles
the template as before, in 41 ms more. tests/test_report.py fails while the file is stale
for the versions that constraints/release.txt names.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cchc_cli.views.docx import COMPILED, compiled_body  # noqa: E402 - after the path


def main() -> int:
    target = ROOT / "cchc_cli" / "views" / "templates" / COMPILED
    text = compiled_body()
    target.write_text(text, encoding="utf-8")
    print(f"{target.relative_to(ROOT)}: {len(text):,} characters of Python, {text[2:14]}…")
    return 0


if __name__ == "__main__":
    sys.exit(main())
