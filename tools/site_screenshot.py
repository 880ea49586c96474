"""Make docs/site-plan.png, site-plan-phone.png and site-portfolio.png, the pictures of
`cchc site` in the guides.

    python tools/site_screenshot.py [FOLDER]

The plan's page: plans/2023.yaml with examples/2023.progress.yaml as of 30/06/2023
(`cchc site -o site` in a copy of the repository), on a screen of 1280 × 800 and on a phone
(390 × 844). The portfolio: three bodies as of 30/06/2023, the 2023 plan with the example's progress and two copies named Sở Xây dựng and
Sở Y tế, the last with a progress file naming a task its plan does not have, so that the
portfolio shows a body it could not read. Screenshots by headless Chromium.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2023.yaml"
PROGRESS = ROOT / "examples" / "2023.progress.yaml"
OUTPUT = ROOT / "docs"
AS_OF = "2023-06-30"
BODIES = {"so-cong-thuong": ("SCT", "SỞ CÔNG THƯƠNG"), "so-xay-dung": ("SXD", "SỞ XÂY DỰNG"),
          "so-y-te": ("SYT", "SỞ Y TẾ")}  # fmt: skip
BROKEN = "nam: 2023\nnhiem_vu:\n  - ma: I.9\n    ngay: 2023-01-05\n    trang_thai: hoan_thanh\n"


def shoot(browser: str, page: Path, out: Path, size: str, profile: Path) -> None:
    subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         f"--user-data-dir={profile}", "--hide-scrollbars", f"--window-size={size}",
         f"--screenshot={out}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    print(out)


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    cchc = str(Path(sys.executable).parent / "cchc")
    browser = next(
        (b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None
    )
    if browser is None:
        raise SystemExit("needs Chromium (apt-get install chromium fonts-liberation)")
    env_lang = ["--lang", "vi"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base = PLAN.read_text(encoding="utf-8")
        for name, (code, body) in BODIES.items():
            plans = folder / "tinh" / name / "plans"
            plans.mkdir(parents=True)
            text = base.replace("ky_hieu_co_quan: SCT", f"ky_hieu_co_quan: {code}", 1)
            text = text.replace("co_quan_ban_hanh: SỞ CÔNG THƯƠNG", f"co_quan_ban_hanh: {body}", 1)
            (plans / "2023.yaml").write_text(text, encoding="utf-8")
            shutil.copytree(ROOT / "tieu-chi", plans.parent / "tieu-chi")
        shutil.copy(PROGRESS, folder / "tinh" / "so-cong-thuong" / "plans" / "2023.progress.yaml")
        (folder / "tinh" / "so-y-te" / "plans" / "2023.progress.yaml").write_text(
            BROKEN, encoding="utf-8"
        )
        done = subprocess.run(
            [cchc, "site", *BODIES, "-o", "toan-tinh", "--as-of", AS_OF, *env_lang],
            capture_output=True, text=True, timeout=300, cwd=folder / "tinh",
        )  # fmt: skip
        if done.returncode != 1:  # 1: the broken body is shown, and said
            raise SystemExit(done.stderr)
        subprocess.run(  # the plan's own site, built in its folder
            [cchc, "site", "-o", "site", "--as-of", AS_OF, *env_lang],
            check=True, capture_output=True, timeout=300, cwd=folder / "tinh" / "so-cong-thuong",
        )  # fmt: skip
        site = folder / "tinh" / "so-cong-thuong" / "site"
        profile = folder / "profile"
        shoot(browser, site / "index.html", out / "site-plan.png", "1280,800", profile)
        shoot(browser, site / "index.html", out / "site-plan-phone.png", "390,844",
              profile)  # fmt: skip
        shoot(browser, folder / "tinh" / "toan-tinh" / "index.html", out / "site-portfolio.png",
              "1280,800", profile)  # fmt: skip


if __name__ == "__main__":
    main()
