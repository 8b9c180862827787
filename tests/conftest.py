"""Shared fixtures: one loaded Extractor per session, and ways to run the command line.

``cli`` runs ``claimx`` in this process (fast; the pipeline is loaded once and
kept by ``claimx.cli.load_extractor``); ``cli_subprocess`` runs
``python -m claimx`` in a real subprocess (each one that extracts loads spaCy
again, ~1-2 s, so keep those few).  Neither skips when the model is missing:
a missing model is a failure, not a reason to test nothing.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"  # research-only corpora; tests that need them skip when absent


@dataclass(frozen=True)
class Ran:
    code: int
    stdout: str
    stderr: str


@pytest.fixture(scope="session")
def extractor():
    import claimx

    return claimx.Extractor()


@pytest.fixture(scope="session")
def nlp(extractor):
    return extractor.nlp


@pytest.fixture
def cli():
    """Run ``claimx ARGS`` in-process: ``cli("extract", "a.txt", input=b"...")`` -> Ran."""
    from typer.testing import CliRunner

    from claimx.cli import run

    def invoke(*args: str, input: bytes | str | None = None, env: dict | None = None) -> Ran:
        with CliRunner().isolation(input=input, env=env) as (out, err, _):
            code = run(list(args))
            sys.stdout.flush()
            sys.stderr.flush()
            return Ran(code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8"))

    return invoke


@pytest.fixture(scope="session")
def cli_subprocess():
    """Run ``python -m claimx ARGS`` in a subprocess -> Ran; ``prefix`` goes before python
    (e.g. a command that drops privileges)."""

    def invoke(*args: str, input: bytes | None = None, prefix: tuple[str, ...] = ()) -> Ran:
        env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMX_")}
        proc = subprocess.run([*prefix, sys.executable, "-m", "claimx", *args], input=input,
                              capture_output=True, timeout=180, env=env)
        return Ran(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))

    return invoke


# Root reads and writes anything; without these two capabilities it obeys file modes.
DROP_ROOT_OVERRIDE = ("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--")


@pytest.fixture
def file_modes_apply() -> tuple[str, ...]:
    """The prefix under which a subprocess obeys file modes: none for a normal user; for root,
    ``setpriv`` without the capabilities that override them (skips when it is missing)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return ()
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: file modes do not apply")
    return DROP_ROOT_OVERRIDE


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite samples/expected/*.json from the current output")
