"""The command line in real subprocesses (``python -m claimx``): pipes, stdin, the default
format off a terminal, and one run per exit path.  Each run that extracts loads spaCy, so
these are few; the in-process tests in test_cli.py cover the details."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

HEADER_STORY = "---\npublished: 2021-12-29\ntitle: Talks in Geneva\n---\n“We will win,” Smith said on Tuesday.\n"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "geneva.txt"
    path.write_text(HEADER_STORY, encoding="utf-8")
    return path


def test_stdin_piped_into_json_load(article):
    """claimx extract - < geneva.txt | python -c "import json,sys; json.load(sys.stdin)" """
    with open(article, "rb") as stdin:
        claimx = subprocess.Popen([sys.executable, "-m", "claimx", "extract", "-"], stdin=stdin,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        reader = subprocess.run(
            [sys.executable, "-c", "import json,sys; r = json.load(sys.stdin); "
                                   "print(r['schema'], r['source'], r['title'], r['published_source'])"],
            stdin=claimx.stdout, capture_output=True, text=True, timeout=180)
        claimx.stdout.close()
        stderr = claimx.stderr.read().decode()
        assert claimx.wait(timeout=180) == 0, stderr
    assert (reader.returncode, reader.stdout, stderr) == (0, "claimx/1 - Talks in Geneva header\n", "")


def test_pretty_when_asked_even_into_a_pipe(cli_subprocess, article):
    ran = cli_subprocess("extract", str(article), "--format", "pretty")
    assert (ran.code, ran.stderr) == (0, "")
    assert ran.stdout.startswith("Talks in Geneva ─") and "\x1b[" not in ran.stdout
    assert "2021-12-29 (from the header)" in ran.stdout


@pytest.mark.parametrize("args, content, code, message", [
    (["--published", "29.13.2021"], None, 2,
     "--published: invalid date '29.13.2021': expected a date with its year, month and day, such as 2021-12-29, 29 Dec 2021 or Wed, 29 Dec 2021 09:30:00 +0900"),
    (["--format", "yaml"], None, 2, "--format: unknown format 'yaml': expected json, jsonl, pretty, html or csv"),
    ([], "missing", 3, "{path}: no such file"),
    ([], b"\x7fELF\x02\x01\x01\x00\x00\x00", 4, "{path}: binary data (NUL bytes), not a text article"),
    (["--model", "xx_no_such_pipeline"], None, 5, None),
], ids=["usage-published", "usage-format", "input-missing", "content-binary", "model-missing"])
def test_exit_paths_are_one_line_without_traceback(cli_subprocess, article, args, content, code, message):
    path = article
    if content == "missing":
        path = article.with_name("missing.txt")
    elif content is not None:
        article.write_bytes(content)
    ran = cli_subprocess("extract", str(path), *args)
    assert (ran.code, ran.stdout, ran.stderr.count("\n")) == (code, "", 1), ran.stderr
    if message:
        assert ran.stderr == f"claimx: {message.format(path=path)}\n"
    else:
        assert ran.stderr.startswith("claimx: spaCy pipeline 'xx_no_such_pipeline' is not installed")


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
@pytest.mark.parametrize("what", ["input", "output"])
def test_permission_denied(cli_subprocess, tmp_path, what, file_modes_apply):
    """A chmod 000 input, and an output in a read-only folder (as root: run without the
    capabilities that let root ignore file modes)."""
    prefix = file_modes_apply
    path = tmp_path / "secret.txt"
    path.write_text(HEADER_STORY, encoding="utf-8")
    if what == "input":
        path.chmod(0)
        args, message = [str(path)], f"{path}: permission denied"
    else:
        folder = tmp_path / "read-only"
        folder.mkdir()
        folder.chmod(0o555)
        args, message = [str(path), "-o", str(folder / "out.json")], f"{folder / 'out.json'}: cannot write: Permission denied"
    try:
        if not prefix and os.access(path, os.R_OK) and what == "input":
            pytest.skip("this user is not stopped by permissions")
        ran = cli_subprocess("extract", *args, prefix=prefix)
    finally:
        path.chmod(0o644)
        if what == "output":
            folder.chmod(0o755)
    assert (ran.code, ran.stdout, ran.stderr) == (3, "", f"claimx: {message}\n")


def test_version_and_help(cli_subprocess):
    version = cli_subprocess("--version")
    assert (version.code, version.stdout.split()[0]) == (0, "claimx")
    helped = cli_subprocess("extract", "--help")
    assert helped.code == 0 and helped.stdout.split("\n\n")[1].strip().startswith("Examples:")


def test_the_library_imports_neither_typer_nor_rich():
    code = ("import sys, claimx, claimx.ingest, claimx.render, claimx.record; "
            "print(sorted(m for m in ('typer', 'rich', 'click') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout) == (0, "[]\n"), result.stderr


def test_reader_gone_is_exit_141_without_noise(article):
    """`claimx extract a.txt | head -0`: the reader closes before the record is written."""
    proc = subprocess.Popen([sys.executable, "-m", "claimx", "extract", str(article)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # long before the model has loaded
    stderr = proc.stderr.read().decode()
    assert (proc.wait(timeout=180), stderr) == (141, "")
