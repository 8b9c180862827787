"""The HTML report in a real browser: headless Chromium (Debian's ``chromium`` and
``chromium-driver``, which .ci/run installs) driven by selenium.

The page of the seed article is made by ``claimx extract --format html`` and opened from
disk; the test checks that the rendered page shows every claim in the claims table and
in the article, that hovering a date shows its resolved value and speaker, and that the
browser fetched nothing (no resource entries, no CSP violations).  Locally, without
Chromium, it skips and says so; in CI (``CI`` set) a missing browser is a failure.
``python docs/screenshot.py`` uses the same driver to make docs/geneva-talks.png.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

from claimx.render.events import first_day
from conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
# Without the background-networking flags Chromium stalls on a closed network.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1")


def missing() -> str | None:
    """Why the browser test cannot run here, or None."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install '.[test]')"
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not os.access(path, os.X_OK):
            return f"{path} not found: apt-get install chromium chromium-driver (.ci/run does)"
    return None


@contextmanager
def chromium(width: int = 1280, height: int = 1000):
    """A headless Chromium under selenium, with a fresh profile; the driver's path is given,
    so selenium-manager never tries to download one."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")
    with tempfile.TemporaryDirectory(prefix="claimx-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in (*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
        driver.set_page_load_timeout(60)
        try:
            yield driver
        finally:
            driver.quit()


def seed_page(cli, folder: Path) -> tuple[Path, dict]:
    """The seed article's page and record, made through the command line."""
    sample = str(ROOT / "samples" / "geneva-talks.txt")
    page = folder / "geneva-talks.html"
    ran = cli("extract", sample, "--format", "html", "-o", str(page))
    assert (ran.code, ran.stderr) == (0, "")
    return page, json.loads(cli("extract", sample).stdout)


def hover(driver, element) -> dict:
    """Move the mouse onto ``element``; its tooltip (the ::after box) as the browser computed it."""
    from selenium.webdriver.common.action_chains import ActionChains

    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    ActionChains(driver).move_to_element(element).perform()
    return driver.execute_script(
        "const s = getComputedStyle(arguments[0], '::after');"
        "return {content: s.content, display: s.display, width: arguments[0].getBoundingClientRect().width};",
        element)


def normal(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def browser():
    reason = missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"the browser test must run in CI: {reason}")
        pytest.skip(reason)
    with chromium() as driver:
        yield driver


def test_the_rendered_page_shows_the_claims(browser, cli, tmp_path):
    from selenium.webdriver.common.by import By

    page, record = seed_page(cli, tmp_path)
    browser.get(page.as_uri())
    assert browser.title == f"{record['title']} — claimx"

    # The claims table: one visible row per claim, its text as in the record.
    rows = browser.find_elements(By.CSS_SELECTOR, "table.claims tr.claim-row")
    assert [r.get_attribute("id") for r in rows] == [f"claim-{c['id']}" for c in sorted(
        record["claims"], key=lambda c: [s["id"] for s in record["speakers"]].index(c["speaker"])
        if c["speaker"] else len(record["speakers"]))]
    texts = {r.get_attribute("id")[6:]: normal(r.find_element(By.CSS_SELECTOR, "td.text").text) for r in rows}
    assert texts == {c["id"]: normal(c["text"]) for c in record["claims"]}
    assert all(r.is_displayed() for r in rows)

    # The article: every claim highlighted, drawn (a box of some size) and coloured.
    article = browser.find_element(By.ID, "article")
    for claim in record["claims"]:
        pieces = article.find_elements(By.CSS_SELECTOR, f".claim[data-ids~='{claim['id']}']")
        assert pieces and normal("".join(p.get_attribute("textContent") for p in pieces)) == normal(claim["text"])
        assert any(p.rect["width"] > 0 for p in pieces)
    background = browser.execute_script(
        "return getComputedStyle(document.querySelector('.claim-direct')).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")


def test_hovering_a_date_shows_its_value_and_the_claims_speaker(browser, cli, tmp_path):
    from selenium.webdriver.common.by import By

    page, record = seed_page(cli, tmp_path)
    browser.get(page.as_uri())
    claim = next(c for c in record["claims"] if c["date_ids"] and c["speaker"] and "the 10th" in c["text"])
    date = next(d for d in record["dates"] if d["id"] in claim["date_ids"] and d["text"] == "the 10th")
    speaker = next(s for s in record["speakers"] if s["id"] == claim["speaker"])
    element = browser.find_element(By.CSS_SELECTOR, f".date[data-ids~='{date['id']}']")
    before = browser.execute_script("return getComputedStyle(arguments[0], '::after').content", element)
    tip = hover(browser, element)
    assert before == "none" and tip["display"] != "none"
    assert f"date {date['id']}: {date['value']}" in tip["content"] and speaker["name"] in tip["content"]


def test_the_page_fetches_nothing(browser, cli, tmp_path):
    page, _ = seed_page(cli, tmp_path)
    browser.get(page.as_uri())
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    problems = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert problems == []


def test_the_timeline_draws_every_dated_event_in_date_order(browser, cli, tmp_path):
    from selenium.webdriver.common.by import By

    page, record = seed_page(cli, tmp_path)
    browser.get(page.as_uri())
    svg = browser.find_element(By.CSS_SELECTOR, "#events + svg.timeline")
    box = svg.rect
    assert svg.is_displayed() and box["width"] > 300 and box["height"] > 40
    dated = {e["id"]: e for e in record["events"] if e["date"]}
    marks = svg.find_elements(By.CSS_SELECTOR, "g.mark")
    assert sorted(m.get_attribute("data-event") for m in marks) == sorted(dated)
    # Each mark is drawn inside the picture, left to right in date order, its label too.
    xs = []
    for mark in marks:
        circle, label = mark.find_element(By.TAG_NAME, "circle"), mark.find_element(By.TAG_NAME, "text")
        assert circle.rect["width"] > 0 and box["x"] <= circle.rect["x"] <= box["x"] + box["width"]
        assert box["x"] - 1 <= label.rect["x"] and label.rect["x"] + label.rect["width"] <= box["x"] + box["width"] + 1
        xs.append((circle.rect["x"], dated[mark.get_attribute("data-event")]["date"]))
    assert [x for x, _ in xs] == sorted(x for x, _ in xs)
    # The events table below it: one row per event, the dated ones first, by date.
    rows = browser.find_elements(By.CSS_SELECTOR, "table.events tbody tr")
    assert len(rows) == len(record["events"])
    shown = [r.find_element(By.TAG_NAME, "td").text for r in rows[:len(dated)]]
    assert shown == sorted(shown, key=first_day) and sorted(shown) == sorted(e["date"] for e in dated.values())
