"""`cchc site`: the director's pages and the province's portfolio, checked as files and
in a real browser (headless Chromium)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT
from helpers import cchc, require_tool

from cchc_cli import words

PLAN = ROOT / "plans" / "2023.yaml"
PROGRESS = ROOT / "examples" / "2023.progress.yaml"
CHROMIUM = "apt-get install chromium fonts-liberation"


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: dict[str, str] = {}
        self._id: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        for key in ("href", "src"):
            if found.get(key):
                self.links.append(found[key] or "")
        self._id = found.get("id")

    def handle_data(self, data: str) -> None:
        if self._id and data.strip():
            self.ids.setdefault(self._id, data.strip())


def parse(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def every_link_resolves(site: Path) -> int:
    count = 0
    for page in site.rglob("*.html"):
        for link in parse(page).links:
            assert not re.match(r"^(?:[a-z]+:|//)", link), f"{page}: {link} leaves the folder"
            target = (page.parent / link.split("#")[0]).resolve()
            assert target.is_file(), f"{page}: {link} does not resolve"
            count += 1
    css = (site / "site.css").read_text(encoding="utf-8")
    assert "url(" not in css and "@import" not in css
    return count


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "plans").mkdir()
    shutil.copy(PLAN, tmp_path / "plans" / "2023.yaml")
    shutil.copy(PROGRESS, tmp_path / "plans" / "2023.progress.yaml")
    monkeypatch.chdir(tmp_path)
    r = cchc("site", "-o", "site", "--as-of", "2023-06-30", "--lang", "vi")
    assert r.code == 0, r.all
    return tmp_path / "site"


def test_a_criteria_set_not_there_is_a_warning_and_one_with_errors_fails_the_build(
    site: Path,
) -> None:
    # As `cchc validate` has it: a set not there yet is `cchc score`'s to say (a warning
    # here, the site built without the scores); a set with errors fails, the site built.
    r = cchc("site", "-o", "site", "--as-of", "2023-06-30")
    assert r.code == 0, r.all
    line = next(
        i for i, t in enumerate(PLAN.read_text("utf-8").splitlines(), 1) if "bo_tieu_chi" in t
    )
    assert (
        f"2023.yaml:{line}:18: warning: no criteria set '../tieu-chi/vi-du/so-2023.yaml'" in r.err
    )
    bad = site.parent / "tieu-chi" / "vi-du" / "so-2023.yaml"
    bad.parent.mkdir(parents=True)
    bad.write_text("ten: Bộ tiêu chí\n", encoding="utf-8")
    (site / "index.html").unlink()
    r = cchc("site", "-o", "site", "--as-of", "2023-06-30")
    assert r.code == 1 and "so-2023.yaml:1:1: error: " in r.err, r.all
    assert (site / "index.html").is_file()
    assert cchc("validate").code == 1  # the same verdict
    bad.unlink()
    bad.mkdir()  # not a file at all: said in one line, the site still built
    (site / "index.html").unlink()
    r = cchc("site", "-o", "site", "--as-of", "2023-06-30")
    assert r.code == 1 and "so-2023.yaml" in r.err and "Traceback" not in r.all, r.all
    assert (site / "index.html").is_file()
    r = cchc("validate")  # said at the plan's setting, with every other problem
    assert r.code == 1, r.all
    assert f"2023.yaml:{line}:18: error: the criteria set '../tieu-chi/vi-du/so-2023.yaml' " \
           "cannot be read: " in r.out  # fmt: skip


@pytest.mark.parametrize("unit", ["VP", "BPMC", "TTRA"])
def test_a_unit_page_shows_the_targets_its_status_shows(site: Path, unit: str) -> None:
    # What a unit answers for is one rule (plan.sheet_meta.answers_for): its page, its
    # `status --unit` and its sheet show the same targets.
    page = (site / "don-vi" / f"{unit}.html").read_text(encoding="utf-8")
    shown = set(re.findall(r'<tr class="[^"]*"><td>(CT[0-9.a-z]+)</td>', page))
    r = cchc("status", "--unit", unit, "--as-of", "2023-06-30", "--format", "json")
    assert r.code == 0, r.all
    assert shown == {t["id"] for i in json.loads(r.out)["indicators"] for t in i["targets"]}
    assert (unit == "TTRA") == (not shown)


def test_the_site_has_a_page_per_unit_and_task_and_every_link_resolves(site: Path) -> None:
    assert (site / "index.html").is_file() and (site / "site.css").is_file()
    assert (site / "don-vi" / "TTRA.html").is_file()
    assert (site / "nhiem-vu" / "I.1.a.html").is_file()
    assert every_link_resolves(site) > 100


def test_the_summary_numbers_are_those_of_status_json(site: Path) -> None:
    data = json.loads(
        cchc("status", "--as-of", "2023-06-30", "--format", "json", "--lang", "vi").out
    )
    s = data["summary"]
    shown = parse(site / "index.html").ids
    assert shown["rate"] == words.rate(s["completion_rate"], "vi")
    assert shown["plan-rate"] == words.rate(s["plan_rate"], "vi")
    assert shown["overdue"] == str(s["overdue"]) and shown["due-soon"] == str(s["due_soon"])
    assert shown["met"] == str(s["targets"]["met"])
    assert shown["at-risk"] == str(s["targets"]["at_risk"] + s["targets"]["missed"])
    page = (site / "index.html").read_text(encoding="utf-8")
    for task in data["tasks"]:
        assert f'nhiem-vu/{task["id"]}.html">{task["id"]}</a>' in page


def test_hostile_plan_text_shows_as_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "plans").mkdir()
    text = PLAN.read_text(encoding="utf-8").replace(
        "nhiem_vu: Ban hành Kế hoạch CCHC năm 2023.",
        "nhiem_vu: '<script>alert(1)</script></title><a href=\"javascript:alert(2)\">x</a>'",
        1,
    )
    (tmp_path / "plans" / "2023.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cchc("site", "-o", "site", "--as-of", "2023-06-30").code == 0
    for page in (tmp_path / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and 'href="javascript:' not in html
        assert html.count("<script") == html.count('<script src="')
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;/title&gt;" in index


def make_portfolio(tmp_path: Path) -> Path:
    """Three departments' repositories: the 2023 plan and two generated from it."""
    base = PLAN.read_text(encoding="utf-8")
    for name, (code, body) in {
        "so-cong-thuong": ("SCT", "SỞ CÔNG THƯƠNG"),
        "so-xay-dung": ("SXD", "SỞ XÂY DỰNG"),
        "so-y-te": ("SYT", "SỞ Y TẾ"),
    }.items():
        plans = tmp_path / name / "plans"
        plans.mkdir(parents=True)
        text = base.replace("ky_hieu_co_quan: SCT", f"ky_hieu_co_quan: {code}", 1)
        text = text.replace("co_quan_ban_hanh: SỞ CÔNG THƯƠNG", f"co_quan_ban_hanh: {body}", 1)
        (plans / "2023.yaml").write_text(text, encoding="utf-8")
        if code == "SCT":
            shutil.copy(PROGRESS, plans / "2023.progress.yaml")
    return tmp_path


def test_a_portfolio_compares_the_bodies_and_links_to_their_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_portfolio(tmp_path)
    monkeypatch.chdir(root)  # the province's folder, which holds the bodies' repositories
    folders = [str(root / n) for n in ("so-cong-thuong", "so-xay-dung", "so-y-te")]
    r = cchc("site", *folders, "-o", str(root / "site"), "--as-of", "2023-06-30", "--lang", "vi")
    assert r.code == 0, r.all
    index = (root / "site" / "index.html").read_text(encoding="utf-8")
    for body in ("SỞ CÔNG THƯƠNG", "SỞ XÂY DỰNG", "SỞ Y TẾ"):
        assert f"{body} (2023)" in index
    assert (root / "site" / "sxd-2023" / "index.html").is_file()
    assert every_link_resolves(root / "site") > 300
    assert 'class="portfolio sortable"' in index


def test_bodies_of_one_name_get_folders_numbered_not_lengthened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    plan = ROOT / "plans" / "2023.yaml"
    (tmp_path / ".git").mkdir()  # one repository, whose criteria set each plan names
    shutil.copytree(ROOT / "tieu-chi", tmp_path / "tieu-chi")
    copies = []
    for i in range(12):
        folder = tmp_path / f"body{i}"
        folder.mkdir()
        (folder / "2023.yaml").write_bytes(plan.read_bytes())
        copies.append(str(folder / "2023.yaml"))
    r = cchc("site", *copies, "-o", str(tmp_path / "site"), "--as-of", "2023-06-30")
    assert r.code == 0, r.all
    names = sorted(p.name for p in (tmp_path / "site").iterdir() if p.is_dir() and "sct" in p.name)
    assert names == sorted(["sct-2023", *(f"sct-2023-{n}" for n in range(2, 13))])


def chromium() -> str:
    return require_tool("chromium", "chromium-browser", "google-chrome", install=CHROMIUM)


def artefacts(tmp_path: Path) -> Path:
    """Where the screenshots are kept: CCHC_ARTEFACTS (CI keeps it), else the test's folder."""
    folder = Path(os.environ.get("CCHC_ARTEFACTS") or tmp_path / "artefacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def browse(browser: str, page: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
         "--allow-file-access-from-files", "--disable-background-networking",
         "--disable-component-update", "--disable-domain-reliability", "--disable-sync",
         "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,MediaRouter",
         "--no-default-browser-check", *args, page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_in_a_browser_no_error_no_request_out_and_the_same_numbers(
    site: Path, tmp_path: Path
) -> None:
    browser = chromium()
    netlog = tmp_path / "net.json"
    done = browse(browser, site / "index.html", tmp_path, "--dump-dom",
                  f"--log-net-log={netlog}")  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert '<html lang="vi" class="js">' in done.stdout  # the page's script ran
    console = [ln for ln in done.stderr.splitlines() if "CONSOLE" in ln or "Uncaught" in ln]
    assert console == [], console
    data = json.loads(
        cchc("status", "--as-of", "2023-06-30", "--format", "json", "--lang", "vi").out
    )
    assert f'id="overdue">{data["summary"]["overdue"]}<' in done.stdout
    assert page_requests(netlog) == set()
    # the check sees a request a page makes (the browser's own carry no origin)
    probe = tmp_path / "probe.html"
    probe.write_text('<img src="http://example.invalid/x.png">', encoding="utf-8")
    browse(browser, probe, tmp_path, "--dump-dom", f"--log-net-log={tmp_path / 'probe.json'}")
    assert page_requests(tmp_path / "probe.json") == {"http://example.invalid/x.png"}


def page_requests(netlog: Path) -> set[str]:
    """The network requests a page made, from Chromium's NetLog: those with an initiator
    (the browser's own update and time checks have none; files are not requests)."""
    log = json.loads(netlog.read_text(encoding="utf-8", errors="replace"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return {
        e["params"]["url"]
        for e in log["events"]
        if e["type"] == start
        and "url" in e.get("params", {})
        and e["params"].get("initiator") != "not an origin"
    }


@pytest.mark.parametrize(("name", "size"), [("desktop", "1280,800"), ("phone", "390,844")])
def test_screenshots_of_the_plan_and_the_portfolio(
    site: Path, tmp_path: Path, name: str, size: str
) -> None:
    browser = chromium()
    keep = artefacts(tmp_path)
    root = make_portfolio(tmp_path / "portfolio")
    folders = [str(root / n) for n in ("so-cong-thuong", "so-xay-dung", "so-y-te")]
    assert cchc("site", *folders, "-o", str(root / "site"), "--as-of", "2023-06-30",
                "--lang", "vi").code == 0  # fmt: skip
    for page, shot in ((site / "index.html", f"site-plan-{name}.png"),
                       (root / "site" / "index.html", f"site-portfolio-{name}.png")):  # fmt: skip
        out = keep / shot
        done = browse(browser, page, tmp_path, f"--screenshot={out}", f"--window-size={size}",
                      "--hide-scrollbars")  # fmt: skip
        assert out.is_file() and out.stat().st_size > 10_000, done.stderr[-2000:]


def test_the_workflow_publishes_the_site_built_on_main(tmp_path: Path) -> None:
    import yaml

    flow = yaml.safe_load((ROOT / "examples" / "github-workflow.yml").read_text(encoding="utf-8"))
    job = flow["jobs"]["site"]
    assert job["needs"] == "check" and job["permissions"]["pages"] == "write"
    uses = [s.get("uses", "") for s in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)
    build = next(s for s in job["steps"] if s.get("name") == "Build the site")
    (tmp_path / "plans").mkdir()
    shutil.copy(PLAN, tmp_path / "plans" / "2023.yaml")
    done = subprocess.run(["bash", "-c", build["run"]], cwd=tmp_path, capture_output=True,
                          text=True, env={**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"})  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "index.html").is_file()


def test_a_page_prints_on_a4_and_hostile_text_stays_text_in_the_browser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    browser = chromium()
    require_tool("pdfinfo", install="apt-get install poppler-utils")
    (tmp_path / "plans").mkdir()
    text = PLAN.read_text(encoding="utf-8").replace(
        "nhiem_vu: Ban hành Kế hoạch CCHC năm 2023.",
        "nhiem_vu: '<script>alert(1)</script></title><img src=x onerror=alert(3)>'",
        1,
    )
    (tmp_path / "plans" / "2023.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cchc("site", "-o", "site", "--as-of", "2023-06-30", "--lang", "vi").code == 0
    page = tmp_path / "site" / "index.html"
    done = browse(browser, page, tmp_path, "--dump-dom")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;/title&gt;&lt;img" in done.stdout
    assert (
        "<title>Tình hình thực hiện Kế hoạch CCHC năm 2023 · SỞ CÔNG THƯƠNG</title>" in done.stdout
    )
    assert not [ln for ln in done.stderr.splitlines() if "CONSOLE" in ln or "Uncaught" in ln]
    pdf = tmp_path / "page.pdf"
    browse(browser, page, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"Page size:\s+59[45]\.\d* x 841\.\d* pts \(A4\)", info), info
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) >= 2  # type: ignore[union-attr]


def test_a_unit_page_says_what_the_unit_owes_this_period(site: Path) -> None:
    page = (site / "don-vi" / "BPMC.html").read_text(encoding="utf-8")
    owed, _, everything = page.partition("Mọi nhiệm vụ đơn vị chủ trì hoặc phối hợp")
    assert "Việc cần báo cáo kỳ Quý III" in owed
    shown = set(re.findall(r'nhiem-vu/([^"]+)\.html', owed))
    listed = set(re.findall(r'nhiem-vu/([^"]+)\.html', everything))
    assert shown and shown <= listed
    assert "III.1" in shown  # continuous: reported every period


def test_a_portfolio_with_a_broken_body_shows_every_other_and_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_portfolio(tmp_path)
    broken = root / "so-y-te" / "plans" / "2023.progress.yaml"
    broken.write_text(
        "nam: 2023\nnhiem_vu:\n  - ma: I.9\n    ngay: 2023-01-05\n    trang_thai: hoan_thanh\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(root)
    folders = [str(root / n) for n in ("so-cong-thuong", "so-xay-dung", "so-y-te")]
    r = cchc("site", *folders, "-o", str(root / "site"), "--as-of", "2023-06-30", "--lang", "vi")
    assert r.code == 1  # CI notices
    assert f"{broken}:3:9: lỗi: " in r.err and "Traceback" not in r.all
    index = (root / "site" / "index.html").read_text(encoding="utf-8")
    for body in ("SỞ CÔNG THƯƠNG", "SỞ XÂY DỰNG"):  # every body that can be read is shown
        assert f"{body} (2023)" in index
    assert (root / "site" / "sxd-2023" / "index.html").is_file()
    shown = re.sub(r"<[^>]+>", " ", index.split('id="s-broken"', 1)[1])
    assert "Kế hoạch chưa đọc được" in index
    assert str(root / "so-y-te" / "plans" / "2023.yaml") in shown
    assert "2023.progress.yaml:3:9: lỗi: không có nhiệm vụ &#39;I.9&#39;" in shown
    assert every_link_resolves(root / "site") > 200


def test_the_portfolio_says_its_as_of_date_and_whose_prose_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_portfolio(tmp_path)
    # one body has only the figures of its 6-month report, no prose
    (root / "so-xay-dung" / "plans" / "2023.progress.yaml").write_text(
        "nam: 2023\nbao_cao:\n  - ky: 2\n    so_lieu: {van_ban_chi_dao: 3}\n", encoding="utf-8"
    )
    monkeypatch.chdir(root)
    folders = [str(root / n) for n in ("so-cong-thuong", "so-xay-dung")]
    r = cchc("site", *folders, "-o", str(root / "site"), "--as-of", "2023-07-10", "--lang", "vi")
    assert r.code == 0, r.all
    index = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "Tính đến ngày 10/07/2023 · Lập ngày" in index
    rows = {
        m.group(1): m.group(0) for m in re.finditer(r"<tr><td><a[^>]*>([^<]*)</a>.*?</tr>", index)
    }
    assert "chưa có phần viết" in rows["SỞ XÂY DỰNG (2023)"]
    assert "chưa có phần viết" not in rows["SỞ CÔNG THƯƠNG (2023)"]


def test_the_plan_page_names_each_target_in_the_plan_s_words(site: Path) -> None:
    page = (site / "index.html").read_text(encoding="utf-8")
    table = page.split('id="s-targets"', 1)[1].split("</table>", 1)[0]
    cells = re.findall(r"<tr[^>]*><td>([^<]*)</td><td>([^<]*)</td>", table)
    assert len(cells) >= 20
    assert all(text.strip() for _id, text in cells)
    said = dict(cells)
    assert said["CT3.1.a"].startswith(
        "Tiếp tục triển khai thực hiện số hóa kết quả giải quyết TTHC"
    )


def test_a_site_larger_than_the_scan_limit_is_rebuilt_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What cchc wrote in its folder does not count against the limit on what it looks at
    there: a province's portfolio of 20,000 pages is rebuilt where it was built; a folder
    with that many files of its own is still refused."""
    from cchc_cli.files import output

    monkeypatch.setattr(output, "MAX_ENTRIES", 20)  # the 2023 plan's site has ~70 pages
    monkeypatch.chdir(tmp_path)
    plan = ROOT / "plans" / "2023.yaml"
    for _ in range(2):
        r = cchc("site", str(plan), "-o", "site", "--as-of", "2023-06-14")
        assert r.code == 0, r.all
    crowded = tmp_path / "crowded"
    crowded.mkdir()
    for i in range(25):
        (crowded / f"{i}.html").write_text("x", encoding="utf-8")
    r = cchc("site", str(plan), "-o", "crowded", "--as-of", "2023-06-14")
    assert r.code == 2 and "more than 20" in r.err, r.all


def test_a_rebuild_leaves_unchanged_pages_as_they_are_and_rewrites_the_rest(
    site: Path,
) -> None:
    """A site rebuilt in place does not write a page again whose bytes are already what it
    would write (the file, its inode and its date stay); a page whose bytes differ, even at
    the same size, and a page that is gone are written anew."""
    index, task = site / "index.html", next((site / "nhiem-vu").glob("*.html"))
    unit = next((site / "don-vi").glob("*.html"))
    before = {p: os.stat(p) for p in (index, task)}
    text = unit.read_bytes()
    unit.write_bytes(text.replace(b"<main>", b"<mAin>"))  # same size, other bytes
    task.with_name("stale.html").write_text("x", encoding="utf-8")  # not cchc's: refused
    r = cchc("site", "-o", "site", "--as-of", "2023-06-30", "--lang", "vi")
    assert r.code == 2 and "stale.html" in r.all, r.all
    task.with_name("stale.html").unlink()
    index.unlink()
    r = cchc("site", "-o", "site", "--as-of", "2023-06-30", "--lang", "vi")
    assert r.code == 0, r.all
    after = os.stat(task)
    assert (after.st_ino, after.st_mtime_ns) == (before[task].st_ino, before[task].st_mtime_ns)
    assert unit.read_bytes() == text  # the edited page is the site's own again
    assert index.is_file() and index.read_bytes().startswith(b"<!doctype html>")
    r = cchc("site", "-o", "site", "--as-of", "2023-05-31", "--lang", "vi")
    assert r.code == 0, r.all
    assert b"31/05/2023" in (site / "index.html").read_bytes()
