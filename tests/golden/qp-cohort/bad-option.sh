qp-cohort --tz UTC --days 7,1 < /dev/null
