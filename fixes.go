package cookielint

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/cookielint/cookielint/policy"
)

// This file builds the suggested fixes that -fix applies: only where the
// repair is unambiguous. A value decided at run time, an undeclared name
// (the fix belongs in the policy), a value inside a helper reached from
// its caller, or syntax in another package gets no fix.

// fixWant is what a fix makes an attribute: for booleans "true", for Path
// "/", for SameSite a level; remove drops the attribute (a Domain).
type fixWant struct {
	a      attr
	val    string
	level  policy.SameSite
	remove bool
}

// fixFor returns the fix for one finding, or nil.
func (c *checker) fixFor(s *site, v value, fw fixWant) []analysis.SuggestedFix {
	if v.k == dynamic || v.indirect || v.expr == nil || !c.local(v.expr.Pos()) || s.helper != nil && !v.viaArg {
		return nil
	}
	file := c.fileOf(v.expr.Pos())
	if file == nil {
		return nil
	}
	var (
		edits []analysis.TextEdit
		msg   string
	)
	switch {
	case v.k == konst && !s.header:
		goText := c.goText(file, s.cookie.model, fw)
		if fw.remove {
			edits, msg = c.removeField(file, v.expr)
			break
		}
		if goText == "" {
			return nil
		}
		edits = []analysis.TextEdit{{Pos: v.expr.Pos(), End: v.expr.End(), NewText: []byte(goText)}}
		msg = fmt.Sprintf("set %s to %s", fw.a, goText)
	case v.k == absent && !fw.remove:
		switch e := v.expr.(type) {
		case *ast.BasicLit: // a Set-Cookie string
			if !s.header || e.Kind != token.STRING || len(e.Value) < 2 {
				return nil
			}
			text := headerText(fw)
			if text == "" {
				return nil
			}
			edits = []analysis.TextEdit{{Pos: e.End() - 1, End: e.End() - 1, NewText: []byte("; " + text)}}
			msg = fmt.Sprintf("add \"; %s\" to the Set-Cookie value", text)
		case *ast.CompositeLit:
			edits, msg = c.addField(file, e, fw)
		case *ast.CallExpr, *ast.Ident:
			edits, msg = c.addStatement(file, e, fw)
		}
	}
	if len(edits) == 0 {
		return nil
	}
	return []analysis.SuggestedFix{{Message: msg, TextEdits: edits}}
}

func headerText(fw fixWant) string {
	switch fw.a {
	case attrSecure, attrHttpOnly:
		return fw.a.String()
	case attrSameSite:
		return "SameSite=" + fw.level.String()
	case attrPath:
		return "Path=" + fw.val
	}
	return ""
}

// goText writes the wanted value as Go source in file, with the package
// qualifiers that file uses; "" if the file does not import what it needs.
func (c *checker) goText(file *ast.File, m *cookieModel, fw fixWant) string {
	switch fw.a {
	case attrSecure, attrHttpOnly, attrPartitioned:
		return "true"
	case attrPath:
		return fmt.Sprintf("%q", fw.val)
	case attrSameSite:
		sp, ok := m.sameSiteSpelling[fw.level]
		if !ok {
			return ""
		}
		pkg, name, _ := strings.Cut(sp, ".")
		path := m.pkg
		if pkg == "http" {
			path = "net/http"
		}
		q := c.qualifier(file, path)
		if q == "" {
			return ""
		}
		return q + "." + name
	}
	return ""
}

// qualifier is the name under which file imports path, or "".
func (c *checker) qualifier(file *ast.File, path string) string {
	for _, imp := range file.Imports {
		var obj types.Object
		if imp.Name != nil {
			obj = c.pass.TypesInfo.Defs[imp.Name]
		} else {
			obj = c.pass.TypesInfo.Implicits[imp]
		}
		if pn, ok := obj.(*types.PkgName); ok && pn.Imported().Path() == path {
			if pn.Name() == "_" || pn.Name() == "." {
				return ""
			}
			return pn.Name()
		}
	}
	return ""
}

// addField adds a missing field to a keyed composite literal, keeping its
// one-line or multi-line layout.
func (c *checker) addField(file *ast.File, lit *ast.CompositeLit, fw fixWant) ([]analysis.TextEdit, string) {
	m, _ := c.models.modelOf(c.pass.TypesInfo.TypeOf(lit))
	if m == nil || fw.remove {
		return nil, ""
	}
	name := m.fieldFor(fw.a)
	if _, ok := m.fields[name]; !ok {
		return nil, ""
	}
	val := c.goText(file, m, fw)
	if val == "" {
		return nil, ""
	}
	field := name + ": " + val
	msg := "add " + field
	tf := c.pass.Fset.File(lit.Pos())
	src := c.source(tf)
	if src == nil {
		return nil, ""
	}
	n := len(lit.Elts)
	lastLine := tf.Line(lit.Lbrace)
	if n > 0 {
		lastLine = tf.Line(lit.Elts[n-1].End())
	}
	if lastLine == tf.Line(lit.Rbrace) {
		// The closing brace ends the last line: insert before it. Each
		// insertion delimits itself, so that several merge.
		text := ", " + field
		switch {
		case n == 0:
			text = field + ", "
		case bytes.ContainsRune(src[tf.Offset(lit.Elts[n-1].End()):tf.Offset(lit.Rbrace)], ','):
			text = " " + field + "," // {Name: "x",}
		}
		return []analysis.TextEdit{{Pos: lit.Rbrace, End: lit.Rbrace, NewText: []byte(text)}}, msg
	}
	// The closing brace has a line of its own: a new line before it,
	// indented like the elements.
	indent := lineIndent(src, tf, lit.Rbrace) + "\t"
	if n > 0 {
		indent = lineIndent(src, tf, lit.Elts[n-1].Pos())
	}
	at := tf.LineStart(tf.Line(lit.Rbrace))
	return []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(indent + field + ",\n")}}, msg
}

// addStatement sets a missing attribute right after the statement that
// declares the cookie (c := new(http.Cookie), var c fasthttp.Cookie).
func (c *checker) addStatement(file *ast.File, e ast.Expr, fw fixWant) ([]analysis.TextEdit, string) {
	path, _ := astutil.PathEnclosingInterval(file, e.Pos(), e.End())
	var stmt ast.Stmt
	var name string
	for _, n := range path {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, r := range n.Rhs {
				if i < len(n.Lhs) && r.Pos() <= e.Pos() && e.End() <= r.End() {
					if id, ok := n.Lhs[i].(*ast.Ident); ok {
						name = id.Name
					}
				}
			}
			stmt = n
		case *ast.DeclStmt:
			if id, ok := e.(*ast.Ident); ok {
				name = id.Name
			}
			stmt = n
		}
		if stmt != nil {
			break
		}
	}
	if stmt == nil || name == "" || name == "_" {
		return nil, ""
	}
	if _, ok := path[len(path)-1].(*ast.File); !ok {
		return nil, ""
	}
	// The statement must sit directly in a block, so that a new line
	// after it runs next.
	parentOK := false
	for i, n := range path {
		if n == stmt && i+1 < len(path) {
			switch path[i+1].(type) {
			case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
				parentOK = true
			}
		}
	}
	if !parentOK {
		return nil, ""
	}
	var m *cookieModel
	if t := c.pass.TypesInfo.TypeOf(e); t != nil {
		m, _ = c.models.modelOf(t)
	}
	if m == nil {
		return nil, ""
	}
	val := c.goText(file, m, fw)
	if val == "" {
		return nil, ""
	}
	var text string
	if setter := m.setterFor(fw.a); setter != "" {
		text = fmt.Sprintf("%s.%s(%s)", name, setter, val)
	} else if f := m.fieldFor(fw.a); m.fields[f] == fw.a {
		text = fmt.Sprintf("%s.%s = %s", name, f, val)
	} else {
		return nil, ""
	}
	tf := c.pass.Fset.File(stmt.Pos())
	src := c.source(tf)
	if src == nil {
		return nil, ""
	}
	indent := lineIndent(src, tf, stmt.Pos())
	return []analysis.TextEdit{{Pos: stmt.End(), End: stmt.End(), NewText: []byte("\n" + indent + text)}}, "add " + text
}

// removeField drops a field from the composite literal it is in (a
// __Host- cookie's Domain), or empties a stored value.
func (c *checker) removeField(file *ast.File, e ast.Expr) ([]analysis.TextEdit, string) {
	path, _ := astutil.PathEnclosingInterval(file, e.Pos(), e.End())
	for i, n := range path {
		kv, ok := n.(*ast.KeyValueExpr)
		if !ok || kv.Value != e || i+1 >= len(path) {
			continue
		}
		lit, ok := path[i+1].(*ast.CompositeLit)
		if !ok {
			break
		}
		key := types.ExprString(kv.Key)
		msg := fmt.Sprintf("remove %s: %s", key, types.ExprString(kv.Value))
		tf := c.pass.Fset.File(lit.Pos())
		idx := -1
		for j, elt := range lit.Elts {
			if elt == ast.Expr(kv) {
				idx = j
			}
		}
		switch {
		case idx < 0:
			return nil, ""
		case tf.Line(lit.Lbrace) != tf.Line(lit.Rbrace): // multi-line: drop its line
			line := tf.Line(kv.Pos())
			prevOK := idx == 0 || tf.Line(lit.Elts[idx-1].End()) < line
			nextOK := (idx == len(lit.Elts)-1 && tf.Line(lit.Rbrace) > line) || idx < len(lit.Elts)-1 && tf.Line(lit.Elts[idx+1].Pos()) > line
			if !prevOK || !nextOK {
				return nil, ""
			}
			return []analysis.TextEdit{{Pos: tf.LineStart(line), End: tf.LineStart(line + 1), NewText: nil}}, msg
		case idx < len(lit.Elts)-1:
			return []analysis.TextEdit{{Pos: kv.Pos(), End: lit.Elts[idx+1].Pos()}}, msg
		case idx > 0:
			return []analysis.TextEdit{{Pos: lit.Elts[idx-1].End(), End: kv.End()}}, msg
		default:
			return []analysis.TextEdit{{Pos: kv.Pos(), End: kv.End()}}, msg
		}
	}
	// A store (c.Domain = "x"): store the empty string instead.
	return []analysis.TextEdit{{Pos: e.Pos(), End: e.End(), NewText: []byte(`""`)}}, fmt.Sprintf("set Domain to \"\" (was %s)", types.ExprString(e))
}

func (c *checker) fileOf(p token.Pos) *ast.File {
	for _, f := range c.pass.Files {
		if f.FileStart <= p && p <= f.FileEnd {
			return f
		}
	}
	return nil
}

func (c *checker) source(tf *token.File) []byte {
	b, err := c.pass.ReadFile(tf.Name())
	if err != nil || len(b) != tf.Size() {
		return nil
	}
	return b
}

// lineIndent returns the white space that starts p's line.
func lineIndent(src []byte, tf *token.File, p token.Pos) string {
	start := tf.Offset(tf.LineStart(tf.Line(p)))
	end := start
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	return string(bytes.Clone(src[start:end]))
}
