package cookielint

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/cookielint/cookielint/policy"
)

// This file evaluates the models of libraries that set cookies for the
// user: session and CSRF middleware, whose cookie is configured through a
// constructor's defaults, a configuration struct, functional options and
// configuration objects, and set by the library itself. Findings go to
// the user's configuration call. The rows are data, in models/*.yaml (a
// policy's models: section takes the same form); the one behaviour that
// is Go is in hooks.go.

// libraryModel is a constructor (or middleware factory, or a method of a
// configuration) of a library that sets cookies.
type libraryModel struct {
	pkg, recv, fn string
	// holder is the configuration object the call returns (a store, a
	// manager), followed like a cookie; nil if none.
	holder *cookieModel
	// config is the model of the configuration struct in argument
	// configArg (receiverArg: the receiver); nil if there is none.
	config    *cookieModel
	configArg int
	// defaults are the attributes of a cookie the configuration leaves
	// alone (or sets to zero, for the attributes of zeroDefault, or to
	// zero or less, for those of nonPositiveDefault); fixed are set
	// whatever the configuration says.
	defaults           map[attr]value
	zeroDefault        map[attr]bool
	nonPositiveDefault map[attr]bool
	fixed              map[attr]value
	// args are the arguments that carry attributes: the name (gin-contrib's
	// Sessions), mysqlstore's path and maxAge.
	args map[attr]int
	// zeroRuntime lists attributes whose zero value in the configuration
	// the library reads from a file at run time (go-macaron/session's
	// app.ini); unconfigured are defaults that apply only when the
	// configuration sets no attribute at all (flamego/session's HttpOnly).
	zeroRuntime  map[attr]bool
	unconfigured map[attr]value
	// options are functional options among the arguments, by function
	// name in pkg (gorilla/csrf's csrf.Secure(false)).
	options map[string]option
	// norm is what the library does when it writes the cookie.
	norm normalization
	// namesArg: one cookie per element of this literal slice argument
	// (gin-contrib's SessionsMany), or -1.
	namesArg int
	// lookup reads the lookup extra "SOURCE:NAME" (fiber v2's KeyLookup):
	// per source, "name" (the cookie is named NAME) or "none" (no cookie);
	// a name given in the configuration wins.
	lookup map[string]string
	// extractor reads the lookup extra as calls of an extractors package
	// (fiber v3's Extractor).
	extractor *extractorModel
	// auxDisables: a configuration whose aux extra is set (a store given
	// to fiber v3's session) sets its cookies where that was built.
	auxDisables bool
	// storeVar: the cookie is the session cookie of a package variable
	// holding a store (gothic.Store).
	storeVar *storeVarModel
	// also are more cookies the library sets (go-pkgz/auth's XSRF).
	also []alsoCookie
	// hook names behaviour written in Go (hooks.go).
	hook string
	// derived: the call returns an object of the store the package
	// registers with the registrations (echo-contrib's session.Get).
	derived       bool
	registrations []registration
	declared      string // where a user model was declared
	// versions are defaults that depend on the version of a module in
	// the build (gorilla/sessions' NewCookieStore).
	versions *versioned
	// site: the library sets the cookie by itself, so the call is where
	// the user configures it and where findings go.
	site    bool
	via     string
	version string
	// hint says how to set an attribute: %[1]s is the attribute, %[2]s
	// the value.
	hint string
	// hintModel names the fields the hint refers to (default: config).
	hintModel *cookieModel
	// spelling is how a hint writes a SameSite level, when the library
	// has constants of its own.
	spelling map[policy.SameSite]string
}

// option is a functional option setting one attribute from its argument;
// negative and zero say what a negative or zero argument means instead:
// "default" (the library's default) or "absent" (gorilla/csrf's MaxAge).
// An option with a value sets that constant and takes no argument
// (zitadel's WithUnsecure()).
type option struct {
	attr           attr
	negative, zero string
	value          *value
}

// extractorModel names an extractors package's functions: cookie builds
// a cookie extractor named by its argument; chain combines extractors.
type extractorModel struct {
	pkg, cookie, chain string
}

// storeVarModel is a library's package variable holding a store: the
// store the program assigns to it, else def's, with set applied.
type storeVarModel struct {
	name string
	def  *libraryModel
	set  map[attr]value
}

// alsoCookie is another cookie a library sets: the configured one named
// name, or by the lookup extra, with set applied.
type alsoCookie struct {
	name          string
	set           map[attr]value
	readByScripts bool
}

// replacer is a method that replaces the whole cookie with its argument
// (nosurf's SetBaseCookie); an empty name then means nameDefault.
type replacer struct {
	arg         int
	nameDefault string
}

func str(s string) value { return value{k: konst, s: s} }
func yes() value         { return value{k: konst, b: true} }
func no() value          { return value{k: konst, b: false} }
func num(n int64) value  { return value{k: konst, i: n} }
func lvl(l policy.SameSite) value {
	return value{k: konst, i: int64(l)}
}

// derivation is a method of a configuration object that returns a cookie
// object named by an argument (a gorilla store's Get and New).
type derivation struct {
	from    *cookieModel
	method  string
	nameArg int
	to      *cookieModel
}

// libraryCookie is the cookie a library call configures: defaults, its
// configuration struct, functional options and fixed attributes.
func (w *walker) libraryCookie(l *libraryModel, call *ast.CallExpr) *cookie {
	m := l.holder
	if m == nil {
		m = w.c.models.http()
	}
	k := &cookie{model: m, built: call.Pos()}
	at := func(v value) value { v.pos = call.Pos(); return v }
	for a, v := range w.libraryDefaults(l, call) {
		k.attrs[a] = at(v)
	}
	w.zeroInverted(k, m) // a configuration object starts as its zero value
	if l.config != nil {
		cfg := w.libraryConfig(l, call)
		unconfigured := true
		for a := range numAttrs {
			v := cfg.attrs[a]
			if !l.config.carries(attr(a)) {
				continue
			}
			unconfigured = unconfigured && isZeroValue(v)
			if l.zeroRuntime[attr(a)] && isZeroValue(v) {
				k.attrs[a] = value{k: dynamic, pos: call.Pos()} // read from a file at run time
				continue
			}
			if l.zeroDefault[attr(a)] && isZeroValue(v) || l.nonPositiveDefault[attr(a)] && isNonPositive(v) {
				continue
			}
			k.attrs[a] = v
		}
		if unconfigured {
			for a, v := range l.unconfigured {
				k.attrs[a] = at(v)
			}
		}
	}
	for a, i := range l.args {
		if i < len(call.Args) {
			k.attrs[a] = w.attrValue(w.c.models.http(), a, call.Args[i])
		}
	}
	for a, v := range l.fixed {
		k.attrs[a] = at(v)
	}
	if l.options != nil {
		w.libraryOptions(l, call, k)
	}
	return k
}

// libraryDefaults are the defaults of a library call, those of the version
// of the module in the build when they depend on it.
func (w *walker) libraryDefaults(l *libraryModel, call *ast.CallExpr) map[attr]value {
	if l.versions == nil {
		return l.defaults
	}
	return w.c.versionDefaults(l.versions, call)
}

// libraryConfig evaluates a library call's configuration struct: a
// literal, a variable configured in its scope, a known variable of the
// library, or what a configuration constructor returns. An argument left
// out (a variadic configuration) is the zero configuration.
func (w *walker) libraryConfig(l *libraryModel, call *ast.CallExpr) *cookie {
	var e ast.Expr
	switch {
	case l.configArg == receiverArg:
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			e = sel.X
		}
	case l.configArg < len(call.Args):
		e = call.Args[l.configArg]
		if call.Ellipsis.IsValid() && l.configArg == len(call.Args)-1 {
			return unknownCookie(l.config, call.Pos()) // config... from a slice
		}
	}
	if e == nil {
		k := &cookie{model: l.config, built: call.Pos()}
		w.zeroInverted(k, l.config)
		return k
	}
	if lit, ok := compositeOf(e); ok {
		if m, _ := w.c.models.modelOf(w.info().TypeOf(lit)); m == l.config {
			return w.literal(l.config, lit)
		}
	}
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if v, ok := w.info().ObjectOf(id).(*types.Var); ok {
			if m, _ := w.c.models.modelOf(v.Type()); m != nil && m.holder {
				return w.c.holderCookie(v).clone() // a store or configuration in a variable
			}
		}
	}
	if k := w.cookieOf(e, newState()); k != nil {
		return k
	}
	return unknownCookie(l.config, e.Pos())
}

// gated reports whether the library's configuration says whether it sets
// its cookie at all (beego's EnableSetCookie, go-pkgz's SendJWTHeader).
func (l *libraryModel) gated() bool {
	if l.config == nil {
		return false
	}
	_, direct := fieldNamed(l.config.extras, attrEnabled)
	_, inverted := fieldNamed(l.config.inverted, attrEnabled)
	return direct || inverted
}

// carries reports whether a configuration model has a field for a; a
// configuration object without fields (a store) carries every attribute.
func (m *cookieModel) carries(a attr) bool {
	if len(m.fields)+len(m.inverted)+len(m.durations)+len(m.extras)+len(m.subs) == 0 {
		return true
	}
	for _, fields := range []map[string]attr{m.fields, m.inverted, m.durations, m.extras} {
		if _, ok := fieldNamed(fields, a); ok {
			return true
		}
	}
	for _, sub := range m.subs {
		if sub.carries(a) {
			return true
		}
	}
	return false
}

// isZeroValue reports whether a value is known to be its type's zero:
// absent, false, 0 or "".
func isZeroValue(v value) bool {
	return v.k == absent || v.k == konst && !v.b && v.i == 0 && v.s == ""
}

func isNonPositive(v value) bool {
	return v.k == absent || v.k == konst && !v.b && v.i <= 0 && v.s == ""
}

// libraryOptions applies the functional options among a library call's
// arguments.
func (w *walker) libraryOptions(l *libraryModel, call *ast.CallExpr, k *cookie) {
	for _, arg := range call.Args {
		if call.Ellipsis.IsValid() && arg == call.Args[len(call.Args)-1] {
			for a := range k.attrs {
				if attr(a) != attrName || l.options["CookieName"].attr == attrName {
					k.attrs[a] = value{k: dynamic, pos: arg.Pos()}
				}
			}
			break
		}
		oc, ok := ast.Unparen(arg).(*ast.CallExpr)
		if !ok {
			continue
		}
		key, _, ok := calleeKey(w.info(), oc)
		if !ok || key.pkg != l.pkg || key.recv != "" {
			continue
		}
		opt, ok := l.options[key.fn]
		if !ok {
			continue
		}
		if opt.value != nil {
			v := *opt.value
			v.pos = oc.Pos()
			k.attrs[opt.attr] = v
			continue
		}
		if len(oc.Args) != 1 {
			continue
		}
		v := w.attrValue(w.c.models.http(), opt.attr, oc.Args[0])
		if v.k == konst {
			means := ""
			switch {
			case v.i < 0:
				means = opt.negative
			case v.i == 0 && !v.b && v.s == "":
				means = opt.zero
			}
			switch means {
			case "default":
				v = l.defaults[opt.attr]
			case "absent":
				v = value{k: absent}
			}
			v.pos = oc.Args[0].Pos()
		}
		k.attrs[opt.attr] = v
	}
}

// zeroInverted gives the attributes of a configuration's inverted fields
// their value for an absent (false) field: true.
func (w *walker) zeroInverted(k *cookie, m *cookieModel) {
	for _, a := range m.inverted {
		if k.attrs[a].k == absent {
			k.attrs[a] = value{k: konst, b: true, pos: k.attrs[a].pos, expr: k.attrs[a].expr}
		}
	}
}

// holderCookie works out the configuration of a library object held in a
// variable, without regard to order: its constructor's defaults, then
// every configuration statement in the variable's scope (its function, or
// the whole package for a package-level variable). An attribute set to
// different values in different places is decided at run time.
func (c *checker) holderCookie(v *types.Var) *cookie {
	if k, ok := c.holders[v]; ok {
		if k == nil {
			m, _ := c.models.modelOf(v.Type())
			return unknownCookie(m, v.Pos())
		}
		return k
	}
	m, _ := c.models.modelOf(v.Type())
	c.holders[v] = nil // a cycle learns nothing
	var scopes []ast.Node
	if v.IsField() || v.Pkg() != c.pass.Pkg || v.Parent() == v.Pkg().Scope() {
		for _, f := range c.pass.Files {
			scopes = append(scopes, f)
		}
	} else if body := c.enclosingBody(v.Pos()); body != nil {
		scopes = append(scopes, body)
	}
	w := &walker{c: c}
	var k *cookie
	creations := 0
	set := map[attr]value{}
	store := func(a attr, val value) {
		if old, ok := set[a]; ok && !sameValue(old, val) {
			val = value{k: dynamic, pos: val.pos}
		}
		set[a] = val
	}
	isV := func(e ast.Expr) bool {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return c.pass.TypesInfo.ObjectOf(x) == v
		case *ast.SelectorExpr: // pkg.V
			return c.pass.TypesInfo.ObjectOf(x.Sel) == v
		}
		return false
	}
	for _, scope := range scopes {
		ast.Inspect(scope, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.KeyValueExpr: // T{field: store}
				if id, ok := n.Key.(*ast.Ident); ok && v.IsField() && c.pass.TypesInfo.Uses[id] == v {
					creations++
					k = c.holderValue(w, v, n.Value)
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if c.pass.TypesInfo.Defs[name] == v && i < len(n.Values) {
						creations++
						k = c.holderValue(w, v, n.Values[i])
					}
				}
			case *ast.AssignStmt:
				if len(n.Rhs) == 1 && len(n.Lhs) > 1 && isV(n.Lhs[0]) { // v, err := New(...)
					creations++
					k = c.holderValue(w, v, n.Rhs[0])
				}
				for i, l := range n.Lhs {
					if len(n.Lhs) != len(n.Rhs) {
						break
					}
					r := n.Rhs[i]
					if isV(l) {
						creations++
						k = c.holderValue(w, v, r)
						continue
					}
					sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
					if !ok {
						continue
					}
					if isV(sel.X) { // v.Field = x, or v.Sub = &Sub{...}
						if sub := m.subs[sel.Sel.Name]; sub != nil {
							if lit, ok := compositeOf(r); ok {
								replaced := w.literal(sub, lit)
								for _, a := range sub.fields {
									store(a, replaced.attrs[a])
								}
								for _, a := range sub.inverted {
									store(a, replaced.attrs[a])
								}
							} else {
								for _, a := range sub.fields {
									store(a, value{k: dynamic, pos: r.Pos()})
								}
							}
						} else if a, val, ok := w.fieldStore(m, sel.Sel.Name, r); ok {
							store(a, val)
						}
						continue
					}
					if inner, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok && isV(inner.X) { // v.Sub.Field = x
						if sub := m.subs[inner.Sel.Name]; sub != nil {
							if a, val, ok := w.fieldStore(sub, sel.Sel.Name, r); ok {
								store(a, val)
							}
						}
					}
				}
			case *ast.CallExpr: // v.Method(x)
				sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
				if !ok || !isV(sel.X) {
					return true
				}
				if a, ok := m.setters[sel.Sel.Name]; ok && len(n.Args) == 1 {
					store(a, w.attrValue(m, a, n.Args[0]))
				}
				if rp, ok := m.replacers[sel.Sel.Name]; ok && rp.arg < len(n.Args) {
					for a, val := range w.replacement(rp, n, newState()) {
						store(attr(a), val)
					}
				}
				if first, ok := m.optionMethods[sel.Sel.Name]; ok {
					for a, val := range w.optionValues(&cookie{model: m}, n, first) {
						store(a, val)
					}
				}
			}
			return true
		})
	}
	switch {
	case creations == 1 && k != nil:
		k = k.clone()
	case creations == 0 && m.fallback != nil:
		k = m.fallback(w, v)
	default:
		k = unknownCookie(m, v.Pos())
	}
	for a, val := range set {
		k.attrs[a] = val
	}
	c.holders[v] = k
	return k
}

// holderValue is the configuration an expression assigned to the holder
// variable v gives it: another variable's, worked out where that one is
// configured (st := sessions.NewCookieStore(k); st.Options.Secure = true;
// return &Ctx{store: st}), or what the expression builds.
func (c *checker) holderValue(w *walker, v *types.Var, e ast.Expr) *cookie {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if u, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var); ok && u != v {
			if m, _ := c.models.modelOf(u.Type()); m != nil && m.holder {
				return c.holderCookie(u).clone()
			}
		}
	}
	return w.cookieOf(e, newState())
}

// fieldStore evaluates x.f = r for a field of m.
func (w *walker) fieldStore(m *cookieModel, f string, r ast.Expr) (attr, value, bool) {
	if a, ok := m.fields[f]; ok {
		return a, w.attrValue(m, a, r), true
	}
	if a, ok := m.inverted[f]; ok {
		v := w.attrValue(m, a, r)
		v.b = !v.b
		return a, v, true
	}
	if a, ok := m.durations[f]; ok {
		return a, w.durationValue(r), true
	}
	if a, ok := m.extras[f]; ok {
		return a, w.attrValue(m, a, r), true
	}
	return 0, value{}, false
}

// durationValue evaluates a constant time.Duration as seconds.
func (w *walker) durationValue(e ast.Expr) value {
	v := value{k: dynamic, pos: e.Pos(), expr: e}
	if tv, ok := w.info().Types[e]; ok && tv.Value != nil {
		if n, ok := constInt(tv); ok {
			v.k, v.i = konst, seconds(n)
		}
	}
	return v
}

// seconds converts a Duration to whole seconds, keeping the sign of a
// duration under a second: libraries test a negative one (iris's
// Expires: -1).
func seconds(ns int64) int64 {
	s := ns / int64(time.Second)
	if s == 0 && ns < 0 {
		return -1
	}
	return s
}

func compositeOf(e ast.Expr) (*ast.CompositeLit, bool) {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	return lit, ok
}

// enclosingBody returns the body of the innermost function containing p.
func (c *checker) enclosingBody(p token.Pos) *ast.BlockStmt {
	var best *ast.BlockStmt
	for _, f := range c.pass.Files {
		if p < f.FileStart || p > f.FileEnd {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil || p < n.Pos() || p >= n.End() {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncDecl:
				best = n.Body
			case *ast.FuncLit:
				best = n.Body
			}
			return true
		})
	}
	return best
}

// librarySites finds the calls of libraries that set cookies by
// themselves and checks the cookies each configures, at the call.
func (c *checker) librarySites(files []*ast.File) {
	w := &walker{c: c}
	// Which variable each constructor call is assigned to.
	target := map[*ast.CallExpr]*types.Var{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, l := range n.Lhs {
						if id, ok := ast.Unparen(l).(*ast.Ident); ok {
							if call, ok := ast.Unparen(n.Rhs[i]).(*ast.CallExpr); ok {
								if v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var); ok {
									target[call] = v
								}
							}
						}
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if i < len(n.Values) {
						if call, ok := ast.Unparen(n.Values[i]).(*ast.CallExpr); ok {
							if v, ok := c.pass.TypesInfo.Defs[id].(*types.Var); ok {
								target[call] = v
							}
						}
					}
				}
			}
			return true
		})
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			key, ok := calleeOrVarKey(c.pass.TypesInfo, call)
			if !ok {
				return true
			}
			l := c.models.library(key)
			if l == nil || !l.site || l.derived || l.declared == "" && c.sameModule(l.pkg) {
				return true // the library's own code calls its constructor
			}
			c.at = call.Pos()
			k := w.libraryCookie(l, call)
			if v := target[call]; v != nil && l.holder != nil {
				k = c.holderCookie(v).clone()
				k.built = call.Pos()
			}
			cookies := w.libraryCookies(l, call, k)
			for _, k := range cookies {
				if e := k.attrs[attrEnabled]; e.k == konst && !e.b || e.k == absent && l.gated() {
					continue // configured to set no cookie
				}
				k.model = c.models.http()
				normalize(k, l.norm)
				c.check(&site{call: call, sink: &sinkModel{via: l.via, version: l.version, options: -1, writerArg: -1}, cookie: *k, library: l})
			}
			return true
		})
	}
}

// sameModule reports whether a package of a library is in the module of
// the package being analyzed (the library's own code), or, where the
// driver does not say the module, in the package itself or below it.
func (c *checker) sameModule(pkg string) bool {
	self := c.pass.Pkg.Path()
	if m := c.pass.Module; m != nil && m.Path != "" {
		return pkg == m.Path || strings.HasPrefix(pkg, m.Path+"/")
	}
	return pkg == self || strings.HasPrefix(pkg, self+"/")
}

// constInt reads an integer constant.
func constInt(tv types.TypeAndValue) (int64, bool) {
	if tv.Value == nil {
		return 0, false
	}
	return constant.Int64Val(constant.ToInt(tv.Value))
}

// derive returns the cookie object a derivation call returns (a gorilla
// session from store.Get(r, name)), or nil.
func (w *walker) derive(call *ast.CallExpr, st *state) *cookie {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return w.deriveFunc(call)
	}
	m, _ := w.c.models.modelOf(w.info().TypeOf(sel.X))
	if m == nil {
		return w.deriveFunc(call)
	}
	for _, d := range w.c.models.derivations {
		if d.from != m || d.method != sel.Sel.Name || d.nameArg >= len(call.Args) {
			continue
		}
		from := w.cookieOf(sel.X, st)
		k := &cookie{model: d.to, built: call.Pos()}
		if from != nil {
			k = from.clone()
			k.model, k.param, k.built = d.to, 0, call.Pos()
			for a := range k.attrs { // the store's options, not the caller's
				if k.attrs[a].param > 0 {
					k.attrs[a] = value{k: dynamic, pos: call.Pos()}
				}
			}
		}
		k.attrs[attrName] = w.attrValue(w.c.models.http(), attrName, call.Args[d.nameArg])
		return k
	}
	return nil
}

// deriveFunc returns the cookie object a function of a library returns
// for a name (echo-contrib's session.Get(name, c)), with the options of
// the store the package registers, or nil.
func (w *walker) deriveFunc(call *ast.CallExpr) *cookie {
	key, _, ok := calleeKey(w.info(), call)
	if !ok {
		return nil
	}
	d := w.c.models.library(key)
	if d == nil || !d.derived {
		return nil
	}
	nameArg, ok := d.args[attrName]
	if !ok || nameArg >= len(call.Args) {
		return nil
	}
	k := w.c.registeredStore(d)
	k = k.clone()
	k.model, k.param, k.built = d.holder, 0, call.Pos()
	k.attrs[attrName] = w.attrValue(w.c.models.http(), attrName, call.Args[nameArg])
	return k
}

// registration is a call that registers a store: the argument, or the
// field of the configuration struct argument, that holds it.
type registration struct {
	fn    string
	arg   int
	field string
}

// registeredStore is the configuration of the store the package registers
// with a library's middleware: known when every registration in the
// package passes a store configured the same way.
func (c *checker) registeredStore(d *libraryModel) *cookie {
	if k, ok := c.registered[d]; ok {
		return k
	}
	w := &walker{c: c}
	var out *cookie
	found := false
	c.eachCall(func(call *ast.CallExpr, key funcKey) {
		if key.pkg != d.pkg || key.recv != "" {
			return
		}
		for _, r := range d.registrations {
			if r.fn != key.fn || r.arg >= len(call.Args) {
				continue
			}
			e := call.Args[r.arg]
			if r.field != "" {
				e = nil
				if lit, ok := compositeOf(call.Args[r.arg]); ok {
					for _, elt := range lit.Elts {
						if kv, ok := elt.(*ast.KeyValueExpr); ok {
							if id, ok := kv.Key.(*ast.Ident); ok && id.Name == r.field {
								e = kv.Value
							}
						}
					}
				}
			}
			var k *cookie
			if e != nil {
				k = w.cookieOf(e, newState())
			}
			if k == nil {
				k = unknownCookie(d.holder, call.Pos())
			}
			if !found {
				out, found = k.clone(), true
			} else {
				out = mergeCookies(out, k)
			}
		}
	})
	if out == nil {
		out = unknownCookie(d.holder, token.NoPos)
	}
	if c.registered == nil {
		c.registered = map[*libraryModel]*cookie{}
	}
	c.registered[d] = out
	return out
}

// assigns reports whether the package assigns the variable anywhere (or
// takes its address).
func (c *checker) assigns(v *types.Var) bool {
	return c.mutated(map[*types.Var]constant.Value{v: nil})[v]
}

// libraryVar is the fallback of a configuration type for the library's
// own variables of that type (echo's DefaultCSRFConfig): their values.
func libraryVar(vars map[string]map[attr]value) func(w *walker, v *types.Var) *cookie {
	return func(w *walker, v *types.Var) *cookie {
		m, _ := w.c.models.modelOf(v.Type())
		defaults, ok := vars[v.Name()]
		if !ok || v.Pkg() == nil || v.Pkg().Path() != m.pkg {
			return unknownCookie(m, v.Pos())
		}
		k := &cookie{model: m, built: v.Pos()}
		for a, val := range defaults {
			k.attrs[a] = val
		}
		return k
	}
}

// saveAll makes a site, at a call that saves every session of the
// request, of each session the function obtained.
func (w *walker) saveAll(sm *saveModel, call *ast.CallExpr, st *state) {
	m, sink := sm.obj, w.c.models.sinkByVia(sm.via)
	var vars []*types.Var
	for v, k := range st.vars {
		if k.model == m {
			vars = append(vars, v)
		}
	}
	sort.Slice(vars, func(i, j int) bool { return vars[i].Pos() < vars[j].Pos() })
	seen := map[*cookie]bool{}
	for _, v := range vars {
		k := st.vars[v]
		if seen[k] {
			continue
		}
		seen[k] = true
		w.addSite(&site{call: call, sink: sink, cookie: *k.clone()})
	}
}

func keyOfCall(w *walker, call *ast.CallExpr) funcKey {
	k, _, _ := calleeKey(w.info(), call)
	return k
}

// libraryCookies turns the cookie a library call configures into those
// the library sets, as its model's data says: the session cookie of a
// store variable (gothic), none when a store given in the configuration
// sets them (fiber v3), a name read from a lookup string (fiber v2) or
// from extractor calls (fiber v3), one cookie per name of a list
// (gin-contrib's SessionsMany), then its hook and the other cookies it
// also sets (go-pkgz/auth's XSRF).
func (w *walker) libraryCookies(l *libraryModel, call *ast.CallExpr, k *cookie) []*cookie {
	if l.storeVar != nil {
		k = w.storeVarCookie(l, call)
	}
	if l.auxDisables && k.attrs[attrAux].k != absent {
		return nil // the given store's configuration applies, where it was built
	}
	cookies := []*cookie{k}
	switch {
	case l.lookup != nil:
		cookies = w.lookupCookies(l, call, k)
	case l.extractor != nil:
		cookies = w.extractorCookies(l.extractor, k)
	case l.namesArg >= 0:
		cookies = w.namedCookies(l.namesArg, call, k)
	}
	if h := hooks[l.hook]; h != nil {
		var out []*cookie
		for _, c := range cookies {
			out = append(out, h(w, call, c)...)
		}
		cookies = out
	}
	for _, a := range l.also {
		c := k.clone()
		c.attrs[attrName] = k.attrs[attrLookup]
		if a.name != "" {
			c.attrs[attrName] = value{k: konst, s: a.name, pos: call.Pos()}
		}
		for at, v := range a.set {
			v.pos = call.Pos()
			c.attrs[at] = v
		}
		c.readByScripts = a.readByScripts
		cookies = append(cookies, c)
	}
	return cookies
}

// storeVarCookie is the session cookie of a library's store variable
// (gothic.Store): the store the package assigns to it, else the default
// library's, with its set applied; the library's fixed attributes (the
// cookie's name) on top.
func (w *walker) storeVarCookie(l *libraryModel, call *ast.CallExpr) *cookie {
	c := w.c
	sv := l.storeVar
	var store *types.Var
	if obj := typeutil.Callee(w.info(), call); obj != nil && obj.Pkg() != nil {
		store, _ = obj.Pkg().Scope().Lookup(sv.name).(*types.Var)
	}
	var k *cookie
	if store != nil && c.assigns(store) {
		k = c.holderCookie(store).clone()
	} else {
		m := sv.def.holder
		if m == nil {
			m = c.models.http()
		}
		k = &cookie{model: m, built: call.Pos()}
		for a, v := range w.libraryDefaults(sv.def, call) {
			v.pos = call.Pos()
			k.attrs[a] = v
		}
		for a, v := range sv.set {
			v.pos = call.Pos()
			k.attrs[a] = v
		}
	}
	k.built = call.Pos()
	for a, v := range l.fixed {
		v.pos = call.Pos()
		k.attrs[a] = v
	}
	return k
}

// namedCookies is one cookie per name of the literal slice argument arg
// (gin-contrib's SessionsMany); a slice built elsewhere names one cookie
// decided at run time.
func (w *walker) namedCookies(arg int, call *ast.CallExpr, k *cookie) []*cookie {
	if arg >= len(call.Args) {
		return nil
	}
	lit, ok := compositeOf(call.Args[arg])
	if !ok {
		k.attrs[attrName] = value{k: dynamic, pos: call.Args[arg].Pos(), expr: call.Args[arg]}
		return []*cookie{k}
	}
	var out []*cookie
	for _, e := range lit.Elts {
		c := k.clone()
		c.attrs[attrName] = w.attrValue(w.c.models.http(), attrName, e)
		out = append(out, c)
	}
	return out
}

// lookupCookies reads the lookup extra, "SOURCE:NAME" (fiber v2's
// KeyLookup): a source the model maps to "name" names the cookie NAME, one
// it maps to "none" sets none, another leaves the default name; a name
// given in the configuration (the deprecated CookieName) wins.
func (w *walker) lookupCookies(l *libraryModel, call *ast.CallExpr, k *cookie) []*cookie {
	raw := w.libraryConfig(l, call)
	if n := raw.attrs[attrName]; n.k == dynamic || n.k == konst && n.s != "" {
		k.attrs[attrName] = n
		return []*cookie{k}
	}
	switch lk := k.attrs[attrLookup]; lk.k {
	case konst:
		source, name, ok := strings.Cut(lk.s, ":")
		switch {
		case !ok:
		case l.lookup[source] == "none":
			k.attrs[attrEnabled] = no()
		case l.lookup[source] == "name":
			k.attrs[attrName] = value{k: konst, s: name, pos: lk.pos, expr: lk.expr}
		}
	case dynamic:
		k.attrs[attrName] = value{k: dynamic, pos: lk.pos, expr: lk.expr}
	}
	return []*cookie{k}
}

// extractorCookies reads the lookup extra as calls of an extractors
// package (fiber v3's session Extractor): a cookie for each extractor of
// cookies, through chains; the other sources set none. A lookup that is
// not such calls names one cookie decided at run time.
func (w *walker) extractorCookies(e *extractorModel, k *cookie) []*cookie {
	lk := k.attrs[attrLookup]
	if lk.k == absent {
		return []*cookie{k} // the default extractor, the configured name
	}
	if lk.expr == nil {
		k.attrs[attrName] = value{k: dynamic, pos: lk.pos}
		return []*cookie{k}
	}
	var out []*cookie
	var visit func(x ast.Expr) bool
	visit = func(x ast.Expr) bool {
		c, ok := ast.Unparen(x).(*ast.CallExpr)
		if !ok {
			return false
		}
		key, _, ok := calleeKey(w.info(), c)
		if !ok || key.pkg != e.pkg {
			return false
		}
		switch key.fn {
		case e.cookie:
			if len(c.Args) == 1 {
				n := k.clone()
				n.attrs[attrName] = w.attrValue(w.c.models.http(), attrName, c.Args[0])
				out = append(out, n)
			}
		case e.chain:
			for _, a := range c.Args {
				if !visit(a) {
					return false
				}
			}
		}
		return true // another source: no cookie
	}
	if !visit(lk.expr) {
		k.attrs[attrName] = value{k: dynamic, pos: lk.pos, expr: lk.expr}
		return []*cookie{k}
	}
	return out
}
