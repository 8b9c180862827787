"""The quote finder on raw text: balanced, unbalanced, multi-paragraph, apostrophes."""
import pytest

from claimx.claims.quotes import find_quotes


def inner_texts(text):
    return [(q.inner(text), q.closed) for q in find_quotes(text)]


@pytest.mark.parametrize("text, expected", [
    ('He said "we will win" and left.', [("we will win", True)]),
    ("He said “we will win” and left.", [("we will win", True)]),
    ("Two: “one” and “two”.", [("one", True), ("two", True)]),
    ("«Bonjour tout le monde», dit-il.", [("Bonjour tout le monde", True)]),
    # A quote left open ends with its paragraph instead of swallowing the story.
    ("“Open and never closed.\n\nNext paragraph, no quote.", [("Open and never closed.", False)]),
    # A paragraph that reopens the quote continues it.
    ("“Para one.\n\n“Para two,” he said.", [("Para one.\n\n“Para two,", True)]),
    # Wire copy marks paragraphs by indentation.
    ('"Para one.\n    "Para two," he said.', [('Para one.\n    "Para two,', True)]),
    # Stray closing marks are ignored; the open one still yields a quote.
    ("She said ”odd” things “and more", [("and more", False)]),
    # A closing mark typed at the start of a paragraph, before a word, opens the quote there.
    ("She left.\n\n”We will miss it.” ― Ana Ruiz", [("We will miss it.", True)]),
    ("”Hello” she said.", [("Hello", True)]),
    # An opening mark typed where the open quote ends, after its punctuation, closes it.
    ("“We will win here,“ said Bolt. “Next.”", [("We will win here,", True), ("Next.", True)]),
    ("“Read “Dubliners” first,” she said.", [("Read “Dubliners", True)]),
    # Apostrophes are not quotes.
    ("Russia’s army and the workers’ union don’t agree.", []),
    ("The union called it ‘a betrayal of every worker’ on Monday.", [("a betrayal of every worker", True)]),
    # Short single-quoted bits are titles or scare quotes, not quotations.
    ("He watched ‘Jaws’ again.", []),
    # Doubled apostrophes and backticks, as some newspaper archives write quotes.
    ("He said ''this is fine,'' and left.", [("this is fine,", True)]),
    ("Then ``another one'' came.", [("another one", True)]),
    ("Don''t split words on doubled apostrophes.", []),
    # A space between a nested single quote and the closing mark still closes the quote.
    ("\"I dislike the word 'outreach,' \" she said. \"Next,\" he said.",
     [("I dislike the word 'outreach,' ", True), ("Next,", True)]),
    # Spaces on both sides and nothing closing before it: inches, not a quote.
    ('The rod is 5 " long and 3 " wide.', []),
    ("No quotes at all here.", []),
    ('Only a stray " mark', []),
    ("", []),
])
def test_find_quotes(text, expected):
    assert inner_texts(text) == expected


def test_quote_offsets_index_the_text():
    text = 'A "b c" d “e f” g'
    for q in find_quotes(text):
        assert text[q.start] in '"“' and text[q.end - 1] in '"”'
        assert text[q.inner_start:q.inner_end] == q.inner(text)
