// Package report turns cookielint's diagnostics into reports for CI: text,
// JSON, SARIF 2.1.0 for code scanning, and GitHub Actions workflow
// commands; and keeps a baseline of accepted findings, so that a team
// adopting the linter fails only on new ones.
//
// A finding's identity (its rule, file, enclosing function and cookie
// name) does not include its line: it survives unrelated edits.
package report
