"""Probe: MiniLM fine-tuned on (agent's previous turn, customer turn) -> 7 objection categories.
Train on 7 writers; the validation writer's and the 2 held writers' probabilities are written out (score.py / combo.py).
A fifth argument `detector` adds an eighth output first, "an objection on this turn" (combo8.py reads it)."""
import sys, time, random, json, numpy as np, torch
from bert import *
from data import rows, CATS
torch.set_num_threads(2); torch.manual_seed(0); random.seed(0)
test = sys.argv[1].split(','); val = sys.argv[2]; epochs = int(sys.argv[3]); out = sys.argv[4]
detector = len(sys.argv) > 5 and sys.argv[5] == 'detector'
outs = 8 if detector else 7
R = rows()
tr = [r for r in R if r['writer'] not in test and r['writer'] != val]
va = [r for r in R if r['writer'] == val]; te = [r for r in R if r['writer'] in test]
tok = Tok()
m = Bert().load(torch.load('minilm_sd.pt')); head = nn.Linear(384, outs)
opt = torch.optim.AdamW([{'params': m.parameters(), 'lr': 4e-5}, {'params': head.parameters(), 'lr': 1e-3}], weight_decay=0.01)
for r in tr + va + te:
    r['len'] = len(tok.encode(r['ctx'], r['text'])[0])

def batches(rs, size, shuffle):
    rs = sorted(rs, key=lambda r: r['len'])
    bs = [rs[i:i + size] for i in range(0, len(rs), size)]
    if shuffle: random.shuffle(bs)
    return bs

def logits(bt):
    ids, ty, att = batch(tok, [(r['ctx'], r['text']) for r in bt])
    h = m(ids, ty, att); e = (h * att[..., None]).sum(1) / att.sum(1, keepdim=True)
    return head(e)

steps = epochs * len(batches(tr, 16, False)); step = 0; t0 = time.time()
pw = torch.tensor([2.0] + [3.0] * 7) if detector else torch.full((7,), 3.0)
for ep in range(epochs):
    m.train()
    for bt in batches(tr, 16, True):
        for g, base in zip(opt.param_groups, (4e-5, 1e-3)):
            g['lr'] = base * min(1.0, (step + 1) / 30) * (1 - step / steps)
        loss = nn.functional.binary_cross_entropy_with_logits(logits(bt), torch.tensor([([max(r['y'])] if detector else []) + r['y'] for r in bt]), pos_weight=pw)
        opt.zero_grad(); loss.backward(); opt.step(); step += 1
        if step % 50 == 0: print(f'step {step}/{steps} loss {loss.item():.3f} {time.time() - t0:.0f}s', flush=True)

m.eval()
def predict(rs):
    with torch.no_grad():
        for bt in batches(rs, 64, False):
            p = torch.sigmoid(logits(bt)).numpy()
            for r, q in zip(bt, p): r['p'] = q.tolist()
predict(va); predict(te)
json.dump([{k: r[k] for k in ('id', 'writer', 'turn', 'y', 'p')} for r in va + te], open(out, 'w'))
print('done', time.time() - t0)
