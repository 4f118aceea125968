package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/token"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Finding is one diagnostic, located relative to the repository root.
type Finding struct {
	Rule        string `json:"rule"`
	Message     string `json:"message"`
	File        string `json:"file"` // slash-separated, relative to the root
	Line        int    `json:"line"`
	Column      int    `json:"column"`
	EndLine     int    `json:"endLine"`
	EndColumn   int    `json:"endColumn"`
	Function    string `json:"function,omitempty"` // enclosing function: F or T.M
	Cookie      string `json:"cookie,omitempty"`   // the cookie's name, when constant
	Fingerprint string `json:"fingerprint"`        // stable across unrelated line moves
}

// Identity is what makes two findings the same across edits.
type Identity struct {
	Rule     string `json:"rule"`
	File     string `json:"file"`
	Function string `json:"function,omitempty"`
	Cookie   string `json:"cookie,omitempty"`
}

// ID returns the finding's identity.
func (f *Finding) ID() Identity {
	return Identity{Rule: f.Rule, File: f.File, Function: f.Function, Cookie: f.Cookie}
}

var cookieRE = regexp.MustCompile(`^cookie ("(?:[^"\\]|\\.)*")`)

// cookieName reads the cookie name a cookielint message starts with.
func cookieName(msg string) string {
	if m := cookieRE.FindStringSubmatch(msg); m != nil {
		if s, err := strconv.Unquote(m[1]); err == nil {
			return s
		}
	}
	return ""
}

// New makes a finding of a diagnostic in a package's files.
func New(d analysis.Diagnostic, fset *token.FileSet, files []*ast.File, root string) Finding {
	start := fset.Position(d.Pos)
	end := start
	if d.End.IsValid() {
		end = fset.Position(d.End)
	}
	return Finding{
		Rule:      d.Category,
		Message:   d.Message,
		File:      relPath(root, start.Filename),
		Line:      start.Line,
		Column:    start.Column,
		EndLine:   end.Line,
		EndColumn: end.Column,
		Function:  enclosingFunc(d.Pos, files),
		Cookie:    cookieName(d.Message),
	}
}

// relPath makes a file name relative to root, with forward slashes; a
// file outside root keeps its absolute path.
func relPath(root, name string) string {
	if root != "" {
		if rel, err := filepath.Rel(root, name); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(name)
}

// enclosingFunc names the declared function around p: F, or T.M for a
// method; "" at package level.
func enclosingFunc(p token.Pos, files []*ast.File) string {
	for _, f := range files {
		if p < f.FileStart || p > f.FileEnd {
			continue
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || p < fd.Pos() || p > fd.End() {
				continue
			}
			if fd.Recv != nil && len(fd.Recv.List) > 0 {
				t := fd.Recv.List[0].Type
				for {
					switch x := t.(type) {
					case *ast.StarExpr:
						t = x.X
						continue
					case *ast.IndexExpr:
						t = x.X
						continue
					case *ast.IndexListExpr:
						t = x.X
						continue
					}
					break
				}
				if id, ok := t.(*ast.Ident); ok {
					return id.Name + "." + fd.Name.Name
				}
			}
			return fd.Name.Name
		}
	}
	return ""
}

var digits = regexp.MustCompile(`[0-9]+`)

// Finish sorts findings by place, drops duplicates (a package and its
// test variant report the same diagnostic) and gives each a fingerprint
// from its identity, its message without numbers (messages may cite line
// numbers) and its rank among findings of the same identity.
func Finish(fs []Finding) []Finding {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
	var out []Finding
	for i, f := range fs {
		if i > 0 && f.File == fs[i-1].File && f.Line == fs[i-1].Line && f.Column == fs[i-1].Column && f.Message == fs[i-1].Message {
			continue
		}
		out = append(out, f)
	}
	rank := map[string]int{}
	for i := range out {
		f := &out[i]
		key := fmt.Sprintf("%s\x00%s\x00%s\x00%s\x00%s", f.Rule, f.File, f.Function, f.Cookie, digits.ReplaceAllString(f.Message, "N"))
		n := rank[key]
		rank[key]++
		sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%d", key, n))
		f.Fingerprint = hex.EncodeToString(sum[:16])
	}
	return out
}
