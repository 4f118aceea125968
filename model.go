package cookielint

import (
	"go/ast"
	"go/token"
	"go/types"
)

// attr names one cookie attribute, whatever the framework calls it.
type attr int

const (
	attrName attr = iota
	attrSecure
	attrHttpOnly
	attrSameSite
	attrPath
	attrDomain
	attrMaxAge
	attrExpires
	attrPartitioned
	attrSessionOnly // fiber's SessionOnly, scs's Persist: no lifetime at all
	attrValue       // the cookie's value: a constant "" clears it

	// Pseudo-attributes of library configurations: not sent, but they
	// decide what is (models' extras).
	attrEnabled // whether the library sets its cookie at all
	attrLookup  // where it looks the cookie up ("cookie:name")
	attrAux     // a library-specific switch
	numAttrs
)

var attrNames = [numAttrs]string{"Name", "Secure", "HttpOnly", "SameSite", "Path", "Domain", "MaxAge", "Expires", "Partitioned", "SessionOnly", "Value",
	"(enabled)", "(lookup)", "(aux)"}

// attrByName maps the attribute names of models (models.yaml, a policy's
// models: section) to attributes.
var attrByName = map[string]attr{
	"name": attrName, "value": attrValue, "secure": attrSecure, "httpOnly": attrHttpOnly, "sameSite": attrSameSite,
	"path": attrPath, "domain": attrDomain, "maxAge": attrMaxAge, "expires": attrExpires,
	"partitioned": attrPartitioned, "sessionOnly": attrSessionOnly,
}

func (a attr) String() string { return attrNames[a] }

// known says how much is known of an attribute's value.
type known uint8

const (
	absent  known = iota // not set: the zero value, or no such attribute in a header
	konst                // a constant: see value.b, value.i or value.s
	dynamic              // decided at run time
)

// value is the abstract value of one attribute of a cookie.
//
// Booleans live in b; names, paths and domains in s; Max-Age in seconds
// and SameSite levels (policy.SameSite) in i. For Expires, i is the number
// of seconds from now the cookie expires (negative: in the past).
type value struct {
	k    known
	b    bool
	i    int64
	s    string
	pos  token.Pos // where it was set; NoPos for an absent value
	expr ast.Expr  // the expression that set it, if any

	// param, for a value decided by the caller, is the 1-based index of
	// the argument it comes from (the receiver counts first); with field,
	// it is that attribute of the cookie passed as that argument.
	param int
	field bool
	// viaArg: the value came from an argument at the call of a helper.
	viaArg bool
	// fromCtor: the value was fixed inside a constructor.
	fromCtor bool
	// option names the functional option whose argument set the value
	// (iris.CookieHTTPOnly), for hints.
	option string
	// indirect: the constant was found through a variable or a field, so
	// a fix belongs where that was assigned, not here.
	indirect bool
	// elem, for a value the caller decides through its variadic argument
	// param (others ...interface{} read by dynamic type, in the beego
	// style), is the 1-based position of the element that decides it;
	// def is the value when the caller passes no such element, or one of
	// a type the function ignores.
	elem int
	def  *value
}

func (v value) isTrue() bool  { return v.k == konst && v.b }
func (v value) isFalse() bool { return v.k == absent || v.k == konst && !v.b }

// sameValue reports whether two values are the same to the analysis, for
// merging the states of two branches.
func sameValue(a, b value) bool {
	if a.elem != b.elem || (a.def == nil) != (b.def == nil) || a.def != nil && !sameValue(*a.def, *b.def) {
		return false
	}
	return a.k == b.k && a.b == b.b && a.i == b.i && a.s == b.s && a.param == b.param && a.field == b.field
}

// cookie is what the analysis knows of one cookie.
type cookie struct {
	attrs [numAttrs]value
	built token.Pos // where the cookie was built (literal, new, parameter)
	model *cookieModel
	// param: the cookie is the caller's, passed as this 1-based argument.
	param int
	// ctor names the constructor that built it, if one did; ctorBuilt is
	// where, when the constructor is in the package being analyzed.
	ctor      string
	ctorBuilt token.Pos
	// optionsParam: functional options from this 1-based parameter (a
	// spread opts...) apply to the cookie, decided at each call.
	optionsParam int
	// fromRequest: read from the request (r.Cookie(name)), so it came
	// with a name and a value only.
	fromRequest bool
	// readByScripts: the library that sets it needs scripts to read it
	// (a double-submit XSRF token), so HttpOnly is the policy's to waive.
	readByScripts bool
	// headerParam: the cookie is the Set-Cookie line the caller passes as
	// this 1-based argument, read at each call.
	headerParam int
	// hookParam: functions among the elements of this 1-based variadic
	// argument run on the cookie (macaron's func(*http.Cookie) options):
	// a caller that passes one may change anything.
	hookParam int
}

// unknownCookie is a cookie of which nothing is known: a parameter, a
// function result, a value read from elsewhere.
func unknownCookie(m *cookieModel, at token.Pos) *cookie {
	c := &cookie{built: at, model: m}
	for i := range c.attrs {
		c.attrs[i] = value{k: dynamic, pos: at}
	}
	return c
}

// isDeletion reports whether the cookie is known to delete itself, or to
// clear it: a constant empty value carries nothing.
func (c *cookie) isDeletion() bool {
	if v := c.attrs[attrValue]; v.k == konst && v.s == "" {
		return true
	}
	if v := c.attrs[attrMaxAge]; v.k == konst && v.i < 0 {
		return true
	}
	if v := c.attrs[attrExpires]; v.k == konst && v.i < 0 {
		return true
	}
	return false
}

// carriesValue reports whether a cookie type has its value in a field or
// a setter, so that a cookie of it that was never given one has the
// zero value "".
func (m *cookieModel) carriesValue() bool {
	_, field := fieldNamed(m.fields, attrValue)
	_, setter := fieldNamed(m.setters, attrValue)
	return field || setter
}

// clearing reports whether a site's cookie carries nothing: built from a
// cookie type without a value (its value is "") and without any attribute
// that would make it a live cookie (Secure, HttpOnly, SameSite,
// Partitioned, Expires, a positive Max-Age). Written out, it clears the
// cookie of that name, as http.SetCookie(w, &http.Cookie{Name: state})
// does; only its Path and Domain matter, as for deletions.
func (s *site) clearing() bool {
	k := &s.cookie
	if s.library != nil || k.model == nil || !k.model.carriesValue() || k.attrs[attrValue].k != absent {
		return false
	}
	for _, a := range []attr{attrSecure, attrHttpOnly, attrSameSite, attrPartitioned, attrExpires, attrSessionOnly} {
		if k.attrs[a].k != absent {
			return false
		}
	}
	ma := k.attrs[attrMaxAge]
	return ma.k == absent || ma.k == konst && ma.i == 0
}

// site is one place a cookie is set: the call, the sink model that matched
// it, and what is known of the cookie at that point.
type site struct {
	call   *ast.CallExpr
	sink   *sinkModel
	cookie cookie
	header bool // built from a raw Set-Cookie string

	// helper is the summarized site inside the function called here, for
	// a cookie set through a helper; through names that function.
	helper  *SummarySite
	through string
	// reported lists the categories of definite findings at this site.
	reported []string
	// library is the library that sets this cookie, for a site at a
	// library's configuration call.
	library *libraryModel
	// argNames names the arguments that carry attributes (formArgs), for
	// messages.
	argNames map[attr]string
	// guard is what consent checks confirm at the site; fn, the declared
	// function it is in (nil in a closure that runs elsewhere).
	guard guard
	fn    *types.Func
	// consentDuty: the cookie needs consent that nothing here checked,
	// left to the function's callers.
	consentDuty bool
	// keyParam: the header is named by this 1-based argument of the
	// function (AddHeader(key, value)): a cookie only where a caller
	// passes Set-Cookie, so it is checked at those calls, not here.
	keyParam int
}

// absentAt notes, in each absent attribute, the syntax that built the
// cookie without it, where a fix can add it: a keyed composite literal,
// new(T), a constructor call, a variable declaration or a Set-Cookie
// string literal.
func (c *cookie) absentAt(n ast.Expr) {
	for i := range c.attrs {
		if c.attrs[i].k == absent {
			c.attrs[i].expr = n
		}
	}
}
