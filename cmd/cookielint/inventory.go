package main

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/cookielint/cookielint"
	"github.com/cookielint/cookielint/policy"
)

// inventoryFlags defines inventory's flags: it lists every cookie the
// code sets and the policy entries no code sets.
func inventoryFlags(fs *flag.FlagSet) func(args []string) int {
	out := addOutputFlags(fs, []string{"text", "json", "csv"}, "text")
	policyFile := fs.String("policy", "", "policy file (default: the nearest "+cookielint.DefaultPolicyFile+" from the current directory)")
	tests := fs.Bool("tests", false, "also read _test.go files")
	return func(args []string) int {
		if !out.valid(fs.Name()) {
			return 1
		}
		cfg := cookielint.Config{Tests: *tests}
		pol, err := runPolicy(*policyFile)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		if *policyFile != "" {
			abs, _ := filepath.Abs(*policyFile)
			cfg.PolicyFile = abs
		}
		sets, gaps, failed := inventory(cookielint.NewAnalyzer(cfg), *tests, args)
		unused := neverSet(pol, sets)
		ok := out.write(fs.Name(), func(w io.Writer, format string) error {
			switch format {
			case "json":
				return inventoryJSON(w, sets, gaps, unused)
			case "csv":
				return inventoryCSV(w, sets, gaps, unused)
			}
			return inventoryText(w, sets, gaps, unused, pol)
		})
		if !ok {
			return 1
		}
		if failed {
			return 1
		}
		return 0
	}
}

// inventory runs the analyzer and gathers the cookies the root packages
// set, and the calls no model covers, in file order, once each.
func inventory(a *analysis.Analyzer, tests bool, patterns []string) ([]cookielint.CookieSet, []cookielint.Unmodeled, bool) {
	graph, failed := runAnalysis(a, tests, patterns)
	if graph == nil {
		return nil, nil, true
	}
	var sets []cookielint.CookieSet
	var gaps []cookielint.Unmodeled
	seen := map[string]bool{}
	for _, act := range graph.Roots {
		res, ok := act.Result.(*cookielint.Result)
		if act.Err != nil || !ok {
			continue
		}
		for _, s := range res.Sets {
			key := fmt.Sprintf("%s:%d:%d %s %s", s.Position.Filename, s.Position.Line, s.Position.Column, s.Name, s.Via)
			if !seen[key] { // a package and its test variant list the same sets
				seen[key] = true
				sets = append(sets, s)
			}
		}
		for _, u := range res.Unmodeled {
			key := fmt.Sprintf("%s:%d:%d %s", u.Position.Filename, u.Position.Line, u.Position.Column, u.Callee)
			if !seen[key] {
				seen[key] = true
				gaps = append(gaps, u)
			}
		}
	}
	sort.SliceStable(gaps, func(i, j int) bool { return before(gaps[i].Position, gaps[j].Position) })
	sort.SliceStable(sets, func(i, j int) bool { return before(sets[i].Position, sets[j].Position) })
	return sets, gaps, failed
}

// before orders positions by file, line and column.
func before(a, b token.Position) bool {
	if a.Filename != b.Filename {
		return a.Filename < b.Filename
	}
	return a.Line < b.Line || a.Line == b.Line && a.Column < b.Column
}

// neverSet lists the policy entries no cookie of the inventory matches.
func neverSet(p *policy.Policy, sets []cookielint.CookieSet) []*policy.Entry {
	if p == nil {
		return nil
	}
	used := map[string]bool{}
	for _, s := range sets {
		if s.Computed {
			continue
		}
		if e := p.Match(s.Name); e != nil {
			used[e.Label()] = true
		}
	}
	var out []*policy.Entry
	for _, e := range p.Cookies {
		if !used[e.Label()] {
			out = append(out, e)
		}
	}
	return out
}

// relTo makes a file name relative to the current directory when it is
// below it.
func relTo(name string) string {
	cwd, err := os.Getwd()
	if err != nil {
		return name
	}
	if rel, err := filepath.Rel(cwd, name); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return name
}

func displayName(s cookielint.CookieSet) string {
	if s.Computed {
		return "(name computed at run time)"
	}
	return s.Name
}

func how(s cookielint.CookieSet) string {
	h := s.Via
	if s.Through != "" {
		h += " via " + s.Through
	}
	if s.Built != "" {
		h += ", built by " + s.Built
	}
	return h
}

var attrOrder = []string{"Secure", "HttpOnly", "SameSite", "Path", "Domain", "MaxAge", "Expires", "Partitioned"}

func attrs(s cookielint.CookieSet) string {
	var parts []string
	for _, a := range attrOrder {
		if v, ok := s.Attributes[a]; ok {
			parts = append(parts, a+"="+v)
		}
	}
	return strings.Join(parts, " ")
}

func matched(s cookielint.CookieSet) string {
	switch {
	case s.Entry != "" && s.Category != "":
		return fmt.Sprintf("declared as %s (%s)", s.Entry, s.Category)
	case s.Entry != "":
		return "declared as " + s.Entry
	case s.Computed:
		return "cannot tell"
	}
	return "NOT DECLARED"
}

func inventoryText(w io.Writer, sets []cookielint.CookieSet, gaps []cookielint.Unmodeled, unused []*policy.Entry, p *policy.Policy) error {
	if len(sets) == 0 {
		fmt.Fprintln(w, "No cookies set.")
	}
	defer func() {
		if len(gaps) == 0 {
			return
		}
		fmt.Fprintln(w, "\nNot modeled: calls that look like cookie APIs no model covers (cookielint cannot see what they set; declare them in the policy's models: section):")
		for _, u := range gaps {
			fmt.Fprintf(w, "  %s:%d\t%s\n", relTo(u.Position.Filename), u.Position.Line, u.Callee)
		}
	}()
	for _, s := range sets {
		line := fmt.Sprintf("%s\t%s:%d\t%s\t%s", displayName(s), relTo(s.Position.Filename), s.Position.Line, how(s), attrs(s))
		if s.Deletion {
			line += "\tdeletion"
		}
		if p != nil {
			line += "\t" + matched(s)
		}
		if s.Consent != "" {
			line += "\tconsent " + s.Consent
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	if p == nil {
		_, err := fmt.Fprintln(w, "\nNo policy file: names are not matched to entries.")
		return err
	}
	if len(unused) > 0 {
		fmt.Fprintf(w, "\nDeclared but never set (%s):\n", filepath.Base(p.File))
		for _, e := range unused {
			cat := ""
			if e.Category != "" {
				cat = " (" + e.Category + ")"
			}
			fmt.Fprintf(w, "  %s%s, line %d\n", e.Label(), cat, e.Pos.Line)
		}
	}
	return nil
}

type jsonSet struct {
	cookielint.CookieSet
	File string `json:"file"`
	Line int    `json:"line"`
}

type jsonGap struct {
	Callee string `json:"callee"`
	File   string `json:"file"`
	Line   int    `json:"line"`
}

type jsonEntry struct {
	Entry    string `json:"entry"`
	Category string `json:"category,omitempty"`
	Line     int    `json:"line"`
}

func inventoryJSON(w io.Writer, sets []cookielint.CookieSet, gaps []cookielint.Unmodeled, unused []*policy.Entry) error {
	doc := struct {
		Cookies             []jsonSet   `json:"cookies"`
		DeclaredButNeverSet []jsonEntry `json:"declaredButNeverSet"`
		NotModeled          []jsonGap   `json:"notModeled"`
	}{Cookies: []jsonSet{}, DeclaredButNeverSet: []jsonEntry{}, NotModeled: []jsonGap{}}
	for _, u := range gaps {
		doc.NotModeled = append(doc.NotModeled, jsonGap{Callee: u.Callee, File: relTo(u.Position.Filename), Line: u.Position.Line})
	}
	for _, s := range sets {
		doc.Cookies = append(doc.Cookies, jsonSet{CookieSet: s, File: relTo(s.Position.Filename), Line: s.Position.Line})
	}
	for _, e := range unused {
		doc.DeclaredButNeverSet = append(doc.DeclaredButNeverSet, jsonEntry{Entry: e.Label(), Category: e.Category, Line: e.Pos.Line})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

func inventoryCSV(w io.Writer, sets []cookielint.CookieSet, gaps []cookielint.Unmodeled, unused []*policy.Entry) error {
	cw := csv.NewWriter(w)
	header := append([]string{"status", "name", "computed", "file", "line", "via", "through", "built"}, attrOrder...)
	header = append(header, "deletion", "entry", "category", "consent")
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, s := range sets {
		status := "set"
		if s.Entry == "" && !s.Computed {
			status = "set, not declared"
		}
		row := []string{status, s.Name, fmt.Sprint(s.Computed), relTo(s.Position.Filename), fmt.Sprint(s.Position.Line), s.Via, s.Through, s.Built}
		for _, a := range attrOrder {
			row = append(row, s.Attributes[a])
		}
		row = append(row, fmt.Sprint(s.Deletion), s.Entry, s.Category, s.Consent)
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	for _, e := range unused {
		row := make([]string, len(header))
		row[0], row[len(row)-3], row[len(row)-2] = "declared but never set", e.Label(), e.Category
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	for _, u := range gaps {
		row := make([]string, len(header))
		row[0], row[3], row[4], row[5] = "not modeled", relTo(u.Position.Filename), fmt.Sprint(u.Position.Line), u.Callee
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
