#!/usr/bin/env python3
"""An independent computation of qp-cohort's and qp-funnel's tables.

Written from METRICS.md (R1-R21) and the man pages' definitions, in the
plainest way: every event in memory, every member's events in lists, no
streaming, no bitmaps.  tests/prop/crosscheck.sh compares its output with
the programs' on generated data.

    reference.py ZONE events.csv OUTDIR [roles.csv [roster.csv]]

reads the events table as `qp-cat -t events` prints it (sorted by
qp-dedupe) and writes OUTDIR/<table>.csv for daily, weekly, members,
retention, cohort, health, funnel and fission, and with a roles table
(group_id,user_id,role) staff: staff and bots are not members, their
messages count only in the staff table (qunpipe(7), roles), and with a
roster table (group_id,date,user_id) the rules of qunpipe(7), rosters.
"""
import csv
import datetime as dt
import os
import sys
from collections import defaultdict
from fractions import Fraction
from zoneinfo import ZoneInfo

ZONE = ZoneInfo(sys.argv[1])
DAYS = (1, 7, 30, 90)
CORE = 3
WINDOW = 30 * 86400
ACT = 72 * 3600
EPOCH = dt.date(1970, 1, 1)


def instant(ts):
    return int(dt.datetime.fromisoformat(ts.replace("Z", "+00:00")).timestamp() // 1)


def lday(t):
    """Local day of an instant, as days since 1970-01-01 (R1)."""
    return (dt.datetime.fromtimestamp(t, ZONE).date() - EPOCH).days


def dstr(day):
    return "" if day is None else (EPOCH + dt.timedelta(days=day)).isoformat()


def week(day):
    return (EPOCH + dt.timedelta(days=day)).isocalendar()[:2]


def wstr(w):
    return "%04d-W%02d" % w


def month(day):
    d = EPOCH + dt.timedelta(days=day)
    return "%04d-%02d" % (d.year, d.month)


def rate(a, b):
    """4 decimals, as printf rounds the exact ratio (half to even)."""
    if b == 0:
        return ""
    q, r = divmod(Fraction(a, b) * 10000, 1)
    q = int(q)
    if r > Fraction(1, 2) or (r == Fraction(1, 2) and q % 2 == 1):
        q += 1
    return "%d.%04d" % (q // 10000, q % 10000)


QWORDS = ["请问", "怎么", "如何", "有没有", "求助", "求推荐", "为什么", "吗？",
          "anyone know", "how do i", "how to ", "can someone", "help me"]


def is_question(text):
    t = text.rstrip(" \n\r\t")
    return t.endswith("?") or t.endswith("？") or \
        any(w in text.lower() if w.isascii() else w in text for w in QWORDS)


def is_ugc(e):
    """Seed 004: an image or file; a link with >= 20 characters of one's
    own beside it (spaces not counted); a text of >= 50 that asks nothing."""
    if e["media"] in ("image", "file"):
        return True
    words = [w for w in e["text"].replace("\r", " ").replace("\n", " ")
             .replace("\t", " ").split(" ")]
    link = e["media"] == "link" or any(
        "http://" in w or "https://" in w for w in words)
    if link:
        own = 0
        for w in words:
            for p in ("http://", "https://"):
                if p in w:
                    w = w[:w.index(p)] if w.index(p) >= 0 else w
            own += len(w)
        return own >= 20
    return len(e["text"]) >= 50 and not is_question(e["text"])


RANK = {"join": 0, "leave": 2, "remove": 2}

events = []
with open(sys.argv[2], encoding="utf-8", newline="") as f:
    for i, row in enumerate(csv.DictReader(f)):
        row["t"] = instant(row["ts"])
        row["day"] = lday(row["t"])
        row["seq"] = i
        row["rank"] = RANK.get(row["kind"], 1)
        events.append(row)
E = max(e["day"] for e in events)

# ---- roles: staff and bots are not members ----
roles = {}
if len(sys.argv) > 4:
    ORDER = ["owner", "admin", "assistant", "sales", "shill", "bot"]
    with open(sys.argv[4], encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            k = (row["group_id"], row["user_id"])
            if k not in roles or ORDER.index(row["role"]) < ORDER.index(roles[k]):
                roles[k] = row["role"]


def role_of(g, u):
    """The role of u in g: its own, else its "*" one (the first in ORDER)."""
    rs = [r for r in (roles.get((g, u)), roles.get(("*", u))) if r]
    return min(rs, key=["owner", "admin", "assistant", "sales", "shill",
                        "bot"].index) if rs else None


# Staff's events, kept for the staff table and the groups' spans of days.
staff_events = [e for e in events if e["user_id"] and
                role_of(e["group_id"] or "*", e["user_id"])]
span_events = [e for e in events if e["group_id"]]
all_events = events
events = [e for e in events if not (e["user_id"] and
                                    role_of(e["group_id"] or "*", e["user_id"]))]
for e in events:
    if e["kind"] == "join" and e["actor"] and role_of(e["group_id"], e["actor"]):
        e["staff_actor"] = True
paid_any = any(e["kind"] == "custom" and e["name"] == "paid" and e["user_id"]
               for e in events)

# ---- per (group, user): memberships (R3) in stream order ----
groups = sorted({e["group_id"] for e in span_events})
gindex = {g: i for i, g in enumerate(groups)}
spans = defaultdict(list)       # (g, u) -> [start, end|None, by_join, via, actor, removed]
what = {}                       # event seq -> membership change
seen = set()
for e in events:
    g, u, k = e["group_id"], e["user_id"], e["kind"]
    if not g or not u:
        continue
    key = (g, u)
    sp = spans[key]
    is_open = bool(sp) and sp[-1][1] is None
    w = None
    if k == "join":
        if not is_open:
            sp.append([e["t"], None, True, e["via"], e["actor"], False])
            w = "join"
    elif k in ("leave", "remove"):
        if is_open:
            sp[-1][1] = e["t"]
            sp[-1][5] = k == "remove"
            w = "close"
        elif key not in seen:
            sp.append([e["t"], e["t"], False, "", "", k == "remove"])
            w = "point"
    elif k in ("message", "rename"):
        if not is_open:
            sp.append([e["t"], None, False, "", "", False])
            w = "infer"
    seen.add(key)
    what[e["seq"]] = w

# ---- rosters (qunpipe(7)): listed members count, absent ones left ----
INFERRED = 2
snaps = defaultdict(lambda: defaultdict(set))   # g -> day -> users
if len(sys.argv) > 5:
    with open(sys.argv[5], encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            d = (dt.date.fromisoformat(row["date"]) - EPOCH).days
            if d <= E:
                snaps[row["group_id"]][d].add(row["user_id"])


def day_start(d):
    return int(dt.datetime.combine(EPOCH + dt.timedelta(days=d), dt.time(0),
                                   tzinfo=ZONE).timestamp())


def tidy(sp):
    sp.sort(key=lambda s: (s[0], 0 if s[2] else 1))
    out = []
    for s in sp:
        if out and (out[-1][1] is None or s[0] <= out[-1][1]):
            if out[-1][1] is not None and (s[1] is None or s[1] > out[-1][1]):
                out[-1][1] = s[1]
                out[-1][5] = s[5]
        else:
            out.append(s)
    sp[:] = out


roster_days = {}
for g in sorted(snaps):
    if g not in gindex:
        continue
    days = sorted(snaps[g])
    gdays = [e["day"] for e in span_events if e["group_id"] == g]
    first = day_start(min(min(gdays), days[0]))
    roster_days[g] = days
    mdays = defaultdict(set)
    for e in events:
        if e["group_id"] == g and e["kind"] == "message" and e["user_id"]:
            mdays[e["user_id"]].add(e["day"])
    people = {u for (h, u) in spans if h == g}
    people |= {u for d in days for u in snaps[g][d] if not role_of(g, u)}
    for u in sorted(people):
        sp = spans[(g, u)]
        for k, d in enumerate(days):
            if u in snaps[g][d]:
                if any(lday(s[0]) <= d <= (E if s[1] is None else lday(s[1]))
                       for s in sp):
                    continue
                start = first if k == 0 and (not sp or lday(sp[0][0]) > d) \
                    else day_start(d)
                sp.append([start, None, False, "", "", 0])
                tidy(sp)
                continue
            for i, s in enumerate(sp):
                if lday(s[0]) < d <= (E if s[1] is None else lday(s[1])):
                    break
            else:
                continue
            if s[1] is not None and lday(s[1]) == d:
                continue
            later = [x for x in mdays[u] if x >= d]
            m = min(later) if later else None
            if m == d:
                continue
            if m is not None and m <= (E if s[1] is None else lday(s[1])):
                sp.insert(i + 1, [day_start(m), s[1], False, "", "", s[5]])
            s[1] = day_start(d)
            s[5] = INFERRED
        if not sp:
            del spans[(g, u)]

# names: the latest event's (R: display names)
names = {}
for e in sorted(all_events, key=lambda e: (e["t"], e["seq"])):
    if e["user_id"] and e["user"]:
        names[e["user_id"]] = e["user"]
for (g, u) in spans:
    if u not in names and u.startswith("name:"):
        names[u] = u[5:]

# paid (R11)
paid = defaultdict(int)
paid_all = defaultdict(int)
paid_nogroup = defaultdict(int)
for e in events:
    if e["kind"] == "custom" and e["name"] == "paid" and e["user_id"]:
        paid_all[e["user_id"]] += 1
        if e["group_id"]:
            paid[(e["group_id"], e["user_id"])] += 1
        else:
            paid_nogroup[e["user_id"]] += 1


def community_spans(u):
    """R6: the union of u's group memberships, attributes from the opener."""
    parts = []
    for g in groups:
        for s in spans.get((g, u), []):
            parts.append((s[0], 0 if s[2] else 1, gindex[g], s))
    parts.sort(key=lambda p: p[:3])
    out = []
    for _, _, _, s in parts:
        if out and (out[-1][1] is None or s[0] <= out[-1][1]):
            if out[-1][1] is not None and (s[1] is None or s[1] > out[-1][1]):
                out[-1][1] = s[1]
                out[-1][5] = s[5]
        else:
            out.append(list(s))
    return out


# ---- scopes ----
class Scope:
    pass


def build_scope(sid):
    sc = Scope()
    sc.id = sid
    evs = [e for e in events if e["group_id"] and (sid == "*" or e["group_id"] == sid)]
    alle = [e for e in span_events if sid == "*" or e["group_id"] == sid]
    rd = [d for g in roster_days if sid == "*" or g == sid for d in roster_days[g]]
    sc.fday = min([e["day"] for e in alle] + rd)
    sc.lday = max([e["day"] for e in alle] + rd)
    sc.msgs = defaultdict(int)
    for e in evs:
        if e["kind"] == "message":
            sc.msgs[e["day"]] += 1
    users = sorted({e["user_id"] for e in evs if e["user_id"]} |
                   {u for (g, u) in spans if sid == "*" or g == sid})
    sc.members = {}
    for u in users:
        sp = community_spans(u) if sid == "*" else spans.get((sid, u), [])
        if not sp:
            continue
        m = {"spans": sp}
        m["msgs"] = [e for e in evs if e["user_id"] == u and e["kind"] == "message"]
        if sid == "*":
            m["paid"] = paid_all[u]
        else:
            m["paid"] = paid[(sid, u)] + paid_nogroup[u]
        sc.members[u] = m
    # reply pairs: authors of earlier messages in the same group
    pairs = set()
    for g in ([sid] if sid != "*" else groups):
        author = {}
        for e in events:
            if e["group_id"] != g or e["kind"] != "message" or not e["user_id"]:
                continue
            if e["msg_id"]:
                author[e["msg_id"]] = e["user_id"]
            a = author.get(e["reply_to"]) if e["reply_to"] else None
            if a is not None and a != e["user_id"]:
                pairs.add(tuple(sorted((a, e["user_id"]))))
    sc.pairs = len(pairs)
    return sc


def eday(s):
    return E if s[1] is None else lday(s[1])


def touches(m, day):
    return any(lday(s[0]) <= day <= eday(s) for s in m["spans"])


def msg_days(m):
    if "days" not in m:
        m["days"] = {e["day"] for e in m["msgs"]}
    return m["days"]


# ---- questions and answers (及时应答), per group in stream order ----
ANSWER = 3600
qa_rows = {}            # (group, month) -> [questions, answered, in1h, bymem, delays]
answers_by = defaultdict(int)   # (group, user) -> questions answered
for g in groups:
    msgs = [e for e in span_events if e["group_id"] == g and
            e["kind"] == "message" and e["user_id"]]
    for i, q in enumerate(msgs):
        if role_of(g, q["user_id"]) or not is_question(q["text"]):
            continue
        row = qa_rows.setdefault((g, month(q["day"])), [0, 0, 0, 0, []])
        row[0] += 1
        for m in msgs[i + 1:]:
            if m["user_id"] == q["user_id"]:
                continue
            if m["reply_to"]:
                hit = q["msg_id"] and m["reply_to"] == q["msg_id"] and \
                    m["t"] - q["t"] <= 7 * 86400
            else:
                hit = m.get("session", "") == q.get("session", "") and \
                    m["t"] - q["t"] <= ANSWER
            if hit:
                d = m["t"] - q["t"]
                row[1] += 1
                row[2] += d <= ANSWER
                member = not role_of(g, m["user_id"])
                row[3] += member
                row[4].append(d)
                if member:
                    answers_by[(g, m["user_id"])] += 1
                break


def median(d):
    d = sorted(d)
    if not d:
        return ""
    if len(d) % 2:
        return str(d[len(d) // 2])
    s = d[len(d) // 2 - 1] + d[len(d) // 2]
    return str(s // 2) + (".5" if s % 2 else "")


def qa_out(mo, sid, r):
    return [mo, sid, r[0], r[1], rate(r[1], r[0]), r[2], r[3], rate(r[3], r[1]),
            median(r[4])]


def lifecycle(sc, lastmsg):
    """health's lifecycle columns: each group's members' messages by the
    hour from its own first event (for "*", the groups' added up)."""
    hours = [0] * 168
    for g in (groups if sc.id == "*" else [sc.id]):
        t0 = min(e["t"] for e in span_events if e["group_id"] == g)
        for e in events:
            if e["group_id"] == g and e["kind"] == "message" and \
                    e["t"] - t0 < 168 * 3600:
                hours[(e["t"] - t0) // 3600] += 1
    half = ""
    if E >= sc.fday + 7 and sum(hours) > 0:
        cum = i = 0
        while cum * 2 < sum(hours):
            cum += hours[i]
            i += 1
        half = i
    days = range(sc.fday, sc.lday + 1)
    peak = max((sc.msgs[d] for d in days), default=0)
    active = sum(1 for d in days if sc.msgs[d] * 5 >= peak) if peak else 0
    d12 = sum(sc.msgs[d] for d in range(sc.fday, sc.fday + 2))
    d37 = sum(sc.msgs[d] for d in range(sc.fday + 2, sc.fday + 7))
    return [dstr(lastmsg), dstr(sc.lday) if sc.lday < E else "",
            sum(hours[:24]), sum(hours[24:48]), sum(hours[48:72]), half,
            active, rate(d37 * 2, d12 * 5) if E >= sc.fday + 6 else ""]


scopes = [build_scope("*")] + [build_scope(g) for g in groups]
out = {t: [] for t in ("daily", "weekly", "members", "retention", "cohort",
                       "health", "funnel", "fission", "core_users")}

for sc in scopes:
    # daily (R7)
    for d in range(sc.fday, sc.lday + 1):
        mem = sum(1 for m in sc.members.values() if touches(m, d))
        jn = sum(1 for m in sc.members.values() for s in m["spans"]
                 if s[2] and lday(s[0]) == d)
        lv = sum(1 for m in sc.members.values() for s in m["spans"]
                 if s[1] is not None and lday(s[1]) == d)
        rm = sum(1 for m in sc.members.values() for s in m["spans"]
                 if s[1] is not None and lday(s[1]) == d and s[5] == 1)
        inf = sum(1 for m in sc.members.values() for s in m["spans"]
                  if s[1] is not None and lday(s[1]) == d and s[5] == INFERRED)
        spk = sum(1 for m in sc.members.values() if d in msg_days(m))
        out["daily"].append([dstr(d), sc.id, mem, jn, lv, spk, sc.msgs[d], rate(spk, mem),
                             rm, inf])
    # weekly (R20)
    weeks = sorted({week(d) for d in range(sc.fday, sc.lday + 1)})
    for w in weeks:
        days = [d for d in range(sc.fday - 7, sc.lday + 8) if week(d) == w]
        mem = sum(1 for m in sc.members.values() if any(touches(m, d) for d in days))
        spk = sum(1 for m in sc.members.values() if msg_days(m) & set(days))
        msgs = sum(sc.msgs[d] for d in days)
        core = sum(1 for m in sc.members.values()
                   if sum(1 for e in m["msgs"] if week(e["day"]) == w) >= CORE)
        jn = sum(1 for m in sc.members.values() for s in m["spans"]
                 if s[2] and week(lday(s[0])) == w)
        lv = sum(1 for m in sc.members.values() for s in m["spans"]
                 if s[1] is not None and week(lday(s[1])) == w)
        out["weekly"].append([wstr(w), sc.id, mem, spk, msgs, rate(spk, mem), core, jn, lv])
    # members (R4, R9-R15, R21)
    for u, m in sorted(sc.members.items()):
        s0, sl = m["spans"][0], m["spans"][-1]
        joined = lday(s0[0])
        end = eday(sl)
        msgs = m["msgs"]
        wk = defaultdict(int)
        for e in msgs:
            wk[week(e["day"])] += 1
        win = [e for e in msgs if E - 27 <= e["day"] <= E]
        ugc = sum(1 for e in msgs if is_ugc(e))     # since joining
        tenure = E - joined
        if (tenure >= 180 and len(win) >= 20 and ugc >= 3) or m["paid"] > 0:
            tier = "VIP"
        elif (tenure >= 90 and len(win) >= 12) or ugc >= 1:
            tier = "core"
        else:
            tier = "ordinary"
        first = min((e["t"] for e in msgs), default=None)
        last = max((e["t"] for e in msgs), default=None)
        lastday = lday(last) if last is not None else joined
        still = sl[1] is None
        demoted = None
        if tier != "ordinary" and E - lastday >= 14:   # 2-week demotion
            tier, demoted = "ordinary", lastday + 14
        out["members"].append([
            sc.id, u, names.get(u, ""), dstr(joined),
            s0[3] if s0[2] else "", s0[4] if s0[2] else "",
            "0" if s0[2] else "1", "" if still else dstr(end),
            dstr(lday(first)) if first is not None else "",
            dstr(lday(last)) if last is not None else "",
            len(msgs), len(msg_days(m)), sum(1 for e in msgs if is_ugc(e)),
            sum(1 for n in wk.values() if n >= CORE), tier,
            "1" if not msgs and end - joined >= 7 else "0",
            "1" if tier != "ordinary" and still and E - lastday >= 7 else "0",
            "" if not s0[2] else ("1" if first is not None and first - s0[0] <= ACT else "0"),
            m["paid"], dstr(demoted),
            sum(answers_by[(g, u)] for g in groups) if sc.id == "*"
            else answers_by[(sc.id, u)],
            "" if still else "1" if sl[5] == INFERRED else "0"])
    # core users (核心用户数): a core week among the weeks touching E-N+1..E
    for n in (90, 180):
        ws = {week(d) for d in range(E - n + 1, E + 1)}
        cu = 0
        for u, m in sc.members.items():
            wk = defaultdict(int)
            for e in m["msgs"]:
                wk[week(e["day"])] += 1
            cu += any(c >= CORE and w in ws for w, c in wk.items())
        out["core_users"].append([sc.id, n, cu])
    # retention (R16)
    coh = sorted((lday(m["spans"][0][0]), u) for u, m in sc.members.items()
                 if m["spans"][0][2])
    def ret_rows(label, cm):
        for var in ("D", "D+", "M"):
            for n in DAYS:
                el = [(j, u) for j, u in cm if j + n <= E]
                if var == "D":
                    r = sum(1 for j, u in el if j + n in msg_days(sc.members[u]))
                elif var == "D+":
                    r = sum(1 for j, u in el if any(d >= j + n for d in msg_days(sc.members[u])))
                else:
                    r = sum(1 for j, u in el if touches(sc.members[u], j + n))
                out["retention"].append([sc.id, label, var, n, len(el), r, rate(r, len(el))])
    ret_rows("*", coh)
    for mo in sorted({month(j) for j, _ in coh}):
        ret_rows(mo, [(j, u) for j, u in coh if month(j) == mo])
    # cohort matrix (R17), weekly
    def widx(day):
        return (day + 3) // 7
    for c in sorted({widx(j) for j, _ in coh}):
        cm = [(j, u) for j, u in coh if widx(j) == c]
        for k in range(0, widx(E) - c + 1):
            act = sum(1 for j, u in cm if any(widx(d) == c + k and d <= E
                                              for d in msg_days(sc.members[u])))
            out["cohort"].append([sc.id, wstr(week(c * 7 - 3)), k, len(cm), act, rate(act, len(cm))])
    # health
    total = sum(sc.msgs.values())
    m17 = sum(sc.msgs[d] for d in range(sc.fday, sc.fday + 7))
    m830 = sum(sc.msgs[d] for d in range(sc.fday + 7, sc.fday + 30))
    mdays = [d for d, n in sc.msgs.items() if n > 0]
    lastmsg = max(mdays) if mdays else None
    # silent only over the days the exports cover: up to the last event
    if lastmsg is None:
        dead = sc.fday if sc.lday - sc.fday >= 14 else None
    else:
        dead = lastmsg + 1 if sc.lday - lastmsg >= 14 else None
    spk = sorted(((len(m["msgs"]), u) for u, m in sc.members.items() if m["msgs"]),
                 key=lambda x: (-x[0], x[1]))
    ntop = (len(spk) + 9) // 10
    churn = 0
    for n, u in spk[:ntop]:
        m = sc.members[u]
        lastd = max(e["day"] for e in m["msgs"])
        churn += m["spans"][-1][1] is not None or E - lastd >= 14
    out["health"].append([sc.id, dstr(sc.fday), dstr(sc.lday), total,
                          rate(m830 * 7, m17 * 23) if E >= sc.fday + 29 else "",
                          dstr(dead), rate(spk[0][0] if spk else 0, total),
                          rate(churn, ntop), sc.pairs] + lifecycle(sc, lastmsg))

    # ---- funnel (R18), default steps, and fission (R19) ----
    # the default funnel has no UGC step (--preset ugc adds one)
    nsteps = 4 if paid_any else 3
    names_ = ["join", "first_message_72h", "core_week", "paid"][:nsteps]
    order = []
    for e in events:
        if not e["user_id"]:
            continue
        if e["group_id"] and (sc.id == "*" or e["group_id"] == sc.id):
            order.append(e)
        elif not e["group_id"] and e["kind"] == "custom" and e["name"] == "paid":
            order.append(e)
    order.sort(key=lambda e: (e["t"], e["rank"], gindex.get(e["group_id"], 10**9), e["seq"]))
    per = defaultdict(list)
    for e in order:
        per[e["user_id"]].append(e)
    results = []
    fis = defaultdict(lambda: [0, 0, 0, 0])
    for u, evs in per.items():
        if sc.id != "*" and (sc.id, u) not in spans:
            continue
        # membership changes in this scope, and the events' step matches
        opened = set()
        if sc.id == "*":
            nopen = 0
            for e in evs:
                w = what.get(e["seq"])
                if w in ("join", "infer"):
                    if nopen == 0 and w == "join":
                        opened.add(e["seq"])
                    nopen += 1
                elif w == "close":
                    nopen -= 1
        else:
            opened = {e["seq"] for e in evs if what.get(e["seq"]) == "join"}
        wcount = defaultdict(int)
        marks = []      # (t, set of step indexes met)
        invs = {}      # inviter -> instant of the invitation credited
        for e in evs:
            met = set()
            if e["seq"] in opened:
                met.add(0)
                # R19: a group's first invitation; in "*" each invitation
                # that starts a community membership, once per inviter
                if e["actor"] and e["actor"] != u and \
                        not e.get("staff_actor") and \
                        (sc.id == "*" or not invs):
                    invs.setdefault(e["actor"], e["t"])
            if e["kind"] == "message":
                wcount[week(e["day"])] += 1
                met.add(1)
                if wcount[week(e["day"])] >= CORE:
                    met.add(2)
            if e["kind"] == "custom" and e["name"] == "paid" and nsteps == 4:
                met.add(3)
            marks.append((e["t"], met))
        anchors = [i for i, (_, met) in enumerate(marks) if 0 in met]
        for inviter, t in invs.items():
            act = any(e["kind"] == "message" and t <= e["t"] <= t + ACT for e in evs)
            j30 = lday(t) + 30
            sp = community_spans(u) if sc.id == "*" else spans[(sc.id, u)]
            ret = j30 <= E and any(lday(s[0]) <= j30 <= eday(s) for s in sp)
            f = fis[inviter]
            f[0] += 1
            f[1] += act
            f[2] += ret
            f[3] += j30 <= E        # eligible: old enough for day 30
        if not anchors:
            continue
        best = None
        for a in anchors:
            t1 = marks[a][0]
            times = [t1]
            for i in range(a, len(marks)):
                t, met = marks[i]
                if t > t1 + WINDOW:
                    break
                while len(times) < nsteps and len(times) in met and \
                        (len(times) != 1 or t - times[0] <= ACT):
                    times.append(t)
            if best is None or len(times) > len(best):
                best = times
        results.append((month(lday(marks[anchors[0]][0])), best))

    def frows(label, res):
        reached = [sum(1 for _, b in res if len(b) > k) for k in range(nsteps)]
        for k in range(nsteps):
            if k == 0:
                c = "1.0000" if reached[0] else ""
                out["funnel"].append([sc.id, label, 1, names_[0], reached[0], c, c, ""])
                continue
            d = sorted(b[k] - b[k - 1] for _, b in res if len(b) > k)
            if not d:
                med = ""
            elif len(d) % 2:
                med = str(d[len(d) // 2])
            else:
                s = d[len(d) // 2 - 1] + d[len(d) // 2]
                med = str(s // 2) + (".5" if s % 2 else "")
            out["funnel"].append([sc.id, label, k + 1, names_[k], reached[k],
                                  rate(reached[k], reached[k - 1]),
                                  rate(reached[k], reached[0]), med])
    frows("*", results)
    for mo in sorted({r[0] for r in results}):
        frows(mo, [r for r in results if r[0] == mo])
    tot = [sum(f[i] for f in fis.values()) for i in range(4)]
    out["fission"].append([sc.id, "*"] + tot)
    for inviter in sorted(fis):
        out["fission"].append([sc.id, inviter] + fis[inviter])

out["answers"] = []
for mo in sorted({k[1] for k in qa_rows}):
    rs = [r for k, r in qa_rows.items() if k[1] == mo]
    out["answers"].append(qa_out(mo, "*", [sum(r[i] for r in rs) for i in range(4)] +
                                 [[d for r in rs for d in r[4]]]))
for g, mo in sorted(qa_rows):
    out["answers"].append(qa_out(mo, g, qa_rows[(g, mo)]))

# staff: per scope and day, staff and bot messages, all messages, the
# share that is not members', and the owner's silence (as dead_since).
if roles:
    out["staff"] = []
    for sc in scopes:
        gs = groups if sc.id == "*" else [sc.id]
        allm = defaultdict(int)
        st = defaultdict(int)
        bt = defaultdict(int)
        for e in span_events:
            if e["group_id"] in gs and e["kind"] == "message":
                allm[e["day"]] += 1
        for e in staff_events:
            if e["group_id"] in gs and e["kind"] == "message":
                r = role_of(e["group_id"], e["user_id"])
                (bt if r == "bot" else st)[e["day"]] += 1
        has_owner = sc.id != "*" and any(
            r == "owner" and g in (sc.id, "*") for (g, _), r in roles.items())
        odays = {e["day"] for e in staff_events if e["group_id"] == sc.id and
                 e["kind"] == "message" and
                 role_of(e["group_id"], e["user_id"]) == "owner"}
        for d in range(sc.fday, sc.lday + 1):
            since = None
            if has_owner:
                past = [x for x in odays if x <= d]
                if not past:
                    since = sc.fday if d - sc.fday >= 14 else None
                else:
                    since = max(past) + 1 if d - max(past) >= 14 else None
            out["staff"].append([dstr(d), sc.id, st[d], bt[d], allm[d],
                                 rate(st[d] + bt[d], allm[d]), dstr(since)])

# ---- money (qunpipe(7) "Money"): orders and ltv, in whole cents ----
def money(c):
    return "%d.%02d" % (c // 100, c % 100)


def mdiv(a, b):
    if b == 0:
        return ""
    q, r = divmod(a, b)
    return money(q + (1 if 2 * r >= b else 0))


def month_num(day):
    d = EPOCH + dt.timedelta(days=day)
    return d.year * 12 + d.month - 1


def month_label(m):
    return "%04d-%02d" % (m // 12, m % 12 + 1)


pays = []                       # (group or "", user, day, cents, currency)
for e in events:
    if e["kind"] != "custom" or e["name"] != "paid" or not e["user_id"]:
        continue
    parts = e["text"].split(" ", 2)
    a = parts[0]
    if not a or a.count(".") != 1 or not a.replace(".", "").isdigit() or \
            len(a.split(".")[1]) != 2:
        continue
    cents = int(a.replace(".", ""))
    cur = parts[1] if len(parts) > 1 else ""
    pays.append((e["group_id"], e["user_id"], e["day"], cents, cur))
out["orders"] = []
out["ltv"] = []
for sc in scopes:
    att = []
    for g, u, day, cents, cur in pays:
        if sc.id == "*" or g == sc.id or (not g and u in sc.members):
            att.append((cur, u, day, cents))
    for cur in sorted({a[0] for a in att}):
        ps = sorted((u, day, c) for cu, u, day, c in att if cu == cur)
        lo = min(month_num(d) for _, d, _ in ps)
        hi = max(month_num(d) for _, d, _ in ps)
        rows = {m: [0, set(), 0, set(), 0] for m in range(lo, hi + 1)}
        byuser = defaultdict(list)
        for u, d, c in ps:
            byuser[u].append((d, c))
        for u, lst in byuser.items():
            rows[month_num(lst[0][0])][0] += 1
            for i, (d, c) in enumerate(lst):
                r = rows[month_num(d)]
                r[1].add(u)
                r[2] += 1
                r[4] += c
                # a repeat buyer: 2 orders or more by the month's end
                if sum(1 for d2, _ in lst if month_num(d2) <= month_num(d)) >= 2:
                    r[3].add(u)
        tot = sum(c for _, _, c in ps)
        out["orders"].append([sc.id, "*", cur, len(byuser), len(byuser), len(ps),
                              sum(1 for l in byuser.values() if len(l) >= 2),
                              money(tot), mdiv(tot, len(ps)), mdiv(tot, len(byuser))])
        for m in range(lo, hi + 1):
            r = rows[m]
            out["orders"].append([sc.id, month_label(m), cur, r[0], len(r[1]),
                                  r[2], len(r[3]), money(r[4]), mdiv(r[4], r[2]),
                                  mdiv(r[4], len(r[1]))])
        coh = [(lday(m["spans"][0][0]), u) for u, m in sc.members.items()
               if m["spans"][0][2]]
        if not coh:
            continue
        mlo = min(month_num(j) for j, _ in coh)
        mhi = max(month_num(j) for j, _ in coh)
        for label in ["*"] + list(range(mlo, mhi + 1)):
            for n in (30, 90, 180):
                el = [(j, u) for j, u in coh if j + n <= E and
                      (label == "*" or month_num(j) == label)]
                rev = sum(c for j, u in el for d, c in byuser.get(u, [])
                          if d <= j + n)
                out["ltv"].append([sc.id, label if label == "*" else
                                   month_label(label), cur, n, len(el),
                                   money(rev), mdiv(rev, len(el))])

os.makedirs(sys.argv[3], exist_ok=True)
for name, rows in out.items():
    with open(os.path.join(sys.argv[3], name + ".csv"), "w", encoding="utf-8",
              newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        for r in rows:
            w.writerow(r)
