"""Leave-one-writer-out objection experiments on the TRAINING calls only (dump of ObjectionDump).
Every threshold is nested: chosen on the other writers' out-of-fold probabilities, applied to the held writer."""
import sys, os, pickle, numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from load import *

GRID = np.array([0.05, 0.075, 0.1, 0.125, 0.15, 0.175, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8])
cache = '/tmp/obj_turns.pkl'
if os.path.exists(cache):
    T, VOTES = pickle.load(open(cache, 'rb'))
else:
    T = Turns(load()); VOTES = knn_votes(T); pickle.dump((T, VOTES), open(cache, 'wb'))
Y, W = T.Y, T.W


def block(name):
    if name == 'mean': return np.array([mean(r['V']) for r in T.rows])
    if name == 'max': return np.array([vmax(r['V']) for r in T.rows])
    if name == 'prev': return np.array([mean(r['prev']) for r in T.rows])
    if name == 'next': return np.array([mean(r['next']) for r in T.rows])
    if name == 'prevc': return np.array([mean(r['prevc']) for r in T.rows])
    if name == 'extra': return np.array([r['extra'] for r in T.rows])
    raise KeyError(name)


def lowo(X, l2, Yt=None):
    Yt = Y if Yt is None else Yt
    P = np.zeros((len(X), Yt.shape[1]))
    for w in T.writers:
        te = W == w
        P[te] = fit_sigmoids(X[~te], Yt[~te], l2)(X[te])
    return P


def counts(pred, gold):
    return np.array([(pred & gold).sum(), pred.sum(), gold.sum()])


def decode(P, t, one=False):
    pred = P >= t
    if one:
        ratio = P / t
        keep = np.zeros_like(pred)
        keep[np.arange(len(P)), ratio.argmax(1)] = True
        pred &= keep
    return pred


def choose(P, use, shared=False, one=False):
    if shared:
        best = max(GRID, key=lambda t: f1(*counts(decode(P[use], np.full(K, t), one), Y[use] > 0)))
        return np.full(K, best)
    t = np.array([max(GRID, key=lambda g: f1(*counts(P[use, c] >= g, Y[use, c] > 0))) for c in range(K)])
    if one:  # refine one category at a time under one-per-turn decoding, three passes
        for _ in range(3):
            for c in range(K):
                def sc(g):
                    tt = t.copy(); tt[c] = g
                    return f1(*counts(decode(P[use], tt, True), Y[use] > 0))
                t[c] = max(GRID, key=sc)
    return t


def nested(P, shared=False, one=False, verbose=True, name=''):
    pred = np.zeros_like(P, bool)
    for w in T.writers:
        te = W == w
        pred[te] = decode(P[te], choose(P, ~te, shared, one), one)
    c = counts(pred, Y > 0)
    per = ' '.join(f"{w[1]}{f1(*counts(pred[W == w], Y[W == w] > 0)):.2f}" for w in T.writers)
    if verbose:
        print(f"{name:55s} F1 {f1(*c):.3f} P {c[0]/max(1,c[1]):.2f} R {c[0]/c[2]:.2f} | {per}", flush=True)
    return f1(*c), pred
