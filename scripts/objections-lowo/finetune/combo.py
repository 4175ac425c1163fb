import json, sys, itertools, numpy as np
G = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]
def f1(pred, Y):
    return 2 * (pred & (Y > 0)).sum() / max(1, pred.sum() + (Y > 0).sum())
def variants(Pf, Pb):
    det = Pf.max(1)
    return {
        'fine-tuned alone': lambda a, b: Pf >= a,
        'fine-tuned detects, baseline category >= t': lambda a, b: (det[:, None] >= a) & (Pb >= b),
        'fine-tuned detects, baseline argmax (+ >= t)': lambda a, b: (det[:, None] >= a) & ((Pb >= b) | (Pb == Pb.max(1, keepdims=True))),
        'fine-tuned detects, fine-tuned argmax (+ >= t)': lambda a, b: (det[:, None] >= a) & ((Pf >= b) | (Pf == Pf.max(1, keepdims=True))),
        'mean of both, >= t': lambda a, b: (Pf + Pb) / 2 >= a,
        'baseline alone': lambda a, b: Pb >= a,
    }
for pair in sys.argv[1:]:
    ft = json.load(open(f'fold_{pair}.json')); base = json.load(open(f'base_t{pair[0]}t{pair[1]}.json'))
    val = ft[0]['writer']
    Pf = np.array([r['p'] for r in ft]); Pb = np.array([base[f"{r['id']}#{r['turn']}"] for r in ft]); Y = np.array([r['y'] for r in ft])
    v = np.array([r['writer'] == val for r in ft])
    for name, fn in variants(Pf, Pb).items():
        a, b = max(itertools.product(G, G), key=lambda ab: f1(fn(*ab)[v], Y[v]))
        pred = fn(a, b)
        print(f'{pair} {name:48s} t=({a},{b}) val {f1(pred[v], Y[v]):.3f} test {f1(pred[~v], Y[~v]):.3f}')
