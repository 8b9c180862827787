"""The look-ups that replaced scans over every claim, quotation or token: each gives what the scan gave."""
from hypothesis import given, settings
from hypothesis import strategies as st

from claimx.claims.finders.quotations import LatestBefore
from claimx.claims.types import Attribution, Rule
from claimx.docutil import RangeIndex, sentence_range

ranges = st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), max_size=40)


@settings(max_examples=200, deadline=None)
@given(ranges, st.lists(st.integers(-2, 402), min_size=1, max_size=5))
def test_containing_is_the_scan(items, positions):
    index = RangeIndex((r, n) for n, r in enumerate(items))
    scan = [n for n, (lo, hi) in enumerate(items) if any(lo <= p < hi for p in positions)]
    assert index.containing(*positions) == scan


@settings(max_examples=200, deadline=None)
@given(ranges, st.integers(-2, 402), st.integers(0, 300))
def test_candidates_hold_every_overlap(items, lo, length):
    hi = lo + length
    index = RangeIndex((r, n) for n, r in enumerate(items))
    found = index.candidates(lo, hi)
    assert found == sorted(found)  # in the order added
    assert {n for n, (a, b) in enumerate(items) if lo < b and a < hi} <= set(found)


def proposal(end, source=(0, 1)):
    return Attribution((max(0, end - 3), end), None, None, source, 0.5, Rule.QUOTE)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.booleans()), max_size=30), st.integers(0, 70))
def test_latest_before_is_the_scan(ends, position):
    found = [proposal(end, (0, 1) if sourced else None) for end, sourced in ends]
    before = [a for a in found if a.content[1] <= position and a.source is not None]
    expected = max(before, key=lambda a: a.content[1]) if before else None  # the first of the latest
    assert LatestBefore(found).before(position) is expected


def test_latest_before_follows_a_widened_content():
    first, second = proposal(10), proposal(20)
    latest = LatestBefore([first, second])
    latest.moved(first, 30)
    first.content = (first.content[0], 30)
    assert latest.before(25) is second
    assert latest.before(30) is first
    # nothing with a source ends before 5; a proposal without a source is never the previous one
    latest.add(proposal(3, None))
    assert latest.before(5) is None


def walked(doc, i):
    start = i
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    end = i + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    return start, end


def test_sentence_range_of_a_long_sentence_is_the_walk(nlp):
    words = " ".join(["the", "ministers", "said", "that", "the", "talks", "would", "go", "on"] * 60)
    doc = nlp(f"Short one here. {words} until the end. Another short one. {words}.")
    assert any(e - s > 400 for s, e in (walked(doc, i) for i in range(0, len(doc), 50)))
    assert [sentence_range(doc, i) for i in range(len(doc))] == [walked(doc, i) for i in range(len(doc))]
