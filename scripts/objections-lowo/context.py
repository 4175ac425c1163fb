"""Dialogue context on top of the shipped layout (session 13), TRAINING calls only. Margin stated before running:
+0.02 strict nested leave-one-writer-out F1 over the v2n layout reproduced here (0.517).
Stage 2 re-reads each customer turn's seven out-of-writer probabilities (v2n blend) together with those of the
customer's previous and next turn (a concern repeated or pushed further), the any-objection neighbour share of all
three, and the binary detector of session 11 (turn mean + max + previous and next agent turn: the agent's rebuttal
right after). One sigmoid per category, leave one writer out, per-category thresholds nested as everywhere here.
Caveat: the stage-1 probabilities of the other writers come from models that saw the held writer (one level of
nesting less than the trainer); this favours the candidate slightly."""
from exp import *


def nested_q(P, name):
    """As exp.nested with per-category thresholds, but each threshold is chosen among the 1st..30th percentile
    from the top of the other writers' scores (a fixed grid in probability is too coarse once stage 2 calibrates
    rare categories to 1-3%; the baseline is re-scored the same way)."""
    pred = np.zeros_like(P, bool)
    for w in T.writers:
        te = W == w; tr = ~te
        for c in range(K):
            cand = np.quantile(P[tr, c], 1 - np.linspace(0.002, 0.3, 150))
            t = max(cand, key=lambda g: f1(*counts(P[tr, c] >= g, Y[tr, c] > 0)))
            pred[te, c] = P[te, c] >= t
    c = counts(pred, Y > 0)
    per = ' '.join(f"{w[1]}{f1(*counts(pred[W == w], Y[W == w] > 0)):.2f}" for w in T.writers)
    print(f"{name:55s} F1 {f1(*c):.3f} P {c[0]/max(1,c[1]):.2f} R {c[0]/c[2]:.2f} | {per}", flush=True)
    return pred
P, pred0, _ = pickle.load(open('/tmp/obj_base.pkl', 'rb'))
ANY = pickle.load(open('/tmp/obj_anyvote.pkl', 'rb'))
D = pickle.load(open('/tmp/obj_det_mean+max+prev+next+extra_0.1.pkl', 'rb'))
n = len(T.rows)
prv = np.full(n, -1); nxt = np.full(n, -1)
for i in range(n):
    if i > 0 and T.rows[i - 1]['call'] == T.rows[i]['call']: prv[i] = i - 1
    if i + 1 < n and T.rows[i + 1]['call'] == T.rows[i]['call']: nxt[i] = i + 1


def shift(A, j):
    A = A.reshape(n, -1)
    out = np.zeros_like(A)
    m = j >= 0
    out[m] = A[j[m]]
    return out


logit = lambda p: np.log(np.clip(p, 1e-4, 1 - 1e-4) / (1 - np.clip(p, 1e-4, 1 - 1e-4)))
base = [logit(P), ANY.reshape(-1, 1)]
ctx_c = [logit(shift(P, prv)), logit(shift(P, nxt)), shift(ANY, prv), shift(ANY, nxt), (prv >= 0)[:, None], (nxt >= 0)[:, None]]
det = [logit(D).reshape(-1, 1)]
det_c = [logit(shift(D, prv)), logit(shift(D, nxt))]
nested(P, name='baseline: v2n layout (grid)')
nested_q(P, name='baseline: v2n layout (percentile thresholds)')
PART = os.environ.get('PART', 'all')   # PART=2: only the per-category stage 2 below
for name, blocks in [] if PART == '2' else [('stage 2: own probabilities only', base),
                     ('+ previous / next customer turn', base + ctx_c),
                     ('+ detector (agent rebuttal after)', base + det),
                     ('+ both', base + ctx_c + det + det_c)]:
    X = np.hstack(blocks).astype(np.float64)
    for l2 in [0.001, 0.01]:
        nested_q(lowo(X, l2), name=f"{name} l2 {l2}")

# Per category: the turn's own probability of that category beside the same category's probability on the
# customer's previous and next turn, and the detector / any-objection share around it (no cross-category mixing).
print('per-category stage 2')
lP, lPp, lPn = logit(P), logit(shift(P, prv)), logit(shift(P, nxt))
hp, hn = (prv >= 0).astype(float), (nxt >= 0).astype(float)
for name, cols in [('own probability only', lambda c: [lP[:, c]]),
                   ('+ same category, previous / next customer turn', lambda c: [lP[:, c], lPp[:, c], lPn[:, c], hp, hn]),
                   ('+ detector and any-objection share (turn)', lambda c: [lP[:, c], logit(D), ANY]),
                   ('+ all of the above with the neighbours\' detector / share', lambda c: [lP[:, c], lPp[:, c], lPn[:, c], hp, hn, logit(D),
                        ANY, logit(shift(D, prv))[:, 0], logit(shift(D, nxt))[:, 0], shift(ANY, prv)[:, 0], shift(ANY, nxt)[:, 0]])]:
    for l2 in [0.001, 0.01]:
        Q = np.zeros_like(P)
        for c in range(K):
            Q[:, c] = lowo(np.column_stack(cols(c)), l2, Y[:, [c]])[:, 0]
        nested_q(Q, name=f"{name} l2 {l2}")
