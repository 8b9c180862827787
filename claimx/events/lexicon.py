"""The events rules' data, read once from ``models/events/`` (and the reporting verbs of
``models/claims/``, whose speech verbs are statements)."""
from __future__ import annotations

from dataclasses import dataclass

from .. import lexicon

# Classes of claims/reporting_verbs.tsv whose verbs report an utterance: a statement event.
STATEMENT_CLASSES = ("speech", "directive", "stance")


@dataclass(frozen=True)
class EventLexicon:
    non_events: dict[str, str]  # verb lemma -> why it is no event (state, base, measure, motion, mind, argument)
    raising: frozenset[str]  # non-events whose complement's event takes their place and date
    nouns: dict[str, tuple[str, str]]  # eventive noun -> (kind, family)
    verbs: dict[str, tuple[str, str]]  # verb lemma -> (kind, family)
    frames: frozenset[str]  # "hours", "days": the event that modifies them
    sessions: frozenset[str]  # "close", "trading": a market session a place's possessive names
    located: frozenset[str]  # things that are somewhere: "office", "reserves"
    idioms: frozenset[tuple[str, str]]  # (verb, object) that name no event: ("meet", "success")
    phrasal: dict[tuple[str, str], tuple[str, str]]  # (verb, particle) -> (kind, family): ("go", "off")
    support: dict[str, str]  # verb lemma -> the role its event noun takes: subject, object, both
    locatives: dict[str, str]  # preposition -> the places it takes: any, facility
    participant_preps: frozenset[str]
    comparison_preps: frozenset[str]  # "up from 11 euros the previous day": the date is the figure's
    acting_preps: frozenset[str]  # "the bombing of the embassies in Kenya": the site acted on
    participant_nouns: frozenset[str]
    temporal_preps: frozenset[str]
    visits: frozenset[str]
    hosts: frozenset[str]
    site_verbs: frozenset[str]  # verbs that act on a site: "destroyed the platform in the Gulf"
    site_nouns: frozenset[str]  # a market a city names: "on the Lisbon stock market"
    publications: frozenset[str]  # last words of newspapers' names: "the Charlotte Observer"
    place_labels: frozenset[str]
    place_heads: dict[str, str]  # head word -> facility or event
    named_places: frozenset[str]  # lower-cased
    countries: frozenset[str]  # lower-cased

    @classmethod
    def load(cls, models: str | None = None) -> EventLexicon:
        def words(name: str, lower: bool = True) -> frozenset[str]:
            return lexicon.words(f"events/{name}", models, lower=lower)

        kinds = {(row["word"].lower(), row["pos"]): (row["kind"], row["family"] or row["word"].lower())
                 for row in lexicon.table("events/event_words.tsv", models)}
        verbs = {w: kf for (w, pos), kf in kinds.items() if pos == "verb"}
        for row in lexicon.table("claims/reporting_verbs.tsv", models):
            if row["class"] in STATEMENT_CLASSES:
                verbs.setdefault(row["lemma"].lower(), ("statement", row["lemma"].lower()))
        return cls(
            non_events={r["lemma"].lower(): r["group"] for r in lexicon.table("events/non_event_verbs.tsv", models)},
            raising=words("raising_verbs.txt"),
            nouns={w: kf for (w, pos), kf in kinds.items() if pos == "noun"},
            verbs=verbs,
            frames=words("event_frames.txt"),
            sessions=words("session_words.txt"),
            located=words("located_things.txt"),
            idioms=frozenset((r["verb"].lower(), r["word"].lower()) for r in lexicon.table("events/idioms.tsv", models)),
            phrasal={(r["verb"].lower(), r["particle"].lower()): (r["kind"], r["family"])
                     for r in lexicon.table("events/phrasal_events.tsv", models)},
            support={r["lemma"].lower(): r["role"] for r in lexicon.table("events/support_verbs.tsv", models)},
            locatives={r["preposition"].lower(): r["places"]
                       for r in lexicon.table("events/locative_prepositions.tsv", models)},
            participant_preps=words("participant_prepositions.txt"),
            comparison_preps=words("comparison_prepositions.txt"),
            acting_preps=words("acting_prepositions.txt"),
            participant_nouns=words("participant_nouns.txt"),
            temporal_preps=words("temporal_prepositions.txt"),
            visits=words("visit_words.txt"),
            hosts=words("host_verbs.txt"),
            site_verbs=words("site_verbs.txt"),
            site_nouns=words("site_nouns.txt"),
            publications=words("publication_heads.txt"),
            place_labels=words("place_labels.txt", lower=False),
            place_heads={r["word"].lower(): r["kind"] for r in lexicon.table("events/place_heads.tsv", models)},
            named_places=words("named_places.txt"),
            countries=lexicon.words("text/countries.txt", models),
        )
