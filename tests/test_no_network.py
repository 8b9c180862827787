"""No network at run time: claimx runs with sockets blocked, in two ways.

1. An audit hook (``sys.addaudithook``, installed by a ``sitecustomize`` put first on
   PYTHONPATH) refuses every internet connection, datagram and name lookup in the
   claimx process and records the attempt; the test fails on any attempt, even one that
   claimx caught and went on from.
2. Where the machine allows it (root, ``unshare``), the same runs in a network
   namespace of its own, with no interface up, so not even a C extension gets out.

Covered: ``extract`` (json, html, csv), ``show``, an HTML page given as input (its
scripts, styles and images are never fetched) and ``batch`` over files and a web page.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

SITECUSTOMIZE = r'''
import os, socket, sys

_LOG = os.environ["CLAIMX_TEST_NETLOG"]
_BLOCKED_FAMILIES = {socket.AF_INET, socket.AF_INET6}
_LOOKUPS = {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex", "socket.gethostbyaddr",
            "socket.getnameinfo"}


def _refuse(what):
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(what + "\n")
    raise OSError(f"network blocked by the test: {what}")


def _hook(event, args):
    # Creating a socket is no traffic (urllib3, imported by spaCy's helpers, probes IPv6 by
    # binding one to ::1); connecting, sending, listening beyond loopback and lookups are.
    if event in _LOOKUPS or event == "urllib.Request":
        _refuse(f"{event} {args[0]!r}")
    elif event in ("socket.connect", "socket.sendto", "socket.sendmsg") and args[0].family in _BLOCKED_FAMILIES:
        _refuse(f"{event} {args[-1]!r}")
    elif event == "socket.bind" and args[0].family in _BLOCKED_FAMILIES and args[1][0] not in ("127.0.0.1", "::1"):
        _refuse(f"{event} {args[1]!r}")


sys.addaudithook(_hook)
with open(_LOG, "a", encoding="utf-8") as log:
    log.write("armed\n")
'''

SAMPLE = str(ROOT / "samples" / "geneva-talks.txt")


def netns_prefix() -> tuple[str, ...] | None:
    """``unshare --net`` when it works here, else None."""
    if not shutil.which("unshare"):
        return None
    try:
        ok = subprocess.run(["unshare", "--net", "true"], capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return None
    return ("unshare", "--net") if ok else None


NETNS = netns_prefix()
ISOLATIONS = ["audit-hook", pytest.param("network-namespace", marks=pytest.mark.skipif(
    NETNS is None, reason="unshare --net is not permitted here (needs root or user namespaces)"))]


@pytest.fixture
def offline(tmp_path):
    """Run ``python -m claimx ARGS`` (or ``python -c code ARGS_``) with the network blocked
    -> (returncode, stdout, stderr, attempts)."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "net.log"

    def run(*args: str, isolation: str = "audit-hook", code: str | None = None, args_: tuple = ()):
        log.write_text("", encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMX_") and k != "PYTHONPATH"}
        env.update(PYTHONPATH=str(site), CLAIMX_TEST_NETLOG=str(log), NO_COLOR="1")
        prefix = NETNS if isolation == "network-namespace" else ()
        command = [sys.executable, "-c", code, *args_] if code else [sys.executable, "-m", "claimx", *args]
        proc = subprocess.run([*prefix, *command], capture_output=True, text=True, timeout=300, env=env,
                              cwd=tmp_path)
        lines = log.read_text(encoding="utf-8").splitlines()
        assert lines[:1] == ["armed"], "the audit hook was not installed"
        return proc.returncode, proc.stdout, proc.stderr, lines[1:]

    return run


def test_the_blocker_blocks(offline):
    code, _, stderr, attempts = offline(code="import socket; socket.socket().connect(('127.0.0.1', 9))")
    assert code == 1 and "OSError: network blocked by the test: socket.connect ('127.0.0.1', 9)" in stderr
    assert attempts == ["socket.connect ('127.0.0.1', 9)"]


def test_the_blocker_blocks_name_lookups(offline):
    code, _, stderr, attempts = offline(code="import socket; socket.getaddrinfo('example.org', 80)")
    assert code == 1 and attempts == ["socket.getaddrinfo 'example.org'"]


def test_the_namespace_has_no_network():
    if NETNS is None:
        pytest.skip("unshare --net is not permitted here")
    proc = subprocess.run([*NETNS, sys.executable, "-c",
                           "import socket; socket.create_connection(('127.0.0.1', 9), timeout=1)"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "Network is unreachable" in proc.stderr


HOSTILE_PAGE = """<!DOCTYPE html><html><head><title>Talks</title>
<link rel="stylesheet" href="http://203.0.113.7/style.css"><script src="https://203.0.113.7/x.js"></script>
<meta http-equiv="refresh" content="0; url=http://203.0.113.7/"></head>
<body><img src="http://203.0.113.7/pixel.gif"><iframe src="//203.0.113.7/frame"></iframe>
<p>“We will win,” Smith said on Tuesday in Geneva.</p></body></html>
"""

# Several commands in one process (the model loads once), each one's output to out<N>.txt.
RUNNER = """
import json, sys
from claimx.cli import run
codes = []
for n, argv in enumerate(json.loads(sys.argv[1])):
    with open(f"out{n}.txt", "w", encoding="utf-8") as sys.stdout:
        codes.append(run(argv))
    sys.stdout = sys.__stdout__
print(json.dumps(codes))
"""
COMMANDS = [["extract", SAMPLE, "--format", "json"], ["extract", SAMPLE, "--format", "html"],
            ["extract", SAMPLE, "--format", "csv"], ["show", SAMPLE],
            ["extract", "page.html", "--published", "2021-12-29"]]


@pytest.mark.parametrize("isolation", ISOLATIONS)
def test_extract_and_show_offline(offline, tmp_path, isolation):
    """extract (json, html, csv), show, and an HTML page given as input: whatever claimx makes
    of it (today: text; later: its article), the page's scripts, styles and images (at
    documentation addresses, 203.0.113.0/24) are never fetched."""
    (tmp_path / "page.html").write_text(HOSTILE_PAGE, encoding="utf-8")
    code, stdout, stderr, attempts = offline(code=RUNNER, args_=(json.dumps(COMMANDS),), isolation=isolation)
    assert (code, stdout, stderr, attempts) == (0, "[0, 0, 0, 0, 0]\n", "", [])
    record, page, sheet, shown, from_html = ((tmp_path / f"out{n}.txt").read_text(encoding="utf-8")
                                             for n in range(5))
    assert json.loads(from_html)["schema"] == "claimx/1"
    assert json.loads(record)["claims"] and json.loads(record)["published"] == "2021-12-29"
    assert page.startswith("<!DOCTYPE html>") and "Sergei Ryabkov" in page
    assert sheet.startswith("id,speaker,title,") and "Sergei Ryabkov" in sheet
    assert "⟦c1 " in shown


# --- batch: the samples and an HTML page, one worker, offline -----------------------------

@pytest.mark.parametrize("isolation", ISOLATIONS)
def test_batch_offline(offline, isolation, tmp_path):
    samples = sorted(str(p) for p in (ROOT / "samples").glob("*.txt"))
    page = tmp_path / "page.html"
    page.write_text(HOSTILE_PAGE, encoding="utf-8")
    samples.append(str(page))
    code, stdout, stderr, attempts = offline("batch", *samples, "-o", "-", "--quiet", "-n", "1", isolation=isolation)
    assert (code, attempts) == (0, []), stderr
    records = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    assert len(records) == len(samples) and all(r["schema"] == "claimx/1" for r in records)
