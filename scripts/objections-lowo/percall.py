"""Decoding with the call's structure (session 13), TRAINING calls only: writers give a category to one turn of a
call in 85% of cases (363 of 425 (call, category)), the shipped decoding predicts 491 pairs for 400 (call, category).
Variant: a category passing its threshold on several turns of a call keeps only its strongest turn (p / threshold).
Thresholds nested (chosen under the same decoding on the other nine writers). Margin stated before running: +0.02."""
from exp import *
P, pred0, _ = pickle.load(open('/tmp/obj_base.pkl', 'rb'))
gold = Y > 0
callid = np.array([r['call'] for r in T.rows])


def one_turn(P, t, m):
    pred = P[m] >= t
    ratio = P[m] / t
    cid = callid[m]
    for c in range(K):
        for ci in np.unique(cid[pred[:, c]]):
            rows = np.where((cid == ci) & pred[:, c])[0]
            if len(rows) > 1:
                keep = rows[ratio[rows, c].argmax()]
                pred[rows, c] = False; pred[keep, c] = True
    return pred


def run(limit, name):
    pred = np.zeros_like(gold)
    for w in T.writers:
        te = W == w; tr = ~te
        t = choose(P, tr)
        if limit:
            for _ in range(2):  # refine under the decoding, one category at a time
                for c in range(K):
                    def sc(g):
                        tt = t.copy(); tt[c] = g
                        return f1(*counts(one_turn(P, tt, tr), gold[tr]))
                    t[c] = max(GRID, key=sc)
            pred[te] = one_turn(P, t, te)
        else:
            pred[te] = P[te] >= t
    c = counts(pred, gold)
    per = ' '.join(f"{w[1]}{f1(*counts(pred[W == w], gold[W == w])):.2f}" for w in T.writers)
    print(f"{name:45s} F1 {f1(*c):.3f} P {c[0]/c[1]:.2f} R {c[0]/c[2]:.2f} | {per}", flush=True)
    return pred

run(False, 'shipped decoding')
p1 = run(True, 'one turn per category per call')
pickle.dump(p1, open('/tmp/obj13/percall_pred.pkl', 'wb'))
