qp-cohort --tz UTC --asof 2024-02-30 < /dev/null
