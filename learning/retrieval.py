"""Text retrieval for similar-work search: terms, Okapi BM25 and the terms a query relies on (pure).

Robertson and Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond" (2009), with the
usual k1 = 1.2 and b = 0.75. The same terms are stored in the index and used to read it, on SQLite
and PostgreSQL alike, so a search ranks the same way on both.
"""

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

K1 = 1.2
B = 0.75
# Longer queries (a whole referral) are cut to the terms that say most about them, as "more like
# this" searches do: the rest are too common in the query's own text or in the index to matter.
QUERY_TERMS = 12
WORD = re.compile(r"[a-z0-9]+")
# Words kept although short: common safeguarding abbreviations.
SHORT_WORDS = {"gp", "ae", "dv", "sw", "hv", "cp"}


def stem(word: str) -> str:
    """A light English stemmer: plurals and -ing/-ed forms meet ("bruised", "bruising", "bruises")."""
    for suffix, replacement in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    else:
        if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            word = word[:-1]
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def words(text: str) -> list[tuple[str, str]]:
    """Each meaningful word of `text` as (term, the word as written), in order."""
    found = []
    for word in WORD.findall(text.lower()):
        if word in ENGLISH_STOP_WORDS or (len(word) < 3 and word not in SHORT_WORDS):
            continue
        found.append((stem(word), word))
    return found


def terms(text: str) -> list[str]:
    return [term for term, _ in words(text)]


def idf(documents: int, containing: int) -> float:
    """BM25's inverse document frequency, never negative (the "+1" form used by Lucene)."""
    return math.log(1 + (documents - containing + 0.5) / (containing + 0.5))


def query_terms(
    text: str, document_frequency: Mapping[str, int], documents: int, limit: int = QUERY_TERMS
) -> list[str]:
    """The query's terms found in the index that weigh most (count in the query times idf),
    rarest in the index first."""
    counts = Counter(terms(text))
    known = [term for term in counts if document_frequency.get(term)]
    weighed = sorted(
        known, key=lambda term: (-counts[term] * idf(documents, document_frequency[term]), term)
    )[:limit]
    return sorted(weighed, key=lambda term: (document_frequency[term], term))


@dataclass(frozen=True)
class Match:
    score: float
    # Each matching query term's share of the score, largest first.
    contributions: tuple[tuple[str, float], ...]


def term_weight(frequency: int, *, length: int, average_length: float) -> float:
    """BM25's saturating, length-scaled weight of a term counted `frequency` times in a document."""
    norm = K1 * (1 - B + B * length / max(average_length, 1.0))
    return frequency * (K1 + 1) / (frequency + norm)


def bm25(
    query: Iterable[str],
    document: Counter,
    *,
    length: int,
    average_length: float,
    weights: Mapping[str, float],
) -> Match:
    """BM25 of one document (its term counts) for the query terms, each weighed by its idf."""
    contributions = []
    for term in set(query):
        frequency = document.get(term, 0)
        if frequency:
            weight = term_weight(frequency, length=length, average_length=average_length)
            contributions.append((term, weights[term] * weight))
    contributions.sort(key=lambda item: (-item[1], item[0]))
    return Match(sum(value for _, value in contributions), tuple(contributions))


def best_possible(query: Iterable[str], weights: Mapping[str, float]) -> float:
    """The BM25 score no document can reach (every term infinitely often): scales scores to 0..1."""
    return sum(weights[term] * (K1 + 1) for term in set(query)) or 1.0
