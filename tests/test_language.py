"""Vietnamese first, English on request: every sentence, every help text, Click's own
messages, and the three ways of choosing (--lang, CCHC_LANG, cai_dat.ngon_ngu)."""

from __future__ import annotations

import os
import string
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from conftest import MINIMAL_PLAN, ROOT
from helpers import cchc

from cchc_cli import words
from cchc_cli.commands.app import app

# Sentences that hold only values, the same in both languages.
ONLY_VALUES = {"rule", "schema-other", "click-other", "git-show", "diff.target", "cell-problem",
               "diff.deadline", "label.version", "import-check", "channel.email"}  # fmt: skip


def _sample(template: str) -> dict[str, object]:
    """A value for every field of a template: a number where it has a format spec."""
    fields = {}
    for _, name, spec, _ in string.Formatter().parse(template):
        if name:
            fields[name.split(".")[0].split("[")[0]] = 3 if spec else "x"
    return fields


def _tables() -> list[tuple[str, dict[str, dict[str, str]]]]:
    return [
        ("problem", words.PROBLEMS),
        ("label", words.LABELS),
        ("diff", words.DIFF),
        ("status", words.STATUS),
        ("state", words.STATE),
        ("group", words.DIFF_GROUPS),
        ("field", words.DIFF_FIELDS),
        ("what", words.DIFF_WHAT),
        ("section", words.DIFF_SECTIONS),
        ("found", words.FOUND),
        ("channel", words.CHANNELS),
        ("case", words.SCORE_CASES),
        ("explain", words.SCORE_EXPLAIN),
        ("missing", words.SCORE_MISSING),
        ("level", words.LEVELS),
        ("title", words.REPORT_TITLES),
    ]


@pytest.mark.parametrize(("name", "table"), _tables())
def test_every_sentence_is_said_in_both_languages(name: str, table: dict) -> None:
    assert set(table["vi"]) == set(table["en"]), name
    for key, vi in table["vi"].items():
        en = table["en"][key]
        assert vi.strip() and en.strip(), (name, key)
        if (
            f"{name}.{key}" not in ONLY_VALUES
            and key not in ONLY_VALUES
            and name
            not in (
                "field",
                "found",
            )
        ):
            assert vi != en, f"{name} {key!r} is not said in Vietnamese"
        sample = _sample(vi) | _sample(en)
        assert set(_sample(vi)) <= set(sample) and set(_sample(en)) <= set(sample)
        vi.format(**sample)
        en.format(**sample)


def test_every_problem_is_worded_from_its_values_in_both_languages() -> None:
    for key in words.PROBLEMS["en"]:
        sample = _sample(words.PROBLEMS["en"][key]) | _sample(words.PROBLEMS["vi"][key])
        for lang in ("vi", "en"):
            said = words.problem(key, sample, lang)
            assert said != key and not said.startswith(f"{key}: "), (key, lang, said)


def test_numbers_in_a_problem_are_written_as_each_language_writes_them() -> None:
    """Vietnamese groups thousands with a point and writes the decimal comma; English the
    other way round: "10.485.760 byte" is not "10,485,760", which reads as a fraction."""
    for key, template in words.PROBLEMS["vi"].items():
        if "{limit:,}" in template:
            sample = _sample(template) | _sample(words.PROBLEMS["en"][key])
            sample["limit"] = 10_485_760
            assert "10.485.760" in words.problem(key, sample, "vi"), key
            assert "10,485,760" in words.problem(key, sample, "en"), key
    assert "12.345 vấn đề" in words.problem("more-problems", {"count": 12_345}, "vi")
    # never an exponent, which "g" would write for a large value
    big = {"id": "CT1.3.b", "value": 12345678.5}
    assert ": 12345678,5 không phải số nguyên" in words.problem("not-a-count", big, "vi")
    assert ": 12345678.5 is not a whole number" in words.problem("not-a-count", big, "en")
    huge = {"id": "CT1.4.a", "value": 1e29}
    assert ": 100000000000000000000000000000 nằm ngoài" in words.problem(
        "percent-out-of-range", huge, "vi"
    )
    assert ": 69,35 nằm ngoài" in words.problem(
        "percent-out-of-range", {"id": "x", "value": 69.35}, "vi"
    )


def _commands() -> list[tuple[str, ...]]:
    cli = typer.main.get_command(app)
    return [(), *((name,) for name in cli.commands)]  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", _commands(), ids=lambda p: " ".join(p) or "cchc")
def test_every_help_text_is_vietnamese_and_english_on_request(path: tuple[str, ...]) -> None:
    vi = cchc(*path, "-h", env={"CCHC_LANG": "vi", "COLUMNS": "200"})
    en = cchc(*path, "-h", "--lang", "en", env={"COLUMNS": "200"})
    assert vi.code == 0 and en.code == 0
    assert "Cách dùng: cchc" in vi.out and "Usage: cchc" in en.out
    assert "Tuỳ chọn:" in vi.out and "Options:" in en.out
    assert "Xem hướng dẫn này rồi dừng." in vi.out
    cli = typer.main.get_command(app)
    command = cli.commands[path[0]] if path else cli  # type: ignore[attr-defined]
    key = path[0] if path else "cchc"
    assert key in words.HELP, f"no Vietnamese help for {key}"
    for param in command.params:
        english = getattr(param, "help", None)
        if not english:
            continue
        assert english in en.out.replace("\n", " ") or english[:30] in en.out
        assert f"{key}.{param.name}" in words.HELP or f"*.{param.name}" in words.HELP, (
            f"{key} {param.name}: no Vietnamese help"
        )
        assert english[:30] not in vi.out, f"{key} {param.name}: English in Vietnamese help"
    assert "--lang vi|en" in vi.out and "--lang vi|en" in en.out
    for leak in ("<path>", "<list", "<int", "<str>", "{ID}", "[default: "):
        assert leak not in vi.out, leak


@pytest.mark.parametrize(
    ("args", "vi", "en"),
    [
        (["status", "--bogus"], "không có tuỳ chọn --bogus", "no such option: --bogus"),
        (["status", "--lamg", "x"], "có phải là '--lang'?", "did you mean '--lang'?"),
        (["record"], "thiếu đối số ID", "missing argument ID"),
        (["status", "--format", "xml"], "'xml' không phải một trong: bang (table), json, markdown",
         "'xml' is not one of table, json, markdown"),
        (["status", "--width", "5"], "5 nằm ngoài khoảng 40–400", "5 is not in the range 40–400"),
        (["status", "--width", "abc"], "'abc' không phải số nguyên", "'abc' is not a whole number"),
        (["status", "--as-of"], "tuỳ chọn --as-of cần một giá trị", "option --as-of requires a value"),
        (["recrd"], "không có lệnh 'recrd'; có phải là 'record'?", "did you mean 'record'?"),
        (["schema", "plan", "extra"], "thừa đối số: extra", "unexpected extra argument(s): extra"),
    ],
)  # fmt: skip
def test_click_messages_are_said_by_cchc_with_the_option_named(
    args: list[str], vi: str, en: str
) -> None:
    said_vi = cchc(*args, env={"CCHC_LANG": "vi"})
    said_en = cchc(*args, env={"CCHC_LANG": "en"})
    assert said_vi.code == 2 and said_en.code == 2
    assert said_vi.err.strip().splitlines()[-1].startswith("cchc: lỗi: "), said_vi.err
    assert vi in said_vi.err, said_vi.err
    assert en in said_en.err, said_en.err
    assert "Error:" not in said_vi.err and "Traceback" not in said_vi.all


def _plan(tmp_path: Path, setting: str = "") -> Path:
    plans = tmp_path / "plans"
    plans.mkdir(exist_ok=True)
    text = MINIMAL_PLAN + (f"cai_dat:\n  ngon_ngu: {setting}\n" if setting else "")
    path = plans / "2023.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_lang_option_environment_and_plan_setting_choose_in_that_order(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    args = ("status", str(plan), "--as-of", "2023-06-14", "--width", "100")
    assert cchc(*args, env={"CCHC_LANG": ""}).out.startswith("Tình hình thực hiện")
    assert cchc(*args, env={"CCHC_LANG": "en"}).out.startswith("CCHC plan 2023")
    assert cchc(*args, "--lang", "vi", env={"CCHC_LANG": "en"}).out.startswith("Tình hình")
    english = _plan(tmp_path, "en")
    args = ("status", str(english), "--as-of", "2023-06-14", "--width", "100")
    assert cchc(*args, env={"CCHC_LANG": ""}).out.startswith("CCHC plan 2023")
    assert cchc(*args, "--lang", "vi", env={"CCHC_LANG": ""}).out.startswith("Tình hình")
    # a setting that names neither language is said, as `--lang fr` is; `--lang` overrides it
    wrong = cchc(*args, env={"CCHC_LANG": "fr"})
    assert (wrong.code, wrong.err) == (2, "cchc: lỗi: CCHC_LANG='fr': chỉ có thể là vi hoặc en\n")
    assert cchc(*args, "--lang", "vi", env={"CCHC_LANG": "fr"}).out.startswith("Tình hình")


def test_validate_problems_in_vietnamese_and_english(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    plan.write_text(
        MINIMAL_PLAN.replace("nam: 2023\n", "nam: 2023\nnamm: 1\n", 1), encoding="utf-8"
    )
    vi = cchc("validate", str(plan), env={"CCHC_LANG": "vi"})
    en = cchc("validate", str(plan), "--lang", "en")
    assert vi.code == en.code == 1
    assert "lỗi: khoá 'namm' không có trong lược đồ; có phải là 'nam'?" in vi.out
    assert "đã kiểm tra 1 tệp: 1 lỗi, 0 cảnh báo" in vi.out
    assert "error: unknown key 'namm'; did you mean 'nam'?" in en.out
    js = cchc("validate", str(plan), "--format", "json", env={"CCHC_LANG": "vi"})
    assert '"code": "schema"' in js.out and "không có trong lược đồ" in js.out


def test_errors_of_files_and_commands_are_vietnamese(tmp_path: Path) -> None:
    missing = tmp_path / "none.yaml"
    r = cchc("status", str(missing), env={"CCHC_LANG": "vi"})
    assert r.code == 2 and r.err == f"cchc: lỗi: {missing}: không có tệp này\n"
    r = cchc("record", "I.1.a", str(ROOT / "plans" / "2023.yaml"), "-s", "xong?",
             env={"CCHC_LANG": "vi"})  # fmt: skip
    assert r.code == 2 and "không phải tình trạng" in r.err


def _program(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    code = "import sys\nfrom cchc_cli.commands.app import main\nsys.argv = ['cchc', *sys.argv[1:]]\nmain()"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
    )


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_shell_completion_installs_and_completes(shell: str, tmp_path: Path) -> None:
    # The shell is named, not detected: detection walks up to the process's parent
    # shell, and a test run started by a service or in the background has none.
    named = {"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    shown = _program(["--show-completion", shell], named)
    assert shown.returncode == 0 and "_CCHC_COMPLETE" in shown.stdout
    installed = _program(["--install-completion", shell], {**named, "HOME": str(tmp_path)})
    assert installed.returncode == 0, installed.stderr
    assert any(p.is_file() for p in tmp_path.rglob("*")), "nothing installed"
    words_ = _program([], {"_CCHC_COMPLETE": "complete_bash", "COMP_WORDS": "cchc sta",
                           "COMP_CWORD": "1"})  # fmt: skip
    assert words_.stdout.split() == ["status"]
    options = _program([], {"_CCHC_COMPLETE": "complete_bash",
                            "COMP_WORDS": "cchc status --fo", "COMP_CWORD": "2"})  # fmt: skip
    assert options.stdout.split() == ["--format"]


def test_the_command_list_is_whole_in_both_languages() -> None:
    for lang in ("vi", "en"):
        out = cchc("-h", env={"CCHC_LANG": lang, "COLUMNS": "80"}).out
        listed = out.split("Lệnh:" if lang == "vi" else "Commands:")[1]
        assert "..." not in listed
        for name, text in words.SHORT_HELP[lang].items():
            assert f"{name}  " in listed and text in " ".join(listed.split())
