"""claimx.batch as a library: readers, inputs, shards, error records, resume, engines.

Real spaCy model throughout (the session's Extractor is handed to run_batch, so
the pipeline loads once); stories are written here, never taken from a corpus.
"""
from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from claimx.batch import Summary, run_batch
from claimx.batch.inputs import Item, Shard, count, expand, items, shard_of
from claimx.batch.output import scan_done
from claimx.batch.work import Settings, load_article
from claimx.errors import ClaimxError, ContentError, UsageError
from claimx.ingest.html import article_from_html
from claimx.ingest.records import Fields, article_from_record


def story(i: int) -> str:
    """A small story with a header, a quote, a reporting verb, dates and a venue."""
    return (f"---\npublished: 2021-03-{1 + i % 28:02d}\ntitle: Story {i}\n---\n"
            f"The council of Riverton met on Tuesday and approved the budget, officials said.\n\n"
            f"\u201cWe will build {i + 2} new schools next year,\u201d Mayor Jane Doe said on Wednesday.\n\n"
            f"The vote was held at the city hall, and the plan takes effect in March, according to the clerk.\n")


def make_stories(folder: Path, n: int, paragraphs: int = 1) -> list[str]:
    """``story-000.txt`` ... in ``folder`` (the body repeated ``paragraphs`` times); their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        header, body = story(i).rsplit("---\n", 1)
        path = folder / f"story-{i:03d}.txt"
        path.write_text(header + "---\n" + "\n".join([body] * paragraphs))
        paths.append(str(path))
    return paths


def lines(path) -> list[dict]:
    data = Path(path).read_bytes()
    assert data == b"" or data.endswith(b"\n")
    return [json.loads(line) for line in data.split(b"\n") if line]


def by_source(records: list[dict]) -> dict[str, dict]:
    return {r["source"]: r for r in records}


def batch(extractor, inputs, out, **options) -> Summary:
    options.setdefault("n_process", 1)
    return run_batch([str(i) for i in inputs], str(out), extractor=extractor, **options)


# --- JSON records ---------------------------------------------------------------------------

@pytest.mark.parametrize("obj, message", [
    ([1, 2], "not a JSON object but an array"),
    (None, "not a JSON object but null"),
    ("text", "not a JSON object but str"),
    ({"title": "x"}, "no 'text' field"),
    ({"text": 5}, "'text' is int, not a string"),
    ({"text": "  \n"}, "no article text: 'text' is only whitespace"),
    ({"text": ""}, "no article text: 'text' is empty"),
    ({"text": "A story.", "published": "03/04/2021"},
     "ambiguous 'published' date '03/04/2021': 2021-04-03 (DMY) or 2021-03-04 (MDY); --date-order (DMY, MDY or YMD) says which"),
    ({"text": "A story.", "title": {"a": 1}}, "'title' is dict, not a string"),
])
def test_bad_json_record_is_a_content_error(obj, message):
    with pytest.raises(ContentError) as caught:
        article_from_record(obj, source="x.jsonl:3")
    assert caught.value.message == message
    assert caught.value.source == "x.jsonl:3"


@pytest.mark.parametrize("obj, fields, published, expected", [
    ({"id": "a1", "text": "Smith said so.", "published": "2021-12-29", "title": "T"}, Fields(), None,
     ("a1", "T", "2021-12-29", "record")),
    ({"id": 7, "text": "Smith said so."}, Fields(), None, ("7", None, None, None)),
    ({"doc": "Smith said so.", "when": "2021-12-29T09:30:00Z", "key": "k"},
     Fields(text="doc", published="when", id="key"), None, ("k", None, "2021-12-29T09:30+00:00", "record")),
    ({"text": "Smith said so.", "published": "2021-12-29"}, Fields(), "2020-01-01",
     (None, None, "2020-01-01", "flag")),
])
def test_json_record_fields(obj, fields, published, expected):
    article = article_from_record(obj, source="s", fields=fields, published=published)
    assert (article.id, article.title, article.published, article.published_source) == expected
    assert article.text == article.body == "Smith said so."


# --- HTML ---------------------------------------------------------------------------------------

PAGE = b"""<!doctype html><html><head><title>Council approves budget | Riverton Post</title>
<meta property="article:published_time" content="2021-03-02T08:00:00Z"></head>
<body><nav>Home | News | Sport</nav>
<article><h1>Council approves budget</h1>
<p>The council of Riverton met on Tuesday and approved the budget, officials said.</p>
<p>\xe2\x80\x9cWe will build two new schools next year,\xe2\x80\x9d Mayor Jane Doe said on Wednesday.</p>
</article><footer>Copyright Riverton Post</footer></body></html>"""


@pytest.fixture
def no_network(monkeypatch):
    """Every attempt to reach the network is refused and recorded (the readers swallow
    library errors, so the record is what the test checks)."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("claimx tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts
    assert attempts == []


def test_html_text_title_and_date(no_network):
    article = article_from_html(PAGE, source="p.html")
    assert article.title == "Council approves budget"
    assert article.published == "2021-03-02"
    assert article.published_source == "html"
    assert "Home | News" not in article.text and "Copyright" not in article.text
    assert ("The council of Riverton met on Tuesday and approved the budget, officials said.\n\n"
            "\u201cWe will build two new schools next year,\u201d Mayor Jane Doe said on Wednesday.") in article.text


@pytest.mark.parametrize("data, message", [
    (b"", "no article text: the input is empty"),
    (b"  \n", "no article text: the input is only whitespace"),
    (b"<html>\x00\x01</html>", "binary data (NUL bytes), not an HTML page"),
    (b"<html><head><title>T</title></head><body><script>var x = 1;</script></body></html>",
     "no article text found in the HTML page"),
])
def test_unusable_html(no_network, data, message):
    with pytest.raises(ContentError) as caught:
        article_from_html(data, source="p.html")
    assert caught.value.message == message


def test_html_that_is_only_a_url_fetches_nothing(no_network):
    article = article_from_html(b"https://example.com/2021/03/02/story.html", source="u.html")
    assert article.text == "https://example.com/2021/03/02/story.html"


# --- inputs and shards ---------------------------------------------------------------------------

def test_folders_are_walked_sorted_with_globs(tmp_path):
    for name in ("b.txt", "a.md", "sub/c.json", "sub/d.html", "sub/e.xhtml", "sub/f.markdown",
                 ".hidden.txt", ".git/e.txt", "notes.csv"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    root = str(tmp_path)
    # every ending a reader knows is taken by default, each by its reader
    assert [(u.path[len(root) + 1:], u.kind) for u in expand([root])] == [
        ("a.md", "text"), ("b.txt", "text"), ("sub/c.json", "json"), ("sub/d.html", "html"),
        ("sub/e.xhtml", "html"), ("sub/f.markdown", "text")]
    assert [u.path[len(root) + 1:] for u in expand([root], globs=("sub/*.*htm*",))] == ["sub/d.html", "sub/e.xhtml"]
    assert [u.path[len(root) + 1:] for u in expand([root], globs=("*.csv",))] == ["notes.csv"]
    # a file named on the command line is read whatever its name; the output is never an input
    assert [u.kind for u in expand([f"{root}/notes.csv"])] == ["text"]
    assert [u.kind for u in expand([f"{root}/notes.csv"], kind="json")] == ["json"]
    assert [u.path for u in expand([root], exclude=f"{root}/b.txt")][:2] == [f"{root}/a.md", f"{root}/sub/c.json"]


def test_count_agrees_with_items_in_one_pass(tmp_path):
    (tmp_path / "a.jsonl").write_text("".join(f'{{"text": "story {i}"}}\n' for i in range(1, 8)) + "\n")
    (tmp_path / "b.txt").write_text("x")
    units = expand([str(tmp_path)])
    shard = Shard(1, 2)
    done = {f"{tmp_path}/a.jsonl:{i}" for i in (1, 2, 3)} | {f"{tmp_path}/b.txt"}
    todo = list(items(units, shard=shard, done=done))
    in_shard = list(items(units, shard=shard))
    assert count(units, shard=shard, done=done) == (len(todo), len(in_shard) - len(todo))
    assert count(units) == (8, 0)  # the blank line is no story
    assert count(expand(["-"])) is None  # standard input cannot be counted ahead


@pytest.mark.parametrize("value, message", [
    ("0/4", "invalid shard '0/4': expected K/N with 1 <= K <= N, e.g. 1/4"),
    ("5/4", "invalid shard '5/4': expected K/N with 1 <= K <= N, e.g. 1/4"),
    ("1", "invalid shard '1': expected K/N with 1 <= K <= N, e.g. 1/4"),
    ("a/b", "invalid shard 'a/b': expected K/N with 1 <= K <= N, e.g. 1/4"),
])
def test_bad_shard(value, message):
    with pytest.raises(UsageError) as caught:
        Shard.parse(value)
    assert (caught.value.source, caught.value.message) == ("--shard", message)


def test_shards_split_every_input_exactly_once_and_stably():
    sources = [f"stories/reut-{i:05d}.txt" for i in range(1, 2001)] + [f"r.jsonl:{i}" for i in range(1, 501)]
    for n in (1, 2, 3, 8):
        parts = [[s for s in sources if s in Shard(k, n)] for k in range(1, n + 1)]
        assert sorted(sum(parts, [])) == sorted(sources)
        assert min(map(len, parts)) > 0.8 * len(sources) / n  # roughly even
    # the split depends on the source alone: pinned, so that a change to it (which would
    # mix up the shards of a run in progress) is seen
    assert [shard_of(s, 4) for s in ("a.txt", "b.txt", "r.jsonl:1", "r.jsonl:2")] == FIXED_SHARDS


FIXED_SHARDS = [2, 3, 2, 2]


def test_jsonl_lines_are_items_with_line_numbers(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_bytes(b'{"text": "One."}\n\n{"text": "Two."}\r\n  \n{"text": "Three."}')
    got = list(items(expand([str(path)])))
    assert [(i.source, i.kind, i.payload) for i in got] == [
        (f"{path}:1", "jsonl", b'{"text": "One."}\n'), (f"{path}:3", "jsonl", b'{"text": "Two."}\r\n'),
        (f"{path}:5", "jsonl", b'{"text": "Three."}')]
    assert [i.source for i in items(expand([str(path)]), done={f"{path}:3"})] == [f"{path}:1", f"{path}:5"]


# --- run_batch --------------------------------------------------------------------------------------

def write_corpus(root: Path) -> dict[str, str]:
    """A folder with every kind of input, good and bad; returns source -> expected status."""
    (root / "sub").mkdir(parents=True)
    files = {
        "a.txt": story(1).encode(),
        "b.md": story(2).encode(),
        "c.json": json.dumps({"id": "c-1", "text": story(3).split("---\n", 2)[2], "published": "2021-03-05"}).encode(),
        "d.html": PAGE,
        "headline.txt": b"---\npublished: 2021-03-01\ntitle: HEADLINE ONLY\n---\n",
        "sub/binary.txt": b"\x00\x01\x02binary",
        "sub/broken.json": b'{"text": ',
        "sub/empty.txt": b"",
        "sub/header.txt": b"---\ntitle: a\ntitle: b\n---\nText.\n",
        "sub/rows.jsonl": b"\n".join([
            json.dumps({"id": "r1", "text": story(4).split("---\n", 2)[2], "published": "2021-03-06"}).encode(),
            b'{"id": "r2", "text": 5}',
            b"not json",
            json.dumps({"id": "r4", "text": "", "title": "Headline"}).encode(),
        ]) + b"\n",
    }
    for name, data in files.items():
        (root / name).write_bytes(data)
    r = str(root)
    return {
        f"{r}/a.txt": "ok", f"{r}/b.md": "ok", f"{r}/c.json": "ok", f"{r}/d.html": "ok",
        f"{r}/headline.txt": "empty", f"{r}/sub/binary.txt": "ContentError", f"{r}/sub/broken.json": "ContentError",
        f"{r}/sub/empty.txt": "ContentError", f"{r}/sub/header.txt": "ContentError",
        f"{r}/sub/rows.jsonl:1": "ok", f"{r}/sub/rows.jsonl:2": "ContentError", f"{r}/sub/rows.jsonl:3": "ContentError",
        f"{r}/sub/rows.jsonl:4": "empty", f"{r}/missing.txt": "InputError",
    }


def status(record: dict) -> str:
    if "error" in record:
        return record["error"]["type"]
    return "empty" if NO_TEXT in record["warnings"] else "ok"


NO_TEXT = "no article text: nothing to analyse"


def test_every_input_gives_exactly_one_line_in_order(extractor, tmp_path):
    expected = write_corpus(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    summary = batch(extractor, [tmp_path / "in", tmp_path / "in" / "missing.txt"], out)
    records = lines(out)
    assert [r["source"] for r in records] == list(expected)
    assert {r["source"]: status(r) for r in records} == expected
    assert (summary.processed, summary.records, summary.empty, summary.errors) == (14, 7, 2, 7)
    assert summary.failed


@pytest.mark.parametrize("name, error", [
    ("sub/binary.txt", {"type": "ContentError", "message": "binary data (NUL bytes), not a text article"}),
    ("sub/broken.json", {"type": "ContentError", "message": "not valid JSON: Expecting value (line 1, column 10)"}),
    ("sub/empty.txt", {"type": "ContentError", "message": "no article text: the input is empty"}),
    ("sub/header.txt", {"type": "ContentError", "message": "header line 3 repeats 'title' (first on line 2)"}),
    ("sub/rows.jsonl:2", {"type": "ContentError", "message": "'text' is int, not a string"}),
    ("sub/rows.jsonl:3", {"type": "ContentError", "message": "not valid JSON: Expecting value (line 1, column 1)"}),
    ("missing.txt", {"type": "InputError", "message": "no such file"}),
])
def test_error_records(extractor, tmp_path, name, error):
    write_corpus(tmp_path / "in")
    source = str(tmp_path / "in" / name)
    path = source.rsplit(":", 1)[0] if name.startswith("sub/rows") else source
    out = tmp_path / "out.jsonl"
    batch(extractor, [path], out)
    record = by_source(lines(out))[source]
    assert record == {"schema": "claimx/1", "source": source, "id": record["id"], "error": error}


def test_records_and_their_offsets(extractor, tmp_path):
    write_corpus(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    batch(extractor, [tmp_path / "in"], out)
    records = by_source(lines(out))
    root = str(tmp_path / "in")
    texts = {
        f"{root}/a.txt": story(1), f"{root}/b.md": story(2),
        f"{root}/c.json": story(3).split("---\n", 2)[2], f"{root}/sub/rows.jsonl:1": story(4).split("---\n", 2)[2],
        f"{root}/d.html": records[f"{root}/d.html"]["text"],
    }
    for source, text in texts.items():
        record = records[source]
        assert record["claims"], source
        spans = [c for c in record["claims"]] + [d for d in record["dates"]]
        spans += [m for s in record["speakers"] for m in s["mentions"]]
        for span in spans:
            assert text[span["start"]:span["end"]] == span["text"], (source, span)
    assert (records[f"{root}/c.json"]["id"], records[f"{root}/c.json"]["published_source"]) == ("c-1", "record")
    assert (records[f"{root}/a.txt"]["id"], records[f"{root}/a.txt"]["published_source"]) == ("a", "header")
    assert records[f"{root}/d.html"]["published_source"] == "html"
    assert "text" not in records[f"{root}/a.txt"]


def test_headline_only_story_is_a_record_with_empty_results(extractor, tmp_path):
    write_corpus(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    batch(extractor, [tmp_path / "in" / "headline.txt"], out)
    [record] = lines(out)
    assert {k: record[k] for k in ("id", "title", "published", "published_source", "speakers", "claims",
                                   "dates", "venues", "warnings")} == {
        "id": "headline", "title": "HEADLINE ONLY", "published": "2021-03-01", "published_source": "header",
        "speakers": [], "claims": [], "dates": [], "venues": [], "warnings": [NO_TEXT]}


def test_published_flag_and_with_text(extractor, tmp_path):
    write_corpus(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    batch(extractor, [tmp_path / "in" / "a.txt", tmp_path / "in" / "c.json"], out, published="2020-01-02",
          with_text=True)
    for record in lines(out):
        assert (record["published"], record["published_source"]) == ("2020-01-02", "flag")
        assert record["text"].count("Mayor Jane Doe") == 1


def test_resume_skips_what_is_done_and_cuts_a_half_written_line(extractor, tmp_path):
    folder = tmp_path / "in"
    paths = make_stories(folder, 6)
    out = tmp_path / "out.jsonl"
    batch(extractor, [folder], out)
    full = out.read_bytes().split(b"\n")
    # a killed run: two whole lines and half of the third
    out.write_bytes(full[0] + b"\n" + full[1] + b"\n" + full[2][:40])
    assert scan_done(str(out)) == (set(paths[:2]), len(full[0]) + len(full[1]) + 2)
    summary = batch(extractor, [folder], out, resume=True)
    assert (summary.total, summary.skipped, summary.processed) == (4, 2, 4)
    assert out.read_bytes() == b"\n".join(full)
    # nothing left to do: nothing written
    summary = batch(extractor, [folder], out, resume=True)
    assert (summary.processed, summary.skipped) == (0, 6)
    assert out.read_bytes() == b"\n".join(full)


def test_shards_of_a_batch_add_up_to_the_whole(extractor, tmp_path):
    folder = tmp_path / "in"
    make_stories(folder, 5)
    rows = folder / "rows.jsonl"
    rows.write_text("".join(json.dumps({"id": f"r{i}", "text": f"Smith said it would rain on day {i}."}) + "\n"
                            for i in range(5)))
    batch(extractor, [folder], tmp_path / "all.jsonl")
    parts = []
    for k in (1, 2, 3):
        batch(extractor, [folder], tmp_path / f"part{k}.jsonl", shard=f"{k}/3")
        parts += lines(tmp_path / f"part{k}.jsonl")
    assert sorted(parts, key=lambda r: r["source"]) == sorted(lines(tmp_path / "all.jsonl"), key=lambda r: r["source"])


def test_two_processes_give_the_same_lines_as_one(extractor, tmp_path):
    expected = write_corpus(tmp_path / "in")
    batch(extractor, [tmp_path / "in", tmp_path / "in" / "missing.txt"], tmp_path / "one.jsonl", batch_size=3)
    batch(extractor, [tmp_path / "in", tmp_path / "in" / "missing.txt"], tmp_path / "two.jsonl", batch_size=3,
          n_process=2)
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    assert len(lines(tmp_path / "two.jsonl")) == len(expected)


def test_a_story_that_kills_its_worker_costs_only_its_own_line(extractor, tmp_path, monkeypatch):
    import claimx.batch.work as work

    folder = tmp_path / "in"
    paths = make_stories(folder, 8)
    real = work.load_article

    def deadly(item, settings):  # the forked workers inherit this
        if item.source == paths[5]:
            os._exit(9)
        return real(item, settings)

    monkeypatch.setattr(work, "load_article", deadly)
    summary = batch(extractor, [folder], tmp_path / "out.jsonl", n_process=2, batch_size=2)
    records = lines(tmp_path / "out.jsonl")
    assert [r["source"] for r in records] == paths
    assert [status(r) for r in records] == ["ok"] * 5 + ["InternalError"] + ["ok"] * 2
    assert records[5]["error"]["message"] == "WorkerDied: the worker process died on this input"
    assert summary.errors == 1


@pytest.mark.parametrize("options, source, message", [
    ({"n_process": 0}, "--n-process", "must be at least 1, not 0"),
    ({"batch_size": 0}, "--batch-size", "must be at least 1, not 0"),
    ({"engine": "spark"}, "--engine", "unknown engine 'spark': expected local or dask"),
    ({"kind": "pdf"}, "--kind", "unknown kind 'pdf': expected text, json, jsonl, html"),
    ({"scheduler": "tcp://127.0.0.1:1"}, "--scheduler", "needs --engine dask"),
    ({"published": "2021-13-01"}, "--published",
     "invalid date '2021-13-01': expected a date with its year, month and day, such as 2021-12-29, 29 Dec 2021 or Wed, 29 Dec 2021 09:30:00 +0900"),
])
def test_bad_options_fail_before_anything_is_written(extractor, tmp_path, options, source, message):
    (tmp_path / "a.txt").write_text(story(0))
    with pytest.raises(UsageError) as caught:
        batch(extractor, [tmp_path / "a.txt"], tmp_path / "out.jsonl", **options)
    assert (caught.value.source, caught.value.message) == (source, message)
    assert not (tmp_path / "out.jsonl").exists()


def test_resume_needs_a_file(extractor, tmp_path):
    (tmp_path / "a.txt").write_text(story(0))
    with pytest.raises(UsageError) as caught:
        run_batch([str(tmp_path / "a.txt")], "-", resume=True, extractor=extractor)
    assert str(caught.value) == "--resume: needs an output file (-o OUT.jsonl), not standard output"


def test_load_article_kinds_agree_on_the_story(tmp_path):
    body = "\u201cWe will win,\u201d Smith said on Tuesday.\n"
    (tmp_path / "a.txt").write_text(body)
    (tmp_path / "a.json").write_text(json.dumps({"text": body}))
    got = [load_article(Item(str(tmp_path / n), k, str(tmp_path / n)), Settings()).body
           for n, k in (("a.txt", "text"), ("a.json", "json"))]
    got.append(load_article(Item("r:1", "jsonl", None, json.dumps({"text": body}).encode()), Settings()).body)
    assert got == [body] * 3


# --- Dask ------------------------------------------------------------------------------------------

def test_dask_engine_gives_the_same_lines_as_a_local_run(extractor, tmp_path):
    distributed = pytest.importorskip("distributed")
    folder = tmp_path / "in"
    write_corpus(folder)
    local = tmp_path / "local.jsonl"
    batch(extractor, [folder, folder / "missing.txt"], local, batch_size=4)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=True,
                                  dashboard_address=None) as cluster:
        summary = run_batch([str(folder), str(folder / "missing.txt")], str(tmp_path / "dask.jsonl"),
                            engine="dask", scheduler=cluster.scheduler_address, batch_size=4,
                            # as the CLI calls it: a loader, which the Dask engine must not need
                            extractor=lambda: pytest.fail("the Dask engine loads the pipeline on its workers"))
    assert (tmp_path / "dask.jsonl").read_bytes() == local.read_bytes()
    assert (summary.processed, summary.errors) == (14, 7)


def test_claimx_errors_are_claimx_errors():
    assert issubclass(UsageError, ClaimxError)


@pytest.mark.parametrize("name, data, expected", [
    ("story.html", b"<html><body><article><p>Mayor Jane Doe said the bridge will reopen.</p></article></body></html>",
     "story"),
    ("story.json", b'{"text": "Mayor Jane Doe said the bridge will reopen."}', "story"),
    ("story.json", b'{"id": "own-7", "text": "Mayor Jane Doe said the bridge will reopen."}', "own-7"),
    ("story.txt", b"Mayor Jane Doe said the bridge will reopen.", "story"),
])
def test_extract_and_batch_give_a_file_the_same_id(tmp_path, name, data, expected):
    from claimx.ingest import read_article

    path = tmp_path / name
    path.write_bytes(data)
    kind = expand([str(path)])[0].kind
    assert read_article(str(path)).id == expected
    assert load_article(Item(str(path), kind, str(path)), Settings()).id == expected
