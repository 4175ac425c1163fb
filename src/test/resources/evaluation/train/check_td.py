#!/usr/bin/env python3
"""Check labelled calls (<id>.json + <id>.labels.json) against the testdata/calls README scheme.
Usage: check_td.py [DIR_OR_LABELS_FILE ...]   (default: this script's folder). Exit 1 on any error."""
import glob, json, os, re, sys

DOMAINS = {"support": "sup", "csr": "csr", "field_sales": "fs", "mystery_shop": "ms", "voice_agent": "va"}
LANGS = {"en-US", "es-419"}
DIRECTIONS = {"inbound", "outbound", "in_person"}
PII_TYPES = {"NAME", "PHONE", "EMAIL", "ADDRESS", "ACCOUNT_NUMBER", "CARD_NUMBER", "DATE_OF_BIRTH", "NATIONAL_ID"}
OBJ = {"price", "timing", "decision_maker", "trust", "competitor", "need", "other"}
QA_KEYS = ["greeting", "identified_self", "verified_customer", "showed_empathy", "offered_solution",
           "asked_for_sale_or_booking", "confirmed_next_steps", "closing", "interrupted_customer",
           "identified_needs", "value_added"]
QA_NULLABLE = {"verified_customer", "asked_for_sale_or_booking", "identified_needs"}


def check(labels_path, strict):
    errs = []
    cid = os.path.basename(labels_path)[:-len(".labels.json")]
    tpath = os.path.join(os.path.dirname(labels_path), cid + ".json")
    try:
        t = json.load(open(tpath, encoding="utf-8"))
        lab = json.load(open(labels_path, encoding="utf-8"))
    except Exception as e:  # noqa
        return [f"parse: {e}"]
    if t.get("id") != cid:
        errs.append(f"id {t.get('id')!r} != file id")
    dom = t.get("domain")
    if dom not in DOMAINS:
        errs.append(f"domain {dom!r}")
    elif DOMAINS[dom] not in cid.split("_")[:2]:
        errs.append(f"id prefix does not match domain {dom}")
    if t.get("language") not in ({"en-US"} if strict else LANGS):
        errs.append(f"language {t.get('language')!r}")
    if t.get("direction") not in DIRECTIONS:
        errs.append(f"direction {t.get('direction')!r}")
    for k in ("agent", "customer", "started_at"):
        if k not in t:
            errs.append(f"missing {k}")
    phone = (t.get("customer") or {}).get("phone")
    if phone is not None and not re.fullmatch(r"\+1\d{3}5550[01]\d\d" if strict else r"\+\d{8,15}", phone):
        errs.append(f"customer.phone {phone!r}")
    turns = t.get("turns") or []
    if strict and not 14 <= len(turns) <= 40:
        errs.append(f"{len(turns)} turns (want 14-40)")
    prev = -1.0
    for i, tu in enumerate(turns):
        if tu.get("speaker") not in ("agent", "customer"):
            errs.append(f"turn {i} speaker {tu.get('speaker')!r}")
        if not isinstance(tu.get("text"), str) or not tu["text"].strip():
            errs.append(f"turn {i} empty text")
        if not tu["end"] > tu["start"]:
            errs.append(f"turn {i} end <= start")
        if tu["start"] < prev:
            errs.append(f"turn {i} not sorted by start")
        prev = tu["start"]
    n = len(turns)
    # labels
    if lab.get("customer_sentiment") not in ("negative", "neutral", "positive"):
        errs.append("customer_sentiment")
    if lab.get("sentiment_trend") not in ("improving", "steady", "worsening"):
        errs.append("sentiment_trend")
    if not re.fullmatch(r"[a-z][a-z0-9_]*", str(lab.get("call_reason"))):
        errs.append("call_reason not snake_case")
    if not isinstance(lab.get("summary"), str) or not lab["summary"].strip():
        errs.append("summary")
    for p in lab.get("pii", []):
        ti = p.get("turn")
        if not isinstance(ti, int) or not 0 <= ti < n:
            errs.append(f"pii turn {ti}")
            continue
        if p.get("type") not in PII_TYPES:
            errs.append(f"pii type {p.get('type')!r}")
        if not p.get("text") or p["text"] not in turns[ti]["text"]:
            errs.append(f"pii {p.get('text')!r} not in turn {ti}")
    for o in lab.get("objections", []):
        ti = o.get("turn")
        if not isinstance(ti, int) or not 0 <= ti < n or turns[ti]["speaker"] != "customer":
            errs.append(f"objection turn {ti} not a customer turn")
        if o.get("category") not in OBJ:
            errs.append(f"objection category {o.get('category')!r}")
    for a in lab.get("action_items", []):
        if a.get("owner") not in ("agent", "customer") or not a.get("text"):
            errs.append(f"action item {a}")
    qa = lab.get("qa") or {}
    if sorted(qa) != sorted(QA_KEYS):
        errs.append(f"qa keys {sorted(set(qa) ^ set(QA_KEYS))}")
    for k in QA_KEYS:
        v = qa.get(k)
        if v is None and k not in QA_NULLABLE:
            errs.append(f"qa.{k} may not be null")
        elif v is not None and not isinstance(v, bool):
            errs.append(f"qa.{k} not bool/null: {v!r}")
    interrupted = any(turns[i]["speaker"] == "agent" and turns[i - 1]["speaker"] == "customer"
                      and turns[i]["start"] < turns[i - 1]["end"] for i in range(1, n))
    if qa.get("interrupted_customer") is not interrupted:
        errs.append(f"qa.interrupted_customer={qa.get('interrupted_customer')} but timing says {interrupted}")
    bs, ql, oc, dv = (lab.get(k, "MISSING") for k in ("booking_status", "qualification", "outcome", "deal_value"))
    if bs not in (None, "booked", "not_booked", "service_not_offered"):
        errs.append(f"booking_status {bs!r}")
    if dom in ("support", "field_sales") and bs is not None:
        errs.append("booking_status must be null for support/field_sales")
    if dom in ("csr", "voice_agent") and bs is None:
        errs.append("booking_status required for csr/voice_agent")
    if strict and dom == "mystery_shop" and bs not in (None, "booked"):
        errs.append("mystery_shop booking_status only when booked")
    if (ql is not None) != (dom == "csr") or ql not in (None, "hot", "warm", "cold", "unqualified"):
        errs.append(f"qualification {ql!r} for {dom}")
    if (oc is not None) != (dom == "field_sales") or oc not in (None, "closed_won", "closed_lost", "open"):
        errs.append(f"outcome {oc!r} for {dom}")
    if oc == "closed_won":
        if isinstance(dv, bool) or not isinstance(dv, (int, float)) or dv <= 0:
            errs.append(f"deal_value {dv!r} with closed_won")
    elif dv is not None:
        errs.append(f"deal_value {dv!r} without closed_won")
    k = lab.get("kpis") or {}
    if k.get("customer_effort_1to5") not in (1, 2, 3, 4, 5) or k.get("resolution") not in ("resolved", "unresolved", "escalated"):
        errs.append(f"kpis {k}")
    return errs


def main(args):
    here = os.path.dirname(os.path.abspath(__file__))
    targets = args or [here]
    files = []
    for a in targets:
        files += sorted(glob.glob(os.path.join(a, "*.labels.json"))) if os.path.isdir(a) else [a]
    bad = 0
    for f in files:
        strict = os.path.basename(f).startswith("td_")
        if not strict:
            lang = json.load(open(f[:-len(".labels.json")] + ".json", encoding="utf-8")).get("language")
            if lang != "en-US":
                continue
        errs = check(f, strict)
        for e in errs:
            print(f"{os.path.basename(f)}: {e}")
        bad += bool(errs)
    print(f"checked {len(files)} label files, {bad} with errors")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
