import json, sys, numpy as np
GRID = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]
def f1(P, Y, t):
    pred = P >= t; tp = (pred & (Y > 0)).sum(); return 2 * tp / max(1, pred.sum() + (Y > 0).sum())
for f in sys.argv[1:]:
    d = json.load(open(f)); val = [r for r in d if r['writer'] == d[0]['writer']]
    tests = sorted({r['writer'] for r in d} - {d[0]['writer']})
    Pv = np.array([r['p'] for r in val]); Yv = np.array([r['y'] for r in val])
    t = max(GRID, key=lambda g: f1(Pv, Yv, g))
    line = f'{f}: val {d[0]["writer"]} threshold {t} (val F1 {f1(Pv, Yv, t):.3f})'
    allP = []; allY = []
    for w in tests:
        P = np.array([r['p'] for r in d if r['writer'] == w]); Y = np.array([r['y'] for r in d if r['writer'] == w])
        allP.append(P); allY.append(Y)
        line += f' | {w} F1 {f1(P, Y, t):.3f}'
    P = np.vstack(allP); Y = np.vstack(allY)
    det = (P >= t).any(1); obj = (Y > 0).any(1)
    line += f' | both {f1(P, Y, t):.3f} (turn detection {2 * (det & obj).sum() / (det.sum() + obj.sum()):.3f})'
    print(line)
