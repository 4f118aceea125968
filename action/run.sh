#!/usr/bin/env bash
# The steps of the cookielint GitHub Action (action.yml): install
# cookielint with go install, run "cookielint report" on the packages,
# write annotations and a SARIF file as asked, record the outputs, and
# fail on findings. Inputs come in INPUT_* variables; it runs in the
# module's directory. action/run_test.go runs it on the bundled example.
set -euo pipefail

packages=${INPUT_PACKAGES:-./...}
version=${INPUT_VERSION:-latest}
annotations=${INPUT_ANNOTATIONS:-true}
sarif=${INPUT_SARIF_FILE:-}
fail=${INPUT_FAIL_ON_FINDINGS:-true}
out=${GITHUB_OUTPUT:-/dev/null}

is_true() {
  case "$1" in
    true | True | TRUE | 1 | yes) return 0 ;;
    false | False | FALSE | 0 | no | "") return 1 ;;
  esac
  echo "::error title=cookielint::expected true or false, got \"$1\"" >&2
  exit 1
}

# Install into a directory of our own, so that no other cookielint on the
# PATH is run by mistake.
bindir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/cookielint-bin"
mkdir -p "$bindir"
echo "Installing cookielint@$version"
GOBIN="$bindir" go install "github.com/cookielint/cookielint/cmd/cookielint@$version"
cookielint="$bindir/cookielint"
"$cookielint" version

args=()
if [ -n "${INPUT_POLICY:-}" ]; then args+=(-policy "$INPUT_POLICY"); fi
if is_true "${INPUT_STRICT:-false}"; then args+=(-strict); fi
if is_true "${INPUT_TESTS:-false}"; then args+=(-tests); fi
if [ -n "${INPUT_BASELINE:-}" ]; then args+=(-baseline "$INPUT_BASELINE"); fi

# One analysis, every output: a JSON list to count findings, the
# annotations on standard output, the SARIF file.
json=$(mktemp)
trap 'rm -f "$json"' EXIT
formats=json
files=$json
if is_true "$annotations"; then
  formats+=,github
  files+=,-
fi
if [ -n "$sarif" ]; then
  formats+=,sarif
  files+=,$sarif
fi
# shellcheck disable=SC2086 # packages is a space-separated list
set +e
"$cookielint" report "${args[@]}" -format "$formats" -o "$files" $packages
code=$?
set -e

findings=$(grep -c '^    "rule": ' "$json" || true)
echo "findings=$findings" >>"$out"
if [ -n "$sarif" ]; then echo "sarif-file=$sarif" >>"$out"; fi

case $code in
  0) echo "cookielint: no findings" ;;
  3)
    echo "cookielint: $findings findings"
    if is_true "$fail"; then exit 1; fi
    ;;
  *)
    echo "::error title=cookielint::cookielint failed (exit status $code): see the log above"
    exit 1
    ;;
esac
