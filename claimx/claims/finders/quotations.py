"""Finder: quotations no other finder covered, tied to a verb near them or to the previous speaker."""
from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from dataclasses import replace

from spacy.tokens import Doc, Token

from ...docutil import Range, RangeIndex, sentence_range
from ..boundaries import content_kind
from ..sources import (NOT_SPEAKER_ENTS, attribution_confidence, frame_speaker, source_range, speaker_after_quote,
                       subject_of)
from ..syntax import (DASHES, FINITE_TAGS, SENTENCE_ENDS, SUBJECT_DEPS, cue_range, is_agent, is_filler,
                      paragraph_gap, trim)
from ..reading import Reading
from ..types import Attribution, QuoteSpan, Rule
from ..vocabulary import ClaimsVocabulary


def quote_attributions(reading: Reading, found: list[Attribution], min_floating_words: int,
                       merge_continuations: bool = False) -> list[Attribution]:
    """Quotations no rule covered (``found``: the other finders' proposals): tie each to a reporting verb
    in its sentences, else to the previous speaker."""
    doc, vocab, in_quote = reading.doc, reading.vocab, reading.in_quote
    added: list[Attribution] = []
    # Every proposal by the range of its content: a scan over all of them per quotation was quadratic.
    contents = RangeIndex((a.content, a) for a in found)
    latest = LatestBefore(found)

    def add(a: Attribution) -> None:
        added.append(a)
        contents.add(a.content, a)
        latest.add(a)

    for q in reading.quotes:
        if is_covered(contents, q.inner):
            continue
        if is_title(doc, q, vocab.title_minor):
            continue  # "on Channel 4's “Morning Round Table”": a name of a show, book or slogan, not speech
        verb, path = nearest_reporting_verb(doc, q, vocab, in_quote), "nearest verb"
        if verb is None:
            verb, path = trailing_frame_verb(doc, q, vocab), "trailing frame"
        if verb is not None:
            cue = vocab.verbs[verb.lemma_.lower()]
            cue_span = cue_range(verb)
            source = source_range(subject_of(verb), cue_span[0])
            if source is None or q.outer[0] <= source[0] < q.outer[1]:
                # The parser took a word inside the quotation as the subject: the speaker
                # is the name between the quotation and its verb ("“…,” Chief Jordan said").
                source = frame_speaker(doc, q, verb, vocab) or speaker_after_quote(
                    doc, verb, in_quote, vocab) or source
            content = embedding_argument(doc, verb, q, vocab) or q.inner
            if content == q.inner and is_single_word(doc, q):
                continue  # a lone quoted word in a sentence with a verb is a scare quote or a name, not a statement
            confidence = attribution_confidence(cue, source, vocab, vocab.confidences.quote_near_verb)
            add(Attribution(content, cue_span, cue.cls, source, confidence, Rule.QUOTE,
                                     content_kind(doc, content, [q]), cue_lemma=cue.lemma, path=path))
            continue
        signed = dash_signature(doc, q, vocab)
        if signed is not None:
            add(Attribution(q.inner, signed[0], "speech", signed[1], vocab.confidences.quote_signature,
                                     Rule.QUOTE_SIGNATURE, "direct", path="dash"))
            continue
        governor, path = introducing_verb(doc, q, in_quote, vocab), "introducing verb"
        if governor is None:
            governor, path = governing_agent_verb(doc, q, in_quote, vocab), "governing verb"
        if governor is None:
            governor, path = framing_verb_after(doc, q, in_quote, vocab), "framing verb"
        if governor is not None:
            cue_span = cue_range(governor)
            source = source_range(subject_of(governor), cue_span[0])
            content = embedding_argument(doc, governor, q, vocab) or q.inner
            if content == q.inner and is_single_word(doc, q):
                continue  # a lone quoted word the verb governs is a scare quote or a name, not a statement
            add(Attribution(content, cue_span, "speech", source, vocab.confidences.quote_governor, Rule.QUOTE,
                                     content_kind(doc, content, [q]), cue_lemma=governor.lemma_.lower(), path=path))
            continue
        previous = latest.before(q.outer[0])
        # Quoted words inside a sentence are titles and scare quotes; a statement stands alone.
        if previous is None or not stands_alone(doc, q, min_floating_words):
            continue
        if paragraph_gap(doc, previous.content[1], q.outer[0]) > 1:
            continue
        if merge_continuations and continues(doc, previous, q):
            # "“A,” she said. “B.”" is one statement interrupted by its attribution.
            previous.segments = (previous.segments or [previous.content]) + [q.inner]
            latest.moved(previous, q.inner[1])
            previous.content = (previous.content[0], q.inner[1])
            contents.add(previous.content, previous)  # filed again under its wider content
            continue
        add(replace(previous, content=q.inner, kind="direct", rule=Rule.FLOATING_QUOTE, segments=None,
                             confidence=round(previous.confidence * vocab.confidences.floating_quote, 3),
                             path="previous speaker"))
    return added


# A verb's right dependents that are adjuncts or new clauses, not part of what it says.
NOT_ARGUMENT_DEPS = {"advmod", "npadvmod", "cc", "conj", "punct", "advcl", "parataxis", "mark", "aux"}


def embedding_argument(doc: Doc, verb: Token, q: QuoteSpan, vocab: ClaimsVocabulary) -> Range | None:
    """The verb's arguments when a short quotation sits inside them (condemned the test as a "grave threat").

    A quoted fragment is a word of the claim, not all of it: the content is the verb's
    object and complements that hold it. None when the quotation is the whole argument.
    """
    if q.outer[0] <= verb.i:
        return None
    # "as a “turning point.”": the sentence's full stop inside the marks is no word of the argument.
    q_lo, q_hi = trim(doc, q.inner, vocab.clause_marks)
    if q_hi <= q_lo:
        return None
    args = [c for c in verb.rights if c.dep_ not in NOT_ARGUMENT_DEPS and not c.is_punct]
    if not any(c.left_edge.i <= q_lo and q_hi <= c.right_edge.i + 1 for c in args):
        return None
    start = min(c.left_edge.i for c in args)
    end = max(c.right_edge.i + 1 for c in args)
    sent_start, sent_end = sentence_range(doc, verb.i)
    start, end = trim(doc, (max(start, sent_start), min(end, sent_end)), vocab.clause_marks)
    if start > q_lo or end < q_hi or end - start <= q_hi - q_lo + 1:
        return None
    return start, max(end, q.inner[1]) if end >= q_hi else end


def is_title(doc: Doc, q: QuoteSpan, minor: frozenset[str]) -> bool:
    """A quotation of two or more words in title case, set in running text ("starred in “Parks and Recreation”").

    A quoted statement has lower-case words or ends a sentence; a headline (all in title
    case) may quote speech in title case too, so the words before the quotation must not be.
    """
    words = [t for t in doc[q.inner[0]:q.inner[1]] if t.is_alpha]
    if len(words) < 2 or any(t.text in SENTENCE_ENDS for t in doc[q.inner[0]:q.inner[1]]):
        return False
    if not words[0].is_title and not words[0].is_upper or any(
            not (t.text[0].isupper() or t.lower_ in minor) for t in words):
        return False
    sent_start = sentence_range(doc, q.outer[0])[0]
    before = [t for t in doc[max(sent_start, q.outer[0] - 6):q.outer[0]] if t.is_alpha and t.lower_ not in minor]
    return any(t.text[0].islower() for t in before)


def continues(doc: Doc, previous: Attribution, q: QuoteSpan) -> bool:
    """Whether a quotation picks up the direct quote just before it, right after its attribution."""
    if previous.kind != "direct" or previous.cue is None or previous.content[1] > q.outer[0]:
        return False
    _, sent_end = sentence_range(doc, max(previous.content[1] - 1, previous.cue[0]))
    between = doc[sent_end:q.outer[0]]
    return sent_end <= q.outer[0] and all(t.is_space or t.is_quote for t in between) \
        and paragraph_gap(doc, previous.cue[0], q.outer[0]) == 0


def dash_signature(doc: Doc, q: QuoteSpan, vocab: ClaimsVocabulary) -> tuple[Range, Range] | None:
    """ "“We will win.” ― Jane Smith": a dash after a quotation signs it (cue, source)."""
    i = q.outer[1]
    while i < len(doc) and doc[i].is_space:
        i += 1
    if i + 1 >= len(doc) or doc[i].text not in DASHES:
        return None
    dash = i
    i += 1
    while i < len(doc) and doc[i].is_space:
        i += 1  # "― Jane Smith" with a no-break space after the dash is its own token
    if i >= len(doc):
        return None
    head = doc[i]
    if not (head.pos_ == "PROPN" or head.ent_type_ in vocab.agent_labels):
        return None
    end = i
    while end < len(doc) and (doc[end].pos_ == "PROPN" or doc[end].ent_iob_ == "I") and not doc[end].is_punct:
        end += 1
    return (dash, dash + 1), (i, end)


def introducing_verb(doc: Doc, q: QuoteSpan, in_quote: list[int], vocab: ClaimsVocabulary) -> Token | None:
    """ "Okafor shot back, “…”", "she went on to say: “…”": a clause ending right before the quote."""
    i = q.outer[0] - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i >= 0 and doc[i].text in (",", ":"):
        i -= 1
    for j in range(i, max(i - 4, -1), -1):
        token = doc[j]
        if in_quote[j] >= 0 or token.is_punct or token.is_sent_start and token.pos_ != "VERB":
            return None
        if token.pos_ == "VERB":
            subject = subject_of(token)
            return token if subject is not None and is_agent(subject, vocab) else None
    return None


def framing_verb_after(doc: Doc, q: QuoteSpan, in_quote: list[int], vocab: ClaimsVocabulary) -> Token | None:
    """ "“A,” the judge exclaimed, “B.”": a short frame right after a quotation, whatever its verb.

    Someone named, then a finite verb, then the frame ends (a comma, a sentence end or
    the next quotation): the quotation is theirs, not the previous speaker's.
    """
    i = q.outer[1]
    # Only a quotation that runs on into its frame ("“A,” the judge exclaimed"): after a full
    # stop the next sentence is narration ("“We are done.” Prices fell.").
    runs_on = (q.inner[1] > q.inner[0] and doc[q.inner[1] - 1].text == ",") or (i < len(doc) and doc[i].text == ",")
    if not runs_on:
        return None
    end = min(len(doc), i + 9)
    for j in range(i, end):
        token = doc[j]
        # a quotation or a new sentence ends the frame before any verb of its own
        if in_quote[j] >= 0 or token.is_sent_start and j > i:
            return None
        if token.pos_ == "VERB" and token.tag_ in FINITE_TAGS:
            after = doc[j + 1] if j + 1 < len(doc) else None
            # The frame ends at the verb (an adverb or a time may follow): "the judge exclaimed,".
            if after is not None and not (after.is_punct or after.is_space or after.ent_type_ in ("DATE", "TIME")):
                return None
            subject = next((c for c in token.children if c.dep_ == "nsubj" and i <= c.i < j), None)
            # Whoever is named in a frame right after a quotation speaks ("the judge", "Kelly").
            named = subject is not None and (is_agent(subject, vocab) or subject.pos_ == "NOUN")
            return token if named and subject.ent_type_ not in NOT_SPEAKER_ENTS else None
    return None


def governing_agent_verb(doc: Doc, q: QuoteSpan, in_quote: list[int], vocab: ClaimsVocabulary) -> Token | None:
    """The verb outside a quotation that governs it, when someone is its subject ("he called it “a mess”")."""
    roots = [t for t in doc[q.inner[0]:q.inner[1]] if not (q.outer[0] <= t.head.i < q.outer[1])]
    if not roots:
        return None
    token = roots[0].head
    for _ in range(4):
        if in_quote[token.i] < 0 and token.pos_ == "VERB":
            subject = subject_of(token)
            return token if subject is not None and is_agent(subject, vocab) else None
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def is_single_word(doc: Doc, q: QuoteSpan) -> bool:
    """One quoted word inside a sentence ("the “experts”"), not one opening it ("“Yes,” he said")."""
    words = sum(1 for t in doc[q.inner[0]:q.inner[1]] if t.is_alpha)
    return words == 1 and sentence_range(doc, q.outer[0])[0] < q.outer[0]


def stands_alone(doc: Doc, q: QuoteSpan, min_words: int) -> bool:
    """A quotation that is a sentence of its own, or a long stretch of speech."""
    words = sum(1 for t in doc[q.inner[0]:q.inner[1]] if t.is_alpha)
    lo, hi = sentence_range(doc, q.outer[0])[0], sentence_range(doc, q.outer[1] - 1)[1]
    outside = [t for t in doc[lo:hi] if not (q.outer[0] <= t.i < q.outer[1]) and not is_filler(t)]
    return words >= 1 and not outside or words >= 2 * min_words


def is_covered(contents: RangeIndex, inner: Range) -> bool:
    """Whether a proposal's content already holds most of a quotation (``covers``).

    A content holding half of ``inner`` or more holds one of its two middle tokens, so only
    the contents at those positions are candidates.
    """
    lo, length = inner[0], inner[1] - inner[0]
    return any(covers(a.content, inner) for a in contents.containing(lo + (length - 1) // 2, lo + length // 2))


def covers(content: Range, inner: Range) -> bool:
    """Whether content already holds most of a quotation."""
    lo, hi = max(content[0], inner[0]), min(content[1], inner[1])
    return hi - lo >= 0.5 * (inner[1] - inner[0])


def nearest_reporting_verb(doc: Doc, q: QuoteSpan, vocab: ClaimsVocabulary, in_quote: list[int]) -> Token | None:
    """The closest reporting verb outside any quotation in the quotation's first or last sentence."""
    first, last = sentence_range(doc, q.outer[0]), sentence_range(doc, q.outer[1] - 1)
    candidates = []
    for lo, hi in {first, last}:
        for token in doc[lo:hi]:
            if in_quote[token.i] >= 0 or token.pos_ not in ("VERB", "AUX"):
                continue
            cue = vocab.verbs.get(token.lemma_.lower())
            if cue is None or "clause" not in cue.frames:
                continue
            # A verb that already has its own unquoted complement reports something else.
            if any(c.dep_ == "ccomp" and in_quote[c.i] < 0 for c in token.children):
                continue
            distance = token.i - q.outer[1] if token.i >= q.outer[1] else q.outer[0] - token.i
            candidates.append((distance, token.i))
    if not candidates:
        return None
    return doc[min(candidates)[1]]


# What may follow a trailing frame's verb: "Marsh asked, and the room fell silent", "she said on Friday".
FRAME_TAIL_DEPS = {"punct", "cc", "conj", "advmod", "npadvmod", "prep", "advcl"}


def trailing_frame_verb(doc: Doc, q: QuoteSpan, vocab: ClaimsVocabulary) -> Token | None:
    """ "“Why not?” Marsh asked.": a question or exclamation ends the sentence, and its frame stands alone after it."""
    i = q.outer[1]
    while i < len(doc) and doc[i].is_space and not paragraph_gap(doc, i, i + 1):
        i += 1
    if i >= len(doc) or doc[i].is_space or sentence_range(doc, i)[0] != i:
        return None
    lo, hi = sentence_range(doc, i)
    root = doc[lo].sent.root
    # The frame's verb heads the sentence, or is the first verb the parser hung on a later one
    # ("“Done?” she asked, but Tom was dozing, and Ann said yes").
    first_verb = next((t for t in doc[lo:hi] if t.pos_ == "VERB"), None)
    for verb in dict.fromkeys(v for v in (root, first_verb) if v is not None):
        if is_bare_trailing_frame(doc, lo, hi, verb, vocab):
            return verb
    return None


def is_bare_trailing_frame(doc: Doc, lo: int, hi: int, verb: Token, vocab: ClaimsVocabulary) -> bool:
    """A bare frame: a few words up to a cue verb with someone as its subject, nothing it says of
    its own; the sentence may go on with a clause of its own ("she said, but Tom was dozing")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in vocab.verbs or verb.i >= hi:
        return False
    words = [t for t in doc[lo:verb.i + 1] if not is_filler(t)]
    if len(words) > 8 or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
        return False
    if any(c.dep_ not in FRAME_TAIL_DEPS for c in verb.rights):
        return False
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is not None and is_agent(subject, vocab)


class LatestBefore:
    """The proposal with a source whose content ends last before a quotation, looked up: a scan over every
    proposal per quotation was quadratic in a long story.  Kept by where their content ends, in the
    order they were made (the first made wins a tie)."""

    def __init__(self, found: list[Attribution]):
        self._ends: list[tuple[int, int, Attribution]] = []  # (content end, order made, proposal), sorted
        self._order: dict[int, int] = {}
        for a in found:
            self.add(a)

    def add(self, a: Attribution) -> None:
        self._order[id(a)] = n = len(self._order)
        if a.source is not None:
            insort(self._ends, (a.content[1], n, a))

    def moved(self, a: Attribution, end: int) -> None:
        """The proposal's content now ends at ``end``."""
        n = self._order[id(a)]
        del self._ends[bisect_left(self._ends, (a.content[1], n))]
        insort(self._ends, (end, n, a))

    def before(self, position: int) -> Attribution | None:
        """The proposal whose content ends last at or before ``position`` (the first made, on a tie)."""
        i = bisect_right(self._ends, (position, len(self._order)))
        if i == 0:
            return None
        return self._ends[bisect_left(self._ends, (self._ends[i - 1][0], -1))][2]
