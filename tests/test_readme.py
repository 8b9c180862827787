"""The README opens with the two commands a newcomer runs, and CI runs the second."""
import re

from conftest import ROOT


def code_lines(text):
    lines, inside = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            inside = not inside
            continue
        if inside and line.strip() and not line.lstrip().startswith("#"):
            lines.append(line.strip())
    return lines


def test_readme_opens_with_install_run_and_test_commands():
    first_block = re.search(r"```\w*\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    run, test = first_block.group(1).strip().splitlines()
    assert run.startswith("pip install ") and "claimx extract samples/" in run
    assert test.startswith("pip install ") and "pytest" in test


def test_ci_runs_the_readme_test_command():
    test = code_lines((ROOT / "README.md").read_text(encoding="utf-8"))[1]
    assert test in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
