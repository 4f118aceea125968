// Package modeldoc writes the table of frameworks and libraries in
// docs/frameworks.md from the built-in models files (models/*.yaml): each
// file's name, module, the versions it was checked against and what it
// says is checked. The table is generated, never edited by hand: `go run
// ./internal/modeldoc/update` rewrites it, and the package's test fails
// when the document and the files disagree.
package modeldoc

import (
	"fmt"
	"os"
	"path"
	"strings"

	"github.com/cookielint/cookielint"
	"github.com/cookielint/cookielint/policy"
)

// The markers around the generated table in docs/frameworks.md.
const (
	Begin = "<!-- generated from models/*.yaml by go run ./internal/modeldoc/update: do not edit -->"
	End   = "<!-- end of the generated table -->"
)

// Table renders the table of the built-in models files.
func Table() (string, error) {
	specs, err := cookielint.BuiltinModels()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("| framework or library | models file | module and versions checked | what is checked |\n|---|---|---|---|\n")
	for _, s := range specs {
		fmt.Fprintf(&b, "| %s | [%s](../%s) | %s | %s |\n", s.Name, path.Base(s.File), s.File, module(s), strings.ReplaceAll(s.About, "|", "\\|"))
	}
	return b.String(), nil
}

func module(s *policy.Models) string {
	m := "`" + s.Module + "`"
	if s.Module == "std" {
		m = "the standard library, Go"
	}
	versions := strings.Join(s.Checked, ", ")
	if s.Module == "std" {
		versions = strings.TrimPrefix(versions, "v")
	}
	return m + " " + versions
}

// Update rewrites the table between the markers of the document at name.
// It reports whether the document changed.
func Update(name string) (bool, error) {
	doc, err := os.ReadFile(name)
	if err != nil {
		return false, err
	}
	updated, err := Replace(string(doc))
	if err != nil {
		return false, err
	}
	if updated == string(doc) {
		return false, nil
	}
	return true, os.WriteFile(name, []byte(updated), 0o644)
}

// Replace returns doc with the table between its markers generated anew.
func Replace(doc string) (string, error) {
	i, j := strings.Index(doc, Begin), strings.Index(doc, End)
	if i < 0 || j < i {
		return "", fmt.Errorf("no %q ... %q markers", Begin, End)
	}
	table, err := Table()
	if err != nil {
		return "", err
	}
	return doc[:i+len(Begin)] + "\n" + table + doc[j:], nil
}
