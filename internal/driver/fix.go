package driver

// This file applies the suggested fixes of an analyzed graph (-fix, -diff),
// so that -fix loads packages the way every other run of the command does.

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"io"
	"os"
	"slices"
	"sort"

	"golang.org/x/tools/go/analysis/checker"
)

// An edit replaces the bytes [start, end) of a file with text.
type edit struct {
	start, end int
	text       string
}

// fileEdits are the edits accepted so far in one file, in the order they
// were accepted.
type fileEdits struct {
	name  string
	src   []byte
	edits []edit
}

// ApplyFixes applies the first suggested fix of every diagnostic of the
// graph's root actions, as singlechecker's -fix does: fixes are taken in
// the order of the diagnostics, and a fix is applied only if every one of
// its edits is identical to an edit already accepted (the same fix
// reported for a package and its test variant, the same import added
// twice) or touches none of their bytes; insertions at the same place
// keep the order of their fixes. A fix that would edit a generated file
// is skipped. Each changed file is formatted with gofmt and written, or,
// with diff, shown as a unified diff on out.
//
// The error says how many fixes could not be applied (the user reruns the
// command to apply them), or why a file could not be read or written.
func ApplyFixes(graph *checker.Graph, diff bool, out io.Writer) error {
	files := map[string]*fileEdits{}
	generated := map[*token.File]bool{}
	var total, applied, skipped int
	var problems []error
	for _, act := range graph.Roots {
		if act.Err != nil || act.Package == nil {
			continue
		}
		fset := act.Package.Fset
		for _, f := range act.Package.Syntax {
			if tf := fset.File(f.FileStart); tf != nil {
				generated[tf] = generated[tf] || ast.IsGenerated(f)
			}
		}
	fixes:
		for _, d := range act.Diagnostics {
			if len(d.SuggestedFixes) == 0 {
				continue
			}
			total++
			byFile := map[*fileEdits][]edit{}
			var order []*fileEdits
			for _, te := range d.SuggestedFixes[0].TextEdits {
				tf := fset.File(te.Pos)
				if tf == nil {
					problems = append(problems, fmt.Errorf("%s: a fix edits no file", act))
					continue fixes
				}
				if generated[tf] {
					skipped++
					continue fixes
				}
				fe, err := fileFor(files, tf)
				if err != nil {
					problems = append(problems, err)
					continue fixes
				}
				end := te.End
				if !end.IsValid() {
					end = te.Pos
				}
				e := edit{tf.Offset(te.Pos), tf.Offset(end), string(te.NewText)}
				if e.end < e.start {
					problems = append(problems, fmt.Errorf("%s: a fix with an edit that ends before it starts", tf.Name()))
					continue fixes
				}
				if _, ok := byFile[fe]; !ok {
					order = append(order, fe)
				}
				byFile[fe] = append(byFile[fe], e)
			}
			for _, fe := range order {
				if !fits(fe.edits, byFile[fe]) {
					continue fixes
				}
			}
			for _, fe := range order {
				for _, e := range byFile[fe] {
					if !slices.Contains(fe.edits, e) {
						fe.edits = append(fe.edits, e)
					}
				}
			}
			applied++
		}
	}

	names := make([]string, 0, len(files))
	for name, fe := range files {
		if len(fe.edits) > 0 {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	updated := 0
	for _, name := range names {
		fe := files[name]
		fixed := apply(fe.src, fe.edits)
		if formatted, err := format.Source(fixed); err == nil {
			fixed = formatted
		}
		if diff {
			io.WriteString(out, unifiedDiff(name+" (old)", name+" (new)", string(fe.src), string(fixed)))
			continue
		}
		mode := os.FileMode(0o644)
		if fi, err := os.Stat(name); err == nil {
			mode = fi.Mode().Perm()
		}
		if err := os.WriteFile(name, fixed, mode); err != nil {
			problems = append(problems, err)
			continue
		}
		updated++
	}
	if missed := total - applied - skipped; missed > 0 {
		what := fmt.Sprintf("applied %d of %s; %s updated (run the command again to apply the others)", applied, plural(total, "fix", "fixes"), plural(updated, "file", "files"))
		if diff {
			what = fmt.Sprintf("%d of %s would not apply with the others (they conflict)", missed, plural(total, "fix", "fixes"))
		}
		problems = append(problems, errors.New(what))
	}
	return errors.Join(problems...)
}

// fileFor returns the accepted edits of tf's file, reading the file the
// first time; the file must not have changed since it was loaded.
func fileFor(files map[string]*fileEdits, tf *token.File) (*fileEdits, error) {
	if fe, ok := files[tf.Name()]; ok {
		return fe, nil
	}
	src, err := os.ReadFile(tf.Name())
	if err != nil {
		return nil, err
	}
	if len(src) != tf.Size() {
		return nil, fmt.Errorf("%s changed while it was analyzed (%d bytes, now %d): not fixed", tf.Name(), tf.Size(), len(src))
	}
	fe := &fileEdits{name: tf.Name(), src: src}
	files[tf.Name()] = fe
	return fe, nil
}

// fits reports whether every edit of add is identical to an accepted one
// or touches none of the accepted edits' bytes, and none of add's own
// edits overlap.
func fits(accepted, add []edit) bool {
	disjoint := func(a, b edit) bool {
		return a == b || a.end <= b.start || b.end <= a.start
	}
	for i, e := range add {
		for _, a := range accepted {
			if !disjoint(a, e) {
				return false
			}
		}
		for _, o := range add[:i] {
			if !disjoint(o, e) {
				return false
			}
		}
	}
	return true
}

// apply applies edits, which do not overlap, to src: sorted by start, an
// insertion before a replacement that starts at the same place, and
// insertions at one place in the order they were accepted.
func apply(src []byte, edits []edit) []byte {
	sorted := slices.Clone(edits)
	slices.SortStableFunc(sorted, func(a, b edit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return (a.end - a.start) - (b.end - b.start)
	})
	var b bytes.Buffer
	pos := 0
	for _, e := range sorted {
		b.Write(src[pos:e.start])
		b.WriteString(e.text)
		pos = e.end
	}
	b.Write(src[pos:])
	return b.Bytes()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
