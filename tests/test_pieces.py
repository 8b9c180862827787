"""Long bodies parsed in pieces: where the pieces are cut, and that the record is the one of the whole Doc."""
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimx.article import Article
from claimx.ingest import article_from_text, read_article
from claimx.pieces import piece_bounds

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def texts(text, size):
    return [text[a:b] for a, b in piece_bounds(text, size)]


@pytest.mark.parametrize("text, size, expected", [
    # fits: one piece, the text itself (the single-Doc path)
    ("One paragraph.\n\nAnother.", 100, ["One paragraph.\n\nAnother."]),
    ("", 10, [""]),
    # a paragraph break wins over the later line break and spaces; its blank line stays with the first piece
    ("Aa bb.\n\nCc dd\nee ff gg", 16, ["Aa bb.\n\n", "Cc dd\nee ff gg"]),
    # the white space run after a break, indentation included, ends the piece it follows
    ("Aa bb.\n\n  \n\tCc dd ee", 12, ["Aa bb.\n\n  \n\t", "Cc dd ee"]),
    # no paragraph break: the last line break
    ("Aa bb\ncc dd ee ff", 12, ["Aa bb\n", "cc dd ee ff"]),
    # no line break: after the last sentence end, not at the space before it
    ("Aa bb. Cc dd ee ff", 12, ["Aa bb. ", "Cc dd ee ff"]),
    # one endless sentence: at the last space
    ("aa bb cc dd ee ff gg", 8, ["aa bb ", "cc dd ", "ee ff gg"]),
    # no space at all: a hard cut
    ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
])
def test_piece_bounds(text, size, expected):
    assert texts(text, size) == expected


def test_piece_size_must_be_positive():
    with pytest.raises(ValueError):
        piece_bounds("text", 0)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab .\n\t“”\"", max_size=300), st.integers(min_value=1, max_value=40))
def test_pieces_cover_the_text_in_bounded_pieces(text, size):
    pieces = texts(text, size)
    assert "".join(pieces) == text
    assert all(piece for piece in pieces) or pieces == [""]
    # at most the size, plus the white space that ends a piece
    assert all(len(piece.rstrip()) <= size or len(piece) <= 2 * size for piece in pieces)


# Written for this test: a speaker named in the first piece, referred to and quoted in the last one,
# and a date there that counts from one in the first.
STORY = (
    "PORT HALDEN — Mayor Jane Holloway said on Monday, March 3, 2025, that the city would rebuild the "
    "harbor wall before the winter storms.\n\n"
    "“We cannot wait for another flood,” she said at a meeting with fishermen.\n\n"
    "The council's budget chief, Omar Reyes, told reporters the repairs would cost $4 million and that "
    "the money was already set aside.\n\n"
    "On Tuesday, March 4, the council approved the money, according to the harbor office.\n\n"
    "The next day, Holloway said the first contracts had been signed. “The work starts in April,” "
    "she added.\n"
)


def analyses(extractor, monkeypatch, article, piece_chars):
    whole = extractor.extract_article(article)
    monkeypatch.setattr(extractor, "piece_chars", piece_chars)
    assert extractor.is_long(article)
    return whole, extractor.extract_article(article)


def same_findings(whole, split):
    for key in ("claims", "speakers", "dates", "events", "venues"):
        assert split[key] == whole[key], key


def test_story_just_over_the_piece_size(extractor, monkeypatch):
    article = article_from_text(STORY, source="story.txt", published="2025-03-05")
    size = len(article.body) - 10
    assert len(piece_bounds(article.body, size)) == 2
    whole, split = analyses(extractor, monkeypatch, article, size)
    same_findings(whole, split)
    assert split == whole
    # what crosses the cut is resolved as in one Doc: "she" in the last piece is the mayor of the first
    speakers = {s["id"]: s["name"] for s in split["speakers"]}
    last = split["claims"][-1]
    assert last["text"] == "The work starts in April" or "The work starts in April" in last["text"]
    assert speakers[last["speaker"]] == "Jane Holloway"
    # and "The next day" counts from the Tuesday of the first piece
    later = next(d for d in split["dates"] if d["text"] == "The next day")
    assert later["value"] == "2025-03-05"
    assert [d["text"] for d in split["dates"] if d["id"] == later["anchor"]] == ["Tuesday, March 4"]


@pytest.mark.parametrize("pieces", [2, 5, 12])
def test_sample_in_pieces_gives_the_whole_record(extractor, monkeypatch, pieces):
    article = read_article(str(SAMPLES / "geneva-talks.txt"), published="2021-12-29")
    size = len(article.body) // pieces + 1 if pieces > 2 else len(article.body) - 1
    assert len(piece_bounds(article.body, size)) >= pieces
    whole, split = analyses(extractor, monkeypatch, article, size)
    same_findings(whole, split)


def test_offsets_index_the_input(extractor, monkeypatch):
    article = article_from_text(STORY, source="story.txt", published="2025-03-05")
    _, split = analyses(extractor, monkeypatch, article, 200)
    for key in ("claims", "dates", "speakers"):
        for item in split[key]:
            for span in [item] + item.get("mentions", []):
                if "start" in span:
                    assert article.text[span["start"]:span["end"]] == span["text"]


def test_many_articles_keep_their_order_around_a_long_one(extractor, monkeypatch):
    short = Article(text="“We will win,” Smith said.", source="a", published="2021-12-29")
    long_one = article_from_text(STORY, source="b", published="2025-03-05")
    monkeypatch.setattr(extractor, "piece_chars", 300)
    articles = [short, long_one, short, long_one]
    got = list(extractor.extract_many(articles, batch_size=2))
    assert [a.source for a, _ in got] == ["a", "b", "a", "b"]
    assert [r for _, r in got] == [extractor.extract_article(a) for a in articles]

