"""Loads the training-call dump of ObjectionDump (training calls ONLY) into per-customer-turn arrays."""
import json, numpy as np
from scipy.optimize import minimize

CATS = ["price", "timing", "decision_maker", "trust", "competitor", "need", "other"]
K = len(CATS)


def load(path='/tmp/obj_train.jsonl'):
    calls = []
    for line in open(path):
        r = json.loads(line)
        assert r['id'][:2] in {f"t{c}" for c in "abcdefghij"}, r['id']   # training writers only
        for t in r['turns']:
            t['V'] = np.array([s['v'] for s in t['sents']], dtype=np.float32).reshape(-1, 384)
        calls.append(r)
    return calls


def mean(V):
    return V.mean(0) if len(V) else np.zeros(384, np.float32)


def vmax(V):
    return V.max(0) if len(V) else np.zeros(384, np.float32)


class Turns:
    """One row per customer turn with sentences: call, writer, turn index, labels, and pooled blocks."""

    def __init__(self, calls):
        rows = []
        for ci, c in enumerate(calls):
            gold = {}
            for o in c['objections']:
                gold.setdefault(o['turn'], set()).add(o['category'])
            turns = c['turns']
            for i, t in enumerate(turns):
                if t['speaker'] != 'CUSTOMER' or 'extra' not in t:
                    continue
                prev = next((turns[j] for j in range(i - 1, -1, -1) if turns[j]['speaker'] == 'AGENT'), None)
                nxt = next((turns[j] for j in range(i + 1, len(turns)) if turns[j]['speaker'] == 'AGENT'), None)
                prevc = next((turns[j] for j in range(i - 1, -1, -1) if turns[j]['speaker'] == 'CUSTOMER' and 'extra' in turns[j]), None)
                y = np.array([1.0 if k in gold.get(i, ()) else 0.0 for k in CATS])
                rows.append(dict(call=ci, id=c['id'], writer=c['id'][:2], turn=i, y=y, V=t['V'],
                                 prev=prev['V'] if prev else np.zeros((0, 384), np.float32),
                                 next=nxt['V'] if nxt else np.zeros((0, 384), np.float32),
                                 prevc=prevc['V'] if prevc else np.zeros((0, 384), np.float32),
                                 extra=np.array(t['extra'], np.float32), text=t['text'],
                                 prevtext=prev['text'] if prev else '', nexttext=nxt['text'] if nxt else ''))
        self.rows = rows
        self.Y = np.array([r['y'] for r in rows])
        self.W = np.array([r['writer'] for r in rows])
        self.writers = sorted(set(self.W))


def fit_sigmoids(X, Y, l2):
    """One-vs-rest logistic regression on standardised X: mean log-loss + l2/2 |w|^2 (as the Java trainer)."""
    mu = X.mean(0); sd = X.std(0) + 1e-6
    Z = (X - mu) / sd
    n, d = Z.shape; k = Y.shape[1]

    def f(theta):
        W = theta[:d * k].reshape(d, k); b = theta[d * k:]
        s = Z @ W + b
        p = 1 / (1 + np.exp(-s))
        loss = np.mean(np.sum(np.logaddexp(0, s) - Y * s, 1)) + 0.5 * l2 * np.sum(W * W)
        g = (p - Y) / n
        return loss, np.concatenate([(Z.T @ g + l2 * W).ravel(), g.sum(0)])
    res = minimize(f, np.zeros(d * k + k), jac=True, method='L-BFGS-B', options=dict(maxiter=300))
    W = res.x[:d * k].reshape(d, k); b = res.x[d * k:]
    return lambda Xt: 1 / (1 + np.exp(-(((Xt - mu) / sd) @ W + b)))


def fit_binary(X, y, l2):
    p = fit_sigmoids(X, y.reshape(-1, 1), l2)
    return lambda Xt: p(Xt)[:, 0]


def knn_votes(T, k=10, labels=None, in_bank=None):
    """Per turn, per category: max over its sentences of the share of the k nearest customer sentences
    (of OTHER writers) whose turn carries the category. labels: another label matrix for the bank (default T.Y);
    in_bank: a boolean mask of the turns the bank may hold (default all)."""
    labels = T.Y if labels is None else labels
    rows = [i for i in range(len(T.rows)) if in_bank is None or in_bank[i]]
    bank = np.concatenate([T.rows[i]['V'] for i in rows]).astype(np.float32)
    owner = np.concatenate([[i] * len(T.rows[i]['V']) for i in rows])
    labs = labels[owner]
    wr = T.W[owner]
    out = np.zeros((len(T.rows), K))
    for i, r in enumerate(T.rows):
        sims = r['V'] @ bank.T
        sims[:, wr == r['writer']] = -9
        idx = np.argpartition(-sims, k, axis=1)[:, :k]
        out[i] = labs[idx].mean(1).max(0)
    return out


def f1(tp, pred, gold):
    return 0 if pred + gold == 0 else 2 * tp / (pred + gold)
