qp-cohort --tz Mars/Olympus < /dev/null
