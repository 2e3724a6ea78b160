#!/usr/bin/env python3
"""Read a report's numbers back from report.md (--lang en) and check each
against the CSV tables written beside it.

usage: report_numbers.py DIR FROM TO
FROM and TO are the period's first and last day (YYYY-MM-DD).  Prints one
line per identity checked; exits 1 at the first that does not hold.
"""
import csv
import datetime as dt
import re
import sys

d, pfrom, pto = sys.argv[1], sys.argv[2], sys.argv[3]
md = open(f"{d}/report.md", encoding="utf-8").read()
checked = 0


def table(name):
    with open(f"{d}/{name}.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def check(what, ours, theirs):
    global checked
    if ours != theirs:
        print(f"report-numbers: {d}: {what}: report.md says "
              f"{repr(ours)[:300]}, the CSV tables {repr(theirs)[:300]}")
        sys.exit(1)
    checked += 1


def find(pattern, text=md):
    m = re.search(pattern, text)
    if m is None:
        print(f"report-numbers: {d}: no /{pattern}/ in report.md")
        sys.exit(1)
    return m


def md_table(heading):
    """Rows of the first markdown table after a heading, as cell lists."""
    part = md[md.index(heading):]
    rows, started = [], False
    for line in part.split("\n")[1:]:
        if line.startswith("|"):
            started = True
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            if not set(cells[0]) <= set("-:"):
                rows.append(cells)
        elif started:
            break
    return rows[1:]     # without the header


def day(s):
    return dt.date.fromisoformat(s)


daily, members, health = table("daily"), table("members"), table("health")
fission = table("fission")
E = day(find(r"Every figure is as of \*\*(\d{4}-\d\d-\d\d)\*\*").group(1))
lo, hi = day(pfrom), min(day(pto), E)
star = [r for r in members if r["group_id"] == "*"]
in_period = [r for r in daily if r["group_id"] == "*" and
             day(pfrom) <= day(r["date"]) <= day(pto)]

# Members at the end and tiers.
n_end = sum(1 for r in star if not r["left"])
m = find(r"\*\*(\d+)\*\* members at the end")
check("members at the end", int(m.group(1)), n_end)
m = find(r"The (\d+) members at the end \(members\.csv, all groups, not "
         r"left\): VIP (\d+), core (\d+), ordinary (\d+); of them, lurkers "
         r"\(never spoke in any group\) (\d+)\.")
tiers = [sum(1 for r in star if not r["left"] and r["tier"] == t)
         for t in ("VIP", "core", "ordinary")]
check("tiers' members", int(m.group(1)), n_end)
check("VIP, core, ordinary", [int(m.group(i)) for i in (2, 3, 4)], tiers)
check("tiers add up", sum(tiers), n_end)
lurkers = sum(1 for r in star if not r["left"] and r["lurker"] == "1")
check("community lurkers", int(m.group(5)), lurkers)

# Joins, leaves, messages; where the joins came from.
m = find(r"; (\d+) joined and (\d+) left in the period; (\d+) messages")
joins = sum(int(r["joins"]) for r in in_period)
check("joins", int(m.group(1)), joins)
check("leaves", int(m.group(2)), sum(int(r["leaves"]) for r in in_period))
check("messages", int(m.group(3)), sum(int(r["messages"]) for r in in_period))
vias = md_table("Where the period's joins came from")
check("where-from total", vias[-1][1], f"**{joins}**")
check("where-from rows add up", sum(int(r[1]) for r in vias[:-1]), joins)
new = [r for r in star if day(pfrom) <= day(r["joined"]) <= day(pto)]
inferred = sum(1 for r in new if r["join_inferred"] == "1")
m = re.search(r"Another (\d+) were first seen speaking", md)
check("first seen speaking", int(m.group(1)) if m else 0, inferred)

# Lurkers per group: the "all groups" row is the community's count.
rows = md_table("### Lurkers")
check("lurker list, all groups", rows[0], ["all groups", str(lurkers)])
per = {}
for r in members:
    if r["group_id"] != "*" and not r["left"] and r["lurker"] == "1":
        per[r["group"]] = per.get(r["group"], 0) + 1
listed = {}
for r in rows[1:]:     # two groups may share a name
    listed[r[0]] = listed.get(r[0], 0) + int(r[1])
check("lurker list per group", listed, per)

# Groups: the header against the health table and daily.csv.
m = find(r"(\d+) groups, (\d+) of them with messages in the period")
groups = [r for r in health if r["group_id"] != "*"]
active = {r["group_id"] for r in daily if r["group_id"] != "*" and
          day(pfrom) <= day(r["date"]) <= day(pto) and int(r["messages"])}
check("groups", int(m.group(1)), len(groups))
check("groups with messages", int(m.group(2)), len(active))
rows = md_table("## Group health")
check("health table rows", len(rows), len(groups) + 1)
check("health table, groups with messages",
      sum(1 for r in rows[1:] if int(r[2]) > 0), len(active))
check("health table, all groups at the end", rows[0][:2],
      ["all groups", str(n_end)])
at_end = {}     # by id: two groups may share a name
for r in members:
    if r["group_id"] != "*" and not r["left"]:
        at_end[r["group_id"]] = at_end.get(r["group_id"], 0) + 1
check("health table, members at the end",
      sorted((r[0], int(r[1])) for r in rows[1:]),
      sorted((g["group"], at_end.get(g["group_id"], 0)) for g in groups))

# At risk: silence measured to E, the one end date.
risk = [r for r in members if r["group_id"] != "*" and r["at_risk"] == "1"]
rows = md_table("### Core and VIP members silent")
if risk:
    check("at-risk rows", len(rows), min(len(risk), 20))
    for r in rows:
        if r[3] != "—":
            check(f"days silent of {r[1]}", int(r[4]),
                  (E - day(r[3])).days)

# Fission: every row is a row of fission.csv, with its group.
rows = md_table("## Fission")
for r in rows:
    hit = [f for f in fission if f["group"] == r[0] and
           (f["inviter_name"] or f["inviter"]) == r[1] and
           f["group_id"] != "*"]
    check(f"fission row {r[0]}/{r[1]}", [r[2:]],
          [[f["invitees"], f["activated_72h"],
            "—" if f.get("eligible_30d") == "0" else f["retained_30d"]]
           for f in hit][:1])

# Scorecard: each row is scorecard.csv's, and the community's row says
# what the summary says (members, joins, exits, the rates it shares).
def card_cell(v, met, rate):
    if v == "":
        return "—"
    v = f"{float(v) * 100:.1f}%" if rate else v
    return v + {"": "", "1": " ✓", "0": " ✗"}[met]


if "## Scorecard" in md:
    card = table("scorecard")
    rows = md_table("## Scorecard")
    check("scorecard rows", len(rows), len(card))
    cols = [("members", None, 0), ("speaking_rate", "", 1),
            ("participation", "", 1), ("activity_participation", "", 1),
            ("retention_30", "", 1), ("retention_90", "", 1),
            ("core_users_90", "", 0), ("joins", None, 0),
            ("leaves", None, 0), ("removals", None, 0),
            ("left_inferred", None, 0), ("ugc", None, 0),
            ("staff_share", None, 1), ("answered_1h", "", 1),
            ("missed", None, 0)]
    for r, c in zip(rows, card):
        want = [c["group"]] + [card_cell(c[k], c.get(k + "_met", "")
                                         if met is not None else "", rate)
                               for k, met, rate in cols]
        # the CSV's 4 decimals, rounded again, may differ by 0.1 point
        for i, (k, met, rate) in enumerate(cols, 1):
            if rate and c[k] and r[i].split("%")[0] != want[i].split("%")[0] \
                    and abs(float(r[i].split("%")[0]) -
                            float(c[k]) * 100) <= 0.0501:
                want[i] = r[i].split("%")[0] + want[i][want[i].index("%"):]
        check(f"scorecard row {c['group']}", r, want)
    allg = card[-1]
    check("scorecard's last row", allg["group_id"], "*")
    if E == day(pto):   # else the scorecard's are at the period's end
        check("scorecard members = members at the end",
              int(allg["members"]), n_end)
    m = find(r"; (\d+) joined and (\d+) left in the period")
    check("scorecard joins = summary joins", allg["joins"], m.group(1))
    check("scorecard exits = summary leaves",
          sum(int(allg[k] or 0) for k in ("leaves", "removals",
                                          "left_inferred")),
          int(m.group(2)))
    for key, label in (("speaking_rate", "daily speaking rate"),
                       ("activity_participation",
                        r"weekly activity participation \(周参与活动率\)"),
                       ("retention_30", "30-day retention M"),
                       ("retention_90", "90-day retention M")):
        s = re.search(r"\n\| " + label + r" \| ([\d.]+)% \|", md)
        i = 1 + [k for k, _, _ in cols].index(key)  # as report.md rounds
        check(f"scorecard {key} = summary's", s.group(1) if s else "",
              rows[-1][i].split("%")[0] if allg[key] else "")

# Daily speaking rate: every day of the period up to E, silent days 0.
m = find(r"\| daily speaking rate \| ([\d.]+)% \|[^\n]* over (\d+) days")
rates = {r["date"]: r["speaking_rate"] for r in daily
         if r["group_id"] == "*"}
first = min(day(x) for x in rates)
days = [lo + dt.timedelta(n) for n in range((hi - lo).days + 1)]
days = [x for x in days if x >= first and rates.get(x.isoformat(), "0")]
mean = sum(float(rates.get(x.isoformat(), "0")) for x in days) / len(days)
check("speaking rate days", int(m.group(2)), len(days))
check("daily speaking rate", m.group(1), f"{mean * 100:.1f}")

print(f"report-numbers: {d}: {checked} identities hold")
