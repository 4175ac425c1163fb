import json,glob,os,collections as C
L={f.split('/')[-1][:-12]:json.load(open(f)) for f in sorted(glob.glob(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tj_*.labels.json")))}
print(len(L),"calls")
print("sent x trend",C.Counter((l['customer_sentiment'],l['sentiment_trend']) for l in L.values()))
print("sent",C.Counter(l['customer_sentiment'] for l in L.values()), "trend",C.Counter(l['sentiment_trend'] for l in L.values()))
print("booking",C.Counter(l['booking_status'] for l in L.values() if l['booking_status']))
print("qual",C.Counter(l['qualification'] for l in L.values() if l['qualification']))
print("outcome",C.Counter(l['outcome'] for l in L.values() if l['outcome']))
print("objections",C.Counter(o['category'] for l in L.values() for o in l['objections']), "calls with obj",sum(1 for l in L.values() if l['objections']))
print("action items",C.Counter(a['owner'] for l in L.values() for a in l['action_items']))
print("pii",C.Counter(p['type'] for l in L.values() for p in l['pii']))
for k in next(iter(L.values()))['qa']:
    c=C.Counter(str(l['qa'][k]) for l in L.values()); print("qa %-26s"%k, dict(c))
print("resolution",C.Counter(l['kpis']['resolution'] for l in L.values()),"effort",C.Counter(l['kpis']['customer_effort_1to5'] for l in L.values()))
