package cookielint

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/cookielint/cookielint/policy"
	"github.com/cookielint/cookielint/rules"
)

// This file proves that a cookie needing the visitor's consent (its
// policy entry's category is required by the policy's consent: section)
// is set only on paths where a declared consent check answered true for
// its category. The walker carries, at each point of a function, the
// categories whose consent a check has confirmed on every path there; a
// condition's true branch gets what its checks confirm, its false branch
// what their negation does (an early return after !check guards what
// follows). A function that sets such a cookie unguarded passes the duty
// to its callers (a fact), unless it is an entry point that nothing in its
// package calls (a handler): there it is reported.

// guardKind says how a category's consent is known to be given.
type guardKind uint8

const (
	unguarded    guardKind = iota
	runtimeGuard           // a check whose category is decided at run time passed
	checked                // a check for this category (or every category) passed
)

var consentCategories = policy.Categories()

const numCategories = 4

// guard is what consent checks confirm at a point: per category (in
// policy.Categories order), how, and by which check.
type guard struct {
	kind [numCategories]guardKind
	by   [numCategories]string
}

func categoryIndex(c string) int { return slices.Index(consentCategories, c) }

// meet is what two paths both confirm.
func (g guard) meet(h guard) guard {
	var out guard
	for i := range g.kind {
		out.kind[i] = min(g.kind[i], h.kind[i])
		if g.by[i] == h.by[i] {
			out.by[i] = g.by[i]
		} else if out.kind[i] != unguarded {
			out.by[i] = "a consent check"
		}
	}
	return out
}

// join is what holds when both hold (a && b).
func (g guard) join(h guard) guard {
	out := g
	for i := range g.kind {
		if h.kind[i] > out.kind[i] {
			out.kind[i], out.by[i] = h.kind[i], h.by[i]
		}
	}
	return out
}

// condGuard is what a condition confirms when it is true and when false.
type condGuard struct{ whenTrue, whenFalse guard }

// consentCheck is a declared check: its function and the argument that
// names the category (-1: every category).
type consentCheck struct {
	key  funcKey
	arg  int
	name string // as the policy writes it
}

// consentChecks are the policy's checks, by function.
func (c *checker) consentChecks() map[funcKey]*consentCheck {
	if c.checks != nil {
		return c.checks
	}
	c.checks = map[funcKey]*consentCheck{}
	if c.policy == nil || c.policy.Consent == nil {
		return c.checks
	}
	for _, ch := range c.policy.Consent.Checks {
		k := funcKey{ch.Func.Pkg, ch.Func.Recv, ch.Func.Name}
		c.checks[k] = &consentCheck{key: k, arg: ch.CategoryArg, name: rules.ShortFunc(ch.Func)}
	}
	return c.checks
}

// condition evaluates what a condition confirms, in the state before it.
func (w *walker) condition(e ast.Expr, st *state) condGuard {
	if len(w.c.consentChecks()) == 0 {
		return condGuard{}
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			g := w.condition(x.X, st)
			return condGuard{g.whenFalse, g.whenTrue}
		}
	case *ast.BinaryExpr:
		a, b := w.condition(x.X, st), w.condition(x.Y, st)
		switch x.Op {
		case token.LAND:
			return condGuard{a.whenTrue.join(b.whenTrue), a.whenFalse.meet(b.whenFalse)}
		case token.LOR:
			return condGuard{a.whenTrue.meet(b.whenTrue), a.whenFalse.join(b.whenFalse)}
		}
	case *ast.Ident:
		if v, ok := w.info().Uses[x].(*types.Var); ok {
			return st.conds[v]
		}
	case *ast.CallExpr:
		key, _, ok := calleeKey(w.info(), x)
		if !ok {
			return condGuard{}
		}
		ch := w.c.consentChecks()[key]
		if ch == nil {
			return condGuard{}
		}
		var g guard
		set := func(i int, k guardKind) { g.kind[i], g.by[i] = k, ch.name }
		switch {
		case ch.arg < 0:
			for i := range g.kind {
				set(i, checked)
			}
		case ch.arg < len(x.Args):
			cv, _, _ := w.constValue(x.Args[ch.arg])
			if cv != nil && cv.Kind() == constant.String {
				if i := categoryIndex(constant.StringVal(cv)); i >= 0 {
					set(i, checked)
				}
			} else {
				for i := range g.kind {
					set(i, runtimeGuard)
				}
			}
		}
		return condGuard{whenTrue: g}
	}
	return condGuard{}
}

// isEntryPoint reports whether a function is called by a framework rather
// than by code the analysis sees: a handler-like function (it takes a
// response writer, a request or a framework's context, or is a method of a
// type that embeds a framework's controller) that nothing in its package
// calls. Its unguarded consent cookies are reported where it sets them.
func (c *checker) isEntryPoint(fn *types.Func) bool {
	if fn == nil {
		return true // a closure that runs elsewhere, a package initializer
	}
	if c.calledHere == nil {
		c.calledHere = map[*types.Func]bool{}
		c.eachCall(func(call *ast.CallExpr, _ funcKey) {
			if _, f, ok := calleeKey(c.pass.TypesInfo, call); ok {
				c.calledHere[f.Origin()] = true
			}
		})
	}
	switch {
	case c.calledHere[fn.Origin()]:
		return false // its calls here check consent, or pass the duty on
	case fn.Name() == "ServeHTTP" && fn.Signature().Recv() != nil, c.controllerMethod(fn):
		return true // called by net/http through an interface, or by a framework's reflection
	case fn.Exported():
		return false // called from other packages: the duty goes there through a fact
	}
	return c.handlerLike(fn)
}

// controllerMethod reports whether a function is a method of a type that
// embeds a framework's controller (beego's web.Controller): the framework
// calls it.
func (c *checker) controllerMethod(fn *types.Func) bool {
	r := fn.Signature().Recv()
	if r == nil {
		return false
	}
	st, ok := derefType(r.Type()).Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if f.Embedded() {
			if n, ok := types.Unalias(derefType(f.Type())).(*types.Named); ok && n.Obj().Pkg() != nil && c.models.pkgs[n.Obj().Pkg().Path()] {
				return true
			}
		}
	}
	return false
}

// handlerLike reports whether a function looks like a request handler.
func (c *checker) handlerLike(fn *types.Func) bool {
	sig := fn.Signature()
	for p := range sig.Params().Variables() {
		if c.isContextType(p.Type()) {
			return true
		}
	}
	return c.controllerMethod(fn)
}

func derefType(t types.Type) types.Type {
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// isContextType reports whether a type holds a request (a models file's
// contexts: a response writer, a request, a framework's request context)
// or is the receiver of a framework's sink.
func (c *checker) isContextType(t types.Type) bool {
	t = types.Unalias(derefType(types.Unalias(t)))
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	pkg, name := n.Obj().Pkg().Path(), n.Obj().Name()
	if c.models.contexts[typeKey{pkg, name}] {
		return true // a models file's contexts: (net/http's ResponseWriter and Request, fasthttp's RequestCtx)
	}
	for _, s := range c.models.sinkList {
		if s.pkg == pkg && s.recv == name && s.form != formHeader && name != "ResponseHeader" {
			return true
		}
	}
	return false
}

// funcValue handles a function used as a value (a handler registered,
// a callback given): a cookie it leaves the consent check for to its
// callers is set wherever the value is called, with nothing there known
// to check consent. It is checked for consent here.
func (w *walker) funcValue(id *ast.Ident, at ast.Expr, st *state) {
	fn, ok := w.info().Uses[id].(*types.Func)
	if !ok || len(w.c.consentChecks()) == 0 && (w.c.policy == nil || w.c.policy.Consent == nil) {
		return
	}
	s := w.c.summaryOf(fn)
	if s == nil {
		return
	}
	for _, ss := range s.Sets {
		if !ss.ConsentOnly {
			continue
		}
		k := w.instantiate(&ss.Cookie, nil, false, st, "")
		if k == nil {
			continue
		}
		call := &ast.CallExpr{Fun: at, Lparen: at.End(), Rparen: at.End()}
		w.sites = append(w.sites, &site{call: call, sink: w.c.models.sinkByVia(ss.Via), cookie: *k, header: ss.Header,
			helper: ss, through: funcName(fn) + ", used here as a value", guard: st.guard})
	}
}

// checkConsentFuncs reports the declared checks that do not exist in the
// packages the package imports, with the policy's position.
func (c *checker) checkConsentFuncs() error {
	if c.policy == nil || c.policy.Consent == nil {
		return nil
	}
	scopes := map[string]*types.Package{c.pass.Pkg.Path(): c.pass.Pkg}
	for _, imp := range c.pass.Pkg.Imports() {
		scopes[imp.Path()] = imp
	}
	var errs []string
	for _, ch := range c.policy.Consent.Checks {
		p := scopes[ch.Func.Pkg]
		if p == nil {
			continue
		}
		sig, msg := lookupFunc(p, ch.Func)
		switch {
		case sig == nil:
			errs = append(errs, fmt.Sprintf("%s:%d:%d: consent: check %s: %s", c.policy.File, ch.Func.Pos.Line, ch.Func.Pos.Column, ch.Func, msg))
		case ch.CategoryArg >= sig.Params().Len() && !sig.Variadic():
			errs = append(errs, fmt.Sprintf("%s:%d:%d: consent: check %s: category is argument %d, but it takes %d", c.policy.File, ch.Pos.Line, ch.Pos.Column, ch.Func, ch.CategoryArg, sig.Params().Len()))
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return fmt.Errorf("%s", strings.Join(errs, "\n"))
}
