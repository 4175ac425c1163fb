import json
import sys
import os; sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
from exp import *
X = np.hstack([block('mean'), block('prev'), block('extra')])
GR = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]
def votes_from(train_mask):
    return knn_votes(T, in_bank=train_mask)
def ff(P, Yy, t):
    pred = P >= t; return 2 * (pred & (Yy > 0)).sum() / max(1, pred.sum() + (Yy > 0).sum())
for test, val in ((('ta', 'tb'), 'tc'), (('te', 'tf'), 'tg')):
    trm = ~np.isin(W, list(test) + [val])
    P = 0.625 * fit_sigmoids(X[trm], Y[trm], 0.1)(X) + 0.375 * votes_from(trm)
    v = W == val
    t = max(GR, key=lambda g: ff(P[v], Y[v], g))
    tm = np.isin(W, list(test))
    per = ' '.join(f'{w} {ff(P[W == w], Y[W == w], t):.3f}' for w in test)
    det = (P[tm] >= t).any(1); obj = (Y[tm] > 0).any(1)
    print(f'baseline test {test} val {val}: threshold {t} | {per} | both {ff(P[tm], Y[tm], t):.3f} (turn detection {2 * (det & obj).sum() / (det.sum() + obj.sum()):.3f})')
    json.dump({f"{r['id']}#{r['turn']}": P[i].tolist() for i, r in enumerate(T.rows) if W[i] in list(test) + [val]},
              open(f'base_{test[0]}{test[1]}.json', 'w'))
