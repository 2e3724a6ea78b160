printf '{"name": "g", "type": "private_group", "id": 1, "messages": [{"id": 1, "type": "message", "date": "2024-01-01T00:00:00", "from": "A", "from_id": "user1", "text": "cut' > cut.json
qp-ingest --tz UTC cut.json | qp-cat --stats
