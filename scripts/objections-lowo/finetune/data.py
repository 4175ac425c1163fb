import json
CATS = ["price", "timing", "decision_maker", "trust", "competitor", "need", "other"]
def rows(path='/tmp/obj_train.jsonl', labels=None):
    out = []
    for line in open(path):
        c = json.loads(line)
        gold = {}
        for o in (labels.get(c['id']) if labels is not None else c['objections']):
            gold.setdefault(o['turn'], set()).add(o['category'])
        turns = c['turns']
        for i, t in enumerate(turns):
            if t['speaker'] != 'CUSTOMER' or 'extra' not in t:
                continue
            prev = next((turns[j]['text'] for j in range(i - 1, -1, -1) if turns[j]['speaker'] == 'AGENT'), '')
            out.append(dict(id=c['id'], writer=c['id'][:2], turn=i, ctx=prev, text=t['text'],
                            y=[1.0 if k in gold.get(i, ()) else 0.0 for k in CATS]))
    return out
