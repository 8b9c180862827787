"""The date grammar and resolver on their own: no spaCy, rule data from models/."""
from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimx import lexicon
from claimx.temporal import (FUTURE, PAST, PRESENT, Clause, Context, Vocabulary, clause_tense, longest_first,
                             read, resolve, scan)
from claimx.temporal import calendar as cal
from claimx.temporal.grammar import dateline_date, number_value

SEED_DAY = date(2021, 12, 29)


@pytest.fixture(scope="module")
def vocab():
    return Vocabulary.load(lexicon.table, lexicon.jsonl, lexicon.words)


def only_expr(text, vocab):
    matches = longest_first(scan(text, vocab))
    assert len(matches) == 1, [m.text for m in matches]
    return matches[0], read(matches[0], vocab)


def resolved(text, vocab, published=SEED_DAY, tense=None, context=None):
    match, expr = only_expr(text, vocab)
    return match, resolve(expr, context or Context(published=published), tense)


@pytest.mark.parametrize("text, published, tense, span, expected", [
    # the seed article's kinds of expression
    ("January 10 next year", SEED_DAY, FUTURE, "January 10 next year", ("DATE", "2022-01-10", None)),
    ("January 12th and 13th", SEED_DAY, None, "January 12th and 13th", ("DATE", "2022-01-12", None)),
    ("on the 28th (local time)", SEED_DAY, PAST, "the 28th", ("DATE", "2021-12-28", None)),
    ("January 13", SEED_DAY, FUTURE, "January 13", ("DATE", "2022-01-13", None)),
    ("in June", SEED_DAY, PAST, "June", ("DATE", "2021-06", None)),
    ("January 1-9", SEED_DAY, PRESENT, "January 1-9", ("DATE", "2022-01-01", None)),
    ("early next year", SEED_DAY, FUTURE, "early next year", ("DATE", "2022", "START")),
    ("on the 7th", SEED_DAY, PAST, "the 7th", ("DATE", "2021-12-07", None)),
    ("in one day", SEED_DAY, None, "one day", ("DURATION", "P1D", None)),
    # month-day without a year: the tense picks the year, else the nearest
    ("March 3", date(2021, 12, 29), PAST, "March 3", ("DATE", "2021-03-03", None)),
    ("March 3", date(2021, 12, 29), FUTURE, "March 3", ("DATE", "2022-03-03", None)),
    ("Dec. 15", date(1989, 10, 26), None, "Dec. 15", ("DATE", "1989-12-15", None)),
    ("Jan. 31", date(1989, 10, 31), PAST, "Jan. 31", ("DATE", "1989-01-31", None)),
    ("Sept. 30, 1989", date(1998, 1, 1), None, "Sept. 30, 1989", ("DATE", "1989-09-30", None)),
    ("April 4, 1949", date(1999, 3, 12), None, "April 4, 1949", ("DATE", "1949-04-04", None)),
    ("12 January 2022", SEED_DAY, None, "12 January 2022", ("DATE", "2022-01-12", None)),
    ("on 12/25/2021", SEED_DAY, None, "12/25/2021", ("DATE", "2021-12-25", None)),
    # weekdays: past latest by publication, future next, same weekday is that day
    ("on Friday", date(1989, 10, 30), PAST, "Friday", ("DATE", "1989-10-27", None)),
    ("on Friday", date(1998, 8, 7), PAST, "Friday", ("DATE", "1998-08-07", None)),
    ("on Friday", date(1998, 8, 7), FUTURE, "Friday", ("DATE", "1998-08-07", None)),
    ("Monday", date(1989, 11, 2), FUTURE, "Monday", ("DATE", "1989-11-06", None)),
    ("Tuesday", date(1998, 8, 7), None, "Tuesday", ("DATE", "1998-08-04", None)),
    ("last Friday", date(1989, 10, 30), None, "last Friday", ("DATE", "1989-10-27", None)),
    ("next Monday", date(1989, 10, 30), None, "next Monday", ("DATE", "1989-11-06", None)),
    ("Tuesday night", date(1998, 8, 7), PAST, "Tuesday night", ("TIME", "1998-08-04TNI", None)),
    ("Friday, Oct. 13", date(1989, 10, 27), PAST, "Friday, Oct. 13", ("DATE", "1989-10-13", None)),
    # deictic periods
    ("last week", date(1998, 3, 1), None, "last week", ("DATE", "1998-W08", None)),
    ("this week", date(1989, 10, 30), None, "this week", ("DATE", "1989-W44", None)),
    ("this weekend", date(1990, 8, 13), FUTURE, "this weekend", ("DATE", "1990-W33-WE", None)),
    ("last year", date(1989, 10, 26), None, "last year", ("DATE", "1988", None)),
    ("next year", date(1989, 10, 26), None, "next year", ("DATE", "1990", None)),
    ("this month", date(1989, 10, 26), None, "this month", ("DATE", "1989-10", None)),
    ("last month", date(1998, 2, 6), None, "last month", ("DATE", "1998-01", None)),
    ("yesterday", date(1989, 10, 26), None, "yesterday", ("DATE", "1989-10-25", None)),
    ("tomorrow", date(2000, 4, 3), None, "tomorrow", ("DATE", "2000-04-04", None)),
    ("last night", date(1998, 1, 20), None, "last night", ("TIME", "1998-01-19TNI", None)),
    ("this morning", date(1998, 2, 6), None, "this morning", ("TIME", "1998-02-06TMO", None)),
    ("last April", date(1989, 10, 26), None, "last April", ("DATE", "1989-04", None)),
    ("this September", date(1998, 2, 5), None, "this September", ("DATE", "1998-09", None)),
    ("last fall", date(1999, 4, 10), None, "last fall", ("DATE", "1998-FA", None)),
    ("this summer", date(1998, 3, 22), None, "this summer", ("DATE", "1998-SU", None)),
    ("late November", date(2000, 1, 6), PAST, "late November", ("DATE", "1999-11", "END")),
    ("mid-November", date(1989, 10, 27), FUTURE, "mid-November", ("DATE", "1989-11", "MID")),
    # offsets from publication
    ("two years ago", date(1998, 4, 24), None, "two years ago", ("DATE", "1996", None)),
    ("five months ago", date(1998, 3, 31), None, "five months ago", ("DATE", "1997-10", None)),
    ("10 days ago", date(1998, 3, 22), None, "10 days ago", ("DATE", "1998-03-12", None)),
    ("six weeks ago", date(1998, 3, 1), None, "six weeks ago", ("DATE", "1998-W03", None)),
    # quarters, halves, fiscal years, decades
    ("the third quarter", date(1989, 10, 26), PAST, "the third quarter", ("DATE", "1989-Q3", None)),
    ("third-quarter", date(1989, 10, 26), None, "third-quarter", ("DATE", "1989-Q3", None)),
    ("the fourth quarter", date(1989, 10, 26), FUTURE, "the fourth quarter", ("DATE", "1989-Q4", None)),
    ("the third quarter of 1984", date(1989, 10, 27), None, "the third quarter of 1984", ("DATE", "1984-Q3", None)),
    ("fiscal 1989", date(1989, 10, 30), None, "fiscal 1989", ("DATE", "1989", None)),
    ("the 1990s", date(1998, 1, 1), None, "the 1990s", ("DATE", "199", None)),
    ("the early 1980s", date(1989, 11, 2), None, "the early 1980s", ("DATE", "198", "START")),
    ("mid-1996", date(1998, 2, 19), None, "mid-1996", ("DATE", "1996", "MID")),
    ("the end of 1990", date(1989, 10, 26), None, "the end of 1990", ("DATE", "1990", "END")),
    ("the 20th century", date(1989, 11, 1), None, "the 20th century", ("DATE", "19", None)),
    ("nineteen ninety-six", date(1998, 1, 15), None, "nineteen ninety-six", ("DATE", "1996", None)),
    ("Thanksgiving Day", date(2000, 1, 6), PAST, "Thanksgiving Day", ("DATE", "1999-11-25", None)),
    ("Easter", date(2000, 1, 6), FUTURE, "Easter", ("DATE", "2000-04-23", None)),
    # vague references
    ("now", SEED_DAY, None, "now", ("DATE", "PRESENT_REF", None)),
    ("recently", SEED_DAY, None, "recently", ("DATE", "PAST_REF", None)),
    ("in the future", SEED_DAY, None, "the future", ("DATE", "FUTURE_REF", None)),
    ("losses seen in past years", SEED_DAY, PAST, "past years", ("DATE", "PAST_REF", None)),
    ("over the past years", SEED_DAY, PAST, "the past years", ("DATE", "PAST_REF", None)),
    # "one day" after a modal is "some day" (FUTURE_REF); elsewhere it stays a length
    ("The startup will one day be", SEED_DAY, FUTURE, "one day", ("DATE", "FUTURE_REF", None)),
    ("He could one day run the firm", SEED_DAY, FUTURE, "one day", ("DATE", "FUTURE_REF", None)),
    ("it will take one day", SEED_DAY, FUTURE, "one day", ("DURATION", "P1D", None)),
    ("it will end in one day", SEED_DAY, FUTURE, "one day", ("DURATION", "P1D", None)),
    ("margins may shrink in coming quarters", SEED_DAY, None, "coming quarters", ("DATE", "FUTURE_REF", None)),
    ("in the coming quarters", SEED_DAY, FUTURE, "the coming quarters", ("DATE", "FUTURE_REF", None)),
    ("over the past year", date(1989, 10, 30), PAST, "the past year", ("DATE", "1988", None)),
    ("the past two years", SEED_DAY, None, "the past two years", ("DURATION", "P2Y", None)),
    # times
    ("at 10:35 a.m.", date(1998, 8, 8), None, "10:35 a.m.", ("TIME", "1998-08-08T10:35", None)),
    ("at 0200 GMT", date(1998, 8, 8), None, "0200 GMT", ("TIME", "1998-08-08T02:00", None)),
    ("at 10 a.m. CEST", date(2021, 6, 9), None, "10 a.m. CEST", ("TIME", "2021-06-09T10:00", None)),
    ("in late afternoon", date(1998, 3, 6), None, "late afternoon", ("TIME", "1998-03-06TAF", "END")),
    ("around 7:15 p.m.", date(1998, 2, 12), None, "around 7:15 p.m.", ("TIME", "1998-02-12T19:15", "APPROX")),
    # durations and sets
    ("for two weeks", SEED_DAY, None, "two weeks", ("DURATION", "P2W", None)),
    ("2 1/2 years", SEED_DAY, None, "2 1/2 years", ("DURATION", "P2Y6M", None)),
    ("5 1/2 hours", SEED_DAY, None, "5 1/2 hours", ("DURATION", "PT5H30M", None)),
    ("the past three months", SEED_DAY, None, "the past three months", ("DURATION", "P3M", None)),
    ("a ten-year plan", SEED_DAY, None, "ten-year", ("DURATION", "P10Y", None)),
    ("nearly two decades", SEED_DAY, None, "nearly two decades", ("DURATION", "P20Y", "LESS_THAN")),
    ("at least 30 days", SEED_DAY, None, "at least 30 days", ("DURATION", "P30D", "EQUAL_OR_MORE")),
    ("a few days", SEED_DAY, None, "a few days", ("DURATION", "PXD", None)),
    ("every Monday", SEED_DAY, None, "every Monday", ("SET", "XXXX-WXX-1", None)),
    ("each July", SEED_DAY, None, "each July", ("SET", "XXXX-07", None)),
    ("published weekly", SEED_DAY, None, "weekly", ("SET", "P1W", None)),
    ("every day", SEED_DAY, None, "every day", ("SET", "P1D", None)),
    # rules learnt on TimeML news
    ("Nov. 20", date(1989, 11, 2), PAST, "Nov. 20", ("DATE", "1989-11-20", None)),  # a deadline, days away
    ("Thursday", date(1989, 10, 30), PRESENT, "Thursday", ("DATE", "1989-11-02", None)),
    ("Saturday, April 25", date(1998, 4, 24), PAST, "Saturday, April 25", ("DATE", "1998-04-25", None)),
    ("last February", date(1998, 3, 1), None, "last February", ("DATE", "1997-02", None)),
    ("last November", date(2000, 1, 13), None, "last November", ("DATE", "1999-11", None)),
    ("the fourth quarter", date(1998, 1, 26), PAST, "the fourth quarter", ("DATE", "1997-Q4", None)),
    ("the third quarter", date(1989, 10, 27), FUTURE, "the third quarter", ("DATE", "1989-Q3", None)),
    ("the week of March 6", date(2000, 2, 24), None, "the week of March 6", ("DATE", "2000-W10", None)),
    ("the winter of nineteen ninety-four", date(1998, 2, 23), None, "the winter of nineteen ninety-four",
     ("DATE", "1994-WI", None)),
    ("a few years ago", date(1998, 2, 12), None, "a few years ago", ("DATE", "PAST_REF", None)),
    ("a minute and a half", SEED_DAY, None, "a minute and a half", ("DURATION", "PT1M30S", None)),
    ("a five year plan", SEED_DAY, None, "five year", ("DURATION", "P5Y", None)),
    ("the twenty four hours", SEED_DAY, None, "the twenty four hours", ("DURATION", "PT24H", None)),
    # the month just ahead of publication is this year's, whatever the tense
    ("in September", date(1998, 8, 26), PAST, "September", ("DATE", "1998-09", None)),
    ("in April", date(1999, 3, 12), PAST, "April", ("DATE", "1999-04", None)),
    ("in April", date(1999, 3, 12), FUTURE, "April", ("DATE", "1999-04", None)),
    ("in October", date(1998, 8, 26), PAST, "October", ("DATE", "1997-10", None)),  # two ahead: last year's
    ("in December", date(1989, 10, 27), PAST, "December", ("DATE", "1988-12", None)),
    ("in January", date(2021, 12, 29), PAST, "January", ("DATE", "2021-01", None)),  # not across the year
    ("in July", date(1998, 8, 26), PAST, "July", ("DATE", "1998-07", None)),
    # "the past decade" reaches up to now: a length, not the decade before this one
    ("over the past decade", date(1998, 10, 25), PAST, "the past decade", ("DURATION", "P10Y", None)),
    ("the past decade's growth", date(1998, 10, 25), None, "the past decade's", ("DURATION", "P10Y", None)),
    ("the past century", date(1989, 11, 1), None, "the past century", ("DURATION", "P1C", None)),
    ("the last decade", date(1998, 2, 6), None, "the last decade", ("DATE", "198", None)),
    ("this century", date(1999, 3, 12), None, "this century", ("DATE", "19", None)),
    # a season a shift word picks stays a season before "in" ("opened last fall in a bank")
    ("the bakery opened last fall in a bank", date(1999, 6, 7), PAST, "last fall", ("DATE", "1998-FA", None)),
    ("meet next spring in Paris", date(1999, 6, 7), FUTURE, "next spring", ("DATE", "2000-SP", None)),
    ("this past summer in Maine", date(1999, 6, 7), PAST, "this past summer", ("DATE", "1998-SU", None)),
    # a holiday days away is that one, whatever the tense (as a month-day is)
    ("Easter", date(2000, 4, 17), PAST, "Easter", ("DATE", "2000-04-23", None)),
    ("Christmas", date(2000, 1, 6), PAST, "Christmas", ("DATE", "1999-12-25", None)),
    # "<holiday> week": the (ISO) week the holiday falls in
    ("when Easter week started", date(2000, 4, 17), PAST, "Easter week", ("DATE", "2000-W16", None)),
    ("Christmas week", SEED_DAY, None, "Christmas week", ("DATE", "2021-W51", None)),
    ("Thanksgiving week", date(1999, 11, 1), FUTURE, "Thanksgiving week", ("DATE", "1999-W47", None)),
    ("Thanksgiving", date(1999, 3, 1), PAST, "Thanksgiving", ("DATE", "1998-11-26", None)),
    ("Thanksgiving", date(1999, 3, 1), FUTURE, "Thanksgiving", ("DATE", "1999-11-25", None)),
])
def test_expression_resolves(vocab, text, published, tense, span, expected):
    match, result = resolved(text, vocab, published, tense)
    assert match.text == span
    assert (result.type, result.value, result.mod) == expected


@pytest.mark.parametrize("tense, value", [(PAST, "1998-01-07T22:00"), (FUTURE, "1998-01-08T22:00")])
def test_clock_time_after_publication_time_in_the_past_is_the_day_before(vocab, tense, value):
    context = Context(published=date(1998, 1, 8), published_time="13:37")
    _, result = resolved("at 10 p.m.", vocab, tense=tense, context=context)
    assert result.value == value


def test_list_and_range_give_all_values(vocab):
    _, listed = resolved("January 12th and 13th", vocab)
    _, ranged = resolved("January 1-9", vocab, tense=PRESENT)
    assert listed.values == ("2022-01-12", "2022-01-13")
    assert ranged.values == ("2022-01-01", "2022-01-09")


def test_relative_dates_stay_null_without_publication_date(vocab):
    for text in ("January 13", "the 10th", "Friday", "next year", "two days ago"):
        _, result = resolved(text, vocab, published=None)
        assert result.value is None and result.reason, text


def test_absolute_dates_need_no_publication_date(vocab):
    _, result = resolved("April 6, 1994", vocab, published=None)
    assert result.value == "1994-04-06"


@pytest.mark.parametrize("text", [
    "a 6-year-old boy", "its quarter-century low", "a second betrayal", "Save a quarter of it.",
    "At the end of the day, we won.",
    "The price may rise.", "He will march on.", "the 20 soldiers", "a $1990 fee", "the fall in prices",
    "spring water", "the last fall in prices", "its last fall in value", "Stocks' last fall in price",
    "This fall in prices hurt.", "He said so.", "It costs 2,000 dollars.", "Talks should start as soon as possible.",
])
def test_no_temporal_expression(vocab, text):
    found = [m.text for m in longest_first(scan(text, vocab))
             if not m.pattern.reject_next_pos and not m.pattern.reject_ent]
    assert found == []


def discourse(vocab, steps, published=SEED_DAY):
    """Resolve (text, tense, paragraph) steps in order, as the component does; return the results."""
    context, results = Context(published=published), []
    for index, (text, tense, paragraph) in enumerate(steps):
        _, expr = only_expr(text, vocab)
        context = context.at_paragraph(paragraph)
        result = resolve(expr, context, tense)
        context = context.after(expr, result, index, text)
        results.append(result)
    return results


def test_day_of_month_takes_the_discourse_month_when_the_tense_agrees(vocab):
    results = discourse(vocab, [("January 13", FUTURE, 0), ("the 10th", FUTURE, 1), ("the 28th", PAST, 1)])
    assert [r.value for r in results] == ["2022-01-13", "2022-01-10", "2021-12-28"]


def test_anaphora_count_from_the_date_before(vocab):
    results = discourse(vocab, [("Oct. 12", PAST, 0), ("the following day", PAST, 0),
                                ("two days later", PAST, 1), ("the day before", PAST, 1)],
                        published=date(1989, 10, 30))
    assert [r.value for r in results] == ["1989-10-12", "1989-10-13", "1989-10-15", "1989-10-14"]
    assert [r.anchor for r in results] == [None, 0, 1, 2]


def test_appositive_counts_from_the_date_before_its_host(vocab):
    context = Context(published=SEED_DAY)
    for index, text in enumerate(("January 10 next year", "January 12 next year")):
        _, expr = only_expr(text, vocab)
        context = context.after(expr, resolve(expr, context, FUTURE), index, text)
    _, later = only_expr("two days later", vocab)
    result = resolve(later, context, FUTURE, host=1)
    assert (result.value, result.anchor) == ("2022-01-12", 0)


def test_past_anaphor_of_a_future_date_stays_null(vocab):
    results = discourse(vocab, [("January 10", FUTURE, 0), ("on the same day", PAST, 1),
                                ("the day before", PAST, 2)])
    assert results[0].value == "2022-01-10"
    assert results[1].value is None and "after publication" in results[1].reason
    assert results[2].value is None and "no known date" in results[2].reason


def test_year_ago_beside_quarterly_results_is_that_quarter(vocab):
    results = discourse(vocab, [("the third quarter", PAST, 0), ("a year ago", PAST, 0),
                                ("a year earlier", PAST, 1), ("a year earlier", PAST, 1)],
                        published=date(1989, 10, 26))
    assert [r.value for r in results] == ["1989-Q3", "1988-Q3", "1988-Q3", "1988-Q3"]


def test_year_ago_without_quarters_is_the_year(vocab):
    (result,) = discourse(vocab, [("a year ago", PAST, 0)], published=date(1989, 10, 26))
    assert result.value == "1988"


def test_anaphor_without_antecedent_stays_null(vocab):
    (result,) = discourse(vocab, [("the following day", PAST, 0)])
    assert result.value is None and result.reason


def test_anaphor_does_not_reach_back_beyond_the_previous_paragraph(vocab):
    results = discourse(vocab, [("Oct. 12", PAST, 0), ("the next day", PAST, 3)], published=date(1989, 10, 30))
    assert results[1].value is None


def test_the_quarter_refers_to_the_quarter_discussed(vocab):
    results = discourse(vocab, [("the second quarter", PAST, 0), ("the quarter", PAST, 0),
                                ("a year earlier", PAST, 0), ("the year-earlier quarter", PAST, 0)],
                        published=date(1989, 10, 26))
    assert [r.value for r in results] == ["1989-Q2", "1989-Q2", "1988-Q2", "1988-Q2"]


@pytest.mark.parametrize("clause, tense", [
    (Clause("held", "VBN", ("will", "be")), FUTURE),
    (Clause("take", "VB", ("to",), ("scheduled",)), FUTURE),
    (Clause("scheduled", "VBN", ("are",)), FUTURE),
    (Clause("reported", "VBD"), PAST),
    (Clause("met", "VBN", ("have",)), PAST),
    (Clause("take", "VB", ("would",)), FUTURE),
    (Clause("meet", "VB", ("to",), ("going",)), FUTURE),
    (Clause("is", "VBZ"), PRESENT),
    (Clause("set", "VBN"), PAST),
    (Clause("resume", "VB", ("to",), ("is",)), FUTURE),
    (Clause("met", "VBN", ("could", "have")), PAST),
    (Clause("reached", "VBN", ("could", "be"), negated=True), PAST),
    (Clause("reached", "VBN", ("could", "be")), FUTURE),
    (Clause("take", "VB", ("will",), negated=True), FUTURE),
    (Clause("open", "VB", ("may",), negated=True), FUTURE),
    (Clause("allowed", "VBN", ("had", "been"), (), "since"), PAST),
    (Clause("extended", "VBD", (), (), "until"), FUTURE),
    (Clause("representing", "VBG"), None),
    # the present of a clause of condition or time tells of the future; its past does not
    (Clause("lets", "VBZ", subordinator="if"), FUTURE),
    (Clause("reopens", "VBZ", subordinator="when"), FUTURE),
    (Clause("rose", "VBD", subordinator="if"), PAST),
    (Clause("reopens", "VBZ"), PRESENT),
    # "is due Monday" looks ahead, "was due Monday" back; a past auxiliary is a past too
    (Clause("is", "VBZ", preposition="due"), FUTURE),
    (Clause("was", "VBD", preposition="due"), PAST),
    (Clause("shut", "VBN", ("is",), (), "through"), FUTURE),
    (Clause("shut", "VBN", ("was",), (), "through", past_auxiliary=True), PAST),
    (Clause("called", "VBN", ("had", "not"), (), "until"), PAST),
    (Clause("filed", "VBN", ("had",), (), "by"), PAST),
    (Clause("due", "JJ", ("is",), (), "by"), FUTURE),
    (Clause("rose", "VBD", (), (), "through"), PAST),
    (Clause("expire", "VB", ("to",), ("scheduled",), None, ("had", "been")), PAST),
    (Clause("expire", "VB", ("to",), ("scheduled",), None, ("is",)), FUTURE),
    (None, None),
])
def test_clause_tense(vocab, clause, tense):
    assert clause_tense(clause, vocab) == tense


@pytest.mark.parametrize("phrase, day", [
    ("April 1, 1997", date(1997, 4, 1)),
    ("Aug. 7, 1998", date(1998, 8, 7)),
    # no year: the dateline names a day, the publication date says which year
    ("August 11", None),
    ("Feb 30, 1987", None),
    ("Tuesday", None),
])
def test_dateline_date_needs_a_full_date(vocab, phrase, day):
    assert dateline_date(phrase, vocab) == day


@pytest.mark.parametrize("phrase, near, day", [
    ("April 8", date(1987, 4, 7), date(1987, 4, 8)),
    ("Jan 1", date(1987, 12, 31), date(1988, 1, 1)),  # across the new year: the nearest such day
    ("Dec 31", date(1988, 1, 1), date(1987, 12, 31)),
    ("April 1, 1997", date(1999, 1, 1), date(1997, 4, 1)),  # its own year wins
    ("Tuesday", date(1987, 4, 7), None),
])
def test_yearless_dateline_date_is_that_day_nearest_publication(vocab, phrase, near, day):
    assert dateline_date(phrase, vocab, near=near) == day


STAMPED = date(1987, 4, 7)  # a Tuesday: a New York stamp on a story from Tokyo dated April 8


@pytest.mark.parametrize("text, tense, today, value, anchor", [
    # the dateline's day, a day from the stamp, is the story's today: deictic days and weekdays count from it
    ("today", PAST, date(1987, 4, 8), "1987-04-08", 0),
    ("yesterday", PAST, date(1987, 4, 8), "1987-04-07", 0),
    ("tomorrow", FUTURE, date(1987, 4, 8), "1987-04-09", 0),
    ("two days ago", PAST, date(1987, 4, 8), "1987-04-06", 0),
    ("on Wednesday", PAST, date(1987, 4, 8), "1987-04-08", 0),
    ("last night", PAST, date(1987, 4, 8), "1987-04-07TNI", 0),
    ("last Friday", None, date(1987, 4, 8), "1987-04-03", 0),
    # without such a dateline they count from publication, which is no date of the text (anchor None)
    ("today", PAST, None, "1987-04-07", None),
    ("on Wednesday", PAST, None, "1987-04-01", None),
    # weeks, months and years are not a time zone's doing
    ("last week", PAST, date(1987, 4, 8), "1987-W14", None),
    ("next month", FUTURE, date(1987, 4, 30), "1987-05", None),
])
def test_deictic_days_count_from_the_dateline_day(vocab, text, tense, today, value, anchor):
    context = Context(published=STAMPED, today=today, today_anchor=0 if today else None)
    _, result = resolved(text, vocab, tense=tense, context=context)
    assert (result.value, result.anchor) == (value, anchor)


@pytest.mark.parametrize("text, value", [("twenty-four", 24), ("a hundred", 100), ("2 1/2", 2.5),
                                         ("several", None), ("two thousand", 2000)])
def test_number_value(vocab, text, value):
    assert number_value(text, vocab) == value


def test_calendar_shift_keeps_granularity():
    assert cal.shift_point(cal.parse_value("1989-Q3"), -1, "Y").value() == "1988-Q3"
    assert cal.shift_point(cal.parse_value("2022-01-10"), 2, "D").value() == "2022-01-12"
    assert cal.shift_point(cal.parse_value("1989"), 2, "D") is None
    assert cal.add_months(date(2000, 3, 31), -1) == date(2000, 2, 29)
    assert cal.easter(1998) == date(1998, 4, 12)


TIMEX_VALUE = re.compile(
    r"(?:\d{2,4}(?:-(?:\d\d|W\d\d(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI)(?:-\d\d)?)?(?:T(?:\d\d:\d\d|MO|AF|EV|NI))?"
    r"|P(?:T?X|T?\d+)[A-Z]+(?:\d+[A-Z])?|XXXX-(?:\d\d|WXX-\d(?:T[A-Z]{2})?)|(?:PAST|PRESENT|FUTURE)_REF)")
WORDS = ["January", "Jan.", "May", "June", "Friday", "Tuesday", "night", "last", "next", "this", "the", "week",
         "year", "years", "quarter", "third", "ago", "later", "earlier", "before", "day", "days", "two", "a",
         "few", "10th", "28th", "12", "1-9", "and", "1990", "1980s", "since", "until", "early", "mid-",
         "every", "now", "p.m.", "10:30", "0200", "GMT", "same", "following", ",", ".", "(local time)", "of"]


@given(words=st.lists(st.sampled_from(WORDS), max_size=14),
       published=st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2100, 12, 31))),
       tense=st.sampled_from([None, PAST, PRESENT, FUTURE]))
@settings(max_examples=300, deadline=None)
def test_any_text_resolves_to_wellformed_values_or_null(vocab, words, published, tense):
    text = " ".join(words)
    context = Context(published=published)
    for index, match in enumerate(longest_first(scan(text, vocab))):
        assert text[match.start:match.end] == match.text
        expr = read(match, vocab)
        result = resolve(expr, context, tense)
        context = context.after(expr, result, index, match.text)
        assert result.value is None or TIMEX_VALUE.fullmatch(result.value), (match.text, result.value)
        assert result.value is not None or result.reason or expr.type in ("DURATION", "SET"), match.text


@pytest.mark.parametrize("last_day, quarter", [
    (date(1989, 7, 31), "1989-Q2"),  # May to July
    (date(1989, 8, 26), "1989-Q3"),
    (date(1989, 9, 30), "1989-Q3"),
    (date(1989, 1, 31), "1988-Q4"),  # November to January
])
def test_quarter_ending_on_a_day_is_the_one_holding_most_of_its_months(last_day, quarter):
    assert cal.quarter_ending_on(last_day) == quarter


def test_a_count_off_the_calendar_stays_null(vocab):
    """ "1990 years earlier" than 1990 would fall before year 1: no value, and no crash (found by hypothesis)."""
    results = discourse(vocab, [("in 1990", PAST, 0), ("1990 years earlier", PAST, 0)], published=None)
    assert results[0].value == "1990" and results[1].value is None and "off the calendar" in results[1].reason
