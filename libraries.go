package cookielint

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/cookielint/cookielint/policy"
)

// This file models libraries that set cookies for the user: session and
// CSRF middleware. Their cookies are configured through a constructor's
// defaults, options and configuration objects, and set by the library
// itself; findings go to the user's configuration call. Like sinks.go,
// this is data: one row per library, each default checked against the
// library's source at the version recorded in the row.

const (
	sessionsPkg = "github.com/gorilla/sessions"
	csrfPkg     = "github.com/gorilla/csrf"
	nosurfPkg   = "github.com/justinas/nosurf"
	scsPkg      = "github.com/alexedwards/scs/v2"
)

// Configuration objects, followed like cookies: their fields (or the
// fields of a sub-struct) and methods carry cookie attributes.
var (
	sessionsOptions = &cookieModel{pkg: sessionsPkg, name: "Options", version: "v1.4.0",
		fields: map[string]attr{
			"Path": attrPath, "Domain": attrDomain, "MaxAge": attrMaxAge, "Secure": attrSecure,
			"HttpOnly": attrHttpOnly, "Partitioned": attrPartitioned, "SameSite": attrSameSite,
		},
		sameSite: httpSameSite, sameSiteSpelling: httpCookie.sameSiteSpelling}
	sessionsSession = &cookieModel{pkg: sessionsPkg, name: "Session", version: "v1.4.0",
		subs: map[string]*cookieModel{"Options": sessionsOptions}, pure: map[string]bool{"Name": true, "Store": true, "AddFlash": true, "Flashes": true}}
	sessionsCookieStore = &cookieModel{pkg: sessionsPkg, name: "CookieStore", version: "v1.4.0",
		subs: map[string]*cookieModel{"Options": sessionsOptions}, setters: map[string]attr{"MaxAge": attrMaxAge},
		pure: map[string]bool{"Get": true, "New": true, "Save": true}}
	sessionsFilesystemStore = &cookieModel{pkg: sessionsPkg, name: "FilesystemStore", version: "v1.4.0",
		subs: map[string]*cookieModel{"Options": sessionsOptions}, setters: map[string]attr{"MaxAge": attrMaxAge},
		pure: map[string]bool{"Get": true, "New": true, "Save": true, "MaxLength": true}}
	scsCookie = &cookieModel{pkg: scsPkg, name: "SessionCookie", version: "v2.9.0",
		fields: map[string]attr{
			"Name": attrName, "Domain": attrDomain, "HttpOnly": attrHttpOnly, "Path": attrPath,
			"SameSite": attrSameSite, "Secure": attrSecure, "Partitioned": attrPartitioned,
		},
		inverted: map[string]attr{"Persist": attrSessionOnly},
		sameSite: httpSameSite, sameSiteSpelling: httpCookie.sameSiteSpelling}
	scsManager = &cookieModel{pkg: scsPkg, name: "SessionManager", version: "v2.9.0",
		subs: map[string]*cookieModel{"Cookie": scsCookie}, durations: map[string]bool{"Lifetime": true}}
	// sessionsStore is the Store interface: nothing is known of its
	// options, but the names given to Get and New still are.
	sessionsStore = &cookieModel{pkg: sessionsPkg, name: "Store", version: "v1.4.0", pure: map[string]bool{"Get": true, "New": true, "Save": true}}
	nosurfHandler = &cookieModel{pkg: nosurfPkg, name: "CSRFHandler", version: "v1.2.0",
		replacers: map[string]replacer{"SetBaseCookie": {arg: 0, nameDefault: "csrf_token"}}}
)

// holderModels are the configuration objects above, found by type.
var holderModels = []*cookieModel{sessionsOptions, sessionsSession, sessionsCookieStore, sessionsFilesystemStore, sessionsStore, scsCookie, scsManager, nosurfHandler}

// replacer is a method that replaces the whole cookie with its argument
// (nosurf's SetBaseCookie); an empty name then means nameDefault.
type replacer struct {
	arg         int
	nameDefault string
}

// libraryModel is a constructor of a library that sets cookies.
type libraryModel struct {
	pkg, fn  string
	holder   *cookieModel // the configuration object it returns, if any
	defaults map[attr]value
	// site: the library sets the cookie by itself, so the constructor
	// call is where the user configures it and where findings go.
	site bool
	// options are functional options among the arguments (gorilla/csrf).
	options map[string]option
	via     string
	version string
	// hint says how to set an attribute: %[1]s is the attribute, %[2]s
	// the value.
	hint string
	// spelling is how a hint writes a SameSite level, when the library
	// has constants of its own.
	spelling map[policy.SameSite]string
}

// option is a functional option setting one attribute from its argument.
type option struct {
	attr attr
	// maxAge: gorilla/csrf's MaxAge, where a negative value means the
	// default and 0 means a session cookie.
	maxAge bool
}

func str(s string) value { return value{k: konst, s: s} }
func yes() value         { return value{k: konst, b: true} }
func num(n int64) value  { return value{k: konst, i: n} }

var libraryModels = []*libraryModel{
	// gorilla/sessions v1.4.0 store.go: NewCookieStore sets Path "/",
	// MaxAge 30 days, SameSite None and Secure; HttpOnly stays false.
	{pkg: sessionsPkg, fn: "NewCookieStore", holder: sessionsCookieStore, via: "gorilla/sessions", version: "v1.4.0",
		defaults: map[attr]value{attrPath: str("/"), attrMaxAge: num(86400 * 30), attrSameSite: num(int64(policy.SameSiteNone)), attrSecure: yes()}},
	// NewFilesystemStore sets only Path "/" and MaxAge 30 days.
	{pkg: sessionsPkg, fn: "NewFilesystemStore", holder: sessionsFilesystemStore, via: "gorilla/sessions", version: "v1.4.0",
		defaults: map[attr]value{attrPath: str("/"), attrMaxAge: num(86400 * 30)}},
	// gorilla/csrf v1.7.3: cookie "_gorilla_csrf", Secure, HttpOnly,
	// SameSite Lax, MaxAge 12 hours, no Path.
	{pkg: csrfPkg, fn: "Protect", site: true, via: "gorilla/csrf", version: "v1.7.3", hint: "pass csrf.%[1]s(%[2]s) to csrf.Protect",
		spelling: map[policy.SameSite]string{policy.SameSiteNone: "csrf.SameSiteNoneMode", policy.SameSiteLax: "csrf.SameSiteLaxMode", policy.SameSiteStrict: "csrf.SameSiteStrictMode"},
		defaults: map[attr]value{attrName: str("_gorilla_csrf"), attrSecure: yes(), attrHttpOnly: yes(),
			attrSameSite: num(int64(policy.SameSiteLax)), attrMaxAge: num(3600 * 12)},
		options: map[string]option{
			"CookieName": {attr: attrName}, "Secure": {attr: attrSecure}, "HttpOnly": {attr: attrHttpOnly},
			"SameSite": {attr: attrSameSite}, "MaxAge": {attr: attrMaxAge, maxAge: true}, "Path": {attr: attrPath},
			"Domain": {attr: attrDomain},
		}},
	// justinas/nosurf v1.2.0: cookie "csrf_token", MaxAge 365 days,
	// neither Secure nor HttpOnly, no Path.
	{pkg: nosurfPkg, fn: "New", holder: nosurfHandler, site: true, via: "nosurf", version: "v1.2.0", hint: "set %[1]s: %[2]s in the cookie given to SetBaseCookie",
		defaults: map[attr]value{attrName: str("csrf_token"), attrMaxAge: num(365 * 24 * 60 * 60)}},
	// alexedwards/scs v2.9.0: cookie "session", HttpOnly, Path "/",
	// SameSite Lax, not Secure, persistent for the 24-hour Lifetime.
	{pkg: scsPkg, fn: "New", holder: scsManager, site: true, via: "scs", version: "v2.9.0", hint: "set Cookie.%[1]s = %[2]s on the session manager",
		defaults: map[attr]value{attrName: str("session"), attrHttpOnly: yes(), attrPath: str("/"),
			attrSameSite: num(int64(policy.SameSiteLax)), attrMaxAge: num(24 * 3600)}},
	{pkg: scsPkg, fn: "NewSession", holder: scsManager, site: true, via: "scs", version: "v2.9.0", hint: "set Cookie.%[1]s = %[2]s on the session manager",
		defaults: map[attr]value{attrName: str("session"), attrHttpOnly: yes(), attrPath: str("/"),
			attrSameSite: num(int64(policy.SameSiteLax)), attrMaxAge: num(24 * 3600)}},
}

// derivation is a method of a configuration object that returns a cookie
// object named by an argument (a gorilla store's Get and New).
type derivation struct {
	from    *cookieModel
	method  string
	nameArg int
	to      *cookieModel
}

var derivations = []derivation{
	{sessionsCookieStore, "Get", 1, sessionsSession}, {sessionsCookieStore, "New", 1, sessionsSession},
	{sessionsFilesystemStore, "Get", 1, sessionsSession}, {sessionsFilesystemStore, "New", 1, sessionsSession},
	{sessionsStore, "Get", 1, sessionsSession}, {sessionsStore, "New", 1, sessionsSession},
}

func libraryFor(key funcKey) *libraryModel {
	if key.recv != "" {
		return nil
	}
	for _, l := range libraryModels {
		if l.pkg == key.pkg && l.fn == key.fn {
			return l
		}
	}
	return nil
}

// libraryCookie is the cookie a library constructor configures, from its
// defaults and functional options.
func (w *walker) libraryCookie(l *libraryModel, call *ast.CallExpr) *cookie {
	m := l.holder
	if m == nil {
		m = httpCookie
	}
	k := &cookie{model: m, built: call.Pos()}
	for a, v := range l.defaults {
		v.pos = call.Pos()
		k.attrs[a] = v
	}
	if l.options == nil {
		return k
	}
	for _, arg := range call.Args {
		if call.Ellipsis.IsValid() && arg == call.Args[len(call.Args)-1] {
			k.havoc() // options... from a slice: anything may be set
			break
		}
		oc, ok := ast.Unparen(arg).(*ast.CallExpr)
		if !ok || len(oc.Args) != 1 {
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
		v := w.attrValue(httpCookie, opt.attr, oc.Args[0])
		if opt.maxAge && v.k == konst {
			switch {
			case v.i < 0:
				v = l.defaults[attrMaxAge]
			case v.i == 0:
				v = value{k: absent}
			}
			v.pos = oc.Args[0].Pos()
		}
		k.attrs[opt.attr] = v
	}
	return k
}

// holderCookie works out the configuration of a library object held in a
// variable, without regard to order: its constructor's defaults, then
// every configuration statement in the variable's scope (its function, or
// the whole package for a package-level variable). An attribute set to
// different values in different places is decided at run time.
func (c *checker) holderCookie(v *types.Var) *cookie {
	if k, ok := c.holders[v]; ok {
		return k
	}
	m, _ := modelOf(v.Type())
	c.holders[v] = nil // a cycle learns nothing
	var scopes []ast.Node
	if v.Parent() == v.Pkg().Scope() {
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
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && c.pass.TypesInfo.ObjectOf(id) == v
	}
	for _, scope := range scopes {
		ast.Inspect(scope, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if c.pass.TypesInfo.Defs[name] == v && i < len(n.Values) {
						creations++
						k = w.cookieOf(n.Values[i], newState())
					}
				}
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					if len(n.Lhs) != len(n.Rhs) {
						break
					}
					r := n.Rhs[i]
					if isV(l) {
						creations++
						k = w.cookieOf(r, newState())
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
			}
			return true
		})
	}
	if creations != 1 || k == nil {
		k = unknownCookie(m, v.Pos())
	} else {
		k = k.clone()
	}
	for a, val := range set {
		k.attrs[a] = val
	}
	c.holders[v] = k
	return k
}

// fieldStore evaluates x.f = r for a field or duration field of m.
func (w *walker) fieldStore(m *cookieModel, f string, r ast.Expr) (attr, value, bool) {
	if a, ok := m.fields[f]; ok {
		return a, w.attrValue(m, a, r), true
	}
	if a, ok := m.inverted[f]; ok {
		v := w.attrValue(m, a, r)
		v.b = !v.b
		return a, v, true
	}
	if m.durations[f] {
		return attrMaxAge, w.durationValue(r), true
	}
	return 0, value{}, false
}

// durationValue evaluates a constant time.Duration as seconds.
func (w *walker) durationValue(e ast.Expr) value {
	v := value{k: dynamic, pos: e.Pos(), expr: e}
	if tv, ok := w.info().Types[e]; ok && tv.Value != nil {
		if n, ok := constInt(tv); ok {
			v.k, v.i = konst, n/1e9
		}
	}
	return v
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

// librarySites finds the constructors of libraries that set cookies by
// themselves and checks the cookie each configures, at the constructor.
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
			key, _, ok := calleeKey(c.pass.TypesInfo, call)
			if !ok {
				return true
			}
			l := libraryFor(key)
			if l == nil || !l.site || c.pass.Pkg.Path() == l.pkg {
				return true // the library's own code calls its constructor
			}
			c.at = call.Pos()
			k := w.libraryCookie(l, call)
			if v := target[call]; v != nil && l.holder != nil {
				k = c.holderCookie(v).clone()
				k.built = call.Pos()
			}
			k.model = httpCookie
			normalize(k, normalization{})
			c.check(&site{call: call, sink: &sinkModel{via: l.via, version: l.version}, cookie: *k, library: l})
			return true
		})
	}
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
		return nil
	}
	m, _ := modelOf(w.info().TypeOf(sel.X))
	if m == nil {
		return nil
	}
	for _, d := range derivations {
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
		k.attrs[attrName] = w.attrValue(httpCookie, attrName, call.Args[d.nameArg])
		return k
	}
	return nil
}
