"""Text similarity for similar-work search: TF-IDF with cosine similarity (scikit-learn).

The index of a partnership's recent findings is built once and kept in the shared cache, so every
web worker on every host uses the same one, until a finding is added, changed or removed (the
caller's `key`, read from the database, says so), because fitting it is the costly part.
"""

import hashlib
from collections.abc import Callable, Iterable

import numpy as np
from django.core.cache import cache
from sklearn.feature_extraction.text import TfidfVectorizer

# An index no longer asked for (its findings changed) leaves the cache after a day.
INDEX_KEPT_SECONDS = 24 * 60 * 60


class TextIndex:
    def __init__(self, documents: Iterable[tuple[int, str, str]]):
        ids, texts = [], []
        for pk, title, description in documents:
            ids.append(pk)
            texts.append(f"{title}\n{description}")
        self.ids = np.array(ids, dtype=np.int64)
        self.position = {pk: index for index, pk in enumerate(ids)}
        self.vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1)
        self.matrix = self.vectorizer.fit_transform(texts) if texts else None

    def _query(self, text: str):
        return self.vectorizer.transform([text]) if self.matrix is not None else None

    def similarities(self, text: str) -> np.ndarray:
        """Cosine similarity of `text` to each document, in the order of `ids` (rows are normalised)."""
        query = self._query(text)
        if query is None or not query.nnz:
            return np.zeros(len(self.ids))
        return (self.matrix @ query.T).toarray().ravel()

    def shared_terms(self, text: str, pk: int, limit: int = 5) -> list[str]:
        """The terms that contribute most to the match between `text` and document `pk`."""
        query = self._query(text)
        if query is None or pk not in self.position:
            return []
        weights = query.multiply(self.matrix[self.position[pk]]).tocoo()
        order = np.argsort(-weights.data)[:limit]
        names = self.vectorizer.get_feature_names_out()
        return [str(names[weights.col[i]]) for i in order]


def cache_key(key: tuple) -> str:
    return "learning:similar-work-index:" + hashlib.sha256(repr(key).encode()).hexdigest()


def index_for(*, key: tuple, documents: Callable[[], Iterable[tuple[int, str, str]]]) -> TextIndex:
    index = cache.get(cache_key(key))
    if index is None:
        index = TextIndex(documents())
        cache.set(cache_key(key), index, INDEX_KEPT_SECONDS)
    return index
