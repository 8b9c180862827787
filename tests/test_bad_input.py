"""The README's "Bad input" table, row by row: each row is a test here, and the table is read
from the README so the two cannot drift apart (a row without a case, or a case without a row,
fails).  The message in the row's backticks is asserted exactly, and so is the exit code."""
from __future__ import annotations

import codecs
import json
import os
import re
import subprocess
import sys
import time

import pytest

from conftest import ROOT

STORY = "“We will win,” Smith said on Tuesday.\n"


def readme_rows() -> dict[str, tuple[str, int]]:
    """{input: (what claimx does, exit code)} from the README's "## Bad input" table."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Bad input\n(.*?)(?=^## )", text, re.S | re.M)
    assert section, "the README has no '## Bad input' section"
    rows = {}
    for line in section.group(1).splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if not line.startswith("|") or len(cells) != 3 or cells[0] in ("input", "---") or set(cells[0]) <= {"-"}:
            continue
        rows[cells[0]] = (cells[1], int(cells[2]))
    return rows


def messages(cell: str) -> list[str]:
    """The exact messages in a table cell: its `code spans`."""
    return re.findall(r"`([^`]+)`", cell)


# input (the README row's first cell): (file name, content or None for no file, extra args)
MIXED = ("---\r\npublished: 2021-12-29\r\ntitle: Mixed\r\n---\r\n“We will win,” Smith said on Tuesday.\n\n"
         "Jones said that talks would begin on the 10th.\r\n\r\nThe end.\r")
CASES = {
    "missing file": ("missing.txt", None, []),
    "a directory": ("folder", "dir", []),
    "empty file": ("a.txt", b"", []),
    "whitespace only": ("a.txt", b" \n\t\r\n", []),
    "binary (NUL bytes)": ("a.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", []),
    "Latin-1 / Windows-1252": ("a.txt", "Café owner Smith said the talks would start on Tuesday.\n".encode("cp1252"),
                               ["--published", "2021-12-29"]),
    "UTF-16 with a byte-order mark": ("a.txt", codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"), []),
    "mixed line endings": ("a.txt", MIXED.encode(), []),
    "a body longer than `--max-chars N`": ("a.txt", ("Smith said so. " * 80).encode(), ["--max-chars", "1000"]),
    "malformed header": ("a.txt", b"---\ntitle: Talks\nBy Jane Doe\n---\nSmith said so.\n", []),
    "header date in the future": ("a.txt", ("---\npublished: 2999-01-01\n---\n" + STORY).encode(), []),
    "invalid `--published`": ("a.txt", STORY.encode(), ["--published", "2021-13-01"]),
    "ambiguous `--published`": ("a.txt", STORY.encode(), ["--published", "03/04/2021"]),
}
SUBPROCESS_CASES = ("unreadable file", "a 50 MB file")


def test_every_readme_row_has_a_case_and_every_case_a_row():
    assert sorted(readme_rows()) == sorted([*CASES, *SUBPROCESS_CASES])


def expected_stderr(row: str, path: str) -> str:
    does, code = readme_rows()[row]
    said = messages(does)
    if code == 0:  # each message in the row is a warning; none means a silent success
        return "".join(f"claimx: {path}: warning: {m}\n" for m in said)
    assert said, f"row {row!r} names no message"
    message = said[0]
    return f"claimx: {message}\n" if message.startswith("--") else f"claimx: {path}: {message}\n"


def decoded(path: str) -> str:
    from claimx.ingest import decode, read_bytes

    return decode(read_bytes(path), path).text


@pytest.mark.parametrize("row", list(CASES))
def test_row(cli, tmp_path, row):
    name, content, args = CASES[row]
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    ran = cli("extract", str(path), *args)
    code = readme_rows()[row][1]
    assert (ran.code, ran.stderr) == (code, expected_stderr(row, str(path)))
    if code:
        assert ran.stdout == ""
        return
    record = json.loads(ran.stdout)
    text = decoded(str(path))
    spans = [*record["claims"], *record["dates"], *(c["cue"] for c in record["claims"] if c["cue"])]
    assert spans and all(text[s["start"]:s["end"]] == s["text"] for s in spans)
    if row == "Latin-1 / Windows-1252":
        assert text.startswith("Café") and record["warnings"] == [messages(readme_rows()[row][0])[0]]
    if row == "UTF-16 with a byte-order mark":
        assert text == STORY and record["claims"][0]["text"] == "We will win,"
    if row == "mixed line endings":
        assert text == MIXED and (record["published"], record["title"]) == ("2021-12-29", "Mixed")
        assert record["body_start"] == MIXED.index("“")


# --- rows that need a real process ---------------------------------------------------



def test_row_unreadable_file(cli_subprocess, tmp_path, file_modes_apply):
    prefix = file_modes_apply
    path = tmp_path / "secret.txt"
    path.write_text(STORY, encoding="utf-8")
    path.chmod(0o000)
    ran = cli_subprocess("extract", str(path), prefix=prefix)
    assert (ran.code, ran.stdout, ran.stderr) == (readme_rows()["unreadable file"][1], "",
                                                  expected_stderr("unreadable file", str(path)))


FIFTY_MB = 50 * 1024 * 1024
# Runs claimx and reports its peak memory (kB) on the last stderr line: VmHWM, which starts
# afresh at exec (ru_maxrss would count the forking pytest process's pages).
PEAK = ("import re, sys; from claimx.cli import run; code = run(sys.argv[1:]); "
        "print(re.search(r'VmHWM:\\s+(\\d+) kB', open('/proc/self/status').read())[1], file=sys.stderr); "
        "sys.exit(code)")


@pytest.fixture(scope="module")
def fifty_mb(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "big.txt"
    line = "“The talks will go on,” Smith said in Geneva on Tuesday.\n".encode()
    with open(path, "wb") as out:
        out.write(line * (FIFTY_MB // len(line)))
        out.write(b"." * (FIFTY_MB % len(line)))
    assert path.stat().st_size == FIFTY_MB
    return path


@pytest.mark.parametrize("how", ["file", "pipe"])
@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="peak memory is read from /proc")
def test_row_a_50_mb_file(fifty_mb, how):
    """Refused before the model loads and without reading the file whole: a file by its
    size, a pipe after the byte budget; peak memory stays far below the input's size."""
    args = [str(fifty_mb)] if how == "file" else ["-"]
    started = time.monotonic()
    with open(fifty_mb, "rb") as data:
        proc = subprocess.run(["sh", "-c", 'cat "$0" | "$1" -c "$2" extract -', str(fifty_mb), sys.executable, PEAK]
                              if how == "pipe" else [sys.executable, "-c", PEAK, "extract", *args],
                              stdin=data if how == "file" else subprocess.DEVNULL, capture_output=True, text=True,
                              timeout=120)
    elapsed = time.monotonic() - started
    *lines, peak_kb = proc.stderr.splitlines()
    expected = expected_stderr("a 50 MB file", str(fifty_mb))
    if how == "pipe":  # a pipe has no size: it is cut off after the budget
        expected = "claimx: <stdin>: " + expected.split(": ", 2)[2].replace(
            f"{FIFTY_MB:,} bytes", "more than 4,065,536 bytes")
    assert (proc.returncode, proc.stdout, "".join(f"{line}\n" for line in lines)) == (
        readme_rows()["a 50 MB file"][1], "", expected)
    assert int(peak_kb) < 120_000, f"peak memory {int(peak_kb) // 1024} MB for a refused 50 MB input"
    assert elapsed < 30


# --- line endings must not change what is found -----------------------------------------
# Found by this file's mixed-line-endings case: a blank line written with CRLF or CR is no
# paragraph break for claimx/paragraphs.py (PARAGRAPH_BREAK is "\n[ \t]*\n"), so a headline
# runs into the next paragraph and a claim is lost.  Not ingest's to fix (offsets must index
# the input as read, so ingest keeps line endings); strict, so the fix shows here.
LF_STORY = ("US-Russia talks to be held in Geneva\n\n"
            "White House: Russia to negotiate with NATO on January 12th and 13th\n\nThe talks begin.\n")


def found(extractor, text: str) -> dict:
    record = extractor.extract(text, published="2021-12-29")
    lf = lambda s: s.replace("\r\n", "\n").replace("\r", "\n")  # noqa: E731
    return {"claims": [(c["kind"], lf(c["text"]), c["speaker"]) for c in record["claims"]],
            "dates": [(lf(d["text"]), d["value"]) for d in record["dates"]],
            "venues": [lf(v["name"]) for v in record["venues"]]}


def test_the_lf_story_has_its_claim(extractor):
    assert found(extractor, LF_STORY)["claims"] == [
        ("indirect", "Russia to negotiate with NATO on January 12th and 13th", "s1")]


# Wire copy wraps its lines: a single line end inside a sentence or a quotation is no break.
WRAPPED_STORY = ("Smith said the talks between the two sides\nwould resume in Geneva on January 10.\n\n"
                 "“We will\nwin,” Jones said.\n")


@pytest.mark.parametrize("story", [LF_STORY, WRAPPED_STORY], ids=["paragraphs", "wrapped"])
@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_line_endings_do_not_change_what_is_found(extractor, newline, story):
    assert found(extractor, story.replace("\n", newline)) == found(extractor, story)


def test_the_wrapped_story_has_its_claims(extractor):
    assert [kind for kind, _, _ in found(extractor, WRAPPED_STORY)["claims"]] == ["indirect", "direct"]
