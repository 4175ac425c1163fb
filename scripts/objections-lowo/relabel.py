"""Second labellings of the training calls (independent annotators, /work/relabel/out/h<k>_shard<s>.jsonl):
(1) agreement between annotators and the writers' own labels (the ceiling any model is measured under);
(2) the shipped layout trained on other label sets, scored out of writer against the held writer's OWN labels."""
import glob, json, re, sys
from exp import *

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../src/test/resources/evaluation/train/objection-relabels')
labels = {}   # id -> list of (annotator, set of (turn, cat))
for f in sorted(glob.glob(f'{OUT}/h*_shard*.jsonl')):
    h = re.search(r'/(h\d+)_', f).group(1)
    for line in open(f):
        line = line.strip()
        if not line:
            continue
        r = json.loads(line)
        labels.setdefault(r['id'], []).append((h, {(o['turn'], o['category']) for o in r['objections']}))
ids = sorted({r['id'] for r in T.rows})
covered = [i for i in ids if len(labels.get(i, [])) >= 2]
print(f'calls {len(ids)}, with two second labellings {len(covered)}, with one {sum(1 for i in ids if len(labels.get(i, [])) == 1)}')

gold = {}
for r in T.rows:
    for c in range(K):
        if r['y'][c]:
            gold.setdefault(r['id'], set()).add((r['turn'], CATS[c]))


def agree(A, B, keyf):
    tp = pa = pb = 0
    for i in covered:
        a = {keyf(x) for x in A(i)}; b = {keyf(x) for x in B(i)}
        tp += len(a & b); pa += len(a); pb += len(b)
    return 2 * tp / max(1, pa + pb)


first = lambda i: labels[i][0][1]
second = lambda i: labels[i][1][1]
orig = lambda i: gold.get(i, set())
for name, keyf in (('strict (turn, category)', lambda x: x), ('per call (category)', lambda x: x[1]), ('turn only', lambda x: x[0])):
    print(f'agreement F1, {name:25s} annotator1~writer {agree(first, orig, keyf):.3f}  annotator2~writer {agree(second, orig, keyf):.3f}'
          f'  annotator1~annotator2 {agree(first, second, keyf):.3f}')
print('pairs: writer', sum(len(orig(i)) for i in covered), 'annotator1', sum(len(first(i)) for i in covered),
      'annotator2', sum(len(second(i)) for i in covered))


def matrix(fn):
    Yt = np.zeros_like(Y)
    for n, r in enumerate(T.rows):
        for (t, c) in fn(r['id']):
            if t == r['turn'] and c in CATS:
                Yt[n, CATS.index(c)] = 1.0
    return Yt


def use(i):
    return i in covered
Y1 = matrix(lambda i: first(i) if use(i) else orig(i))
Y2 = matrix(lambda i: second(i) if use(i) else orig(i))
YU = np.maximum(Y1, Y2)
YI = np.minimum(Y1, Y2)
S = (Y + Y1 + Y2) / 3
YM = (S > 0.5).astype(float)

X = np.hstack([block('mean'), block('prev'), block('extra')])


def votes(Yt):
    return knn_votes(T, labels=Yt)


def run(name, Yt, Ychoose):
    """Weights, votes and thresholds from the other writers' Yt / Ychoose; scored on the held writer's own Y."""
    P = 0.625 * lowo(X, 0.1, Yt) + 0.375 * votes(Yt)
    pred = np.zeros_like(P, bool)
    for w in T.writers:
        te = W == w
        t = np.array([max(GRID, key=lambda g: f1(*counts(P[~te, c] >= g, Ychoose[~te, c] > 0))) for c in range(K)])
        pred[te] = P[te] >= t
    c = counts(pred, Y > 0)
    per = ' '.join(f"{w[1]}{f1(*counts(pred[W == w], Y[W == w] > 0)):.2f}" for w in T.writers)
    gp = {}
    for n, r in enumerate(T.rows):
        for k in range(K):
            if pred[n, k]:
                gp.setdefault(r['id'], set()).add(CATS[k])
    tp = sum(len(gp.get(i, set()) & {c for _, c in orig(i)}) for i in ids)
    pc = f1(tp, sum(len(v) for v in gp.values()), sum(len({c for _, c in orig(i)}) for i in ids))
    print(f"{name:45s} strict F1 {f1(*c):.3f} P {c[0]/max(1,c[1]):.2f} R {c[0]/c[2]:.2f} per call {pc:.3f} | {per}", flush=True)
    return P


if __name__ == '__main__':
    run('writers\' own labels (shipped layout)', Y, Y)
    run('annotator 1 instead', Y1, Y1)
    run('annotator 2 instead', Y2, Y2)
    run('union of the two annotators', YU, YU)
    run('both annotators agree', YI, YI)
    run('majority of writer + two annotators', YM, YM)
    run('soft: mean of writer + two annotators', S, YM)
    run('writer labels, thresholds on majority', Y, YM)
    run('union of writer and majority', np.maximum(Y, YM), np.maximum(Y, YM))
