import json, sys, itertools, numpy as np
G = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]
def f1(pred, Y):
    return 2 * (pred & (Y > 0)).sum() / max(1, pred.sum() + (Y > 0).sum())
for pair in sys.argv[1:]:
    ft = json.load(open(f'f8_{pair}.json')); base = json.load(open(f'base_t{pair[0]}t{pair[1]}.json'))
    val = ft[0]['writer']
    P8 = np.array([r['p'] for r in ft]); det = P8[:, 0]; Pf = P8[:, 1:]
    Pb = np.array([base[f"{r['id']}#{r['turn']}"] for r in ft]); Y = np.array([r['y'] for r in ft])
    v = np.array([r['writer'] == val for r in ft])
    obj = (Y > 0).any(1)
    variants = {
        'fine-tuned alone (7 heads)': lambda a, b: Pf >= a,
        'fine-tuned detector, baseline category >= t': lambda a, b: (det[:, None] >= a) & (Pb >= b),
        'fine-tuned detector, baseline argmax (+ >= t)': lambda a, b: (det[:, None] >= a) & ((Pb >= b) | (Pb == Pb.max(1, keepdims=True))),
        'fine-tuned detector, own argmax (+ >= t)': lambda a, b: (det[:, None] >= a) & ((Pf >= b) | (Pf == Pf.max(1, keepdims=True))),
        'baseline alone': lambda a, b: Pb >= a,
    }
    for name, fn in variants.items():
        a, b = max(itertools.product(G, G), key=lambda ab: f1(fn(*ab)[v], Y[v]))
        pred = fn(a, b)
        d = pred.any(1)[~v]; o = obj[~v]
        print(f'{pair} {name:48s} t=({a},{b}) val {f1(pred[v], Y[v]):.3f} test {f1(pred[~v], Y[~v]):.3f} turn detection {2 * (d & o).sum() / (d.sum() + o.sum()):.3f}')
    # per call (each category once per call), for the two variants that matter
    ids = [r['id'] for r in ft]
    for name in ('fine-tuned detector, baseline argmax (+ >= t)', 'baseline alone'):
        fn = variants[name]
        a, b = max(itertools.product(G, G), key=lambda ab: f1(fn(*ab)[v], Y[v]))
        pred = fn(a, b)
        P = {}; Gd = {}
        for n, r in enumerate(ft):
            if v[n]: continue
            P.setdefault(r['id'], set()).update(np.where(pred[n])[0]); Gd.setdefault(r['id'], set()).update(np.where(Y[n] > 0)[0])
        tp = sum(len(P[i] & Gd[i]) for i in P); pp = sum(len(P[i]) for i in P); gg = sum(len(Gd[i]) for i in Gd)
        print(f'{pair} per call, {name:46s} F1 {2 * tp / (pp + gg):.3f}')
