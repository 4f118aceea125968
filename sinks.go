package cookielint

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/cookielint/cookielint/policy"
)

// This file holds cookielint's knowledge of frameworks as data: the cookie
// types it can follow (cookieModels) and the calls that set a cookie
// (sinkModels). Supporting another framework means adding rows here (and
// in libraries.go for libraries that set cookies themselves), plus tests.

// cookieModel describes a cookie type: which of its fields and setter
// methods carry which attribute.
type cookieModel struct {
	pkg, name string          // the named type, e.g. net/http Cookie
	fields    map[string]attr // struct field name -> attribute
	// setters maps a method to the attribute its one argument sets
	// (fasthttp's c.SetSecure(true)).
	setters map[string]attr
	// fresh lists functions of pkg that return a new, empty cookie.
	fresh map[string]bool
	// subs lists fields that hold the attributes in a struct of their
	// own (a gorilla session's Options): x.Sub.F is x's attribute F.
	subs map[string]*cookieModel
	// durations lists fields whose time.Duration value sets the
	// attribute in seconds (scs's Lifetime).
	durations map[string]bool
	// sameSite maps the exact constant text of a SameSite value (as
	// constant.Value.ExactString gives it; strings in lower case) to a
	// level. A constant not in the map is decided at run time, unless
	// sameSiteOther gives its level.
	sameSite      map[string]policy.SameSite
	sameSiteOther *policy.SameSite
	// inverted lists boolean fields that set an attribute's opposite
	// (scs's Persist: false means a session cookie).
	inverted map[string]attr
	// replacers are methods that replace the whole cookie (nosurf).
	replacers map[string]replacer
	// pure lists methods that read the cookie and never change it.
	pure map[string]bool
	// sameSiteSpelling is how a fix hint writes a SameSite level.
	sameSiteSpelling map[policy.SameSite]string
	version          string // the module version the model was checked against
}

// fieldFor returns the struct field or setter carrying a, for messages.
func (m *cookieModel) fieldFor(a attr) string {
	for f, x := range m.fields {
		if x == a {
			return f
		}
	}
	return a.String()
}

// setterFor returns the setter method carrying a, or "".
func (m *cookieModel) setterFor(a attr) string {
	for f, x := range m.setters {
		if x == a {
			return f
		}
	}
	return ""
}

func level(l policy.SameSite) *policy.SameSite { return &l }

// httpSameSite maps net/http's SameSite constants (and gorilla/csrf's,
// which have the same values). The zero value and SameSiteDefaultMode
// write no attribute.
var httpSameSite = map[string]policy.SameSite{
	"0": policy.SameSiteUnset, "1": policy.SameSiteUnset,
	"2": policy.SameSiteLax, "3": policy.SameSiteStrict, "4": policy.SameSiteNone,
}

var httpFields = map[string]attr{
	"Name": attrName, "Secure": attrSecure, "HttpOnly": attrHttpOnly, "SameSite": attrSameSite,
	"Path": attrPath, "Domain": attrDomain, "MaxAge": attrMaxAge, "Expires": attrExpires,
	"Partitioned": attrPartitioned,
}

var httpCookie = &cookieModel{
	pkg: "net/http", name: "Cookie",
	fields:   httpFields,
	sameSite: httpSameSite,
	sameSiteSpelling: map[policy.SameSite]string{
		policy.SameSiteNone: "http.SameSiteNoneMode", policy.SameSiteLax: "http.SameSiteLaxMode",
		policy.SameSiteStrict: "http.SameSiteStrictMode",
	},
	pure: map[string]bool{"String": true, "Valid": true},
}

// fiberFields are the fields of fiber's Cookie, v2 and v3 alike (v2 has
// no Partitioned).
var fiberFields = map[string]attr{
	"Name": attrName, "Secure": attrSecure, "HTTPOnly": attrHttpOnly, "SameSite": attrSameSite,
	"Path": attrPath, "Domain": attrDomain, "MaxAge": attrMaxAge, "Expires": attrExpires,
	"Partitioned": attrPartitioned, "SessionOnly": attrSessionOnly,
}

// fiberSameSite: fiber compares the string without regard to case;
// anything but strict, none and disabled means Lax.
var fiberSameSite = map[string]policy.SameSite{
	"strict": policy.SameSiteStrict, "none": policy.SameSiteNone, "disabled": policy.SameSiteUnset, "lax": policy.SameSiteLax,
}

var fiberSpelling = map[policy.SameSite]string{
	policy.SameSiteNone: "fiber.CookieSameSiteNoneMode", policy.SameSiteLax: "fiber.CookieSameSiteLaxMode",
	policy.SameSiteStrict: "fiber.CookieSameSiteStrictMode",
}

var (
	fiberV2Cookie = &cookieModel{pkg: "github.com/gofiber/fiber/v2", name: "Cookie", fields: fiberFields,
		sameSite: fiberSameSite, sameSiteOther: level(policy.SameSiteLax), sameSiteSpelling: fiberSpelling, version: "v2.52.15"}
	fiberV3Cookie = &cookieModel{pkg: "github.com/gofiber/fiber/v3", name: "Cookie", fields: fiberFields,
		sameSite: fiberSameSite, sameSiteOther: level(policy.SameSiteLax), sameSiteSpelling: fiberSpelling, version: "v3.1.0"}
	fasthttpCookie = &cookieModel{pkg: "github.com/valyala/fasthttp", name: "Cookie",
		setters: map[string]attr{
			"SetKey": attrName, "SetSecure": attrSecure, "SetHTTPOnly": attrHttpOnly, "SetSameSite": attrSameSite,
			"SetMaxAge": attrMaxAge, "SetExpire": attrExpires, "SetPath": attrPath, "SetDomain": attrDomain,
			"SetPartitioned": attrPartitioned,
		},
		fresh: map[string]bool{"AcquireCookie": true},
		// CookieSameSiteDisabled, DefaultMode (a bare SameSite), Lax,
		// Strict, None.
		sameSite: map[string]policy.SameSite{
			"0": policy.SameSiteUnset, "1": policy.SameSiteUnset, "2": policy.SameSiteLax,
			"3": policy.SameSiteStrict, "4": policy.SameSiteNone,
		},
		sameSiteSpelling: map[policy.SameSite]string{
			policy.SameSiteNone: "fasthttp.CookieSameSiteNoneMode", policy.SameSiteLax: "fasthttp.CookieSameSiteLaxMode",
			policy.SameSiteStrict: "fasthttp.CookieSameSiteStrictMode",
		},
		pure:    map[string]bool{"Key": true, "Value": true, "Cookie": true, "String": true, "AppendBytes": true, "Secure": true, "HTTPOnly": true, "SameSite": true, "MaxAge": true, "Path": true, "Domain": true, "Expire": true, "Partitioned": true},
		version: "v1.78.0",
	}
)

var cookieModels = []*cookieModel{httpCookie, fiberV2Cookie, fiberV3Cookie, fasthttpCookie}

// sinkForm says how a sink receives its cookie.
type sinkForm int

const (
	formCookie  sinkForm = iota // one argument (or the receiver) is a cookie
	formHeader                  // (key, value) of a header: Set-Cookie strings
	formArgs                    // each attribute is an argument (gin's SetCookie)
	formContext                 // sets an attribute for the receiver's later cookies
)

// receiverArg, as a sinkModel's arg, means the method's receiver.
const receiverArg = -1

// normalization is what a sink does to a cookie before writing it.
type normalization struct {
	pathDefault             string          // an empty Path becomes this
	absentSameSite          policy.SameSite // the level of a cookie without SameSite
	noneForcesSecure        bool            // SameSite=None also sets Secure
	partitionedForcesSecure bool            // Partitioned also sets Secure
}

// sinkModel is one function or method that sets a cookie on a response.
type sinkModel struct {
	pkg  string // package path of the function or of the method's type
	recv string // the method's receiver type name; empty for a function
	fn   string
	form sinkForm
	arg  int // formCookie: index of the cookie argument, or receiverArg
	// args (formArgs): the 0-based argument that carries each attribute,
	// and the parameter names for messages.
	args     map[attr]int
	argNames map[attr]string
	// ctxAttr (formContext) is the attribute the call sets; fromCtx are
	// the attributes a cookie takes from its receiver's earlier
	// formContext calls (decided at run time when there were none).
	ctxAttr attr
	fromCtx []attr
	norm    normalization
	via     string // how the cookie is set, for messages and the inventory
	// erases: setting the header replaces every Set-Cookie before it.
	erases bool
	// writerArg: the first argument is the response writer, so that a
	// later Header().Set on it is known to erase this cookie.
	writerArg bool
	version   string // the module version the model was checked against
}

const (
	ginPkg     = "github.com/gin-gonic/gin"
	fiberV2Pkg = "github.com/gofiber/fiber/v2"
	fiberV3Pkg = "github.com/gofiber/fiber/v3"
)

var fiberNorm = normalization{absentSameSite: policy.SameSiteLax, noneForcesSecure: true}

var sinkModels = []*sinkModel{
	{pkg: "net/http", fn: "SetCookie", form: formCookie, arg: 1, via: "http.SetCookie", writerArg: true},
	{pkg: "net/http", recv: "Header", fn: "Add", form: formHeader, via: "Header().Add"},
	{pkg: "net/http", recv: "Header", fn: "Set", form: formHeader, via: "Header().Set", erases: true},

	// gin v1.12.0: SetCookie(name, value, maxAge, path, domain, secure,
	// httpOnly); an empty path means "/"; SameSite comes from an earlier
	// c.SetSameSite on the same context.
	{pkg: ginPkg, recv: "Context", fn: "SetCookie", form: formArgs, via: "gin SetCookie", version: "v1.12.0",
		args:     map[attr]int{attrName: 0, attrMaxAge: 2, attrPath: 3, attrDomain: 4, attrSecure: 5, attrHttpOnly: 6},
		argNames: map[attr]string{attrName: "name", attrMaxAge: "maxAge", attrPath: "path", attrDomain: "domain", attrSecure: "secure", attrHttpOnly: "httpOnly"},
		fromCtx:  []attr{attrSameSite}, norm: normalization{pathDefault: "/"}},
	{pkg: ginPkg, recv: "Context", fn: "SetCookieData", form: formCookie, arg: 0, via: "gin SetCookieData", version: "v1.12.0",
		norm: normalization{pathDefault: "/"}},
	{pkg: ginPkg, recv: "Context", fn: "SetSameSite", form: formContext, arg: 0, ctxAttr: attrSameSite, via: "gin SetSameSite", version: "v1.12.0"},

	// echo v4.16.0 (Context is an interface) and v5.4.4 (a struct).
	{pkg: "github.com/labstack/echo/v4", recv: "Context", fn: "SetCookie", form: formCookie, arg: 0, via: "echo SetCookie", version: "v4.16.0"},
	{pkg: "github.com/labstack/echo/v5", recv: "Context", fn: "SetCookie", form: formCookie, arg: 0, via: "echo SetCookie", version: "v5.4.4"},

	// fiber v2.52.15: Ctx.Cookie goes through fasthttp, whose SetSameSite
	// (None) also sets Secure; a SameSite other than strict, none or
	// disabled means Lax.
	{pkg: fiberV2Pkg, recv: "Ctx", fn: "Cookie", form: formCookie, arg: 0, via: "fiber Cookie", version: "v2.52.15", norm: fiberNorm},
	// fiber v3.1.0: the same, plus an empty Path means "/" and
	// Partitioned sets Secure.
	{pkg: fiberV3Pkg, recv: "Ctx", fn: "Cookie", form: formCookie, arg: 0, via: "fiber Cookie", version: "v3.1.0",
		norm: normalization{pathDefault: "/", absentSameSite: policy.SameSiteLax, noneForcesSecure: true, partitionedForcesSecure: true}},
	{pkg: fiberV3Pkg, recv: "Res", fn: "Cookie", form: formCookie, arg: 0, via: "fiber Cookie", version: "v3.1.0",
		norm: normalization{pathDefault: "/", absentSameSite: policy.SameSiteLax, noneForcesSecure: true, partitionedForcesSecure: true}},
	{pkg: fiberV3Pkg, recv: "DefaultRes", fn: "Cookie", form: formCookie, arg: 0, via: "fiber Cookie", version: "v3.1.0",
		norm: normalization{pathDefault: "/", absentSameSite: policy.SameSiteLax, noneForcesSecure: true, partitionedForcesSecure: true}},

	// fasthttp v1.78.0: SetSameSite(None) and SetPartitioned(true) also
	// set Secure.
	{pkg: "github.com/valyala/fasthttp", recv: "ResponseHeader", fn: "SetCookie", form: formCookie, arg: 0, via: "fasthttp SetCookie", version: "v1.78.0",
		norm: normalization{noneForcesSecure: true, partitionedForcesSecure: true}},

	// gorilla/sessions v1.4.0: a session's cookie is set when it is saved.
	{pkg: sessionsPkg, recv: "Session", fn: "Save", form: formCookie, arg: receiverArg, via: "gorilla/sessions Save", version: "v1.4.0"},
	{pkg: sessionsPkg, recv: "CookieStore", fn: "Save", form: formCookie, arg: 2, via: "gorilla/sessions Save", version: "v1.4.0"},
	{pkg: sessionsPkg, recv: "FilesystemStore", fn: "Save", form: formCookie, arg: 2, via: "gorilla/sessions Save", version: "v1.4.0"},
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
	for _, l := range libraryModels {
		m[l.pkg] = true
	}
	return m
}

// modeledPackages are the packages of the cookie, sink and library models.
var modeledPackages = sinkPackages()

// Modeled reports whether path is a package that cookielint models (net/http,
// the frameworks, the session and CSRF libraries): a package that imports
// none of them, directly or not, cannot set a cookie.
func Modeled(path string) bool { return modeledPackages[path] }

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
	path, name := n.Obj().Pkg().Path(), n.Obj().Name()
	for _, m := range cookieModels {
		if name == m.name && path == m.pkg {
			return m, ptr
		}
	}
	for _, m := range holderModels {
		if name == m.name && path == m.pkg {
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
