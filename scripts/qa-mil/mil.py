"""Leave-one-writer-out comparison of scorecard judges on the training calls only.

base: the shipped judge's inputs (rule verdict one-hot, rule confidence, qa-v1 pooled agent vectors), logistic.
mil:  rule verdict one-hot + confidence, plus a learned score per agent sentence pooled by log-sum-exp
      (a soft maximum: one sentence of sympathy or one tip can meet the item).
both: base + the pooled sentence score.
Decided as the product decides: the rule's "not applicable" stands, else met or not met.
Usage: python3 mil.py train.jsonl [item,...]
"""
import json, sys
import numpy as np
from scipy.optimize import minimize

ITEMS = ["showed_empathy", "value_added", "asked_for_sale_or_booking", "identified_needs", "confirmed_next_steps",
         "closing", "offered_solution", "greeting"]
L2S = [0.003, 0.01, 0.03, 0.1, 0.3]
RS = [3.0, 10.0]


def load(path):
    calls = []
    for line in open(path):
        c = json.loads(line)
        c["v1"] = np.array(c["v1"], dtype=np.float64)
        c["agent"] = np.array(c["agent"], dtype=np.float64).reshape(-1, 384)
        calls.append(c)
    return calls


def head(c, key):
    v, conf, _ = c["items"][key]
    h = np.zeros(4)
    h[int(v)] = 1
    h[3] = conf
    return h


def fit(H, X, bags, y, l2, r, use_bag, use_x):
    """H: n x h call features, X: n x d pooled (or None), bags: list of m_i x 384 (standardised), y in {0,1}."""
    n = len(y)
    dh = H.shape[1]
    dx = X.shape[1] if use_x else 0
    db = 384 if use_bag else 0
    allS = np.vstack(bags) if use_bag else None
    idx = np.repeat(np.arange(n), [len(b) for b in bags]) if use_bag else None
    counts = np.array([len(b) for b in bags]) if use_bag else None

    def unpack(t):
        return t[:dh], t[dh:dh + dx], t[dh + dx:dh + dx + db], t[-2], t[-1]

    def f(t):
        u, a, w, c, sb = unpack(t)
        z = H @ u + c
        if use_x:
            z = z + X @ a
        if use_bag:
            s = r * (allS @ w + sb)
            mx = np.full(n, -np.inf)
            np.maximum.at(mx, idx, s)
            e = np.exp(s - mx[idx])
            se = np.bincount(idx, e, n)
            pooled = (mx + np.log(se / counts)) / r
            z = z + pooled
        p = 1 / (1 + np.exp(-z))
        loss = np.mean(np.logaddexp(0, -z) * y + np.logaddexp(0, z) * (1 - y))
        g = (p - y) / n
        gu = H.T @ g
        gc = g.sum()
        ga = X.T @ g if use_x else np.zeros(0)
        if use_bag:
            soft = e / se[idx]  # d pooled / d s_i * r ... pooled = LSE(r s)/r -> d/d(score_i) = soft_i
            gs = g[idx] * soft
            gw = allS.T @ gs
            gsb = gs.sum()
        else:
            gw = np.zeros(0)
            gsb = 0.0
        loss += l2 * (a @ a + w @ w) + 0.001 * (u @ u)
        ga = ga + 2 * l2 * a
        gw = gw + 2 * l2 * w
        gu = gu + 0.002 * u
        return loss, np.concatenate([gu, ga, gw, [gc, gsb]])

    t0 = np.zeros(dh + dx + db + 2)
    res = minimize(f, t0, jac=True, method="L-BFGS-B", options={"maxiter": 300})
    t = res.x

    def predict(H2, X2, bags2):
        u, a, w, c, sb = unpack(t)
        z = H2 @ u + c
        if use_x:
            z = z + X2 @ a
        if use_bag:
            for i, b in enumerate(bags2):
                s = r * (b @ w + sb)
                m = s.max() if len(s) else 0.0
                z[i] += (m + np.log(np.mean(np.exp(s - m)))) / r if len(s) else 0.0
        return 1 / (1 + np.exp(-z))
    return predict


def writer(cid):
    return cid.split("_")[0]


def run(calls, key, variant, l2, r):
    data = [c for c in calls if key in c["items"]]
    ws = sorted({writer(c["id"]) for c in data})
    right = 0
    for wv in ws:
        tr = [c for c in data if writer(c["id"]) != wv and c["items"][key][2] != "null"]
        te = [c for c in data if writer(c["id"]) == wv]
        right += score(tr, te, key, variant, l2, r)
    return right / len(data), len(data)


def score(tr, te, key, variant, l2, r):
    use_bag = variant in ("mil", "both")
    use_x = variant in ("base", "both")
    Xtr = np.array([c["v1"] for c in tr])
    mu, sd = Xtr.mean(0), Xtr.std(0) + 1e-6
    S = np.vstack([c["agent"] for c in tr if len(c["agent"])])
    smu, ssd = S.mean(0), S.std(0) + 1e-6
    prep = lambda cs: (np.array([head(c, key) for c in cs]), (np.array([c["v1"] for c in cs]) - mu) / sd,
                       [(c["agent"] - smu) / ssd for c in cs])
    H, X, B = prep(tr)
    y = np.array([1.0 if c["items"][key][2] == "true" else 0.0 for c in tr])
    pred = fit(H, X, B, y, l2, r, use_bag, use_x)
    H2, X2, B2 = prep(te)
    p = pred(H2, X2, B2)
    right = 0
    for c, pi in zip(te, p):
        v, _, gold = c["items"][key]
        said = "null" if int(v) == 2 else ("true" if pi >= 0.5 else "false")
        right += said == gold
    return right


def rules(calls, key):
    data = [c for c in calls if key in c["items"]]
    return sum(["true", "false", "null"][int(c["items"][key][0])] == c["items"][key][2] for c in data) / len(data)


if __name__ == "__main__":
    calls = load(sys.argv[1])
    items = sys.argv[2].split(",") if len(sys.argv) > 2 else ITEMS
    variants = sys.argv[3].split(",") if len(sys.argv) > 3 else ["base", "mil", "both"]
    for key in items:
        print(f"{key}: rules {rules(calls, key):.3f}", flush=True)
        for variant in variants:
            grid = [(l2, r) for l2 in L2S for r in (RS if variant != "base" else [0])]
            out = []
            for l2, r in grid:
                acc, n = run(calls, key, variant, l2, r)
                out.append((acc, l2, r))
            best = max(out)
            print(f"  {variant:5s} best {best[0]:.3f} (l2 {best[1]}, r {best[2]})  " +
                  " ".join(f"{a:.3f}" for a, _, _ in out), flush=True)
