package cookielint

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/cookielint/cookielint/policy"
)

// This file defines cookielint's knowledge of frameworks as data: cookie
// types it can follow (cookieModel), calls that set a cookie (sinkModel)
// and functional options that change one (optionModel), gathered in a
// registry (models) with the libraries that set cookies by themselves
// (libraryModel, libraries.go). The rows themselves are in models/*.yaml,
// one file per framework or library, in the form a policy's models:
// section uses too (modelsload.go, modelslib.go).

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
	durations map[string]attr
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
	// holder: a library's configuration object (a store, a manager), not
	// a cookie: it is never set itself.
	holder bool
	// extras are configuration fields that are not cookie attributes but
	// decide what a library sends (beego's EnableSetCookie, fiber's
	// KeyLookup), kept in the pseudo-attributes attrEnabled, attrLookup
	// and attrAux.
	extras map[string]attr
	// optionMethods are methods of a configuration object that take
	// functional options from the given argument on (iris's
	// sess.Handler(opts...)): part of its configuration.
	optionMethods map[string]int
	// fallback is the configuration of a package variable of the library
	// that the package never assigns (gothic.Store: the default store).
	fallback func(w *walker, v *types.Var) *cookie
	declared string // where a user model was declared, for messages
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

// sinkForm says how a sink receives its cookie.
type sinkForm int

const (
	formCookie         sinkForm = iota // one argument (or the receiver) is a cookie
	formHeader                         // (key, value) of a header: Set-Cookie strings
	formArgs                           // each attribute is an argument or a constant (gin's SetCookie)
	formContext                        // sets attributes for the receiver's later cookies
	formContextOptions                 // options for the receiver's later cookies (iris AddCookieOptions)
)

// receiverArg, as a sinkModel's arg, means the method's receiver.
const receiverArg = -1

// normalization is what a sink does to a cookie before writing it.
type normalization struct {
	pathDefault             string          // an empty Path becomes this
	absentSameSite          policy.SameSite // the level of a cookie without SameSite
	noneForcesSecure        bool            // SameSite=None also sets Secure
	partitionedForcesSecure bool            // Partitioned also sets Secure
	positiveMaxAge          bool            // a Max-Age of zero or less is not written
}

// sinkModel is one function or method that sets a cookie on a response.
type sinkModel struct {
	pkg  string // package path of the function or of the method's type
	recv string // the method's receiver type name; empty for a function
	fn   string
	form sinkForm
	arg  int // formCookie: index of the cookie argument, or receiverArg
	// args (formArgs): the 0-based argument that carries each attribute;
	// set: attributes the sink fixes; runtime: attributes it decides at
	// run time.
	args    map[attr]int
	set     map[attr]value
	runtime []attr
	// model reads the arguments' values (its SameSite constants); decodeAny:
	// the arguments are interface{} values read by their dynamic type.
	model     *cookieModel
	decodeAny bool
	// ctxArgs (formContext) are the attributes the call sets and their
	// arguments; fromCtx are the attributes a cookie takes from its
	// receiver's earlier formContext calls (decided at run time when
	// there were none).
	ctxArgs map[attr]int
	fromCtx []attr
	// options is the first argument that is a functional option, or -1;
	// for formContextOptions, the options for later cookies.
	options int
	norm    normalization
	via     string // how the cookie is set, for messages and the inventory
	// erases: setting the header replaces every Set-Cookie before it.
	erases bool
	// writerArg is the response writer argument, or -1, so that a later
	// Header().Set on it is known to erase this cookie.
	writerArg int
	// ctxOptions: context-options calls on the same receiver type apply
	// to this sink's cookies (set when the registry is built).
	ctxOptions bool
	// hooks: a function among the arguments past the modeled ones may
	// change the cookie (macaron); fromReceiver: the receiver, a
	// library's object, gives the attributes the arguments do not
	// (zitadel's CookieHandler.SetCookie).
	hooks, fromReceiver bool
	version             string // the module version the model was checked against
	declared            string // where a user model was declared
}

// optionModel is a functional option: a function (called with arguments)
// or a value (a function variable) that changes a cookie it is given.
type optionModel struct {
	pkg, name string
	set       map[attr]value
	args      map[attr]int
	runtime   []attr
}

type funcKey struct{ pkg, recv, fn string }

type typeKey struct{ pkg, name string }

// models is a registry of models: the built-in ones, and a policy's.
type models struct {
	types     map[typeKey]*cookieModel // cookie types and configuration objects
	byName    map[string]*cookieModel  // by "pkg.name", for summaries
	sinks     map[funcKey]*sinkModel
	sinkList  []*sinkModel
	fresh     map[funcKey]*cookieModel
	options   map[typeKey]*optionModel
	libraries map[funcKey]*libraryModel
	pkgs      map[string]bool // packages a model names
	user      *policy.Models  // the policy's own models, validated per package

	// derivations are methods of objects that return another object
	// named by an argument (a store's Get); saveAll, calls that save every
	// object of a type the function obtained (sessions.Save(r, w)).
	derivations []derivation
	saveAll     map[funcKey]*saveModel
	// contexts are the types that hold a request (a handler takes one).
	contexts map[typeKey]bool
	// complete maps each complete package to its functions that return a
	// cookie decided at run time (complete.go).
	complete map[string][]string
	// pastTimes are package variables holding a time in the past.
	pastTimes map[typeKey]bool
	// requestCookies are calls returning a cookie read from the request.
	requestCookies map[funcKey]bool
	// pending are the references the rows added last make, resolved by
	// link (modelslib.go).
	pending []func() error
}

// saveModel is a call that saves every object of a type the function
// obtained (gorilla's sessions.Save(r, w)); via names the sink its sites
// report, as the object's own Save does.
type saveModel struct {
	obj *cookieModel
	via string
}

// modelOf returns the cookie model of a type (or of the type a pointer
// points to), and whether the type is a pointer.
func (r *models) modelOf(t types.Type) (*cookieModel, bool) {
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
	m := r.types[typeKey{n.Obj().Pkg().Path(), n.Obj().Name()}]
	if m == nil {
		return nil, false
	}
	return m, ptr
}

// sinkByVia finds a sink model by the label summaries record.
func (r *models) sinkByVia(via string) *sinkModel {
	for _, s := range r.sinkList {
		if s.via == via {
			return s
		}
	}
	return nil
}

// modelByName finds a cookie model by its summary name.
func (r *models) modelByName(name string) *cookieModel {
	if name == headerCookie.pkg+"."+headerCookie.name {
		return headerCookie
	}
	return r.byName[name]
}

// library returns the library model of a constructor, or nil.
func (r *models) library(key funcKey) *libraryModel { return r.libraries[key] }

// option returns the option model an object (a function or a function
// variable) is, or nil.
func (r *models) option(obj types.Object) *optionModel {
	if obj == nil || obj.Pkg() == nil {
		return nil
	}
	if fn, ok := obj.(*types.Func); ok && fn.Signature().Recv() != nil {
		return nil
	}
	return r.options[typeKey{obj.Pkg().Path(), obj.Name()}]
}

// calleeKey names the function or method a call invokes, or reports false
// for calls of function values, builtins and conversions.
func calleeKey(info *types.Info, call *ast.CallExpr) (funcKey, *types.Func, bool) {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return funcKey{}, nil, false
	}
	return keyOf(fn), fn, true
}

// calleeOrVarKey is calleeKey, also for a call of a package-level
// variable holding a function (gothic's CompleteUserAuth).
func calleeOrVarKey(info *types.Info, call *ast.CallExpr) (funcKey, bool) {
	if k, _, ok := calleeKey(info, call); ok {
		return k, true
	}
	if v, ok := typeutil.Callee(info, call).(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
		return funcKey{pkg: v.Pkg().Path(), fn: v.Name()}, true
	}
	return funcKey{}, false
}

// keyOf is a function's or method's key.
func keyOf(fn *types.Func) funcKey {
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
	return k
}

// isNamed reports whether t is the named type pkg.name.
func isNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}
