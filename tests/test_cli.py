"""The command line, in-process (claimx.cli.run): every exit code, exact one-line messages,
format choice, stdin, --output and the publication-date precedence."""
from __future__ import annotations

import codecs
import json
import os

import pytest

import claimx
from claimx import cli as cli_module

STORY = "“We will win,” Smith said on Tuesday.\n"
HEADER = "---\npublished: 2021-12-29\ntitle: Talks in Geneva\n---\n"
EXPECTED_DATE = "expected a date with its year, month and day, such as 2021-12-29, 29 Dec 2021 or Wed, 29 Dec 2021 09:30:00 +0900"


@pytest.fixture
def story(tmp_path):
    """Write an article file and return its path: story("name.txt", b"bytes" or "text")."""
    def make(name: str = "story.txt", content: bytes | str = STORY) -> str:
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return str(path)
    return make


# --- every bad input: exact line, exact code, nothing on stdout --------------

BAD = [
    # id, file name or None (no file made), content, extra args, exit code, message after "claimx: "
    ("missing", None, None, [], 3, "{path}: no such file"),
    ("directory", "", None, [], 3, "{path}: is a directory, not a file"),
    ("empty", "a.txt", b"", [], 4, "{path}: no article text: the input is empty"),
    ("whitespace", "a.txt", b"\n \t\n", [], 4, "{path}: no article text: the input is only whitespace"),
    ("binary", "a.bin", b"PK\x03\x04\x14\x00\x00\x00\x08\x00", [], 4,
     "{path}: binary data (NUL bytes), not a text article"),
    ("utf16-broken", "a.txt", codecs.BOM_UTF16_BE + b"\x00a\x00", [], 4,
     "{path}: undecodable: starts with a UTF-16 byte-order mark but is not valid UTF-16 "
     "(truncated data at byte 4)"),
    ("header-unclosed", "a.txt", b"---\ntitle: x\n\nThe story.\n", [], 4,
     "{path}: header opened with '---' on line 1 is never closed (no second '---' line)"),
    ("header-line", "a.txt", b"---\ntitle = x\n---\nThe story.\n", [], 4,
     "{path}: header line 2 is not 'key: value': 'title = x'"),
    ("header-date", "a.txt", b"---\npublished: 03/04/2021\n---\nThe story.\n", [], 4,
     "{path}: header line 2: ambiguous published date '03/04/2021': 2021-04-03 (DMY) or 2021-03-04 (MDY); --date-order (DMY, MDY or YMD) says which"),
    ("bad-published", "a.txt", STORY.encode(), ["--published", "2021-13-01"], 2,
     f"--published: invalid date '2021-13-01': {EXPECTED_DATE}"),
    ("bad-published-before-missing-file", None, None, ["-p", "soon"], 2,
     f"--published: invalid date 'soon': {EXPECTED_DATE}"),
    ("empty-published", "a.txt", STORY.encode(), ["--published", ""], 2,
     f"--published: invalid date '': {EXPECTED_DATE}"),
    ("bad-format", "a.txt", STORY.encode(), ["--format", "xml"], 2,
     "--format: unknown format 'xml': expected json, jsonl, pretty, html or csv"),
    ("output-dir", "a.txt", STORY.encode(), ["-o", "{dir}"], 3, "{dir}: is a directory, not a file"),
    ("output-no-folder", "a.txt", STORY.encode(), ["-o", "{dir}/no/such/out.json"], 3,
     "{dir}/no/such/out.json: cannot write: no such directory"),
    ("output-is-input", "a.txt", STORY.encode(), ["-o", "{path}"], 2,
     "--output: is the input file; refusing to overwrite it"),
]


@pytest.mark.parametrize("name, content, args, code, message", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_input_is_one_line_and_an_exit_code(cli, tmp_path, name, content, args, code, message):
    path = str(tmp_path / (name if name is not None else "missing.txt"))
    if content is not None:
        (tmp_path / name).write_bytes(content)
    fill = {"path": path, "dir": str(tmp_path)}
    ran = cli("extract", path, *[a.format(**fill) for a in args])
    assert (ran.code, ran.stderr, ran.stdout) == (code, f"claimx: {message.format(**fill)}\n", "")


def test_bad_input_on_stdin_is_named_stdin(cli):
    ran = cli("extract", "-", input=b"  \n")
    assert (ran.code, ran.stderr) == (4, "claimx: <stdin>: no article text: the input is only whitespace\n")


@pytest.mark.parametrize("args, code, start", [
    (["extract"], 2, "claimx: Missing argument 'PATH'."),
    (["extract", "a.txt", "--formt", "json"], 2, "claimx: No such option: --formt"),
    (["frobnicate"], 2, "claimx: No such command 'frobnicate'."),
])
def test_usage_errors_from_the_parser_are_one_line(cli, args, code, start):
    ran = cli(*args)
    assert ran.code == code and ran.stderr.startswith(start) and ran.stderr.count("\n") == 1
    assert ran.stderr.rstrip().endswith("--help')")


def test_bare_claimx_shows_help_as_a_usage_error(cli):
    ran = cli()
    assert ran.code == 2 and "Examples:" in ran.stderr and ran.stdout == ""


def test_model_missing(cli, story):
    ran = cli("extract", story(), "--model", "xx_no_such_pipeline")
    assert ran.code == 5 and ran.stdout == "" and ran.stderr.count("\n") == 1
    assert ran.stderr.startswith("claimx: spaCy pipeline 'xx_no_such_pipeline' is not installed or not a pipeline")


def test_too_long_for_spacy(cli, story, extractor):
    path = story("long.txt", "word " * 200_001)
    ran = cli("extract", path)
    assert (ran.code, ran.stderr) == (4, f"claimx: {path}: too long: 1,000,005 characters, spaCy's limit is 1,000,000\n")


def test_internal_error_is_one_line_unless_debugging(cli, story, monkeypatch):
    def broken(model):
        raise RuntimeError("boom")

    monkeypatch.setattr(cli_module, "load_extractor", broken)
    ran = cli("extract", story())
    assert (ran.code, ran.stderr) == (1, "claimx: internal error: RuntimeError: boom "
                                         "(a bug: please report it; set CLAIMX_DEBUG=1 for the traceback)\n")
    with pytest.raises(RuntimeError, match="boom"):
        cli("extract", story(), env={"CLAIMX_DEBUG": "1"})


def test_failed_run_leaves_existing_output_untouched(cli, story, tmp_path):
    out = tmp_path / "out.json"
    out.write_text("previous")
    ran = cli("extract", str(tmp_path / "missing.txt"), "-o", str(out))
    assert ran.code == 3 and out.read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]  # no temporary file left


# --- success ----------------------------------------------------------------

def test_default_format_off_a_terminal_is_indented_json(cli, story):
    path = story("nyt_2016-10-23_talks.txt")
    ran = cli("extract", path)
    record = json.loads(ran.stdout)
    assert (ran.code, ran.stderr) == (0, "")
    assert ran.stdout.startswith('{\n  "schema": "claimx/1",')
    assert (record["source"], record["id"], record["published"], record["published_source"]) == (
        path, "nyt_2016-10-23_talks", "2016-10-23", "filename")


def test_jsonl_is_one_compact_line_and_non_ascii_is_kept(cli, story):
    ran = cli("extract", story(), "--format", "JSONL")
    assert ran.code == 0 and ran.stdout.count("\n") == 1 and ran.stdout.startswith('{"schema":"claimx/1",')
    assert json.loads(ran.stdout)["schema"] == "claimx/1"


def test_pretty_explicitly(cli, story):
    ran = cli("extract", story("a.txt", HEADER + STORY), "-f", "pretty")
    assert ran.code == 0 and "\x1b[" not in ran.stdout  # no colour off a terminal
    lines = [line.rstrip() for line in ran.stdout.splitlines()]
    assert lines[0].startswith("Talks in Geneva ─")
    assert "published  2021-12-29 (from the header)" in lines
    assert "Claims (1)" in lines
    assert any(line.startswith("c1") and "direct" in line and "We will win" in line for line in lines)


def test_resolve_format_is_pretty_on_a_terminal():
    class Terminal:
        def isatty(self):
            return True

    assert cli_module.resolve_format(None, Terminal()) == "pretty"
    assert cli_module.resolve_format("json", Terminal()) == "json"
    assert cli_module.resolve_format(None, None) == "json"


def test_stdin(cli):
    ran = cli("extract", "-", "--published", "2021-12-29", input=(HEADER + STORY).encode())
    record = json.loads(ran.stdout)
    assert (record["source"], record["id"], record["title"]) == ("-", None, "Talks in Geneva")
    assert (record["published"], record["published_source"], record["body_start"]) == ("2021-12-29", "flag", len(HEADER))


@pytest.mark.parametrize("name, header, flag, published, source", [
    ("nyt_2016-10-23_x.txt", "---\npublished: 2021-12-29T09:30\n---\n", "2020-01-02", "2020-01-02", "flag"),
    ("nyt_2016-10-23_x.txt", "---\npublished: 2021-12-29T09:30\n---\n", None, "2021-12-29T09:30", "header"),
    ("nyt_2016-10-23_x.txt", "", None, "2016-10-23", "filename"),
    ("notes.txt", "", None, None, None),
], ids=["flag", "header", "filename", "none"])
def test_published_precedence(cli, story, name, header, flag, published, source):
    ran = cli("extract", story(name, header + STORY), *(["--published", flag] if flag else []))
    record = json.loads(ran.stdout)
    assert (record["published"], record["published_source"]) == (published, source)


def test_output_file_and_warnings_on_stderr_and_in_the_record(cli, story, tmp_path):
    path = story("old.txt", ("---\npublished: 2999-01-01\n---\n" + STORY).encode("cp1252"))
    out = tmp_path / "out.json"
    ran = cli("extract", path, "-o", str(out))
    warnings = ["not UTF-8 (byte 0x93 at offset 30): read as Windows-1252",
                "published date 2999-01-01 (from the header) is in the future"]
    assert (ran.code, ran.stdout) == (0, "")
    assert ran.stderr == "".join(f"claimx: {path}: warning: {w}\n" for w in warnings)
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["warnings"] == warnings and record["published"] == "2999-01-01"


def test_offsets_index_the_input_as_read(cli, story):
    path = story("a.txt", codecs.BOM_UTF8 + (HEADER + STORY).encode())
    record = json.loads(cli("extract", path).stdout)
    assert record["body_start"] == len(HEADER) and record["title"] == "Talks in Geneva"


def test_same_record_as_the_python_api(cli, story, extractor):
    path = story("nyt_2016-10-23_x.txt", HEADER + STORY)
    from_cli = json.loads(cli("extract", path).stdout)
    assert from_cli == extractor.extract_article(claimx.ingest.read_article(path))


def test_version(cli):
    ran = cli("--version")
    assert (ran.code, ran.stdout, ran.stderr) == (0, f"claimx {claimx.__version__}\n", "")


@pytest.mark.parametrize("args", [["--help"], ["extract", "--help"], ["extract", "-h"]])
def test_help_opens_with_an_example_and_lists_exit_codes(cli, args):
    ran = cli(*args)
    paragraphs = ran.stdout.split("\n\n")
    assert ran.code == 0 and paragraphs[0].startswith("Usage: claimx")
    assert paragraphs[1].strip().startswith("Examples:\n") and "claimx extract " in paragraphs[1]
    assert "Exit codes: 0 ok; 1 internal error" in ran.stdout


def test_output_folder_not_writable(cli, story, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("running as root: a read-only folder is still writable (the subprocess test covers it)")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        ran = cli("extract", story(), "-o", str(folder / "out.json"))
        assert (ran.code, ran.stderr) == (3, f"claimx: {folder / 'out.json'}: cannot write: Permission denied\n")
    finally:
        folder.chmod(0o700)


def test_extract_reads_a_web_page_and_a_json_record_like_batch(cli, tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Talks</title></head><body><article><p>“We will win,” Smith said "
                    "on Tuesday.</p></article></body></html>", encoding="utf-8")
    record = tmp_path / "story.json"
    record.write_text(json.dumps({"id": "s1", "published": "2021-12-29",
                                  "text": "“We will win,” Smith said on Tuesday."}), encoding="utf-8")
    for path in (page, record):
        ran = cli("extract", str(path), "--published", "2021-12-29", "-f", "json")
        assert ran.code == 0, ran.stderr
        claims = json.loads(ran.stdout)["claims"]
        assert [(c["kind"], c["text"]) for c in claims] == [("direct", "We will win,")]


def test_extract_sends_a_json_lines_file_to_batch(cli, tmp_path):
    lines = tmp_path / "stories.jsonl"
    lines.write_text('{"text": "One."}\n{"text": "Two."}\n', encoding="utf-8")
    ran = cli("extract", str(lines))
    assert (ran.code, ran.stderr) == (2, f"claimx: {lines}: holds one article per line: read it with `claimx batch`\n")
