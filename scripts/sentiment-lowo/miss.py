from base import *
from sklearn.metrics import confusion_matrix
X=np.array([v2(r) for r in data]); pred,prob=lowo(X,0.1)
print(confusion_matrix(y,pred))
for w in writers:
    print(w, confusion_matrix(y[g==w],pred[g==w],labels=[0,1,2]).tolist())
for i in np.where(pred!=y)[0]:
    r=data[i]; c=sents(r,'CUSTOMER')
    print(f"\n== {r['id']} gold={P[y[i]]} pred={P[pred[i]]} lex={r['lex_overall']} trend={r['labels'].get('sentiment_trend')} p={prob[i].round(2)}")
    print("  SUM:",r['labels'].get('summary','')[:250])
    print("  LAST:", ' | '.join(s['text'] for s in c[-3:])[:300])
