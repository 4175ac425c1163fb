#!/usr/bin/env python3
"""Checks labelled conversations (<id>.json + <id>.labels.json) against the label scheme of
shared/testdata/calls/README.md.  Usage: check.py [labels files or dirs...]."""
import json, os, re, sys, glob

DOMAINS = {"support": "sup", "csr": "csr", "field_sales": "fs", "mystery_shop": "ms", "voice_agent": "va"}
LANGS = {"en-US", "es-419"}
DIRS = {"inbound", "outbound", "in_person"}
PII = {"NAME", "PHONE", "EMAIL", "ADDRESS", "ACCOUNT_NUMBER", "CARD_NUMBER", "DATE_OF_BIRTH", "NATIONAL_ID"}
OBJ = {"price", "timing", "decision_maker", "trust", "competitor", "need", "other"}
QA_BOOL = ["greeting", "identified_self", "showed_empathy", "offered_solution", "confirmed_next_steps",
           "closing", "interrupted_customer", "value_added"]
QA_NULLABLE = ["verified_customer", "asked_for_sale_or_booking", "identified_needs"]


def check(labels_path):
    errs = []
    e = errs.append
    base = labels_path[:-len(".labels.json")]
    cid = os.path.basename(base)
    try:
        call = json.load(open(base + ".json", encoding="utf-8"))
        lab = json.load(open(labels_path, encoding="utf-8"))
    except Exception as ex:  # noqa
        return ["parse: %s" % ex]
    if call.get("id") != cid:
        e("id %r != file id %r" % (call.get("id"), cid))
    dom = call.get("domain")
    if dom not in DOMAINS:
        e("domain %r" % dom)
    elif cid.startswith("tc_") and not cid.startswith("tc_%s_" % DOMAINS[dom]):
        e("id prefix does not match domain %s" % dom)
    if call.get("language") not in LANGS:
        e("language %r" % call.get("language"))
    if call.get("direction") not in DIRS:
        e("direction %r" % call.get("direction"))
    if not (call.get("agent") or {}).get("name"):
        e("agent.name missing")
    cust = call.get("customer") or {}
    if "name" not in cust:
        e("customer.name missing")
    ph = cust.get("phone")
    if ph is not None and not re.fullmatch(r"\+1\d{3}555\d{4}|\+\d{8,15}", ph):
        e("customer.phone %r" % ph)
    if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", call.get("started_at", "")):
        e("started_at %r" % call.get("started_at"))
    turns = call.get("turns") or []
    if not turns:
        e("no turns")
    prev = None
    interrupted = False
    for i, t in enumerate(turns):
        if t.get("speaker") not in ("agent", "customer"):
            e("turn %d speaker %r" % (i, t.get("speaker")))
        if not isinstance(t.get("text"), str) or not t["text"].strip():
            e("turn %d empty text" % i)
        s, en = t.get("start"), t.get("end")
        if not isinstance(s, (int, float)) or not isinstance(en, (int, float)) or not en > s:
            e("turn %d bad times %r-%r" % (i, s, en))
            continue
        if prev is not None:
            if s < prev["start"]:
                e("turn %d not sorted by start" % i)
            if t["speaker"] == "agent" and prev["speaker"] == "customer" and s < prev["end"]:
                interrupted = True
        prev = t
    # labels
    if lab.get("customer_sentiment") not in ("negative", "neutral", "positive"):
        e("customer_sentiment %r" % lab.get("customer_sentiment"))
    if lab.get("sentiment_trend") not in ("improving", "steady", "worsening"):
        e("sentiment_trend %r" % lab.get("sentiment_trend"))
    if not re.fullmatch(r"[a-z][a-z0-9_]*", lab.get("call_reason") or ""):
        e("call_reason %r" % lab.get("call_reason"))
    if not (lab.get("summary") or "").strip():
        e("summary empty")
    for p in lab.get("pii", []):
        ti = p.get("turn")
        if not isinstance(ti, int) or not 0 <= ti < len(turns):
            e("pii turn %r out of range" % ti)
            continue
        if p.get("type") not in PII:
            e("pii type %r" % p.get("type"))
        if not p.get("text") or p["text"] not in turns[ti]["text"]:
            e("pii %r not in turn %d" % (p.get("text"), ti))
    # repeated identical spans in one turn must not exceed occurrences
    seen = {}
    for p in lab.get("pii", []):
        k = (p.get("turn"), p.get("text"))
        seen[k] = seen.get(k, 0) + 1
    for (ti, tx), n in seen.items():
        if isinstance(ti, int) and 0 <= ti < len(turns) and tx and turns[ti]["text"].count(tx) < n:
            e("pii %r listed %d times but occurs fewer times in turn %d" % (tx, n, ti))
    for o in lab.get("objections", []):
        ti = o.get("turn")
        if not isinstance(ti, int) or not 0 <= ti < len(turns):
            e("objection turn %r out of range" % ti)
        elif turns[ti]["speaker"] != "customer":
            e("objection on non-customer turn %d" % ti)
        if o.get("category") not in OBJ:
            e("objection category %r" % o.get("category"))
    for a in lab.get("action_items", []):
        if a.get("owner") not in ("agent", "customer") or not (a.get("text") or "").strip():
            e("action item %r" % a)
    qa = lab.get("qa") or {}
    if set(qa) != set(QA_BOOL + QA_NULLABLE):
        e("qa keys %s" % sorted(set(qa) ^ set(QA_BOOL + QA_NULLABLE)))
    for k in QA_BOOL:
        if not isinstance(qa.get(k), bool):
            e("qa.%s must be bool, is %r" % (k, qa.get(k)))
    for k in QA_NULLABLE:
        if k in qa and qa[k] is not None and not isinstance(qa[k], bool):
            e("qa.%s must be bool or null, is %r" % (k, qa[k]))
    if isinstance(qa.get("interrupted_customer"), bool) and qa["interrupted_customer"] != interrupted:
        e("qa.interrupted_customer=%s but timing says %s" % (qa["interrupted_customer"], interrupted))
    bs = lab.get("booking_status")
    if bs not in (None, "booked", "not_booked", "service_not_offered"):
        e("booking_status %r" % bs)
    if dom in ("csr", "voice_agent") and bs is None:
        e("booking_status required for %s" % dom)
    if dom in ("support", "field_sales") and bs is not None:
        e("booking_status must be null for %s" % dom)
    if dom == "mystery_shop" and bs not in (None, "booked"):
        e("mystery_shop booking_status only when booked")
    q = lab.get("qualification")
    if dom == "csr":
        if q not in ("hot", "warm", "cold", "unqualified"):
            e("qualification %r" % q)
    elif q is not None:
        e("qualification must be null outside csr")
    oc, dv = lab.get("outcome"), lab.get("deal_value")
    if dom == "field_sales":
        if oc not in ("closed_won", "closed_lost", "open"):
            e("outcome %r" % oc)
    elif oc is not None:
        e("outcome must be null outside field_sales")
    if oc == "closed_won":
        if not isinstance(dv, (int, float)) or isinstance(dv, bool) or dv <= 0:
            e("deal_value must be a positive number with closed_won")
    elif dv is not None:
        e("deal_value must be null unless closed_won")
    k = lab.get("kpis") or {}
    if k.get("customer_effort_1to5") not in (1, 2, 3, 4, 5):
        e("kpis.customer_effort_1to5 %r" % k.get("customer_effort_1to5"))
    if k.get("resolution") not in ("resolved", "unresolved", "escalated"):
        e("kpis.resolution %r" % k.get("resolution"))
    return errs


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    paths = []
    for a in argv or [here]:
        if os.path.isdir(a):
            paths += sorted(glob.glob(os.path.join(a, "tc_*.labels.json" if not argv else "*.labels.json")))
        else:
            paths.append(a)
    bad = 0
    for p in paths:
        errs = check(p)
        if errs:
            bad += 1
            for x in errs:
                print("%s: %s" % (os.path.basename(p), x))
    print("%d calls checked, %d with errors" % (len(paths), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
