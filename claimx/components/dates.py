"""``claimx_dates``: every temporal expression, resolved to a TIMEX3 value.

Detection runs claimx's span patterns (``models/temporal/patterns.jsonl``)
over the text; the parse vetoes matches where a pattern asks for it (an
entity or tag around "1980" that makes it a name or a number).  spaCy's own
DATE/TIME entities are not added: beyond the patterns they are mostly ages
and bare numbers.  Each expression is resolved in reading order by
``claimx.temporal`` against the publication date, the tense of its clause
and what the article has said so far, so "the 10th" can take the month named
before and "two days later" the date it counts from.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import partial

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import lexicon
from ..temporal import (Clause, Context, Match, Vocabulary, clause_tense, combine, longest_first, read,
                        resolve, scan)
from ..temporal.grammar import Expr, counted_from, counting_phrase, dateline_date
from ..temporal import calendar as cal
from ..temporal.named import month_from
from ..temporal.resolve import PAST, shifted_by
from ..temporal.vocabulary import alternation, normal
from . import ClaimxComponent
from ..docutil import doc_text
from ..paragraphs import PARAGRAPH_BREAK

SPAN_KEY = "claimx_dates"
TIME_ZONE_DAYS = 1  # two places' calendars are at most a day apart at any moment
VERB_POS = ("VERB", "AUX")
NOUN_MODIFIERS = ("compound", "amod", "nmod", "poss")  # "winter crops", "Friday's talks": part of a noun phrase
PREDICATE_POS = ("VERB", "AUX", "ADJ")  # what a time adverbial may modify: "fell in June", "due in June"
COMMA_ONLY = re.compile(r"\s*,\s*")


class Dates(ClaimxComponent):
    result_attr = "dates"

    def load(self, models: str | None) -> None:
        self.vocab = Vocabulary.load(partial(lexicon.table, base=models), partial(lexicon.jsonl, base=models),
                                     partial(lexicon.words, base=models))
        joiners = "|".join(re.escape(w) for w in sorted(lexicon.words("temporal/joiners.txt", models), key=len,
                                                              reverse=True))
        self.counting = counting_phrase(self.vocab)
        self.joiner = re.compile(rf"\s*(?:(?:{joiners})\s*)?", re.IGNORECASE)
        self.period_end_tense = {normal(r["word"]): r["tense"] for r in lexicon.table("temporal/period_ends.tsv", models)}
        self.period_end = re.compile(rf",?\s+(?P<word>{alternation(self.period_end_tense)})\s+", re.IGNORECASE)
        self.clause_time_references = frozenset(normal(w) for w in lexicon.words("temporal/clause_time_references.txt", models))
        month_words = lexicon.table("temporal/month_words.tsv", models)
        self.month_time_words = frozenset(normal(r["word"]) for r in month_words if r["role"] == "time")
        ranges = alternation(normal(r["word"]) for r in month_words if r["role"] == "range")
        self.month_range = re.compile(rf"\s*{ranges}\s*", re.IGNORECASE)

    def process(self, doc: Doc) -> list[dict]:
        text = doc_text(doc)
        published, published_time = publication(doc._.claimx_published)
        dateline = doc._.claimx_dateline
        if published is None and dateline and dateline["date"]:
            published = dateline_date(text[slice(*dateline["date"])], self.vocab)
        matches = [m for m in scan(text, self.vocab) if self._allowed(m, doc)]
        items, counted = self._counted_from(self._items(longest_first(matches), text), text)
        paragraph_starts = [m.end() for m in PARAGRAPH_BREAK.finditer(text)]
        context = Context(published=published, published_time=published_time,
                          **self._day_of_writing(text, dateline, items, published))
        results, spans, dropped = [], [], set()
        for index, (start, end, expr) in enumerate(items):
            span = doc.char_span(start, end, alignment_mode="expand")
            context = context.at_paragraph(sum(1 for p in paragraph_starts if p <= start))
            restating = expr.anaphoric or expr.quarter or expr.half  # what an appositive takes from its host
            host = index - 1 if index and restating and _appositive(text, items[index - 1], start) else None
            tense = self._tense(span, expr)
            resolution = resolve(expr, context, tense, host)
            if index and self._ends_a_month_range(text, items[index - 1], start, expr):
                resolution = month_from(resolution, results[-1]["value"])  # "the January to July half"
            if self._told_from_the_story(expr, text[start:end], tense):
                dropped.add(index)
            if index in counted:
                start, unit, sign = counted[index]  # "the day before last Tuesday's hearing"
                resolution = shifted_by(resolution, unit, sign)
                span = doc.char_span(start, end, alignment_mode="expand")
            context = context.after(expr, resolution, index, text[start:end], tense)
            results.append(as_dict(text, start, end, resolution))
            if span is not None and index not in dropped:
                spans.append(Span(doc, span.start, span.end, label=resolution.type))
        self._date_periods_by_their_end(items, results, text, published)
        doc.spans[SPAN_KEY] = spans
        return _without(results, dropped)

    def _day_of_writing(self, text: str, dateline: dict | None, items: list[tuple[int, int, Expr]],
                        published: date | None) -> dict:
        """The dateline's day as the story's today, with the index of its date, when it is one day from publication.

        Wire copy is stamped in one time zone and dated in another ("TOKYO, April 8 -"
        under a New York stamp of April 7); a dateline further off is no time zone's doing.
        """
        if not (dateline and dateline["date"] and published):
            return {}
        first, last = dateline["date"]
        day = dateline_date(text[first:last], self.vocab, near=published)
        index = next((i for i, (start, end, _) in enumerate(items) if start < last and first < end), None)
        if day is None or index is None or abs((day - published).days) != TIME_ZONE_DAYS:
            return {}
        return {"today": day, "today_anchor": index}

    def _tense(self, span: Span | None, expr: Expr) -> str | None:
        """The tense of the clause the expression tells the time of; None when it tells the time of none."""
        if span is None:
            return None
        # A month named alone is the one nearest publication unless its own clause places it: "June
        # shipments", "figures for May", "bought July" name a thing, and the clause's tense is not theirs.
        if _month_alone(expr) and not self._time_of_its_clause(span):
            return None
        return clause_tense(governing_clause(span, self.vocab), self.vocab)

    def _time_of_its_clause(self, span: Span) -> bool:
        """A month alone tells when its clause happens: "rose in June", "will meet in May and June", "due by June".

        Only after a preposition of time that hangs on the clause's verb or adjective,
        or one that says which way the date lies wherever it hangs ("flights by August"),
        never inside a noun phrase otherwise ("the offer in late February", "June
        shipments") nor as the verb's subject or object ("bought July", "July settled up 19").
        """
        token = span.root
        while token.dep_ == "conj" and token.head.i != token.i:  # "in May and June": where the first one stands
            token = token.head
        preposition = token.head if token.dep_ == "pobj" else token if token.pos_ == "ADP" else None
        if preposition is None or preposition.head.i == preposition.i:
            return False
        word = normal(preposition.text)
        if any((word, role) in self.vocab.tense_words for role in ("prep", "lean")):
            return True
        return word in self.month_time_words and preposition.head.pos_ in PREDICATE_POS

    def _ends_a_month_range(self, text: str, previous: tuple[int, int, Expr], start: int, expr: Expr) -> bool:
        """A month alone after another and a word of range: "January to July", "November/May", "July-September"."""
        return (_month_alone(expr) and previous[2].explicit_month
                and self.month_range.fullmatch(text, previous[1], start) is not None)

    def _told_from_the_story(self, expr: Expr, phrase: str, tense: str | None) -> bool:
        """"He was soon released": soon after the story's own past moment, no reference to the writer's future."""
        return expr.ref is not None and tense == PAST and normal(phrase) in self.clause_time_references

    def _date_periods_by_their_end(self, items: list[tuple[int, int, Expr]], results: list[dict], text: str,
                                   published: date | None) -> None:
        """"the quarter ended July 31": the day that closes a period, and the quarter it dates."""
        for index in range(len(items) - 1):
            (_, end, expr), (next_start, _, day) = items[index], items[index + 1]
            joint = self.period_end.fullmatch(text, end, next_start)
            last_day = cal.parse_value(results[index + 1]["value"])
            # a period ("the quarter", "the year") closed by one calendar day; "talks on Monday ended Oct. 31" is none
            if (joint is None or not _names_a_period(expr) or not (day.month and day.day) or day.last_day
                    or last_day is None or last_day.granularity != "D"):
                continue
            over = self.period_end_tense[normal(joint.group("word"))] == PAST
            if over and day.year is None and day.year_shift is None and published and last_day.first > published:
                last_day = cal.Point("D", cal.shift(last_day.first, -1, "Y"))  # a period over ended by now
                results[index + 1]["value"] = last_day.value()
            # only an unnumbered quarter: "fourth quarter ended June 30" keeps the company's fiscal name
            if _unnumbered_quarter(expr):
                results[index]["value"] = cal.quarter_ending_on(last_day.first)

    def _counted_from(self, items: list[tuple[int, int, Expr]], text: str):
        """Items, and by index those a phrase such as "the day before" counts from (what it swallows goes)."""
        kept: list[tuple[int, int, Expr]] = []
        counted: dict[int, tuple[int, str, int]] = {}
        for start, end, expr in items:
            found = counted_from(text, start, self.counting, self.vocab) if expr.type in ("DATE", "TIME") else None
            if found:
                while kept and kept[-1][0] >= found[0]:
                    kept.pop()  # "The week" of "The week after Christmas"
                    counted.pop(len(kept), None)
                if kept and kept[-1][1] > found[0]:
                    found = None
            if found:
                counted[len(kept)] = found
            kept.append((start, end, expr))
        return kept, counted

    def _allowed(self, match: Match, doc: Doc) -> bool:
        """The parse-based checks a pattern asks for ("the 20th century" is no day of the month)."""
        pattern = match.pattern
        if not (pattern.reject_pos or pattern.reject_prev_pos or pattern.reject_next_pos or pattern.reject_ent
                or pattern.reject_head_pos):
            return True
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is None:
            return False
        if any(token.ent_type_ in pattern.reject_ent or token.pos_ in pattern.reject_pos for token in span):
            return False
        if _modifies_a_name(span.root, pattern.reject_head_pos):
            return False
        before = doc[span.start - 1] if span.start else None
        after = doc[span.end] if span.end < len(doc) else None
        return ((before is None or before.pos_ not in pattern.reject_prev_pos)
                and (after is None or after.pos_ not in pattern.reject_next_pos))

    def _items(self, matches: list[Match], text: str) -> list[tuple[int, int, Expr]]:
        """(start, end, Expr) per expression, a clock time joined to the day it falls on."""
        items: list[tuple[int, int, Expr]] = []
        for match in matches:
            expr = read(match, self.vocab)
            if items and _restated_time(text, items[-1], match, expr):
                start, _, previous = items.pop()  # "11:20 a.m. (0820 GMT)": one time, in two zones
                items.append((start, text.index(")", match.end) + 1, previous))
                continue
            if items and self._joinable(text, items[-1], match.start, expr):
                start, _, previous = items.pop()
                time, day = (previous, expr) if previous.type == "TIME" else (expr, previous)
                items.append((start, match.end, combine(time, day)))
                continue
            items.append((match.start, match.end, expr))
        return items

    def _joinable(self, text: str, previous: tuple[int, int, Expr], start: int, expr: Expr) -> bool:
        _, end, before = previous
        kinds = {before.type, expr.type}
        clock = before if before.type == "TIME" else expr
        day = expr if clock is before else before
        return (kinds == {"TIME", "DATE"} and (clock.hour is not None or clock.daypart) and _names_a_day(day)
                and self.joiner.fullmatch(text, end, start) is not None)


RESTATEMENT = re.compile(r"\s*\(\s*")
RESTATEMENT_END = re.compile(r"\s*\)")


def _restated_time(text: str, previous: tuple[int, int, Expr], match, expr: Expr) -> bool:
    """A clock time in parentheses right after another: the same moment in another time zone."""
    return (previous[2].type == "TIME" and expr.type == "TIME" and expr.hour is not None
            and RESTATEMENT.fullmatch(text, previous[1], match.start) is not None
            and RESTATEMENT_END.match(text, match.end) is not None)


def _names_a_period(expr: Expr) -> bool:
    """A quarter, half or reporting period ("the third quarter", "the latest period"), or a span ("the year")."""
    return bool(expr.quarter or expr.half or expr.period_relation or expr.type == "DURATION")


def _unnumbered_quarter(expr: Expr) -> bool:
    """"the quarter", "the latest period": the quarter just reported, with no number of its own."""
    return expr.period_relation is not None and expr.period_relation[0] == "latest" and not (expr.quarter or expr.half)


def _names_a_day(expr: Expr) -> bool:
    return bool(expr.day or expr.weekday or (expr.offset is not None and expr.unit == "D"))


def _appositive(text: str, previous: tuple[int, int, Expr], start: int) -> bool:
    return COMMA_ONLY.fullmatch(text, previous[1], start) is not None


def publication(value: str | None) -> tuple[date | None, str | None]:
    """The publication day and, when given, its clock time (HH:MM)."""
    if not value:
        return None, None
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None, None
    has_time = "T" in str(value) or " " in str(value).strip()
    return moment.date(), moment.strftime("%H:%M") if has_time else None


def governing_clause(span: Span, vocab: Vocabulary) -> Clause | None:
    """The verb that governs the span, with its auxiliaries and controlling predicates."""
    token = span.root
    preposition = _preposition(token.head) if token.head.pos_ in ("ADP", "ADJ") else None
    while token.pos_ not in VERB_POS and token.head.i != token.i:
        token = token.head
    while token.pos_ in VERB_POS and _clause_opens_after(token, span):
        if token.head.i == token.i:
            return None  # "warnings on Thursday that strikes could follow": the clause is not the date's
        token = token.head
        while token.pos_ not in VERB_POS and token.head.i != token.i:
            token = token.head
    if token.pos_ not in VERB_POS:
        return None
    token = _reporting_verb(token, span, vocab) or token
    while _bare_complement(token):
        token = token.head  # "lets Monday pass": a bare infinitive has its governor's tense
    while _temporal_subordinate(token, vocab) and token.head.i != token.i:
        token = token.head  # "likely to sell as soon as the market reopened Monday": the main clause's time
        while token.pos_ not in VERB_POS and token.head.i != token.i:
            token = token.head
    if token.pos_ not in VERB_POS:
        return None
    auxiliaries = tuple(c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass"))
    controllers, controller_auxiliaries = [], []
    head = token
    while head.dep_ in ("xcomp", "acomp") and head.head.i != head.i:
        head = head.head
        controllers.append(head.lower_)
        controller_auxiliaries += [c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")]
    # "if the union accepts by Friday"; not "if they fear for their winter crops", a date inside a name of things
    opener = None if span.root.dep_ in NOUN_MODIFIERS else next(
        (c.lower_ for c in token.children if c.dep_ in ("mark", "advmod") and c.i < token.i
         and (c.lower_, "conditional") in vocab.tense_words), None)
    past_auxiliary = any(c.tag_ == "VBD" for c in token.children if c.dep_ in ("aux", "auxpass"))
    return Clause(token.lower_, token.tag_, auxiliaries, tuple(controllers), preposition,
                  tuple(controller_auxiliaries), _negated(token, vocab) and _adverbial_of(span, token),
                  opener, past_auxiliary)


def _preposition(word) -> str:
    """The preposition as one phrase: "due to" (because of) is not "due" (owed, expected)."""
    return " ".join([word.lower_] + [c.lower_ for c in word.children if c.dep_ == "pcomp" and c.pos_ == "ADP"])


def _bare_complement(verb) -> bool:
    """A bare infinitive complement ("lets Monday pass", "made them sign Friday"): no tense, no "to" of its own."""
    return (verb.tag_ == "VB" and verb.dep_ in ("ccomp", "xcomp") and verb.head.pos_ in VERB_POS
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))


def _month_alone(expr: Expr) -> bool:
    """A month with no day, year or shift ("June", "late May"): "last June" and "June 5" say more."""
    return bool(expr.month and expr.explicit_month and not expr.day and expr.year is None
                and expr.year_shift is None and expr.shift is None)


def _adverbial_of(span: Span, verb) -> bool:
    """The date says when the verb happens ("reached Tuesday", "on Tuesday"), not what it acts on ("Friday's talks")."""
    head = span.root.head
    return head.i == verb.i or (head.pos_ == "ADP" and head.head.i == verb.i)


def _negated(verb, vocab: Vocabulary) -> bool:
    """The verb is negated by a word of its own ("not", "never") or of its subject ("neither ... nor", "nobody")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    words = [c for c in verb.children if c.dep_ == "neg"] + subjects
    words += [c for s in subjects for c in s.children if c.dep_ in ("preconj", "det", "cc")]
    return any((normal(w.text), "negation") in vocab.tense_words for w in words)


def _temporal_subordinate(verb, vocab: Vocabulary) -> bool:
    """A plain past in a clause of time ("when", "as soon as", "before") hanging on another clause.

    English puts such a clause in the past for a future seen from the past
    ("would leave when the meeting ended Friday"): its time is the main clause's.
    """
    plain_past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not any(c.dep_.startswith("aux") for c in verb.children))
    return (verb.dep_ in ("advcl", "ccomp") and plain_past
            and any(c.dep_ in ("mark", "advmod") and (c.lower_, "subordinate") in vocab.tense_words
                    for c in verb.children))


def _clause_opens_after(verb, span: Span) -> bool:
    """The verb's clause is introduced by a complementizer ("that", "whether") after the date."""
    return any(c.dep_ == "mark" and c.i >= span.end for c in verb.children)


def _reporting_verb(verb, span: Span, vocab: Vocabulary):
    """In "said on Monday it would act" the date belongs to "said", though parsed under "act".

    Only when the date follows the reporting verb at once (a preposition
    aside) and precedes the reported clause's subject: a date fronted inside
    the clause ("said that on the 10th talks will ...") stays there.
    """
    if verb.dep_ != "ccomp" or verb.head.i >= span.start:
        return None
    gap = span.doc[verb.head.i + 1:span.start]
    if any(t.i != span.root.head.i for t in gap):
        return None
    # "said by June worries will grow": a time limit or a start is never when something was said
    if any((normal(t.text), role) in vocab.tense_words for t in gap for role in ("prep", "lean")):
        return None
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    return verb.head if subjects and span.end <= min(subjects) else None


def _without(results: list[dict], dropped: set[int]) -> list[dict]:
    """The results less those dropped, each anchor renumbered to the kept list."""
    kept = [index for index in range(len(results)) if index not in dropped]
    position = {index: new for new, index in enumerate(kept)}
    renumbered = []
    for index in kept:
        result = results[index]
        if isinstance(result["anchor"], int):
            result = {**result, "anchor": position.get(result["anchor"])}
        renumbered.append(result)
    return renumbered


def as_dict(text: str, start: int, end: int, resolution) -> dict:
    """The plain record of one date (str/int/None/lists only, for Doc.to_bytes)."""
    item = {
        "start": start, "end": end, "text": text[start:end], "type": resolution.type,
        "value": resolution.value, "mod": resolution.mod, "anchor": resolution.anchor,
        "reason": resolution.reason,
    }
    if resolution.values:
        item["values"] = list(resolution.values)
        item["values_kind"] = resolution.values_kind
    return item


@Language.factory("claimx_dates", default_config={"models": None},
                  requires=["doc._.claimx_dateline", "token.dep", "token.head", "token.pos", "token.tag",
                            "token.ent_type"],
                  assigns=["doc._.claimx_dates", "doc.spans"])
def make_dates(nlp: Language, name: str, models: str | None) -> Dates:
    return Dates(nlp, name, models)


def _modifies_a_name(word, head_pos: tuple[str, ...]) -> bool:
    """An adjective (or, as the tagger often reads it, an adverb) before the name it modifies:
    "the daily Al-Qabas", "the party daily Tribuna" are papers; a date it modifies is not one
    ("300 tonnes daily Monday through Friday")."""
    head = word.head
    if head.i == word.i or head.pos_ not in head_pos or head.ent_type_ in ("DATE", "TIME"):
        return False
    return word.pos_ == "ADJ" or (word.pos_ == "ADV" and head.i > word.i)
