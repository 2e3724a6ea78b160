printf '0123456789abcdef0123456789abcdef' > key
qp-ingest -q --tz UTC --pseudonymize key --no-text "$T/../../../samples/telegram" | qp-cat -t events | cut -d, -f5-9,13 | head -6
qp-ingest -q --tz UTC --pseudonymize key "$T/../../../samples/telegram" | qp-cat -t events | grep -c "Ava Li" || true
printf 'short' > weak
qp-ingest -q --tz UTC --pseudonymize weak "$T/../../../samples/telegram" > /dev/null || echo "exit $?"
