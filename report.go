package cookielint

import (
	"fmt"
	"go/ast"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// This file turns findings into diagnostics and honours //nolint comments.

// reportSite reports a finding at the call that sets the cookie, pointing
// at where the cookie was built and where the offending value was set when
// those are elsewhere.
func (c *checker) reportSite(s *site, cat string, v value, fw *fixWant, format string, args ...any) {
	if v.k == dynamic { // a "cannot verify" finding
		// A parameter is verified at each call; at the call of a helper,
		// only what the arguments decide is new.
		if v.param > 0 || s.helper != nil && !v.viaArg {
			return
		}
	} else {
		if s.helper != nil && slices.Contains(s.helper.Reported, cat) {
			return // reported once, inside the helper
		}
		s.reported = append(s.reported, cat)
	}
	msg := fmt.Sprintf(format, args...)
	if s.through != "" {
		msg += " (set through " + s.through + ")"
	}
	if s.cookie.fromRequest && v.k == absent {
		msg += " (a cookie read from the request carries its name and value only)"
	}
	d := analysis.Diagnostic{
		Pos:      s.call.Pos(),
		End:      s.call.End(),
		Category: cat,
		Message:  msg,
	}
	if fw != nil {
		d.SuggestedFixes = c.fixFor(s, v, *fw)
	}
	k := &s.cookie
	if v.fromCtor && k.ctorBuilt.IsValid() {
		// The defect is a constant inside a constructor of this package:
		// the fix belongs there, so the finding goes there, once.
		key := fmt.Sprintf("%d %s %s", k.ctorBuilt, cat, msg)
		if c.reportedAt[key] {
			return
		}
		c.reportedAt[key] = true
		d.Pos, d.End = k.ctorBuilt, k.ctorBuilt
		d.Message = msg + " (built by " + k.ctor + ")"
		d.Related = []analysis.RelatedInformation{{Pos: s.call.Pos(), Message: "the cookie is set here"}}
		c.emit(d)
		return
	}
	if k.ctor != "" {
		d.Message += " (built by " + k.ctor + ")"
	}
	callLine := c.line(s.call.Pos())
	seen := map[int]bool{callLine: true}
	addRelated := func(p token.Pos, msg string) {
		if !p.IsValid() || seen[c.line(p)] || c.pass.Fset.File(p) != c.pass.Fset.File(s.call.Pos()) {
			return
		}
		seen[c.line(p)] = true
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: p, Message: msg})
	}
	if v.k != absent {
		addRelated(v.pos, "the value is set here")
	}
	addRelated(s.cookie.built, "the cookie is built here")
	c.emit(d)
}

// report reports a finding at a node.
func (c *checker) report(n ast.Node, cat, format string, args ...any) {
	c.emit(analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Category: cat, Message: fmt.Sprintf(format, args...)})
}

func (c *checker) emit(d analysis.Diagnostic) {
	if c.nolint.suppressed(c.pass.Fset, d.Pos, c.pass.Files) {
		return
	}
	// The same finding twice at one place (two elements of a loop, two
	// calls of a closure, alike) is one finding.
	key := emitted{d.Pos, d.End, d.Category, d.Message}
	if c.emitted[key] {
		return
	}
	if c.emitted == nil {
		c.emitted = map[emitted]bool{}
	}
	c.emitted[key] = true
	c.pass.Report(d)
}

type emitted struct {
	pos, end      token.Pos
	category, msg string
}

func (c *checker) line(p token.Pos) int { return c.pass.Fset.Position(p).Line }

// nolintIndex records, per file, the lines a //nolint comment for
// cookielint covers: its own line and the next.
type nolintIndex struct {
	files map[*token.File]map[int]bool
}

// nolintRE matches golangci-lint's directive: //nolint, //nolint:all, or
// //nolint:a,b,c naming cookielint; an explanation may follow after //.
var nolintRE = regexp.MustCompile(`^//\s*nolint(?::([\w,\s-]+))?(?:\s|//|$)`)

func (n *nolintIndex) suppressed(fset *token.FileSet, p token.Pos, files []*ast.File) bool {
	tf := fset.File(p)
	if tf == nil {
		return false
	}
	if n.files == nil {
		n.files = map[*token.File]map[int]bool{}
	}
	lines, ok := n.files[tf]
	if !ok {
		lines = map[int]bool{}
		for _, f := range files {
			if fset.File(f.Pos()) != tf {
				continue
			}
			for _, cg := range f.Comments {
				for _, cm := range cg.List {
					if nolintApplies(cm.Text) {
						l := fset.Position(cm.Slash).Line
						lines[l], lines[l+1] = true, true
					}
				}
			}
		}
		n.files[tf] = lines
	}
	return lines[fset.Position(p).Line]
}

func nolintApplies(text string) bool {
	m := nolintRE.FindStringSubmatch(text)
	if m == nil {
		return false
	}
	if m[1] == "" {
		return !strings.HasPrefix(strings.TrimPrefix(text, "//"), "nolint:") // bare //nolint
	}
	for _, name := range strings.Split(m[1], ",") {
		switch strings.TrimSpace(name) {
		case "cookielint", "all":
			return true
		}
	}
	return false
}

// baseName shortens a policy path for messages.
func baseName(p string) string { return filepath.Base(p) }

// shortFile keeps the last directory and the file name of a path.
func shortFile(p string) string {
	return filepath.Join(filepath.Base(filepath.Dir(p)), filepath.Base(p))
}
