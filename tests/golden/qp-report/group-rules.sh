# The Group rules section from qp-cohort's rules golden stream (see
# tests/golden/qp-cohort/group-rules.sh): ga 60% violations in the last 7 days,
# warned as an ad group, gb too; u1 at 3 strikes beside the removal; u3
# left within 3 days and came back; u2 out only across groups (*).
. "$T/../qp-cohort/group-rules.in"
qp-dedupe -l 0 r.gz e.gz | qp-cohort -q --tz UTC --ad-words ads --flood 3,30 \
    -l 0 > c.gz
qp-report --lang en --no-charts --tz UTC --period 2024-03 -o r c.gz
sed -n '/^## Group rules/,/^## Member tiers/p' r/report.md
