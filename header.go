package cookielint

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"time"

	"github.com/cookielint/cookielint/policy"
	"github.com/cookielint/cookielint/rules"
)

// This file handles raw Set-Cookie headers: Header().Add and Header().Set
// with a constant string, a fmt.Sprintf with a constant format, or the
// String() of a cookie.

// httpSameSite maps net/http's SameSite constants (and those of libraries
// that use http.SameSite): the zero value and SameSiteDefaultMode write no
// attribute.
var httpSameSite = map[string]policy.SameSite{
	"0": policy.SameSiteUnset, "1": policy.SameSiteUnset,
	"2": policy.SameSiteLax, "3": policy.SameSiteStrict, "4": policy.SameSiteNone,
}

// headerCookie is the pseudo-model of a cookie written as a header string.
var headerCookie = &cookieModel{pkg: "net/http", name: "Set-Cookie header"}

// headerSink records a Set-Cookie header written by Add or Set. A helper
// that writes a header whose name its caller gives
// (AddHeader(key, value string)) sets a cookie where a caller passes
// Set-Cookie: the site carries the parameter (keyParam), is not checked
// here, and becomes a site at each call that passes Set-Cookie.
func (w *walker) headerSink(s *sinkModel, call *ast.CallExpr, st *state) {
	if len(call.Args) != 2 {
		return
	}
	keyParam := 0
	if key, ok := w.headerName(call.Args[0]); !ok {
		if keyParam = w.stringParam(call.Args[0]); keyParam == 0 {
			return
		}
	} else if !isSetCookie(key) {
		return
	}
	var writer string
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		writer = w.headerOwner(f.X)
	case *ast.IndexExpr: // h["Set-Cookie"] = ..., written as a call (headerIndexStore)
		writer = w.headerOwner(f.X)
	}
	line := w.line(call.Pos())
	if keyParam > 0 {
		if c, hdr := w.headerValue(call.Args[1], st); c != nil {
			w.addSite(&site{call: call, sink: s, cookie: *c, header: hdr, keyParam: keyParam})
		}
		return
	}
	if s.erases && writer != "" {
		for i := len(st.sets) - 1; i >= 0; i-- {
			if r := st.sets[i]; r.writer == writer {
				w.c.report(call, catHeader, "Header().Set(\"Set-Cookie\", ...) erases the cookie set at line %d of this response; use Header().Add, or http.SetCookie", r.line)
				break
			}
		}
	}
	if c, hdr := w.headerValue(call.Args[1], st); c != nil {
		w.addSite(&site{call: call, sink: s, cookie: *c, header: hdr})
	}
	if s.erases {
		st.sets = nil
	}
	st.sets = append(st.sets, setRecord{writer: writer, line: line})
}

// headerIndexStore handles h["Set-Cookie"] = values: a literal list
// replaces the cookies set before (as Header().Set) and sets each of its
// values; an append of values to h["Set-Cookie"] adds each (as
// Header().Add); anything else replaces them with values decided at run
// time. Each value becomes a site at a call written for it, spanning the
// store.
func (w *walker) headerIndexStore(ix *ast.IndexExpr, r ast.Expr, st *state) {
	if !isNamed(w.info().TypeOf(ix.X), "net/http", "Header") {
		return
	}
	if key, ok := w.headerName(ix.Index); !ok && w.stringParam(ix.Index) == 0 || ok && !isSetCookie(key) {
		return
	}
	set := w.c.models.sinks[funcKey{"net/http", "Header", "Set"}]
	add := w.c.models.sinks[funcKey{"net/http", "Header", "Add"}]
	if set == nil || add == nil {
		return
	}
	as := func(s *sinkModel, v ast.Expr) {
		w.headerSink(s, &ast.CallExpr{Fun: ix, Lparen: v.Pos(), Args: []ast.Expr{ix.Index, v}, Rparen: v.End() - 1}, st)
	}
	switch x := ast.Unparen(r).(type) {
	case *ast.CompositeLit:
		for i, v := range x.Elts {
			if i == 0 {
				as(set, v)
			} else {
				as(add, v)
			}
		}
		if len(x.Elts) == 0 {
			as(set, &ast.BasicLit{ValuePos: x.Pos(), Kind: token.STRING, Value: `""`})
		}
		return
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && !x.Ellipsis.IsValid() && len(x.Args) > 0 {
			if b, ok := w.info().Uses[id].(*types.Builtin); ok && b.Name() == "append" {
				if base, ok := ast.Unparen(x.Args[0]).(*ast.IndexExpr); ok && types.ExprString(base) == types.ExprString(ix) {
					for _, v := range x.Args[1:] {
						as(add, v)
					}
					return
				}
			}
		}
	}
	as(set, r)
}

// headerOwner names the response a header belongs to: w for w.Header(),
// and the header variable itself otherwise.
func (w *walker) headerOwner(e ast.Expr) string {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Header" && len(call.Args) == 0 {
			return w.writerKey(sel.X)
		}
		return ""
	}
	return w.writerKey(e)
}

// headerName returns the header name an expression holds when it is a
// constant, or a variable known to hold one.
func (w *walker) headerName(e ast.Expr) (string, bool) {
	cv, _, _ := w.constValue(e)
	if cv == nil || cv.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(cv), true
}

// isSetCookie reports whether a header name is Set-Cookie.
func isSetCookie(key string) bool { return textproto.CanonicalMIMEHeaderKey(key) == "Set-Cookie" }

// stringParam returns the 1-based parameter of the function walked that
// e names, if it is one of string type, or 0.
func (w *walker) stringParam(e ast.Expr) int {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return 0
	}
	v, ok := w.info().Uses[id].(*types.Var)
	if !ok || w.params[v] == 0 {
		return 0
	}
	if b, ok := v.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
		return 0
	}
	return w.params[v]
}

func (w *walker) constString(e ast.Expr) (string, bool) {
	tv, ok := w.info().Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// headerValue evaluates a Set-Cookie value. It reports whether the cookie
// came from a header string (true) or from a cookie's String (false).
func (w *walker) headerValue(e ast.Expr, st *state) (*cookie, bool) {
	return w.headerValueDepth(e, st, 0)
}

func (w *walker) headerValueDepth(e ast.Expr, st *state, depth int) (*cookie, bool) {
	if s, ok := w.constString(e); ok {
		c, err := parseSetCookie(s, e)
		if err != nil {
			w.c.report(e, catHeader, "%s", rules.Unparsable(s, err).Message)
			return nil, true
		}
		return c, true
	}
	// A line the caller gives: each call's argument is read there.
	if p := w.stringParam(e); p > 0 {
		c := unknownCookie(headerCookie, e.Pos())
		c.headerParam = p
		for i := range c.attrs {
			c.attrs[i].param = p
		}
		return c, true
	}
	// A value built in a local variable: what it was assigned on every
	// path here.
	if id, ok := ast.Unparen(e).(*ast.Ident); ok && depth < 8 {
		if v, ok := w.info().Uses[id].(*types.Var); ok {
			if sc, ok := st.scalars[v]; ok && sc.expr != nil {
				return w.headerValueDepth(sc.expr, st, depth+1)
			}
		}
	}
	// A concatenation: its constant parts are parsed, the rest is decided
	// at run time.
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.ADD {
		if format, ok := w.concatFormat(b); ok {
			return parseSetCookieFormat(format, e), true
		}
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if key, _, ok := calleeKey(w.info(), call); ok {
			switch {
			case key == funcKey{"fmt", "", "Sprintf"} && len(call.Args) > 0:
				if f, ok := w.constString(call.Args[0]); ok {
					return parseSetCookieFormat(f, call.Args[0]), true
				}
			case key.fn == "String" && len(call.Args) == 0:
				sel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
				if m, _ := w.c.models.modelOf(w.info().TypeOf(sel.X)); m != nil {
					if c := w.cookieOf(sel.X, st); c != nil {
						return c.clone(), false
					}
				}
			}
		}
	}
	return unknownCookie(headerCookie, e.Pos()), true
}

// concatFormat writes a string concatenation as a Sprintf format: its
// constant operands as text, the others as verbs.
func (w *walker) concatFormat(b *ast.BinaryExpr) (string, bool) {
	var parts []string
	var flatten func(e ast.Expr) bool
	flatten = func(e ast.Expr) bool {
		if x, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && x.Op == token.ADD {
			return flatten(x.X) && flatten(x.Y)
		}
		if cv, _, _ := w.constValue(e); cv != nil {
			if cv.Kind() != constant.String {
				return false
			}
			parts = append(parts, strings.ReplaceAll(constant.StringVal(cv), "%", "%%"))
			return true
		}
		parts = append(parts, "%s")
		return true
	}
	if !flatten(b) {
		return "", false
	}
	return strings.Join(parts, ""), true
}

// parseSetCookie reads a constant Set-Cookie value with net/http's own
// parser.
func parseSetCookie(s string, e ast.Expr) (*cookie, error) {
	hc, err := http.ParseSetCookie(s)
	if err != nil {
		return nil, err
	}
	at := e.Pos()
	c := &cookie{model: headerCookie, built: at}
	set := func(a attr, v value) { v.pos, v.expr = at, e; c.attrs[a] = v }
	set(attrName, value{k: konst, s: hc.Name})
	if hc.Value == "" {
		set(attrValue, value{k: konst, s: ""}) // a clearing
	}
	if hc.Secure {
		set(attrSecure, value{k: konst, b: true})
	}
	if hc.HttpOnly {
		set(attrHttpOnly, value{k: konst, b: true})
	}
	if hc.Partitioned {
		set(attrPartitioned, value{k: konst, b: true})
	}
	if lvl, ok := httpSameSite[strconv.Itoa(int(hc.SameSite))]; ok && lvl != policy.SameSiteUnset {
		set(attrSameSite, value{k: konst, i: int64(lvl)})
	}
	if hc.Path != "" {
		set(attrPath, value{k: konst, s: hc.Path})
	}
	if hc.Domain != "" {
		set(attrDomain, value{k: konst, s: hc.Domain})
	}
	if hc.MaxAge != 0 {
		set(attrMaxAge, value{k: konst, i: int64(hc.MaxAge)})
	}
	if !hc.Expires.IsZero() {
		set(attrExpires, value{k: konst, i: int64(time.Until(hc.Expires) / time.Second)})
	}
	if lit, ok := e.(*ast.BasicLit); ok {
		c.absentAt(lit)
	}
	return c, nil
}

// verbMark stands for a formatting verb in a Sprintf format: a value
// known only at run time.
const verbMark = "\x00"

// parseSetCookieFormat reads a fmt.Sprintf format that builds a Set-Cookie
// value. A verb in the name makes the name unknown; a verb in an
// attribute's value makes that attribute unknown; a verb where an
// attribute name would be may add any attribute, so every attribute not
// written out becomes unknown.
func parseSetCookieFormat(format string, e ast.Expr) *cookie {
	f := markVerbs(format)
	at := e.Pos()
	c := &cookie{model: headerCookie, built: at}
	set := func(a attr, k known, v value) { v.k, v.pos, v.expr = k, at, e; c.attrs[a] = v }
	parts := strings.Split(f, ";")
	name, val, ok := strings.Cut(parts[0], "=")
	name = strings.TrimSpace(name)
	if ok && strings.TrimSpace(val) == "" {
		set(attrValue, konst, value{s: ""}) // a clearing
	}
	if !ok || strings.Contains(name, verbMark) {
		set(attrName, dynamic, value{})
		if !ok {
			return unknownCookie(headerCookie, at)
		}
	} else {
		set(attrName, konst, value{s: name})
	}
	wild := false
	for _, p := range parts[1:] {
		k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
		k = strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		if strings.Contains(k, verbMark) {
			wild = true
			continue
		}
		unknownVal := strings.Contains(v, verbMark)
		switch k {
		case "secure":
			set(attrSecure, konst, value{b: true})
		case "httponly":
			set(attrHttpOnly, konst, value{b: true})
		case "partitioned":
			set(attrPartitioned, konst, value{b: true})
		case "samesite":
			if unknownVal {
				set(attrSameSite, dynamic, value{})
				continue
			}
			switch strings.ToLower(v) {
			case "lax":
				set(attrSameSite, konst, value{i: int64(policy.SameSiteLax)})
			case "strict":
				set(attrSameSite, konst, value{i: int64(policy.SameSiteStrict)})
			case "none":
				set(attrSameSite, konst, value{i: int64(policy.SameSiteNone)})
			}
		case "path", "domain":
			a := attrPath
			if k == "domain" {
				a = attrDomain
			}
			if unknownVal {
				set(a, dynamic, value{})
			} else if v != "" {
				set(a, konst, value{s: v})
			}
		case "max-age":
			if unknownVal {
				set(attrMaxAge, dynamic, value{})
			} else if n, err := strconv.Atoi(v); err == nil {
				if n <= 0 {
					n = -1 // Max-Age=0 and below delete the cookie
				}
				set(attrMaxAge, konst, value{i: int64(n)})
			}
		case "expires":
			if unknownVal {
				set(attrExpires, dynamic, value{})
			} else if t, err := http.ParseTime(v); err == nil {
				set(attrExpires, konst, value{i: int64(time.Until(t) / time.Second)})
			}
		}
	}
	if wild {
		for a := attrSecure; a <= attrPartitioned; a++ {
			if c.attrs[a].k == absent {
				set(a, dynamic, value{})
			}
		}
	}
	if lit, ok := e.(*ast.BasicLit); ok {
		c.absentAt(lit)
	}
	return c
}

// markVerbs replaces each formatting verb of a format with verbMark and
// each %% with %.
func markVerbs(format string) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			b.WriteByte(format[i])
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			b.WriteByte('%')
			i++
			continue
		}
		// Skip flags, argument indexes, width and precision up to the verb.
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.*[]", format[j]) >= 0 {
			j++
		}
		b.WriteString(verbMark)
		i = j // the verb letter itself
	}
	return b.String()
}
