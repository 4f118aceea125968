package modeldoc

import (
	"os"
	"strings"
	"testing"
)

// docs/frameworks.md's table is the models files': a row per file, as
// Table renders it. Regenerate it with go run ./internal/modeldoc/update.
func TestFrameworksDocMatchesModels(t *testing.T) {
	doc, err := os.ReadFile("../../docs/frameworks.md")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Replace(string(doc))
	if err != nil {
		t.Fatal(err)
	}
	if want != string(doc) {
		t.Errorf("docs/frameworks.md's table and models/*.yaml disagree: run go run ./internal/modeldoc/update")
	}
	table, _ := Table()
	if n := strings.Count(table, "\n"); n < 20 {
		t.Errorf("the table has %d lines: a file lost?", n)
	}
}

// A file without a name or a description is not documented.
func TestEveryFileDocumented(t *testing.T) {
	table, err := Table()
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(table), "\n")[2:] {
		cells := strings.Split(line, " | ")
		if strings.TrimPrefix(cells[0], "| ") == "" || strings.TrimSuffix(cells[len(cells)-1], " |") == "" {
			t.Errorf("a models file without a name or an about: %s", line)
		}
	}
}
