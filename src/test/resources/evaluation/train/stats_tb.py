import json, glob, collections as C
L = {f[:-12]: json.load(open(f)) for f in sorted(glob.glob('tb_*.labels.json'))}
print(len(L), 'calls', C.Counter(k.split('_')[1] for k in L))
print('sentiment x trend', sorted(C.Counter((l['customer_sentiment'], l['sentiment_trend']) for l in L.values()).items()))
print('sentiment', C.Counter(l['customer_sentiment'] for l in L.values()), 'trend', C.Counter(l['sentiment_trend'] for l in L.values()))
print('booking', C.Counter(l['booking_status'] for l in L.values()))
print('qualification', C.Counter(l['qualification'] for l in L.values() if l['qualification']))
print('outcome', [(k, l['outcome'], l['deal_value']) for k, l in L.items() if l['outcome']])
print('objections', C.Counter(o['category'] for l in L.values() for o in l['objections']), 'calls with objections', sum(1 for l in L.values() if l['objections']))
print('action items', C.Counter(a['owner'] for l in L.values() for a in l['action_items']), 'per call', C.Counter(len(l['action_items']) for l in L.values()))
print('pii', C.Counter(p['type'] for l in L.values() for p in l['pii']))
print('resolution', C.Counter(l['kpis']['resolution'] for l in L.values()), 'effort', sorted(C.Counter(l['kpis']['customer_effort_1to5'] for l in L.values()).items()))
for k in next(iter(L.values()))['qa']:
    c = C.Counter(str(l['qa'][k]) for l in L.values()); print('  qa %-26s true %2d false %2d null %2d' % (k, c['True'], c['False'], c['None']))
