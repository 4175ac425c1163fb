"""Where the shipped layout (objections-v2n, reproduced offline) loses F1 on the training calls, out of writer."""
from exp import *
from collections import Counter

X = np.hstack([block('mean'), block('prev'), block('extra')])
P0 = lowo(X, 0.1)
P = 0.625 * P0 + 0.375 * VOTES
_, pred = nested(P, name='v2n layout (mean+prev+extra, 10-NN 0.375, per-cat)')
gold = Y > 0
calls = {}
for i, r in enumerate(T.rows):
    calls.setdefault(r['call'], []).append(i)
kinds = Counter()
examples = {}
for ci, idx in calls.items():
    G = {(T.rows[i]['turn'], c) for i in idx for c in range(K) if gold[i, c]}
    Pp = {(T.rows[i]['turn'], c) for i in idx for c in range(K) if pred[i, c]}
    gturns = {t for t, _ in G}; pturns = {t for t, _ in Pp}
    for (t, c) in G - Pp:
        if any(abs(t2 - t) <= 2 and t2 != t and (t2, c) in Pp - G for t2, _ in Pp):
            k = 'FN alignment (same category on a turn 1-2 away)'
        elif t in pturns:
            k = 'FN category (turn found, other category)'
        else:
            k = 'FN detection (turn not found at all)'
        kinds[k] += 1; examples.setdefault(k, []).append((T.rows[idx[0]]['id'], t, CATS[c]))
    for (t, c) in Pp - G:
        if any(abs(t2 - t) <= 2 and t2 != t and (t2, c) in G - Pp for t2, _ in G):
            k = 'FP alignment (gold same category 1-2 turns away)'
        elif (t, c) in Pp and any((t, c2) in G & Pp for c2 in range(K)):
            k = 'FP extra category on a right turn'
        elif t in gturns:
            k = 'FP category (objection turn, wrong category)'
        else:
            k = 'FP detection (no objection in the turn)'
        kinds[k] += 1; examples.setdefault(k, []).append((T.rows[idx[0]]['id'], t, CATS[c]))
c = counts(pred, gold)
print('gold pairs', c[2], 'predicted', c[1], 'tp', c[0])
for k, v in sorted(kinds.items()):
    print(f"  {k:55s} {v}")
# oracle splits: how far would perfect detection / perfect categories take this model?
det = pred.any(1)
tp_cat = sum(len(set(np.where(gold[i])[0])) for i in range(len(gold)) if det[i])
pc = gold[det].sum()
print('oracle categories on the detected turns: F1 %.3f' % f1(tp_cat, pc, gold.sum()))
isobj = gold.any(1)
pr2 = np.zeros_like(pred)
for i in np.where(isobj)[0]:
    pr2[i, P[i].argmax()] = True
print('oracle detection, argmax category on gold objection turns: F1 %.3f' % f1(*counts(pr2, gold)))
print('turn-level detection (any objection): P %.2f R %.2f F1 %.3f' % (
    (det & isobj).sum() / det.sum(), (det & isobj).sum() / isobj.sum(), f1((det & isobj).sum(), det.sum(), isobj.sum())))
print('per writer: objection turns / customer turns, gold pairs per call, share two-category turns')
for w in T.writers:
    m = W == w
    print(f"  {w}: {isobj[m].mean():.3f} {gold[m].sum() / len(set(T.rows[i]['call'] for i in np.where(m)[0])):.2f} {(gold[m].sum(1) > 1).sum() / max(1, isobj[m].sum()):.2f}  cats " +
          ' '.join(f"{CATS[c][:4]}{gold[m, c].sum()}" for c in range(K)))
pickle.dump((P, pred, examples), open('/tmp/obj_base.pkl', 'wb'))
