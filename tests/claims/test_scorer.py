"""The trained claim scorer: it ships and loads, it drifts loudly, and it finds each kind of claim.

The tables of the other files in tests/claims/ test the hand rules (the default, ``scorer: null``);
these run the pipeline with ``scorer: "claims/scorer"``, which decides among the rules' generous
candidates.
"""
import shutil

import numpy as np
import pytest

from claimx.claims.features import Featurizer
from claimx.claims.scorer import Scorer
from claimx.components.claims import SHIPPED_SCORER
from claimx.errors import ClaimxError
from claimx.lexicon import models_dir

from claim_tables import table


@pytest.fixture(scope="module")
def scored():
    """The pipeline with the shipped scorer keeping the claims."""
    import claimx

    return claimx.Extractor(config={"claimx_claims": {"scorer": SHIPPED_SCORER}})

# (text, the claims as (kind, cue, speaker mention, content)); [] where nothing is claimed.
CASES = [
    # direct: a quotation with its speaker
    ('"We will not close the hospital," Mayor Ortiz said on Monday.',
     [("direct", "said", "Mayor Ortiz", "We will not close the hospital,")]),
    # indirect: a reported clause
    ("The union said the strike would continue until the port reopens.",
     [("indirect", "said", "The union", "the strike would continue until the port reopens")]),
    ("Officials at the agency told reporters that the bridge was safe.",
     [("indirect", "told", "Officials at the agency", "the bridge was safe")]),
    # a source marker
    ("According to the ministry, exports fell by a third last year.",
     [("indirect", "According to", "the ministry", "exports fell by a third last year")]),
    # mixed: a quotation inside a reported clause
    ('The senator said the budget was "a disaster for rural schools."',
     [("mixed", "said", "The senator", 'the budget was "a disaster for rural schools.')]),
    # narration: nothing is attributed
    ("The river rose two feet overnight and the ferry stopped running.", []),
    ("Heavy snow closed three schools in the valley on Tuesday.", []),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_scorer_finds_each_kind(scored, text, expected):
    found = [row[1:] for row in table(scored.extract(text))]
    assert found == expected


def test_the_scorer_setting_loads_the_shipped_weights(scored):
    pipe = scored.nlp.get_pipe("claimx_claims")
    assert pipe.scorer is not None and pipe.scorer.meta["trained_on"].startswith("PolNeAR train")
    record = scored.extract('"The plan is dead," the minister said. The talks resume in May.')
    # the confidence is the scorer's probability, and the rule that proposed the claim stays
    assert [(c["rule"], 0 < c["confidence"] < 1) for c in record["claims"]] == [("reporting verb", True)]


def test_shipped_weights_load_from_the_installed_models():
    scorer = Scorer.load(SHIPPED_SCORER)
    assert scorer.weights.shape == (len(scorer.featurizer.names),)
    assert 0 < scorer.threshold < 1 and scorer.meta["dev"]["f1"] > 0.75


def _copy_model(tmp_path):
    target = tmp_path / "claims"
    target.mkdir()
    for suffix in (".npz", ".json"):
        shutil.copyfile(models_dir() / "claims" / f"scorer{suffix}", target / f"scorer{suffix}")
    return target / "scorer.npz"


def test_weights_whose_features_drift_from_the_code_fail_at_load(tmp_path):
    path = _copy_model(tmp_path)
    with np.load(path) as data:
        arrays = dict(data)
    arrays["names"] = arrays["names"][:-1]  # one feature fewer than features.py computes
    arrays["weights"] = arrays["weights"][:-1]
    np.savez(path, **arrays)
    with pytest.raises(ClaimxError, match="retrain"):
        Scorer.load(SHIPPED_SCORER, tmp_path)


def test_a_renamed_feature_fails_at_load(tmp_path):
    path = _copy_model(tmp_path)
    with np.load(path) as data:
        arrays = dict(data)
    arrays["names"] = np.array([("renamed" if n == "log_length" else str(n)) for n in arrays["names"]])
    np.savez(path, **arrays)
    with pytest.raises(ClaimxError, match="renamed"):
        Scorer.load(SHIPPED_SCORER, tmp_path)


def test_a_pipeline_without_a_tensor_gets_the_indicator_not_an_error(scored):
    nlp = scored.nlp
    featurizer = Featurizer({}, 96)
    doc = nlp("Officials said the bridge was safe.")
    pipe = nlp.get_pipe("claimx_claims")
    candidates = pipe.candidates(doc)
    assert candidates
    with_tensor = featurizer.matrix(doc, candidates, set())
    doc.tensor = np.zeros((0, 0), dtype="float32")
    without = featurizer.matrix(doc, candidates, set())
    absent = featurizer.names.index("tensor_absent")
    tensor = [n for n, name in enumerate(featurizer.names) if "_tensor_" in name]
    assert with_tensor[0, absent] == 0 and np.abs(with_tensor[0, tensor]).sum() > 0
    assert without[0, absent] == 1 and not without[0, tensor].any()


def test_to_disk_carries_the_weights(scored, tmp_path):
    scored.nlp.get_pipe("claimx_claims").to_disk(tmp_path)
    assert (tmp_path / "claims" / "scorer.npz").is_file() and (tmp_path / "claims" / "scorer.json").is_file()
    assert Scorer.load(SHIPPED_SCORER, tmp_path).featurizer.names == Scorer.load(SHIPPED_SCORER).featurizer.names


def test_a_saved_pipeline_keeps_its_scorer(scored, tmp_path):
    import spacy

    scored.nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    pipe = loaded.get_pipe("claimx_claims")
    assert pipe.scorer is not None and pipe.scorer.featurizer.names == scored.nlp.get_pipe("claimx_claims").scorer.featurizer.names
    text = "The union said the strike would continue until the port reopens."
    assert [c["confidence"] for c in loaded(text)._.claimx_claims] == \
        [c["confidence"] for c in scored.extract(text)["claims"]]
