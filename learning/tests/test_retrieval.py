"""BM25 ranking and the terms of a text, without a database."""

from collections import Counter

from learning import retrieval


def test_forms_of_a_word_share_one_term():
    assert len({retrieval.stem(word) for word in ("bruise", "bruised", "bruising", "bruises")}) == 1
    assert retrieval.stem("visitors") == retrieval.stem("visitor")


def test_common_words_are_not_terms():
    assert retrieval.terms("The child was not seen by the GP") == ["child", "seen", "gp"]


def test_a_rare_term_weighs_more_than_a_common_one():
    assert retrieval.idf(1000, 3) > retrieval.idf(1000, 600)


def test_bm25_prefers_the_document_holding_more_of_the_query_in_fewer_words():
    weights = {"neglect": 1.0, "home": 1.0}
    both = retrieval.bm25(
        ["neglect", "home"],
        Counter(["neglect", "home"]),
        length=2,
        average_length=4,
        weights=weights,
    )
    one = retrieval.bm25(
        ["neglect", "home"],
        Counter(["neglect", "other"]),
        length=2,
        average_length=4,
        weights=weights,
    )
    padded = retrieval.bm25(
        ["neglect"], Counter(["neglect", *["x"] * 20]), length=21, average_length=4, weights=weights
    )
    short = retrieval.bm25(
        ["neglect"], Counter(["neglect"]), length=1, average_length=4, weights=weights
    )
    assert both.score > one.score
    assert short.score > padded.score
    assert both.score < retrieval.best_possible(["neglect", "home"], weights)


def test_a_long_query_keeps_its_weightiest_terms_rarest_first():
    frequency = {"neglect": 500, "bruis": 3, "baby": 50}
    terms = retrieval.query_terms("neglect bruising baby unknownword", frequency, 1000, limit=2)
    assert terms == ["bruis", "baby"]
