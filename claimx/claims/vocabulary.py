"""Everything the claim rules read from ``models/``, in one object loaded from one folder.

``ClaimsVocabulary.load(models)`` reads every list and table the rules use (the cue
lexicons with their classes, frames and confidences, the word lists, the rules' own
confidences) from the ``models`` folder the component is configured with, and checks
them: a class, frame or confidence name the rules do not know is a ``ClaimxError``
naming the file and the line, so a typo never silently turns a rule off.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path

from .. import agents, lexicon
from ..errors import ClaimxError

# What a cue says of its content (models/claims/reporting_verbs.tsv explains each).
CLASSES = frozenset({"speech", "belief", "evidence", "directive", "stance"})
# The frames each kind of cue can have; "prep:P|Q" (the object of one of the prepositions) for all.
VERB_FRAMES = frozenset({"clause", "to", "objto", "obj", "objas", "answer", "agent", "addressee", "question",
                         "raise"})
NOUN_FRAMES = frozenset({"clause", "to", "of", "agent"})
ADJECTIVE_FRAMES = frozenset({"clause", "to"})

# The open verbs' cue: "X supported the plan", "X criticized Y" (a stance, the weakest confidence a rule gives).
OPEN_VERB_FRAMES = frozenset({"clause", "to", "obj", "prep:about|on|for|against|over|of|with"})


# The plain word lists, by the vocabulary's field that holds each.
WORD_LISTS = {
    "not_attribution": "claims/clause_verbs_not_attribution.txt",
    "clause_joiners": "claims/clause_joiners.txt",
    "holder_verbs": "claims/holder_verbs.txt",
    "answer_words": "claims/answer_words.txt",
    "adjunct_preps": "claims/adjunct_prepositions.txt",
    "occasion_nouns": "claims/occasion_nouns.txt",
    "aside_marks": "claims/aside_marks.txt",
    "clause_marks": "claims/clause_marks.txt",
    "colon_labels": "claims/colon_labels.txt",
    "complement_preps": "claims/complement_prepositions.txt",
    "documents": "claims/source_documents.txt",
    "standings": "claims/standing_documents.txt",
    "title_minor": "claims/title_minor_words.txt",
    "causatives": "claims/causative_verbs.txt",
    "hearsay_adverbs": "claims/hearsay_adverbs.txt",
}


@dataclass(frozen=True)
class Cue:
    """What a cue word attributes: its class, the content frames it takes, a base confidence."""

    lemma: str
    cls: str
    frames: frozenset[str]
    confidence: float


OPEN_VERB = Cue("", "stance", OPEN_VERB_FRAMES, 0.2)


@dataclass(frozen=True)
class Confidences:
    """The confidences rules give where no cue's own applies, and the factors that lower a cue's
    (``models/claims/confidences.tsv`` says what each is for)."""

    unnamed_source: float
    generic_clause: float
    cue_noun_of_cue_verb: float
    hearsay_adverb: float
    source_document: float
    colon: float
    quote_near_verb: float
    quote_signature: float
    quote_governor: float
    floating_quote: float


@dataclass(frozen=True)
class ClaimsVocabulary:
    """The claim rules' data: cue lexicons, word lists and confidences, from one models folder."""

    verbs: dict[str, Cue]
    generous_verbs: dict[str, Cue]  # "want to", "know": cues in a minority of uses, proposed for a trained scorer only
    nouns: dict[str, Cue]
    adjectives: dict[str, Cue]  # "X is wary of Y": a stance or belief held
    markers: dict[str, Cue]  # "according to X"
    not_attribution: frozenset[str]  # verbs with a that-clause that attribute nothing ("ensure that")
    clause_joiners: frozenset[str]  # "A, while critics said B": words that open a second attribution
    holder_verbs: frozenset[str]  # "X made the claim that": the subject holds the cue noun's claim
    answer_words: frozenset[str]  # "said yes", "said so": a word standing for what was said
    adjunct_preps: frozenset[str]  # "thanked her during the debate": the act's time or occasion
    occasion_nouns: frozenset[str]  # "thanked her in an interview": where or how it was said
    aside_marks: frozenset[str]  # "A, although B": a concession closing the content is the writer's
    clause_marks: frozenset[str]  # "said that", "asked whether": the subordinators of a reported clause
    agent_labels: frozenset[str]  # PERSON, ORG ...: named entities that can be a source
    agent_pronouns: frozenset[str]  # "he said", "they believe": subject pronouns that can stand for a source
    role_nouns: frozenset[str]  # "spokesman", "critics": nouns for people who can speak
    colon_labels: frozenset[str]  # "Note:": a label before a colon that is no speaker
    complement_preps: frozenset[str]  # "accused X of Y": prepositions that complete a cue's object
    documents: frozenset[str]  # "In a Gazette poll, ...": documents set as a source
    standings: frozenset[str]  # "has a lead in the polls": documents whose plural is a race's standing
    title_minor: frozenset[str]  # "Parks and Recreation": words a title leaves in lower case
    causatives: frozenset[str]  # "prompted X to argue": the object does what the infinitive says
    hearsay_adverbs: frozenset[str]  # "reportedly": its clause is what others say
    confidences: Confidences
    # For a trained scorer: any verb with a subject proposes its arguments (finders.verbs.open_cue); None: off.
    open_verb: Cue | None = None

    def generous(self) -> "ClaimsVocabulary":
        """The same vocabulary with the low-precision verbs among the cues (candidates for a trained scorer)."""
        return replace(self, verbs={**self.generous_verbs, **self.verbs}, open_verb=OPEN_VERB)

    @classmethod
    def load(cls, models: str | Path | None = None) -> "ClaimsVocabulary":
        """Read and check every file the claim rules use, from ``models`` (the installed folder without)."""
        return cls(
            verbs=_cues("claims/reporting_verbs.tsv", models, "lemma", VERB_FRAMES),
            generous_verbs=_cues("claims/generous_verbs.tsv", models, "lemma", VERB_FRAMES),
            nouns=_cues("claims/cue_nouns.tsv", models, "lemma", NOUN_FRAMES),
            adjectives=_cues("claims/cue_adjectives.tsv", models, "lemma", ADJECTIVE_FRAMES),
            markers=_cues("claims/source_markers.tsv", models, "phrase", None),
            **{field: lexicon.words(name, models) for field, name in WORD_LISTS.items()},
            agent_labels=agents.agent_labels(models),
            agent_pronouns=frozenset(word for word, p in agents.pronouns(models).items() if p.subject),
            role_nouns=frozenset(row["noun"].lower() for row in lexicon.table("speakers/role_nouns.tsv", models)),
            confidences=_confidences("claims/confidences.tsv", models),
        )


def _cues(name: str, models: str | Path | None, key: str, frames: frozenset[str] | None) -> dict[str, Cue]:
    """A cue table's rows by lemma (or phrase); ``frames``: those its rows may name (None: no frames column,
    the cue takes a clause)."""
    path, rows = lexicon.numbered_table(name, models)
    cues = {}
    for line, row in rows:
        if row["class"] not in CLASSES:
            raise ClaimxError(f"{path} line {line}: unknown class '{row['class']}'")
        taken = frozenset({"clause"}) if frames is None else frozenset(f.strip() for f in row["frames"].split(","))
        for frame in taken:
            known = frame in frames if frames is not None else True
            if not known and not (frame.startswith("prep:") and all(frame[5:].split("|"))):
                raise ClaimxError(f"{path} line {line}: unknown frame '{frame}'")
        word = row[key].lower()
        cues[word] = Cue(word, row["class"], taken, _confidence(row["confidence"], path, line))
    return cues


def _confidences(name: str, models: str | Path | None) -> Confidences:
    path, rows = lexicon.numbered_table(name, models)
    wanted = {f.name for f in fields(Confidences)}
    values = {}
    for line, row in rows:
        if row["name"] not in wanted:
            raise ClaimxError(f"{path} line {line}: unknown confidence '{row['name']}'")
        values[row["name"]] = _confidence(row["confidence"], path, line)
    missing = sorted(wanted - set(values))
    if missing:
        raise ClaimxError(f"{path}: no confidence given for {', '.join(missing)}")
    return Confidences(**values)


def _confidence(text: str, path: Path, line: int) -> float:
    """A confidence or factor: a number in (0, 1]."""
    try:
        value = float(text)
    except (TypeError, ValueError):
        value = -1.0
    if not 0 < value <= 1:
        raise ClaimxError(f"{path} line {line}: confidence '{text}' is not a number in (0, 1]")
    return value
