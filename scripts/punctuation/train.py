"""Sentence ends and question marks for transcripts written without them (speech engines, some chat logs).

A multinomial logistic model decides after every word of a turn: no break, end of a statement, end of a
question. Its features are the words around the gap, the first words of the sentence so far and the
sentence's length; decoding goes left to right, starting a new sentence after each break. The product's
`text/SentenceEnds` reads the weights this writes and decodes the same way (`SentenceEndsTest` replays the
check cases written here).

Trained only on the project's own written training conversations (src/test/resources/evaluation/train,
the project's licence), read the way a speech engine writes: lower case, no punctuation, hyphens as spaces.
The penalty and two score offsets (for a break, for a question) are chosen leave-one-writer-out on those calls (macro F1 of statement and question ends);
the written evaluation set and the dev calls are never read here, except by --score, after the choice.

  python3 scripts/punctuation/train.py src/test/resources/evaluation/train [--write FILE] [--score FOLDER...]
"""
import glob, json, os, re, sys
import numpy as np
from scipy.optimize import minimize
from scipy.sparse import csr_matrix

NONE, PERIOD, QUESTION = 0, 1, 2
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "sr", "jr", "vs", "etc", "mt", "ft", "ave", "apt", "dept", "inc", "co",
                 "am", "pm", "eg", "ie", "us", "no"}
CLOSERS = "\"\u201d\u2019')]"
MIN_COUNT = 2


def norm(raw):
    s = "".join(ch for ch in raw.lower().replace("\u2019", "'") if ch.isalnum() or ch == "'")
    return "0" if s.isdigit() else s


def split_raw(text):
    return [t for t in re.split(r"[\s\-]+", text) if t]


def labelled(text):
    """(word, label) pairs of a typed turn: the punctuation after each word, read as the label."""
    out = []
    for raw in split_raw(text):
        r = raw.rstrip(CLOSERS)
        label = NONE
        if r.endswith("?"):
            label = QUESTION
        elif r[-1:] in (".", "!", "\u2026", "\u2014"):
            label = NONE if r.endswith(".") and norm(r) in ABBREVIATIONS else PERIOD
        w = norm(raw)
        if not w:
            if out and label != NONE:
                out[-1] = (out[-1][0], label)
            continue
        out.append((w, label))
    if out and out[-1][1] == NONE:
        out[-1] = (out[-1][0], PERIOD)
    return out


def bucket(k):
    return "1" if k <= 1 else "2" if k == 2 else "3" if k == 3 else "4-6" if k <= 6 else "7-10" if k <= 10 else "11+"


def features(words, i, s):
    n = len(words)

    def w(k):
        return words[k] if 0 <= k < n else ("<s>" if k < 0 else "</s>")
    end = "|E" if i == n - 1 else "|M"
    return ["b", "w0=" + w(i), "w1=" + w(i + 1), "wm1=" + w(i - 1), "w2=" + w(i + 2),
            "w0w1=" + w(i) + "|" + w(i + 1), "wm1w0=" + w(i - 1) + "|" + w(i), "w1w2=" + w(i + 1) + "|" + w(i + 2),
            "f0=" + words[s] + end, "f01=" + words[s] + "|" + (words[s + 1] if s + 1 <= i else "-"),
            "len=" + bucket(i - s + 1) + end]


def turns_of(folder):
    calls = []
    for f in sorted(glob.glob(os.path.join(folder, "*.json"))):
        if f.endswith(".labels.json"):
            continue
        d = json.load(open(f))
        cid = d.get("id", os.path.basename(f)[:-5])
        calls.append((cid, [labelled(t["text"]) for t in d["turns"] if t.get("text")]))
    return calls


def rows(calls):
    """Teacher-forced: the sentence start is the gold one."""
    feats, labels, groups = [], [], []
    for cid, turns in calls:
        for turn in turns:
            words = [w for w, _ in turn]
            s = 0
            for i, (_, label) in enumerate(turn):
                feats.append(features(words, i, s))
                labels.append(label)
                groups.append(cid.split("_")[0])
                if label != NONE:
                    s = i + 1
    return feats, np.array(labels), np.array(groups)


def vocabulary(feats):
    counts = {}
    for fs in feats:
        for f in fs:
            counts[f] = counts.get(f, 0) + 1
    return {f: k for k, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}


def matrix(feats, vocab):
    ind, ptr = [], [0]
    for fs in feats:
        ind.extend(vocab[f] for f in fs if f in vocab)
        ptr.append(len(ind))
    return csr_matrix((np.ones(len(ind)), ind, ptr), shape=(len(feats), len(vocab)))


def fit(x, y, l2):
    k = 3
    yy = np.zeros((len(y), k))
    yy[np.arange(len(y)), y] = 1

    def loss(flat):
        w = flat.reshape(-1, k)
        z = x @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        value = -np.sum(yy * np.log(p + 1e-12)) + 0.5 * l2 * np.sum(w * w)
        grad = x.T @ (p - yy) + l2 * w
        return value, grad.ravel()
    res = minimize(loss, np.zeros(x.shape[1] * k), jac=True, method="L-BFGS-B", options={"maxiter": 400})
    return res.x.reshape(-1, k)


def decode(words, weights, offsets=(0.0, 0.0)):
    """Left to right; returns the label after each word (the last word always ends a sentence). The offsets are
    added to the statement and question scores: a break is worth more to the rules downstream than the
    likelihood's balance says, and a missed question more than a false one."""
    labels, s = [], 0
    for i in range(len(words)):
        z = np.array([0.0, offsets[0], offsets[1]])
        for f in features(words, i, s):
            if f in weights:
                z += weights[f]
        if i == len(words) - 1:
            label = QUESTION if z[QUESTION] > z[PERIOD] else PERIOD
        else:
            label = int(np.argmax(z))
        labels.append(label)
        if label != NONE:
            s = i + 1
    return labels


def score(calls, weights, offsets=(0.0, 0.0)):
    tp = np.zeros(3); fp = np.zeros(3); fn = np.zeros(3)
    for _, turns in calls:
        for turn in turns:
            got = decode([w for w, _ in turn], weights, offsets)
            for (_, gold), g in zip(turn, got):
                for c in (PERIOD, QUESTION):
                    tp[c] += gold == c and g == c
                    fp[c] += gold != c and g == c
                    fn[c] += gold == c and g != c
    f1 = {}
    for c, name in ((PERIOD, "statement"), (QUESTION, "question")):
        p = tp[c] / max(1, tp[c] + fp[c]); r = tp[c] / max(1, tp[c] + fn[c])
        f1[name] = (p, r, 2 * p * r / max(1e-9, p + r))
    return f1


def as_dict(vocab, w):
    names = sorted(vocab, key=vocab.get)
    return {f: w[vocab[f]] for f in names}


def main():
    args = sys.argv[1:]
    folder = args[0]
    out = args[args.index("--write") + 1] if "--write" in args else None
    score_sets = args[args.index("--score") + 1:] if "--score" in args else []
    calls = turns_of(folder)
    feats, y, groups = rows(calls)
    writers = sorted(set(groups))
    print(f"{len(calls)} calls, {len(y)} word gaps, {len(writers)} writers; statements {np.sum(y == PERIOD)}, questions {np.sum(y == QUESTION)}")
    best = None
    grid = [(b, q) for b in (0.0, 0.5, 1.0) for q in (0.0, 0.5, 1.0, 1.5)]
    for l2 in [float(v) for v in os.environ.get("L2S", "0.3,1,3,10").split(",")]:
        f1s = {g: [] for g in grid}
        for wv in writers:
            tr = [c for c in calls if c[0].split("_")[0] != wv]
            va = [c for c in calls if c[0].split("_")[0] == wv]
            ftr, ytr, _ = rows(tr)
            vocab = vocabulary(ftr)
            w = as_dict(vocab, fit(matrix(ftr, vocab), ytr, l2))
            for g in grid:
                s = score(va, w, g)
                f1s[g].append((s["statement"][2] + s["question"][2]) / 2)
        for g in grid:
            m = float(np.mean(f1s[g]))
            print(f"l2={l2} offsets={g}: leave-one-writer-out macro F1 {m:.3f} (per writer {' '.join(f'{v:.2f}' for v in f1s[g])})")
            if best is None or m > best[0]:
                best = (m, l2, g)
    l2, offsets = best[1], best[2]
    vocab = vocabulary(feats)
    w = fit(matrix(feats, vocab), y, l2)
    weights = as_dict(vocab, w)
    # features whose weights all round to zero say nothing
    kept = {f: [round(float(v), 4) for v in ws] for f, ws in weights.items() if np.max(np.abs(ws)) >= 5e-4}
    print(f"chosen l2={l2}, offsets {offsets}; {len(kept)} of {len(vocab)} features kept")
    for folder2 in score_sets:
        for name, (p, r, f) in score(turns_of(folder2), {k: np.array(v) for k, v in kept.items()}, offsets).items():
            print(f"  {folder2}: {name} ends P {p:.3f} R {r:.3f} F1 {f:.3f}")
    if out:
        checks = []
        for text in ("thanks for calling this is dana how can i help you today",
                     "yeah my ac stopped working can you send someone out tomorrow morning",
                     "okay what's the address there and is that a good number to reach you"):
            words = [norm(t) for t in split_raw(text)]
            checks.append({"text": text, "labels": decode(words, {k: np.array(v) for k, v in kept.items()}, offsets)})
        json.dump({"description": "Sentence ends for unpunctuated turns: scripts/punctuation/train.py on "
                   "src/test/resources/evaluation/train (the project's own conversations), l2 chosen leave-one-writer-out.",
                   "l2": l2, "offsets": list(offsets), "classes": ["none", "statement", "question"], "checks": checks, "features": kept},
                  open(out, "w"), separators=(",", ":"))
        print(f"wrote {out} ({os.path.getsize(out)} bytes)")


if __name__ == "__main__":
    main()
