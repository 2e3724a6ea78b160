# tests/run on a clone without the real exports: the fixture tests are
# skipped and counted, a test exiting 77 is skipped, the closing line is
# "N passed, N failed, N skipped".  Runs a copy of tests/run over a
# made-up tree of three property tests.
t=$PWD/run-skips
rm -rf "$t"; mkdir -p "$t/tests/prop" "$t/b" "$t/bin"
cp "$QP_TOP/tests/run" "$t/tests/run"
echo 'echo fine' > "$t/tests/prop/ok.sh"
echo 'echo needs root; exit 77' > "$t/tests/prop/root.sh"
echo 'exit 1' > "$t/tests/prop/x-fixtures.sh"
QP_SHARED=/nonexistent B=$t/b BIN=$t/bin sh "$t/tests/run" > "$t/out"
grep -qx 'fixtures not found at /nonexistent/fixtures: 1 tests skipped' "$t/out"
grep -qx 'skipped root.sh: needs root' "$t/out"
[ "$(tail -1 "$t/out")" = '1 passed, 0 failed, 2 skipped' ]
# With the fixtures present the fixture test runs (and here fails).
mkdir -p "$t/shared/fixtures"
if QP_SHARED=$t/shared B=$t/b BIN=$t/bin sh "$t/tests/run" > "$t/out"; then
	echo 'fixture test did not run'; exit 1
fi
[ "$(tail -1 "$t/out")" = '1 passed, 1 failed, 1 skipped' ]
echo 'run-skips: fixtures skipped when absent, run when present'
