"""``claimx batch`` on the command line: exit codes, messages, piping with the progress bar on a
terminal, and a batch killed midway and resumed.  Real subprocesses where the process matters."""
from __future__ import annotations

import json
import os
import pty
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from test_batch import make_stories, story

ROOT = Path(__file__).resolve().parent.parent


def env() -> dict:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMX_")}
    clean.update(COLUMNS="120", TERM="xterm", PYTHONPATH=str(ROOT))
    clean.pop("NO_COLOR", None)
    return clean


def claimx(*args: str) -> list[str]:
    return [sys.executable, "-m", "claimx", *args]


def sources(path: Path) -> list[str]:
    data = path.read_bytes()
    assert data == b"" or data.endswith(b"\n"), "a half-written last line"
    return [json.loads(line)["source"] for line in data.split(b"\n") if line]


def test_batch_help_opens_with_examples(cli):
    ran = cli("batch", "--help")
    assert ran.code == 0
    assert ran.stdout.split("\n")[2:4] == ["  Examples:", "    claimx batch stories/ -o claims.jsonl"]


@pytest.mark.parametrize("args, code, stderr", [
    (["--shard", "3/2"], 2, "claimx: --shard: invalid shard '3/2': expected K/N with 1 <= K <= N, e.g. 1/4\n"),
    (["--resume"], 2, "claimx: --resume: needs an output file (-o OUT.jsonl), not standard output\n"),
    (["-n", "0"], 2, "claimx: --n-process: must be at least 1, not 0\n"),
    (["--engine", "spark"], 2, "claimx: --engine: unknown engine 'spark': expected local or dask\n"),
    (["--published", "yesterday"], 2, "claimx: --published: invalid date 'yesterday': expected a date with its "
                                      "year, month and day, such as 2021-12-29, 29 Dec 2021 or Wed, 29 Dec 2021 "
                                      "09:30:00 +0900\n"),
    (["--glob", "*.pdf"], 3, "claimx: {folder}: no input files: nothing matching *.pdf\n"),
    (["-o", "{folder}"], 3, "claimx: {folder}: is a directory, not a file\n"),
])
def test_option_errors(cli, tmp_path, args, code, stderr):
    make_stories(tmp_path, 1)
    args = [a.format(folder=tmp_path) for a in args]
    ran = cli("batch", str(tmp_path), *args)
    assert (ran.code, ran.stdout, ran.stderr) == (code, "", stderr.format(folder=tmp_path))


def test_exit_6_when_some_inputs_fail(cli, tmp_path):
    make_stories(tmp_path / "in", 2)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    ran = cli("batch", str(tmp_path / "in"), str(tmp_path / "missing.txt"), "-o", str(out), "-n", "1")
    assert ran.code == 6
    lines = ran.stderr.splitlines()
    assert lines[:2] == [f"claimx: {tmp_path}/in/empty.txt: no article text: the input is empty",
                         f"claimx: {tmp_path}/missing.txt: no such file"]
    assert lines[2].startswith("claimx: batch: 4 inputs: 2 records, 2 errors; ")
    assert lines[2].endswith(f" -> {out}")
    assert len(lines) == 3 and ran.stdout == ""
    assert len(sources(out)) == 4


def test_quiet_and_all_good_is_exit_0(cli, tmp_path):
    make_stories(tmp_path / "in", 2)
    ran = cli("batch", str(tmp_path / "in"), "-o", str(tmp_path / "out.jsonl"), "-q", "-n", "1")
    assert (ran.code, ran.stdout, ran.stderr) == (0, "", "")


def test_jsonl_on_stdin_to_stdout(cli):
    rows = "".join(json.dumps({"id": f"r{i}", "text": f"Smith said the talks would resume on day {i}."}) + "\n"
                   for i in range(3))
    ran = cli("batch", "-", "-n", "1", "-q", input=rows)
    assert ran.code == 0
    records = [json.loads(line) for line in ran.stdout.splitlines()]
    assert [(r["source"], r["id"]) for r in records] == [("-:1", "r0"), ("-:2", "r1"), ("-:3", "r2")]
    assert all(r["claims"] for r in records)


def test_text_article_on_stdin(cli):
    ran = cli("batch", "-", "-n", "1", "-q", input=story(3))
    [record] = [json.loads(line) for line in ran.stdout.splitlines()]
    assert (ran.code, record["source"], record["id"], record["title"]) == (0, "-", None, "Story 3")
    assert len(record["claims"]) == 3


def test_piped_into_jq_with_the_progress_bar_on_a_terminal(tmp_path):
    """``claimx batch ... | jq`` with standard error a terminal showing the bar: every record
    arrives through the pipe, the bar and the summary only on the terminal."""
    make_stories(tmp_path / "in", 12)
    reader = "jq -c '{source, n: (.claims | length)}'" if shutil.which("jq") else "cat"
    master, slave = pty.openpty()
    proc = subprocess.Popen(f"{sys.executable} -m claimx batch {tmp_path}/in -o - -n 2 -b 2 | {reader}",
                            shell=True, stdout=subprocess.PIPE, stderr=slave, env=env())
    os.close(slave)
    terminal = bytearray()

    def drain():
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # EIO: the terminal's other end is closed
                return
            if not data:
                return
            terminal.extend(data)

    thread = threading.Thread(target=drain)
    thread.start()
    stdout = proc.stdout.read()
    assert proc.wait(timeout=120) == 0
    thread.join(timeout=10)
    os.close(master)
    records = [json.loads(line) for line in stdout.decode("utf-8").splitlines()]
    assert [r["source"] for r in records] == [f"{tmp_path}/in/story-{i:03d}.txt" for i in range(12)]
    assert [r["n"] if "n" in r else len(r["claims"]) for r in records] == [3] * 12
    assert b"\x1b" not in stdout
    shown = terminal.decode("utf-8", "replace")
    for part in ("stories", "12/12", "words/s", "ETA", "0 errors",
                 "claimx: batch: 12 inputs: 12 records, 0 errors; "):
        assert part in shown


def wait_for_lines(path: Path, n: int, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= n:
            return
        if proc.poll() is not None:
            pytest.fail(f"the batch ended (exit {proc.returncode}) before it was stopped")
        time.sleep(0.02)
    pytest.fail("no output in time")


def children(pid: int) -> list[int]:
    psutil = pytest.importorskip("psutil")
    return [p.pid for p in psutil.Process(pid).children(recursive=True)]


def test_interrupted_and_killed_batches_resume_with_every_input_once(tmp_path):
    """Ctrl-C midway, resume; kill -9 midway, resume; resume to the end: each input exactly once."""
    psutil = pytest.importorskip("psutil")
    inputs = make_stories(tmp_path / "in", 90, paragraphs=3)  # long enough to stop midway
    out = tmp_path / "out.jsonl"
    command = claimx("batch", str(tmp_path / "in"), "-o", str(out), "-n", "2", "-b", "3")

    # 1. Ctrl-C (SIGINT) once some lines are out: exit 130, one line saying how to go on
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env())
    wait_for_lines(out, 6, proc)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert (proc.returncode, stdout) == (130, b"")
    assert stderr.decode() == "claimx: batch: interrupted; continue with the same command and --resume\n"
    first = sources(out)
    assert 6 <= len(first) < 90 and len(set(first)) == len(first)

    # 2. resume, and kill -9 midway: the workers go with it
    proc = subprocess.Popen(command + ["--resume"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env())
    wait_for_lines(out, len(first) + 6, proc)
    workers = children(proc.pid)
    proc.kill()
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    deadline = time.monotonic() + 10
    while any(psutil.pid_exists(w) and psutil.Process(w).status() != psutil.STATUS_ZOMBIE for w in workers):
        assert time.monotonic() < deadline, "workers outlived a killed batch"
        time.sleep(0.05)
    second = sources(out)
    assert len(second) < 90 and len(set(second)) == len(second)

    # 3. resume to the end
    ran = subprocess.run(command + ["--resume"], capture_output=True, env=env(), timeout=180)
    assert ran.returncode == 0, ran.stderr
    summary = ran.stderr.decode().splitlines()[-1]
    assert summary.startswith(f"claimx: batch: {90 - len(second)} inputs: {90 - len(second)} records, 0 errors; "
                              f"{len(second)} already in {out}, skipped; ")
    final = sources(out)
    assert sorted(final) == sorted(inputs)
    assert len(final) == len(set(final)) == 90
