qp-cohort --tz "" < /dev/null
