"""Compiled kernels of the BM25 index (numba, compiled once and cached on disk): postings by counting, and
two top-k searches. Imported only when numba is installed and an index is large enough for them to pay
(retrieval.bm25 falls back to numpy otherwise, with identical results).

- `exact_search` (below SWITCH_MIN_DOCS documents): the exact float64 weights added in query order into
  a score buffer kept between queries (the sums are numpy's bincount's), then the k best: when most
  documents were touched, from the few groups of documents whose best score can be among them (each
  group's best found in SIMD lanes), else from the postings again.
- `search`: float32 weights added term by term, the terms of highest possible weight first; once the
  k-th best partial score beats what the remaining terms could add, these are only looked up at the
  documents that can still reach it (MaxScore); the survivors within a margin far above float32
  rounding are then scored exactly, in float64 and query order.

Every exact weight is computed with the operations, in the order, of the numpy path:
    mult * (((tf * (k1 + 1)) / (tf + norm[d])) * idf[t])
and a document's score adds its terms' weights in query order from 0.0, as numpy's bincount does: the
same float either way.
"""

from __future__ import annotations

import numpy as np
from numba import njit

SWITCH_RATIO = 8  # look the remaining terms up when their postings outnumber the candidates this many times
PRUNE_AFTER = 8  # try skipping only once the lists still to add are this many times those added (each try reads them)
SWITCH_MIN_DOCS = 50_000  # below, every score is added up exactly (cheaper than finding what to skip)
SKIP = 64  # postings a skip entry stands for (where the exact scoring looks documents up)
DENSE_RATIO = 4  # postings more than a quarter of the documents: read all scores in order (not the postings)


@njit(cache=True, nogil=True)
def count_postings(ids, lengths, first_doc, last, df):  # pragma: no cover - compiled
    """Pass 1 over a chunk of documents (numbered from first_doc): df[t] += 1 for each document holding
    term t. `last[t]` is the last document that counted t (-1 at first)."""
    at = 0
    for i in range(lengths.shape[0]):
        d = first_doc + i
        for j in range(at, at + lengths[i]):
            t = ids[j]
            if last[t] != d:
                last[t] = d
                df[t] += 1
        at += lengths[i]


@njit(cache=True, nogil=True)
def fill_postings(ids, lengths, first_doc, last, cursor, indices, tf):  # pragma: no cover - compiled
    """Pass 2 over the same chunk: each (term, document) pair's document number and term frequency, at
    the term's cursor. Documents come in ascending order, so every term's documents are ascending."""
    at = 0
    for i in range(lengths.shape[0]):
        d = first_doc + i
        for j in range(at, at + lengths[i]):
            t = ids[j]
            if last[t] != d:
                last[t] = d
                p = cursor[t]
                cursor[t] = p + 1
                indices[p] = d
                tf[p] = 1
            else:
                tf[cursor[t] - 1] += 1
        at += lengths[i]


@njit(cache=True, nogil=True)
def max_weights(indptr, indices, tf, norm, idf, k1p1, out):  # pragma: no cover - compiled
    """out[t] = the highest weight term t has in any document (0 for a term without documents)."""
    for t in range(indptr.shape[0] - 1):
        best = -np.inf
        for p in range(indptr[t], indptr[t + 1]):
            f = np.float64(tf[p])
            w = ((f * k1p1) / (f + norm[indices[p]])) * idf[t]
            if w > best:
                best = w
        out[t] = best if indptr[t + 1] > indptr[t] else 0.0


@njit(cache=True, nogil=True, inline="always")
def _advance(indices, p, end, d):  # pragma: no cover - compiled
    """The first position >= p in indices[p:end] whose document is >= d (galloping, then bisection)."""
    if p >= end or indices[p] >= d:
        return p
    step = 1
    lo = p
    hi = p + 1
    while hi < end and indices[hi] < d:
        lo = hi
        step *= 2
        hi = lo + step
    if hi > end:
        hi = end
    lo += 1
    while lo < hi:
        mid = (lo + hi) >> 1
        if indices[mid] < d:
            lo = mid + 1
        else:
            hi = mid
    return lo


@njit(cache=True, nogil=True)
def weights32(indptr, indices, tf, norm, idf, k1p1, out):  # pragma: no cover - compiled
    """Every weight rounded to float32 (what the search adds up to find its candidates quickly)."""
    for t in range(indptr.shape[0] - 1):
        for p in range(indptr[t], indptr[t + 1]):
            f = np.float64(tf[p])
            out[p] = np.float32(((f * k1p1) / (f + norm[indices[p]])) * idf[t])


@njit(cache=True, nogil=True, inline="always")
def _sift(values, docs, n, i):  # pragma: no cover - compiled
    """Restore the min-heap values[:n] (with docs alongside) below position i."""
    while True:
        left = 2 * i + 1
        if left >= n:
            return
        child = left
        if left + 1 < n and values[left + 1] < values[left]:
            child = left + 1
        if values[child] >= values[i]:
            return
        values[i], values[child] = values[child], values[i]
        docs[i], docs[child] = docs[child], docs[i]
        i = child


@njit(cache=True, nogil=True, inline="always")
def _push(values, docs, n, k, a, d):  # pragma: no cover - compiled
    """Offer (a, d) to the min-heap of the k largest values; returns the heap's new size."""
    if n < k:
        values[n] = a
        docs[n] = d
        i = n
        n += 1
        while i > 0:
            parent = (i - 1) >> 1
            if values[parent] <= values[i]:
                break
            values[i], values[parent] = values[parent], values[i]
            docs[i], docs[parent] = docs[parent], docs[i]
            i = parent
    elif a > values[0]:
        values[0] = a
        docs[0] = d
        _sift(values, docs, n, 0)
    return n


@njit(cache=True, nogil=True)
def _kth(indptr, indices, acc, c, k):  # pragma: no cover - compiled
    """The k-th largest of acc over term c's documents (each comes once), 0 when it has fewer than k: a
    lower bound of the k-th best partial score."""
    values = np.empty(k, np.float32)
    docs = np.empty(k, np.int32)
    h = 0
    for p in range(indptr[c], indptr[c + 1]):
        a = acc[indices[p]]
        if h < k or a > values[0]:
            h = _push(values, docs, h, k, a, indices[p])
    return values[0] if h == k else np.float32(0.0)


@njit(cache=True, nogil=True)
def _kth_of(acc, cands, n, k):  # pragma: no cover - compiled
    """The k-th largest of acc over the documents cands[:n] (n >= k)."""
    values = np.empty(k, acc.dtype)
    docs = np.empty(k, np.int32)
    h = 0
    for x in range(n):
        a = acc[cands[x]]
        if h < k or a > values[0]:
            h = _push(values, docs, h, k, a, cands[x])
    return values[0]


@njit(cache=True, nogil=True)
def _groups(n, k):  # pragma: no cover - compiled
    """How many groups `_group_max` makes of n scores for a top k: a power of two near sqrt(3 k n), which
    balances finding the groups' k-th best (one step a group) against reading the about k groups that
    can hold one of the k best (n / groups documents each, out of order)."""
    g = 64
    while g * g < 3 * k * n and g < 8192:
        g *= 2
    return g


@njit(cache=True, nogil=True, fastmath=True)
def _group_max(acc, groups):  # pragma: no cover - compiled
    """The highest score of each group of documents d = g, g + groups, g + 2 groups, ... (row by row, so
    the comparisons run in SIMD lanes: a scan for the k best compares one at a time)."""
    n = acc.shape[0]
    top = np.zeros(groups, acc.dtype)
    rows = n // groups
    for r in range(rows):
        base = r * groups
        for g in range(groups):
            a = acc[base + g]
            top[g] = a if a > top[g] else top[g]
    for d in range(rows * groups, n):
        g = d - rows * groups
        top[g] = acc[d] if acc[d] > top[g] else top[g]
    return top


@njit(cache=True, nogil=True)
def _kth_group(top, k):  # pragma: no cover - compiled
    """The k-th highest of the groups' best scores (0 when fewer than k groups have a positive one): the
    scores of k different documents, so a lower bound of the k-th best score."""
    values = np.empty(k, top.dtype)
    docs = np.empty(k, np.int32)
    h = 0
    for g in range(top.shape[0]):
        a = top[g]
        if a > 0.0 and (h < k or a > values[0]):
            h = _push(values, docs, h, k, a, g)
    return np.float64(values[0]) if h == k else 0.0


@njit(cache=True, nogil=True, inline="always")
def _candidate(spare, vals, n, values, heap, h, k, a, d, cut, slack):  # pragma: no cover - compiled
    """Keep document d (partial score a) among the candidates and offer it to the heap of the k best; the
    new (candidates, heap size, cut): once the heap is full, the k-th best less the rounding slack."""
    spare[n] = d
    vals[n] = a
    h = _push(values, heap, h, k, a, d)
    if h == k:
        cut = max(cut, np.float32(values[0] - slack))
    return n + 1, h, cut


@njit(cache=True, nogil=True)
def search(index, k1p1, cols, mults, k, scratch):  # pragma: no cover - compiled
    """The k best (documents, scores) with a positive score, best first, ties by document number; None when
    a weight of the query can be negative or zero (the pruning needs positive ones: use numpy then).
    `index` is (indptr, indices, float32 weights, tf, norm, idf, top weights, skip_at, skips: the first
    document of every SKIP postings of a term, term t's at skips[skip_at[t]:skip_at[t + 1]]), `scratch`
    (acc, spare, vals)
    (tuples: a call with many array arguments costs more than a small search)."""
    indptr, indices, w32, tf, norm, idf, top_weights, skip_at, skips = index
    acc, spare, vals = scratch
    m = cols.shape[0]
    bounds = np.empty(m, np.float64)
    total = 0.0
    for i in range(m):
        if not (idf[cols[i]] > 0.0 and mults[i] > 0.0):
            return None
        bounds[i] = top_weights[cols[i]] * mults[i]
        total += bounds[i]
    slack = (m + 2) * 2.0**-20 * total + 1e-30  # far above the rounding of float32 sums
    docs, scores = top_k(indptr, indices, w32, tf, norm, idf, k1p1, cols, mults, bounds, slack, k, acc, spare, vals,
                         skip_at, skips)
    n = docs.shape[0]
    for x in range(1, n):  # insertion sort: score descending, then document ascending
        d = docs[x]
        sc = scores[x]
        y = x - 1
        while y >= 0 and (scores[y] < sc or (scores[y] == sc and docs[y] > d)):
            docs[y + 1] = docs[y]
            scores[y + 1] = scores[y]
            y -= 1
        docs[y + 1] = d
        scores[y + 1] = sc
    n = min(n, k)
    return docs[:n], scores[:n]


@njit(cache=True, nogil=True)
def top_k(indptr, indices, w32, tf, norm, idf, k1p1, cols, mults, bounds, slack, k,  # pragma: no cover
          acc, spare, vals, skip_at, skips):
    """The documents that can be among the k best, with their exact scores: (documents, scores), unordered,
    every document whose score ties the k-th best included (the caller sorts them). Every weight must be
    positive; `bounds` are the terms' highest weights times their multiplicities, `slack` a margin above
    any rounding of the float32 sums; `acc` (float32 zeros, one per document), `spare` (int32) and `vals`
    (float32), one more than the documents, are scratch space, `acc` left as it was found.

    Term at a time, the terms of highest bound first, float32 weights are added into `acc`. Once the k-th
    best partial score exceeds what the remaining terms could add up to, no other document can be among
    the k best: when the remaining lists are PRUNE_AFTER times longer, they only add to the documents that can
    still reach the k-th score (looked up by galloping when these are few). The survivors within `slack`
    of the k-th best are then scored exactly (float64, query order), as the numpy path scores them."""
    m = cols.shape[0]
    order = np.argsort(-bounds)
    rest = np.empty(m, np.float64)  # rest[j]: the bounds of order[j + 1:] added up
    total = 0.0
    for j in range(m - 1, -1, -1):
        rest[j] = total
        total += bounds[order[j]]
    mult32 = mults.astype(np.float32)
    done = 0  # postings added so far
    left = 0  # postings of the terms not yet added
    for i in range(m):
        left += indptr[cols[i] + 1] - indptr[cols[i]]
    top = 0.0  # the bounds of the terms added so far, added up
    pruning = acc.shape[0] >= SWITCH_MIN_DOCS
    theta = np.float32(0.0)  # a lower bound of the k-th best partial score
    probe = -1  # the shortest list added so far (the cheapest to read for a bound)
    j = 0
    while j < m:  # every document of these terms
        i = order[j]
        c = cols[i]
        mult = mult32[i]
        if mult == 1.0:
            for p in range(indptr[c], indptr[c + 1]):
                acc[indices[p]] += w32[p]
        else:
            for p in range(indptr[c], indptr[c + 1]):
                acc[indices[p]] += w32[p] * mult
        top += bounds[i]  # the best partial score is at most the bounds so far added up
        df = indptr[c + 1] - indptr[c]
        done += df
        left -= df
        if probe < 0 or df < indptr[probe + 1] - indptr[probe]:
            probe = c
        j += 1
        if j < m and pruning and rest[j - 1] + slack < top:
            # try when the lists left are PRUNE_AFTER times those added; else, on the shortest list added
            # (cheap to read), when the lists left are PRUNE_AFTER times it (long lists of small weights)
            # and most documents were touched (finding the candidates then costs about the final pass)
            if left <= PRUNE_AFTER * done:
                c = probe
                df = indptr[c + 1] - indptr[c]
                if left <= PRUNE_AFTER * df or done * DENSE_RATIO <= acc.shape[0]:
                    continue
            theta = max(theta, _kth(indptr, indices, acc, c, k))
            if rest[j - 1] + slack < theta:
                # the remaining (long) lists need only be looked up at the candidates, if these are few:
                # as many as this term's documents that can still reach theta suggest
                cut = theta - rest[j - 1] - slack
                above = 0
                for p in range(indptr[c], indptr[c + 1]):
                    above += acc[indices[p]] > cut
                if above * done * SWITCH_RATIO < left * df:
                    break
    n = 0
    if j == m:  # all terms added: one pass keeps the k best (and their near ties) and clears acc
        values = np.empty(k, np.float32)
        heap = np.empty(k, np.int32)
        h = 0
        cut = np.float32(0.0)
        if done * DENSE_RATIO > acc.shape[0]:  # most documents touched: only the groups that can hold
            size = acc.shape[0]  # one of the k best (or a near tie) are read one by one
            groups = _groups(size, k)
            best = _group_max(acc, groups)
            cut = np.float32(max(_kth_group(best, k) - slack, 0.0))
            for g in range(groups):
                if best[g] > cut:
                    for d in range(g, size, groups):
                        a = acc[d]
                        if a > cut:
                            n, h, cut = _candidate(spare, vals, n, values, heap, h, k, a, d, cut, slack)
            acc[:] = 0.0
        else:  # else walk the postings again (a document's later postings find 0)
            for jj in range(m):
                c = cols[order[jj]]
                for p in range(indptr[c], indptr[c + 1]):
                    d = indices[p]
                    a = acc[d]
                    acc[d] = 0.0
                    if a > cut:
                        n, h, cut = _candidate(spare, vals, n, values, heap, h, k, a, d, cut, slack)
        kept = 0
        for x in range(n):
            if vals[x] >= cut:
                spare[kept] = spare[x]
                kept += 1
        n = kept
    else:  # the candidates: documents of the terms so far that can still reach theta
        cut = np.float32(max(theta - rest[j - 1] - slack, 0.0))
        ordered = done * DENSE_RATIO > acc.shape[0]
        if ordered:  # many documents touched: read the scores in order (a sequential pass costs less)
            for d in range(acc.shape[0]):
                a = acc[d]
                acc[d] = 0.0
                if a > cut:
                    spare[n] = d
                    vals[n] = a
                    n += 1
        for jj in range(0 if ordered else j):  # else the postings again, without a branch (spare has room
            c = cols[order[jj]]
            for p in range(indptr[c], indptr[c + 1]):
                d = indices[p]
                a = acc[d]
                acc[d] = 0.0
                spare[n] = d
                vals[n] = a
                n += a > cut  # for one more): half the documents pass
        cands = spare[:n]
        for x in range(n):
            acc[cands[x]] = vals[x]
        while j < m:
            i = order[j]
            c = cols[i]
            mult = mult32[i]
            lo = indptr[c]
            hi = indptr[c + 1]
            if n * 16 < hi - lo:  # few candidates: look each up, in document order
                if not ordered:
                    cands[:n].sort()
                    ordered = True
                p = lo
                for x in range(n):
                    d = cands[x]
                    p = _advance(indices, p, hi, d)
                    if p >= hi:
                        break
                    if indices[p] == d:
                        acc[d] += w32[p] * mult
            else:  # many: one pass over the list, adding to the candidates (without a branch)
                for p in range(lo, hi):
                    d = indices[p]
                    a = acc[d]
                    acc[d] = a + (w32[p] * mult if a > 0.0 else np.float32(0.0))
            j += 1
            if n > k:  # drop the candidates that can no longer reach the k-th score
                theta = max(theta, _kth_of(acc, cands, n, k))
                reach = rest[j - 1] if j < m else 0.0
                kept = 0
                for x in range(n):
                    d = cands[x]
                    if acc[d] + reach + slack >= theta:
                        cands[kept] = d
                        kept += 1
                    else:
                        acc[d] = 0.0
                n = kept
        for x in range(n):
            acc[cands[x]] = 0.0
    docs = np.sort(spare[:n])
    scores = np.zeros(n, np.float64)
    for i in range(m):  # exact scores: term by term in query order, each list's skips read once
        c = cols[i]
        lo = indptr[c]
        hi = indptr[c + 1]
        first = skip_at[c]
        last = skip_at[c + 1]
        b = first
        for x in range(n):
            d = docs[x]
            while b + 1 < last and skips[b + 1] <= d:  # the block (of SKIP postings) that would hold d
                b += 1
            if skips[b] > d:
                continue
            p = lo + SKIP * (b - first)
            stop = min(hi, p + SKIP)
            end = stop
            while p < end:  # bisect the block
                mid = (p + end) >> 1
                if indices[mid] < d:
                    p = mid + 1
                else:
                    end = mid
            if p < stop and indices[p] == d:
                f = np.float64(tf[p])
                scores[x] += mults[i] * (((f * k1p1) / (f + norm[d])) * idf[c])
    return docs, scores


@njit(cache=True, nogil=True, inline="always")
def _worse(s1, d1, s2, d2):  # pragma: no cover - compiled
    """Whether (score s1, document d1) ranks below (s2, d2): a lower score, or as high and a higher number."""
    return s1 < s2 or (s1 == s2 and d1 > d2)


@njit(cache=True, nogil=True, inline="always")
def _offer(scores, docs, h, k, a, d):  # pragma: no cover - compiled
    """Put (a, d) into the heap of the k best (root: the lowest ranked), which it outranks when full;
    returns the heap's size."""
    if h < k:
        x = h
        h += 1
        while x > 0:
            parent = (x - 1) >> 1
            if not _worse(a, d, scores[parent], docs[parent]):
                break
            scores[x] = scores[parent]
            docs[x] = docs[parent]
            x = parent
    else:
        x = 0
        while True:
            left = 2 * x + 1
            if left >= h:
                break
            child = left
            if left + 1 < h and _worse(scores[left + 1], docs[left + 1], scores[left], docs[left]):
                child = left + 1
            if not _worse(scores[child], docs[child], a, d):
                break
            scores[x] = scores[child]
            docs[x] = docs[child]
            x = child
    scores[x] = a
    docs[x] = d
    return h


@njit(cache=True, nogil=True)
def exact_search(index, cols, mults, k):  # pragma: no cover - compiled
    """How many documents have a positive score, at most k; their numbers and scores are written to the
    index's `docs` and `scores`, best first, ties by document number. The scores are the exact float64
    weights added in query order from 0.0, as numpy's bincount adds them: for small indexes, where every
    score is worked out anyway. `index` is (indptr, indices, weights, acc, docs, scores): acc float64
    zeros (one per document), left so; docs (int64) and scores (float64) at least k long (one tuple, and
    the results in arrays made once: each array argument or result of a call costs ~0.5 µs)."""
    indptr, indices, data, acc, docs, scores = index
    for i in range(cols.shape[0]):
        c = cols[i]
        mult = mults[i]
        if mult == 1.0:
            for p in range(indptr[c], indptr[c + 1]):
                acc[indices[p]] += data[p]
        else:
            for p in range(indptr[c], indptr[c + 1]):
                acc[indices[p]] += mult * data[p]
    h = 0  # docs[:h], scores[:h]: a heap whose root ranks lowest
    total = 0
    for i in range(cols.shape[0]):
        total += indptr[cols[i] + 1] - indptr[cols[i]]
    if total * DENSE_RATIO > acc.shape[0]:  # most documents touched: only the groups that can hold one
        n = acc.shape[0]  # of the k best are read one by one (a document under theta has k better ones)
        groups = _groups(n, k)
        top = _group_max(acc, groups)
        theta = _kth_group(top, k)
        for g in range(groups):
            if top[g] > 0.0 and top[g] >= theta:
                for d in range(g, n, groups):
                    a = acc[d]
                    if a > 0.0 and a >= theta and (h < k or _worse(scores[0], docs[0], a, d)):
                        h = _offer(scores, docs, h, k, a, d)
        acc[:] = 0.0
    else:  # walk the postings again; a document's later postings find 0
        for i in range(cols.shape[0]):
            c = cols[i]
            for p in range(indptr[c], indptr[c + 1]):
                d = indices[p]
                a = acc[d]
                acc[d] = 0.0
                if a > 0.0 and (h < k or _worse(scores[0], docs[0], a, d)):
                    h = _offer(scores, docs, h, k, a, d)
    found = h
    while h > 1:  # heapsort: the lowest ranked to the end, one by one (best first at the end)
        a = scores[0]
        d = docs[0]
        h = _offer(scores, docs, h - 1, h - 1, scores[h - 1], docs[h - 1])
        scores[h] = a
        docs[h] = d
    return found
