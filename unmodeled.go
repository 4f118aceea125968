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
// an API no model covers: a function or method named like a cookie setter,
// taking a string, returning nothing (or an error or a bool), outside the
// packages the models name (whose other functions are known), not a
// client's request, and not a function the analysis summarizes (or can
// see, in this package).
func (c *checker) looksUnmodeled(call *ast.CallExpr) (*types.Func, bool) {
	key, fn, ok := calleeKey(c.pass.TypesInfo, call)
	if !ok {
		return nil, false
	}
	name := strings.ToLower(key.fn)
	if !cookieSetterNames[name] || name == "cookie" && len(call.Args) < 2 {
		return nil, false
	}
	if c.models.pkgs[key.pkg] || c.models.sinks[key] != nil || c.models.library(key) != nil {
		return nil, false
	}
	if strings.Contains(key.recv, "Request") || strings.Contains(key.recv, "Client") || strings.Contains(key.recv, "Jar") {
		return nil, false // cookies sent to a server, not set on a response
	}
	sig := fn.Signature()
	stringArg := false
	for p := range sig.Params().Variables() {
		if b, ok := p.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
			stringArg = true
		}
	}
	if !stringArg && !c.hasCookieParam(sig) {
		return nil, false
	}
	if r := sig.Results(); r.Len() > 1 || r.Len() == 1 && !isErrorOrBool(r.At(0).Type()) {
		return nil, false // a getter
	}
	if c.summaryOf(fn) != nil || c.setsCookies[fn.Origin()] {
		return nil, false // followed through its summary, or seen setting cookies here
	}
	if fn.Pkg() != c.pass.Pkg && !c.cfg.NoFacts && c.pass.ImportPackageFact(fn.Pkg(), new(packageFact)) {
		return nil, false // its package sets cookies the analysis sees there
	}
	return fn, true
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
