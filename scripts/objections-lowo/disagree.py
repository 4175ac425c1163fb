"""A proxy for writers' disagreement: for the baseline's detection errors, how the 10 nearest customer sentences of
OTHER writers were labelled (share in objection turns, max over the turn's sentences)."""
from exp import *
P, pred, _ = pickle.load(open('/tmp/obj_base.pkl', 'rb'))
ANY = pickle.load(open('/tmp/obj_anyvote.pkl', 'rb'))
gold = Y > 0; isobj = gold.any(1); det = pred.any(1)
for name, m in [('missed objection turns (FN detection)', isobj & ~det), ('false-alarm turns (FP detection)', ~isobj & det),
                ('found objection turns', isobj & det), ('quiet non-objection turns', ~isobj & ~det)]:
    a = ANY[m]
    print(f"{name:40s} n={m.sum():5d} neighbours-say-objection >=0.5: {np.mean(a >= 0.5):.2f}  <=0.1: {np.mean(a <= 0.1):.2f}  mean {a.mean():.2f}")
