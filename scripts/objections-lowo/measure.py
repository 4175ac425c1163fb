"""How the objection figure is matched, and what a user would count as right (session 13). TRAINING calls only,
on the out-of-writer predictions of the shipped layout (objections-v2n reproduced by errors.py, /tmp/obj_base.pkl).
Matchings compared, each one-to-one within a call:
  strict    (turn, category) exact: the evaluation's figure (Scorer.objections)
  adjacent  same category, on the same customer turn or the customer's previous / next turn (exact pairs first)
  call      (call, category): the set of categories per call, as the Calls Explorer filter, the CSR table and the
            dashboards count objections
  turn      (turn) with any category: is there an objection here at all"""
from exp import *
import hashlib
from collections import Counter

P, pred, _ = pickle.load(open('/tmp/obj_base.pkl', 'rb'))
gold = Y > 0
held = np.array([hashlib.sha1(r['id'].encode()).hexdigest()[0] in '0123' for r in T.rows])
calls = {}
for i, r in enumerate(T.rows):
    calls.setdefault(r['call'], []).append(i)


def pairs(M, idx):
    return {(T.rows[i]['turn'], c) for i in idx for c in range(K) if M[i, c]}


def adjacent(G, Pp, cturns):
    """One-to-one: exact pairs, then same category on the neighbouring customer turn."""
    pos = {t: k for k, t in enumerate(cturns)}
    tp = G & Pp
    g_left = sorted(G - tp); p_left = set(Pp - tp)
    n = len(tp)
    for (t, c) in g_left:
        for d in (1, -1):
            k = pos[t] + d
            if 0 <= k < len(cturns) and (cturns[k], c) in p_left:
                p_left.discard((cturns[k], c)); n += 1
                break
    return n


def score(M, mask=None):
    out = {k: np.zeros(3, int) for k in ('strict', 'adjacent', 'call', 'turn')}
    for ci, idx in calls.items():
        if mask is not None and not mask[idx[0]]:
            continue
        G, Pp = pairs(gold, idx), pairs(M, idx)
        cturns = [T.rows[i]['turn'] for i in idx]
        out['strict'] += (len(G & Pp), len(Pp), len(G))
        out['adjacent'] += (adjacent(G, Pp, cturns), len(Pp), len(G))
        gc, pc = {c for _, c in G}, {c for _, c in Pp}
        out['call'] += (len(gc & pc), len(pc), len(gc))
        gt, pt = {t for t, _ in G}, {t for t, _ in Pp}
        out['turn'] += (len(gt & pt), len(pt), len(gt))
    return out


def show(name, M):
    a, h = score(M), score(M, held)
    print(name)
    for k in a:
        tp, np_, ng = a[k]
        print(f"  {k:9s} P {tp/max(1,np_):.3f} R {tp/max(1,ng):.3f} F1 {f1(tp, np_, ng):.3f}  (held-out ids F1 {f1(*h[k]):.3f})  tp {tp} pred {np_} gold {ng}")
    per = {w: score(M, W == w) for w in T.writers}
    for k in a:
        print(f"    {k:9s} per writer " + ' '.join(f"{w[1]}{f1(*per[w][k]):.2f}" for w in T.writers))


show('v2n layout, out of writer, nested thresholds', pred)

# How the gold itself repeats: a category labelled on more than one turn of a call, on adjacent customer turns
print('\nGold structure per writer: pairs, calls with objections, (call, category) labelled on >1 turn, of them on adjacent customer turns')
for w in T.writers:
    tot = Counter()
    for ci, idx in calls.items():
        if T.rows[idx[0]]['writer'] != w:
            continue
        G = pairs(gold, idx); cturns = [T.rows[i]['turn'] for i in idx]
        pos = {t: k for k, t in enumerate(cturns)}
        tot['pairs'] += len(G); tot['calls'] += bool(G)
        for c in range(K):
            ts = sorted(t for t, cc in G if cc == c)
            if len(ts) > 1:
                tot['multi'] += 1
                tot['adj'] += any(pos[b] - pos[a] == 1 for a, b in zip(ts, ts[1:]))
    print(f"  {w}: pairs {tot['pairs']:3d} calls {tot['calls']:2d}  multi-turn categories {tot['multi']:2d}  adjacent {tot['adj']:2d}")

# Misses by kind, with the near-synonym confusions on the same turn
conf = Counter(); kinds = Counter()
for ci, idx in calls.items():
    G, Pp = pairs(gold, idx), pairs(pred, idx)
    cturns = [T.rows[i]['turn'] for i in idx]; pos = {t: k for k, t in enumerate(cturns)}
    for (t, c) in sorted(G - Pp):
        same = [c2 for (t2, c2) in Pp - G if t2 == t]
        nb = [(t2, c2) for (t2, c2) in Pp if c2 == c and abs(pos[t2] - pos[t]) == 1 and (t2, c2) not in G]
        if nb:
            kinds['FN: same category on the next customer turn' if pos[nb[0][0]] > pos[t] else 'FN: same category on the previous customer turn'] += 1
        elif same:
            kinds['FN: right turn, other category'] += 1
            for c2 in same:
                conf[(CATS[c], CATS[c2])] += 1
        elif any(t2 == t for t2, _ in Pp):
            kinds['FN: right turn, category missed (the turn has another right category)'] += 1
        else:
            kinds['FN: turn not detected'] += 1
        if c not in {cc for _, cc in Pp}:
            kinds['   of all FN: category not predicted anywhere in the call'] += 1
print('\nMisses (gold pairs not matched strictly):', sum(len(pairs(gold, i) - pairs(pred, i)) for i in calls.values()))
for k, v in sorted(kinds.items()):
    print(f"  {k:75s} {v}")
print('Category confusions on the same turn (gold -> predicted):')
for (g, p), v in conf.most_common():
    print(f"  {g:15s} -> {p:15s} {v}")
