from base import *
def lastk(lst,k): return lst[-k:] if lst else lst
def F(r,variant):
    c=[s['v'] for s in sents(r,'CUSTOMER')]; a=[s['v'] for s in sents(r,'AGENT')]
    allv=[s['v'] for s in r['sentences']]
    lex=np.zeros(3); lex[LEX[r['lex_overall']]]=1
    if variant=='last5': parts=[mean(c),mean(lastk(c,5)),mean(a)]
    elif variant=='v2+last3': parts=[mean(c),mean(third(c,2)),mean(a),mean(lastk(c,3))]
    elif variant=='cust-only': parts=[mean(c),mean(third(c,2))]
    elif variant=='centered': m=mean(allv); parts=[mean(c)-m,mean(third(c,2))-m,mean(a)-m]
    elif variant=='v2+centered': m=mean(allv); parts=[mean(c),mean(third(c,2)),mean(a),mean(c)-mean(a)]
    elif variant=='v2+agentlast': parts=[mean(c),mean(third(c,2)),mean(a),mean(third(a,2))]
    return np.concatenate(parts+[lex])
import sys
for variant in sys.argv[1:]:
    X=np.array([F(r,variant) for r in data])
    for C in [0.01,0.03,0.1,0.3]:
        pred,_=lowo(X,C); report(f"{variant} C={C}",pred)
