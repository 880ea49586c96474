"""The ranges of libraries that pyproject.toml declares are honest: each lower bound is what
the lowest-versions run installs (`constraints/lowest.txt`), each upper bound stops before
the releases nobody has tested, and a library whose internals cchc reaches into stops at
its next minor (0.x) or major release."""

from __future__ import annotations

import functools
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from conftest import ROOT
from test_layout import PACKAGE, imports, sources

LOWEST = ROOT / "constraints" / "lowest.txt"
RELEASE = ROOT / "constraints" / "release.txt"

# The libraries whose internals (private modules and attributes, methods that are not
# documented API) cchc uses, and where. A 0.x release of the next minor, or a release of
# the next major, may change them without notice: their range stops there.
INTERNALS: dict[str, str] = {
    "typer": "commands/: Click as Typer vendors it (typer._click), typer._types.TyperChoice",
    "ruamel-yaml": "files/roundtrip.py: comment tokens and the .ca attributes of nodes",
    "docxtpl": "views/docx.py: overrides render_xml_part, resolve_listing, fix_tables, "
    "fix_docpr_ids, map_tree",
    "python-docx": "views/docx.py: docx.oxml.parser, the document's and its part's _element",
}

# Imported by cchc without being declared: each is pinned exactly by a declared library.
PINNED_BY = {"pydantic_core": "pydantic"}

RANGE = re.compile(
    r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)>=(?P<low>[0-9][0-9.]*),<(?P<high>[0-9][0-9.]*)$"
)


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def release(text: str) -> tuple[int, ...]:
    """A version's release numbers, trailing zeros dropped (`2.0` is `2`; `.post1` ignored)."""
    found = re.match(r"\d+(?:\.\d+)*", text)
    assert found, text
    parts = [int(p) for p in found.group().split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def declared() -> dict[str, tuple[str, str]]:
    """Every requirement of pyproject.toml (runtime and the `test` extra): name -> (low, high)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    ranges = {}
    for requirement in [*project["dependencies"], *project["optional-dependencies"]["test"]]:
        found = RANGE.match(requirement.replace(" ", ""))
        assert found, f"{requirement!r}: write each range as name>=low,<high (capped)"
        ranges[normal(found["name"])] = (found["low"], found["high"])
    return ranges


def pins(path: Path) -> dict[str, str]:
    """A constraints file's pins: name -> version (markers after `;` kept out)."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, sep, version = line.split(";", 1)[0].strip().partition("==")
        assert sep and version, f"{path.name}: {line!r} is not pinned with =="
        found[normal(name)] = version.strip()
    return found


def test_every_range_has_a_lower_and_an_upper_bound() -> None:
    ranges = declared()
    assert ranges
    for name, (low, high) in ranges.items():
        assert release(low) < release(high), name


def test_the_lowest_constraints_pin_each_lower_bound() -> None:
    lowest = pins(LOWEST)
    wrong = {
        name: (low, lowest.get(name))
        for name, (low, _) in declared().items()
        if name not in lowest or release(lowest[name]) != release(low)
    }
    assert not wrong, f"pyproject's lower bound vs {LOWEST.name}: {wrong}"


def test_the_release_constraints_lie_within_the_ranges() -> None:
    pinned = pins(RELEASE)
    wrong = {
        name: (low, pinned.get(name), high)
        for name, (low, high) in declared().items()
        if name not in pinned or not release(low) <= release(pinned[name]) < release(high)
    }
    assert not wrong, f"{RELEASE.name} outside pyproject's ranges: {wrong}"


def next_step(version: str, *, minor: bool) -> tuple[int, ...]:
    """The release after `version` that may break: its next minor, or its next major."""
    major, minor_part = (release(version) + (0, 0))[:2]
    return (major, minor_part + 1) if minor else (major + 1,)


def test_upper_bounds_stop_before_the_next_breaking_release() -> None:
    """The newest release tested (`constraints/release.txt`) sets the cap: below its next
    major; below its next minor for a 0.x library whose internals cchc uses."""
    tested = pins(RELEASE)
    wrong = []
    for name, (_, high) in declared().items():
        version = tested[name]
        internal = name in INTERNALS
        step = next_step(version, minor=internal and release(version)[0] == 0)
        cap = ".".join(map(str, step))
        if internal and release(high) != step:
            wrong.append(f"{name} ({INTERNALS[name]}): <{high}, tested {version}, want <{cap}")
        elif release(high) > step:
            wrong.append(f"{name}: <{high} allows releases after {cap}, tested {version}")
    assert not wrong, wrong


@functools.cache
def distributions() -> dict[str, list[str]]:
    return packages_distributions()


@functools.cache
def third_party_imports() -> dict[str, set[str]]:
    """Top-level modules outside the standard library that cchc_cli imports -> the files."""
    found: dict[str, set[str]] = {}
    for path in sources():
        for _, module in imports(path):
            top = module.split(".")[0]
            if top and top != "cchc_cli" and top not in sys.stdlib_module_names:
                found.setdefault(module, set()).add(path.relative_to(PACKAGE).as_posix())
    return found


def test_every_library_cchc_imports_is_declared() -> None:
    ranges = declared()
    owners = distributions()
    missing = {}
    for module in third_party_imports():
        top = module.split(".")[0]
        if top in PINNED_BY:
            assert normal(PINNED_BY[top]) in ranges
            continue
        dists = {normal(d) for d in owners.get(top, [])}
        if not dists & ranges.keys():
            missing[top] = sorted(dists)
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"


def test_libraries_used_through_private_modules_are_listed_as_internals() -> None:
    owners = distributions()
    unlisted = {}
    for module, files in third_party_imports().items():
        if any(part.startswith("_") for part in module.split(".")[1:]):
            dists = {normal(d) for d in owners.get(module.split(".")[0], [])}
            if not dists & INTERNALS.keys():
                unlisted[module] = sorted(files)
    assert not unlisted, f"add these libraries to INTERNALS: {unlisted}"
    imported = {normal(d) for m in third_party_imports() for d in owners.get(m.split(".")[0], [])}
    assert set(INTERNALS) <= imported, "INTERNALS lists a library cchc no longer imports"
