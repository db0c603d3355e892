"""CaRB (Bhardwaj et al. 2019) Open IE scoring, re-implemented from the benchmark's published rules.

- Tuples are compared "binary lenient": arguments after the first are joined into one, and for
  speech relations (said, told, added, ...) the two arguments may also match swapped.
- Each slot (relation, arg1, arg2) scores by token multiset overlap; a tuple with no shared token
  in the relation or in either of the first two arguments scores zero.
- At every confidence threshold, recall credits each gold tuple with its best match, and precision
  matches predictions to gold tuples greedily one to one by precision score.
- The reported F1 is the best over thresholds; AUC is the area under the (recall, precision)
  curve with the point (0, 1) added.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

SPEECH_RELATIONS = ("said", "told", "added", "adds", "says")
PTB_ESCAPES = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}


@dataclass(frozen=True)
class Tuple:
    relation: str
    args: tuple[str, ...]
    confidence: float = 1.0


@dataclass
class Curve:
    precision: list[float] = field(default_factory=list)
    recall: list[float] = field(default_factory=list)
    thresholds: list[float] = field(default_factory=list)

    @property
    def f1s(self) -> list[float]:
        return [2 * p * r / (p + r) if p + r else 0.0 for p, r in zip(self.precision, self.recall)]

    def best(self) -> tuple[float, float, float, float]:
        """(precision, recall, F1, threshold) at the threshold with the highest F1."""
        if not self.thresholds:
            return 0.0, 0.0, 0.0, 0.0
        i = max(range(len(self.thresholds)), key=lambda k: self.f1s[k])
        return self.precision[i], self.recall[i], self.f1s[i], self.thresholds[i]

    def auc(self) -> float:
        """Trapezoids along the curve in threshold order (recall never rises), ending at (0, 1)."""
        points = list(zip([*self.recall, 0.0], [*self.precision, 1.0]))
        return abs(sum((x2 - x1) * (y1 + y2) / 2 for (x1, y1), (x2, y2) in zip(points, points[1:])))


def sentence_key(sentence: str) -> str:
    """Sentences are matched ignoring spaces, case and punctuation, as the benchmark does."""
    for escaped, plain in PTB_ESCAPES.items():
        sentence = sentence.replace(escaped, plain)
    return re.sub(r"[\W_]+", "", sentence.lower())


def read_gold(path: str | Path) -> dict[str, list[Tuple]]:
    """sentence \\t relation \\t arg1 \\t arg2 ...; context arguments ("C: ...") are dropped."""
    gold: dict[str, list[Tuple]] = defaultdict(list)
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        sentence, relation, *args = line.split("\t")
        args = [a for a in args if not a.startswith("C: ")]
        gold[sentence_key(sentence)].append(Tuple(relation, tuple(args)))
    return gold


def read_predictions(path: str | Path) -> dict[str, list[Tuple]]:
    """sentence \\t confidence \\t relation \\t arg1 \\t arg2 ..."""
    predicted: dict[str, list[Tuple]] = defaultdict(list)
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            sentence, confidence, relation, *args = line.split("\t")
            predicted[sentence_key(sentence)].append(Tuple(relation, tuple(args), float(confidence)))
    return predicted


def overlap(gold: str, predicted: str) -> tuple[int, int, int]:
    """(shared tokens, predicted tokens, gold tokens), comparing lower-cased token multisets."""
    g, p = gold.lower().split(), predicted.lower().split()
    shared = sum((Counter(g) & Counter(p)).values())
    return shared, len(p), len(g)


def _binary(args: tuple[str, ...]) -> list[str]:
    return [args[0], " ".join(args[1:])] if len(args) >= 2 else list(args)


def _slot_match(gold: Tuple, gold_args: list[str], predicted: Tuple, predicted_args: list[str]) -> tuple[float, float]:
    shared, p_len, g_len = overlap(gold.relation, predicted.relation)
    if shared == 0:
        return 0.0, 0.0
    hit_p, tot_p, hit_r, tot_r = shared, p_len, shared, g_len
    for i, gold_arg in enumerate(gold_args):
        g_tokens = len(gold_arg.split())
        tot_r += g_tokens
        if i >= len(predicted_args):
            if i < 2:
                return 0.0, 0.0
            continue
        shared, p_len, _ = overlap(gold_arg, predicted_args[i])
        tot_p += p_len
        if shared == 0 and i < 2:
            return 0.0, 0.0
        hit_p += shared
        hit_r += shared
    return (hit_p / tot_p if tot_p else 0.0), (hit_r / tot_r if tot_r else 0.0)


def match(gold: Tuple, predicted: Tuple) -> tuple[float, float]:
    """(precision, recall) of one predicted tuple against one gold tuple."""
    gold_args, predicted_args = _binary(gold.args), _binary(predicted.args)
    straight = _slot_match(gold, gold_args, predicted, predicted_args)
    if not any(verb in gold.relation for verb in SPEECH_RELATIONS) or len(predicted.args) < 2:
        return straight
    swapped = [" ".join(predicted.args[1:]), predicted.args[0]]
    return max(straight, _slot_match(gold, gold_args, predicted, swapped))


def score(gold: dict[str, list[Tuple]], predicted: dict[str, list[Tuple]]) -> Curve:
    thresholds = sorted({t.confidence for tuples in predicted.values() for t in tuples})
    index = {c: i for i, c in enumerate(thresholds)}
    n = len(thresholds)
    p_num, p_den, r_num, r_den = [0.0] * n, [0] * n, [0.0] * n, [0] * n
    for key, gold_tuples in gold.items():
        preds = predicted.get(key, [])
        scores = [[match(g, p) for p in preds] for g in gold_tuples]
        done = 0  # thresholds below this index already hold this sentence's numbers
        for confidence in sorted({p.confidence for p in preds}):
            kept = [j for j, p in enumerate(preds) if p.confidence >= confidence]
            recall = sum(max((row[j][1] for j in kept), default=0.0) for row in scores)
            precision = _greedy_precision(scores, kept)
            upto = index[confidence] + 1
            for c in range(done, upto):
                p_num[c] += precision
                p_den[c] += len(kept)
                r_num[c] += recall
                r_den[c] += len(gold_tuples)
            done = upto
        for c in range(done, n):  # above this sentence's top confidence nothing is predicted
            r_den[c] += len(gold_tuples)
    curve = Curve()
    for c in range(n):
        curve.precision.append(p_num[c] / p_den[c] if p_den[c] else 1.0)
        curve.recall.append(r_num[c] / r_den[c] if r_den[c] else 0.0)
        curve.thresholds.append(thresholds[c])
    return curve


def _greedy_precision(scores: list[list[tuple[float, float]]], kept: list[int]) -> float:
    """Pair gold rows and kept predictions one to one, best precision first."""
    free_rows, free_cols = set(range(len(scores))), set(kept)
    total = 0.0
    for _ in range(min(len(scores), len(kept))):
        best = max(((scores[i][j][0], -i, -j) for i in free_rows for j in free_cols), default=None)
        if best is None:
            break
        value, i, j = best
        total += value
        free_rows.discard(-i)
        free_cols.discard(-j)
    return total


def write_predictions(path: str | Path, rows: Iterable[tuple[str, Tuple]]) -> None:
    from kg.atomic import write_atomic

    lines = ["\t".join([sentence, f"{t.confidence:.3f}", t.relation, *t.args]) for sentence, t in rows]
    write_atomic(path, ("\n".join(lines) + "\n").encode("utf-8"))


def predict(sentences: list[str], settings=None) -> list[tuple[str, Tuple]]:
    """kg's open tuples for each sentence (one line of the benchmark's input each)."""
    from kg.config import Settings
    from kg.extract.openie import open_tuples
    from kg.nlp import load_pipeline

    settings = settings or Settings()
    nlp = load_pipeline(settings.model)
    rows = []
    for sentence, doc in zip(sentences, nlp.pipe(sentences, batch_size=settings.batch_size)):
        for t in open_tuples(doc):
            rows.append((sentence, Tuple(t.relation, (t.arg1, *t.args), t.confidence)))
    return rows


def evaluate(sentences_path: str | Path, gold_path: str | Path, settings=None, *, system: str = "kg"):
    """Score ``system`` ("kg", or "textacy" for textacy's SVO triples) on the CaRB sentences and gold."""
    sentences = [s for s in Path(sentences_path).read_text(encoding="utf-8").splitlines() if s.strip()]
    if system == "textacy":
        from kg.eval.baselines import textacy_svo

        rows = textacy_svo(sentences, settings)
    else:
        rows = predict(sentences, settings)
    predicted: dict[str, list[Tuple]] = defaultdict(list)
    for sentence, t in rows:
        predicted[sentence_key(sentence)].append(t)
    return score(read_gold(gold_path), predicted), rows
