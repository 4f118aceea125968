package cookielint

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// This file finds the calls that look like cookie APIs but that no model
// covers: a framework cookielint does not know sets its cookies where the
// analysis cannot see. The inventory lists them as "not modeled", and
// -strict reports them as cookies that cannot be verified, so that silence
// is never mistaken for safety.

// Unmodeled is a call that looks like it sets a cookie through an API no
// model covers.
type Unmodeled struct {
	Position token.Position `json:"-"`
	Callee   string         `json:"callee"` // as code would name it: (*pkg.T).SetCookie
}

// cookieSetterNames are names of functions and methods that set cookies,
// in lower case; "cookie" also needs two arguments (Cookie(name, value)),
// since with one it is usually a getter.
var cookieSetterNames = map[string]bool{
	"setcookie": true, "setcookies": true, "addcookie": true, "upsertcookie": true, "setcookiekv": true,
	"setsecurecookie": true, "writecookie": true, "putcookie": true, "sendcookie": true, "cookie": true,
}

// unmodeledCalls records, and with -strict reports, the calls of the
// package's files that look like cookie APIs no model covers.
func (c *checker) unmodeledCalls(files []*ast.File) {
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn, ok := c.looksUnmodeled(call)
			if !ok {
				return true
			}
			u := Unmodeled{Position: c.pass.Fset.Position(call.Pos()), Callee: qualifiedName(fn)}
			c.result.Unmodeled = append(c.result.Unmodeled, u)
			if c.cfg.Strict {
				c.report(call, catUnmodeled, "cannot verify the cookie %s sets: no model covers it; declare it in the policy's models: section (its name argument and attributes), or suppress this with //nolint:cookielint", u.Callee)
			}
			return true
		})
	}
}

// looksUnmodeled reports whether a call looks like it sets a cookie through
// an API no model covers (looksLikeSetter), outside the packages the
// models name (whose other functions are known), and not a function the
// analysis follows: one with a summary it can use, or one it sees set
// cookies in this package. A function whose summary says only that it
// sets a cookie the analysis knows nothing of (opaque: its body writes
// through an interface, say) is a gap too, as is one of a package whose
// body was not analyzed.
func (c *checker) looksUnmodeled(call *ast.CallExpr) (*types.Func, bool) {
	key, fn, ok := calleeKey(c.pass.TypesInfo, call)
	if !ok {
		return nil, false
	}
	if strings.EqualFold(key.fn, "cookie") && len(call.Args) < 2 {
		return nil, false // Cookie(name): a getter
	}
	if c.models.pkgs[key.pkg] || c.models.sinks[key] != nil || c.models.library(key) != nil || !c.looksLikeSetter(fn) {
		return nil, false
	}
	if c.setsCookies[fn.Origin()] {
		return nil, false // seen setting cookies here: checked in its body
	}
	if s := c.summaryOf(fn); s != nil {
		return fn, s.opaque()
	}
	if fn.Pkg() != c.pass.Pkg && !c.cfg.NoFacts && c.pass.ImportPackageFact(fn.Pkg(), new(packageFact)) {
		return nil, false // its package was analyzed: this function sets no cookie
	}
	return fn, true
}

// looksLikeSetter reports whether a function looks like an API that sets
// a cookie: its name contains "cookie" (SetCookie, AddCookie,
// SetSecureCookie, Cookie...), it takes a cookie or a name and a value
// (two strings; options or others... after them count too), and it
// returns nothing, an error or a bool (not a getter); not a method of a
// client, its request or a cookie jar (cookies sent to a server).
func (c *checker) looksLikeSetter(fn *types.Func) bool {
	name := strings.ToLower(fn.Name())
	if !strings.Contains(name, "cookie") || strings.HasPrefix(name, "get") {
		return false
	}
	k := keyOf(fn)
	if strings.Contains(k.recv, "Request") || strings.Contains(k.recv, "Client") || strings.Contains(k.recv, "Jar") {
		return false
	}
	sig := fn.Signature()
	if r := sig.Results(); r.Len() > 1 || r.Len() == 1 && !isErrorOrBool(r.At(0).Type()) {
		return false // a getter
	}
	strs := 0
	for p := range sig.Params().Variables() {
		if b, ok := p.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
			strs++
		}
	}
	return strs >= 2 || strs == 1 && cookieSetterNames[name] || c.hasCookieParam(sig)
}

func (c *checker) hasCookieParam(sig *types.Signature) bool {
	for p := range sig.Params().Variables() {
		if m, _ := c.models.modelOf(p.Type()); m != nil && !m.holder {
			return true
		}
	}
	return false
}

func isErrorOrBool(t types.Type) bool {
	if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
		return true
	}
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// qualifiedName writes a function as a policy's models: section names it:
// pkg.F or (*pkg.T).M.
func qualifiedName(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil {
		return fn.Pkg().Path() + "." + fn.Name()
	}
	t, star := recv.Type(), ""
	if p, ok := t.(*types.Pointer); ok {
		t, star = p.Elem(), "*"
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return "(" + star + fn.Pkg().Path() + "." + n.Obj().Name() + ")." + fn.Name()
	}
	return fn.Pkg().Path() + "." + fn.Name()
}
