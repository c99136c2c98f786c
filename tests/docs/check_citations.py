#!/usr/bin/env python3
"""The repository cites only itself: no comment, message or document names a
file a user's clone does not have (the specification's DOMAIN.md, RULES.md,
KPIS.md, DATA.md, STYLE.md or ../shared), and every `docs/<page>.md#<anchor>`
citation names a page of docs/ and a heading on it.

Usage: check_citations.py SOURCE_DIR
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(sys.argv[1])
SCANNED = {".cc", ".h", ".c", ".py", ".cmake", ".txt", ".md", ".json",
           ".toml", ".in", ""}
SKIP_DIRS = {"build", ".git", "data"}  # tests/data and examples/data: fixtures
OUTSIDE = re.compile(r"\b(?:DOMAIN|RULES|KPIS|DATA|STYLE)\.md\b|\.\./shared")
CITATION = re.compile(r"docs/([\w.-]+\.md)(?:#([\w-]+))?")


def anchors(page):
    """GitHub's anchors of the headings of a Markdown page."""
    found = set()
    for line in page.read_text(encoding="utf-8").splitlines():
        m = re.match(r"#+\s+(.*)", line)
        if not m:
            continue
        text = m.group(1).strip().lower()
        text = re.sub(r"[^\w\- ]", "", text)
        found.add(text.replace(" ", "-"))
    return found


def files():
    for path in ROOT.rglob("*"):
        rel = path.relative_to(ROOT)
        if any(part in SKIP_DIRS for part in rel.parts[:-1]):
            continue
        if path.is_file() and path.suffix in SCANNED and \
                path.name != "check_citations.py":
            yield path, rel


def main():
    pages = {p.name: anchors(p) for p in (ROOT / "docs").glob("*.md")}
    problems = []
    for path, rel in files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if OUTSIDE.search(line):
                problems.append("%s:%d: cites a file outside the repository: "
                                "%s" % (rel, number, line.strip()))
            for page, anchor in CITATION.findall(line):
                if page not in pages:
                    problems.append("%s:%d: no page docs/%s" %
                                    (rel, number, page))
                elif anchor and anchor not in pages[page]:
                    problems.append("%s:%d: docs/%s has no heading #%s" %
                                    (rel, number, page, anchor))
    for p in problems:
        print(p)
    print("%d citation problems" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
