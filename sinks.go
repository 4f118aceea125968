package cookielint

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/cookielint/cookielint/policy"
)

// This file holds cookielint's knowledge of frameworks as data: the cookie
// types it can follow (cookieModels) and the calls that set a cookie
// (sinkModels). Supporting another framework means adding rows here.

// cookieModel describes a cookie type: which of its fields and setter
// methods carry which attribute.
type cookieModel struct {
	pkg, name string          // the named type, e.g. net/http Cookie
	fields    map[string]attr // struct field name -> attribute
	// sameSite maps the exact constant text of a SameSite value (as
	// constant.Value.ExactString gives it) to a level. A constant not in
	// the map is treated as decided at run time.
	sameSite map[string]policy.SameSite
	// pure lists methods that read the cookie and never change it.
	pure map[string]bool
	// spelling is how a fix hint writes an attribute's value for this
	// type, e.g. "http.SameSiteLaxMode".
	sameSiteSpelling map[policy.SameSite]string
}

// fieldFor returns the struct field carrying a, for messages.
func (m *cookieModel) fieldFor(a attr) string {
	for f, x := range m.fields {
		if x == a {
			return f
		}
	}
	return a.String()
}

var httpCookie = &cookieModel{
	pkg: "net/http", name: "Cookie",
	fields: map[string]attr{
		"Name": attrName, "Secure": attrSecure, "HttpOnly": attrHttpOnly, "SameSite": attrSameSite,
		"Path": attrPath, "Domain": attrDomain, "MaxAge": attrMaxAge, "Expires": attrExpires,
		"Partitioned": attrPartitioned,
	},
	// http.SameSiteDefaultMode (1) and the zero value write no attribute.
	sameSite: map[string]policy.SameSite{
		"0": policy.SameSiteUnset, "1": policy.SameSiteUnset,
		"2": policy.SameSiteLax, "3": policy.SameSiteStrict, "4": policy.SameSiteNone,
	},
	sameSiteSpelling: map[policy.SameSite]string{
		policy.SameSiteNone: "http.SameSiteNoneMode", policy.SameSiteLax: "http.SameSiteLaxMode",
		policy.SameSiteStrict: "http.SameSiteStrictMode",
	},
	pure: map[string]bool{"String": true, "Valid": true},
}

var cookieModels = []*cookieModel{httpCookie}

// sinkForm says how a sink receives its cookie.
type sinkForm int

const (
	formCookie sinkForm = iota // one argument is a cookie value or pointer
	formHeader                 // (key, value) of a header: Set-Cookie strings
)

// sinkModel is one function or method that sets a cookie on a response.
type sinkModel struct {
	pkg  string // package path of the function or of the method's type
	recv string // the method's receiver type name; empty for a function
	fn   string
	form sinkForm
	arg  int    // formCookie: index of the cookie argument
	via  string // how the cookie is set, for messages and the inventory
	// erases: setting the header replaces every Set-Cookie before it.
	erases bool
}

var sinkModels = []*sinkModel{
	{pkg: "net/http", fn: "SetCookie", form: formCookie, arg: 1, via: "http.SetCookie"},
	{pkg: "net/http", recv: "Header", fn: "Add", form: formHeader, via: "Header().Add"},
	{pkg: "net/http", recv: "Header", fn: "Set", form: formHeader, via: "Header().Set", erases: true},
}

// sinkPackages are the packages whose import makes a package worth
// analyzing: without one of them it cannot set a cookie.
func sinkPackages() map[string]bool {
	m := map[string]bool{}
	for _, s := range sinkModels {
		m[s.pkg] = true
	}
	for _, c := range cookieModels {
		m[c.pkg] = true
	}
	return m
}

type funcKey struct{ pkg, recv, fn string }

func indexSinks() map[funcKey]*sinkModel {
	m := map[funcKey]*sinkModel{}
	for _, s := range sinkModels {
		m[funcKey{s.pkg, s.recv, s.fn}] = s
	}
	return m
}

// calleeKey names the function or method a call invokes, or reports false
// for calls of function values, builtins and conversions.
func calleeKey(info *types.Info, call *ast.CallExpr) (funcKey, *types.Func, bool) {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return funcKey{}, nil, false
	}
	k := funcKey{pkg: fn.Pkg().Path(), fn: fn.Name()}
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			k.recv = n.Obj().Name()
		}
	}
	return k, fn, true
}

// modelOf returns the cookie model of a type (or of the type a pointer
// points to), and whether the type is a pointer.
func modelOf(t types.Type) (*cookieModel, bool) {
	if t == nil {
		return nil, false
	}
	ptr := false
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t, ptr = p.Elem(), true
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return nil, false
	}
	for _, m := range cookieModels {
		if n.Obj().Name() == m.name && n.Obj().Pkg().Path() == m.pkg {
			return m, ptr
		}
	}
	return nil, false
}

// isNamed reports whether t is the named type pkg.name.
func isNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}
