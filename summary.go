package cookielint

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/types/typeutil"
)

// This file summarizes functions that set or return cookies, so that
// helpers, wrappers and constructors are followed across packages. A
// summary records, for each attribute, whether it is a constant, one of
// the function's parameters, or decided at run time. Summaries of other
// packages arrive as facts.

// maxSummarySites bounds how many cookie-setting sites one summary keeps.
const maxSummarySites = 16

// Summary is the fact cookielint exports for a function that sets cookies
// decided by its parameters (a setter or deleter) or returns a cookie (a
// constructor).
type Summary struct {
	Sets    []*SummarySite
	Returns *SummaryCookie
}

// AFact marks Summary as an analysis fact.
func (*Summary) AFact() {}

func (s *Summary) String() string {
	var b []byte
	for _, st := range s.Sets {
		if st.Opaque {
			b = append(b, "sets(?) "...)
			continue
		}
		if st.KeyParam > 0 {
			b = fmt.Appendf(b, "sets(%s, where arg %d is Set-Cookie) ", st.Cookie.String(), st.KeyParam)
			continue
		}
		b = fmt.Appendf(b, "sets(%s) ", st.Cookie.String())
	}
	if s.Returns != nil {
		b = fmt.Appendf(b, "returns(%s)", s.Returns.String())
	}
	return string(b)
}

// SummarySite is one cookie a function sets from its parameters.
type SummarySite struct {
	Cookie   SummaryCookie
	Via      string   // the sink model's via, e.g. "http.SetCookie"
	Header   bool     // set as a raw Set-Cookie header
	Reported []string // categories of findings already reported inside
	Where    string   // file:line of the sink, for messages
	// ConsentOnly: a site kept only because the cookie needs consent the
	// function leaves to its callers (its other checks were done inside).
	ConsentOnly bool
	// Guard is what consent checks confirm at the site inside the
	// function, per category (consent.go); GuardBy names the checks.
	Guard   [numCategories]uint8
	GuardBy [numCategories]string
	// KeyParam: the site writes a header named by this 1-based argument;
	// it sets a cookie only at the calls that pass Set-Cookie.
	KeyParam int
	// Opaque: a function that looks like a cookie setter sets a cookie
	// the analysis knows nothing of, or none it can see (it writes
	// through an interface): callers list the call as not modeled.
	Opaque bool

	pos token.Pos // the sink, when in the package being analyzed
}

// SummaryCookie is what a function knows of a cookie it sets or returns.
type SummaryCookie struct {
	Model string // the cookie model's package and name
	Param int    // 1-based argument the cookie itself comes from, or 0
	// OptionsParam: the functional options of this 1-based (variadic)
	// argument on apply to the cookie, at each call.
	OptionsParam int
	// HeaderParam: the cookie is the Set-Cookie line given as this
	// 1-based argument, read at each call.
	HeaderParam int
	// HookParam: functions among the elements of this 1-based variadic
	// argument run on the cookie; a call that passes one may change it.
	HookParam int
	Attrs     [numAttrs]SummaryValue
	Where     string // file:line where it is built

	built token.Pos
}

func (c *SummaryCookie) String() string {
	s := c.Model
	if c.HeaderParam > 0 {
		return s + fmt.Sprintf(" line from arg %d", c.HeaderParam)
	}
	if c.Param > 0 {
		s += fmt.Sprintf(" from arg %d", c.Param)
	}
	if c.OptionsParam > 0 {
		s += fmt.Sprintf(" options from arg %d", c.OptionsParam)
	}
	for a, v := range c.Attrs {
		if attr(a) == attrValue {
			continue // values are rarely known; only a clearing "" matters
		}
		switch {
		case v.Elem > 0:
			s += fmt.Sprintf(" %s=%s", attr(a), elemString(&v))
		case v.Param > 0 && v.Field:
			s += fmt.Sprintf(" %s=arg%d.%s", attr(a), v.Param, attr(a))
		case v.Param > 0:
			s += fmt.Sprintf(" %s=arg%d", attr(a), v.Param)
		case known(v.Known) == konst && (attr(a) == attrName || attr(a) == attrPath || attr(a) == attrDomain):
			s += fmt.Sprintf(" %s=%q", attr(a), v.Str)
		case known(v.Known) == konst && (attr(a) == attrSecure || attr(a) == attrHttpOnly || attr(a) == attrPartitioned || attr(a) == attrSessionOnly):
			s += fmt.Sprintf(" %s=%v", attr(a), v.Bool)
		case known(v.Known) == konst:
			s += fmt.Sprintf(" %s=%d", attr(a), v.Int)
		case known(v.Known) == dynamic:
			s += fmt.Sprintf(" %s=?", attr(a))
		}
	}
	return s
}

// SummaryValue is one attribute of a SummaryCookie.
type SummaryValue struct {
	Known uint8
	Bool  bool
	Int   int64
	Str   string
	Param int  // 1-based argument the value comes from, or 0
	Field bool // the attribute of the cookie passed as argument Param
	// Elem: the value is read from this 1-based element of the variadic
	// argument Param by its dynamic type, or is Default without one
	// (variadic.go).
	Elem    int
	Default *SummaryValue

	pos token.Pos
}

// opaque reports whether a summary says only that the function sets
// cookies the analysis cannot see.
func (s *Summary) opaque() bool {
	if s.Returns != nil {
		return false
	}
	for _, ss := range s.Sets {
		if !ss.Opaque {
			return false
		}
	}
	return len(s.Sets) > 0
}

// packageFact marks a package that has summarized functions, so that a
// package importing it is worth analyzing.
type packageFact struct{}

func (*packageFact) AFact()         {}
func (*packageFact) String() string { return "cookie functions" }

// summarize turns a cookie at the end of a function into its summary.
func (c *checker) summarize(k *cookie) SummaryCookie {
	sc := SummaryCookie{Model: k.model.pkg + "." + k.model.name, Param: k.param, OptionsParam: k.optionsParam, HeaderParam: k.headerParam,
		HookParam: k.hookParam, Where: c.where(k.built), built: k.built}
	for a, v := range k.attrs {
		sc.Attrs[a] = summaryValue(v)
	}
	return sc
}

func summaryValue(v value) SummaryValue {
	sv := SummaryValue{Known: uint8(v.k), Bool: v.b, Int: v.i, Str: v.s, Param: v.param, Field: v.field, Elem: v.elem, pos: v.pos}
	if v.def != nil {
		d := summaryValue(*v.def)
		sv.Default = &d
	}
	return sv
}

// local reports whether a position lies in the package being analyzed:
// summaries keep positions in memory, and some drivers share one file set
// between packages.
func (c *checker) local(p token.Pos) bool {
	if !p.IsValid() {
		return false
	}
	for _, f := range c.pass.Files {
		if f.FileStart <= p && p <= f.FileEnd {
			return true
		}
	}
	return false
}

func (c *checker) where(p token.Pos) string {
	if !p.IsValid() {
		return ""
	}
	pos := c.pass.Fset.Position(p)
	return fmt.Sprintf("%s:%d", shortFile(pos.Filename), pos.Line)
}

// parametric reports whether a cookie depends on the function's
// parameters, so that callers learn something by substituting arguments.
func parametric(k *cookie) bool {
	if k.param > 0 || k.optionsParam > 0 || k.headerParam > 0 {
		return true
	}
	for a, v := range k.attrs {
		if v.param > 0 && attr(a) != attrValue {
			return true
		}
	}
	return false
}

// summaryOf returns the summary of a function: computed here for the
// package being analyzed (walking its body, which also checks it), or
// imported as a fact. It returns nil for functions that neither set nor
// return cookies, and for a function whose summary is being computed
// (recursion).
func (c *checker) summaryOf(fn *types.Func) *Summary {
	fn = fn.Origin()
	if fn.Pkg() != c.pass.Pkg {
		if Complete(fn.Pkg().Path()) {
			return c.completeSummary(fn)
		}
		if c.cfg.NoFacts {
			return nil
		}
		var s Summary
		if c.pass.ImportObjectFact(fn, &s) {
			return &s
		}
		return nil
	}
	if s, ok := c.summaries[fn]; ok {
		return s
	}
	decl := c.decls[fn]
	if decl == nil || decl.Body == nil {
		return nil
	}
	c.summaries[fn] = nil // in progress: a recursive call learns nothing
	at := c.at
	s := c.analyzeFunc(fn, decl)
	c.at = at
	c.summaries[fn] = s
	return s
}

// analyzeFunc walks a function declaration, checks the cookies it sets
// and returns its summary.
func (c *checker) analyzeFunc(fn *types.Func, decl *ast.FuncDecl) *Summary {
	w := &walker{c: c, params: map[*types.Var]int{}, fn: fn}
	sig := fn.Signature()
	i := 1
	if r := sig.Recv(); r != nil {
		w.params[r] = i
		i++
	}
	for p := range sig.Params().Variables() {
		w.params[p] = i
		i++
	}
	for r := range sig.Results().Variables() {
		if m, _ := c.models.modelOf(r.Type()); m != nil {
			w.returnsCookie = true
		}
	}
	w.body(decl.Body)
	if len(w.sites) > 0 {
		c.setsCookies[fn] = true
	}
	var s Summary
	for _, st := range w.sites {
		if st.keyParam == 0 {
			c.check(st)
		}
		param := parametric(&st.cookie) || st.keyParam > 0
		if !param && !st.consentDuty || len(s.Sets) >= maxSummarySites {
			continue
		}
		via := ""
		if st.sink != nil {
			via = st.sink.via
		}
		reported := slices.Clone(st.reported)
		sort.Strings(reported)
		ss := &SummarySite{
			Cookie: c.summarize(&st.cookie), Via: via, Header: st.header, ConsentOnly: !param, KeyParam: st.keyParam,
			Reported: slices.Compact(reported), Where: c.where(st.call.Pos()), pos: st.call.Pos(),
		}
		for i := range st.guard.kind {
			ss.Guard[i], ss.GuardBy[i] = uint8(st.guard.kind[i]), st.guard.by[i]
		}
		s.Sets = append(s.Sets, ss)
	}
	if w.returned != nil && !w.returned.unknown() {
		sc := c.summarize(w.returned)
		s.Returns = &sc
	}
	if len(s.Sets) == 0 && s.Returns == nil && c.looksLikeSetter(fn) && !c.models.pkgs[fn.Pkg().Path()] {
		// It looks like a cookie setter, but what it sets (if anything)
		// cannot be seen: its callers say so, rather than stay silent.
		unknown := true
		for _, st := range w.sites {
			unknown = unknown && st.cookie.unknown()
		}
		if unknown {
			s.Sets = []*SummarySite{{Opaque: true}}
		}
	}
	if len(s.Sets) == 0 && s.Returns == nil {
		return nil
	}
	return &s
}

// unknown reports whether nothing at all is known of a cookie.
func (k *cookie) unknown() bool {
	if k.param > 0 {
		return false
	}
	for _, v := range k.attrs {
		if v.k != dynamic || v.param > 0 {
			return false
		}
	}
	return true
}

// callArgs lists a call's arguments as a summary numbers them: the
// receiver first for a method called on a value, then the arguments.
func (w *walker) callArgs(call *ast.CallExpr, fn *types.Func) []ast.Expr {
	if fn.Signature().Recv() != nil {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if s, ok := w.info().Selections[sel]; ok && s.Kind() == types.MethodVal {
				return append([]ast.Expr{sel.X}, call.Args...)
			}
		}
	}
	return call.Args
}

// instantiate builds the cookie a summary describes, at a call with the
// given arguments: parameters become the arguments' values.
// spread says whether the call passes its last argument with "...".
func (w *walker) instantiate(sc *SummaryCookie, args []ast.Expr, spread bool, st *state, ctor string) *cookie {
	m := w.c.models.modelByName(sc.Model)
	if m == nil {
		return nil
	}
	arg := func(p int) ast.Expr {
		if p < 1 || p > len(args) {
			return nil
		}
		return args[p-1]
	}
	k := &cookie{model: m, built: sc.built}
	if e := arg(sc.Param); e != nil {
		if base := w.cookieOf(e, st); base != nil {
			k = base.clone()
		}
	}
	for a := range sc.Attrs {
		k.attrs[a] = w.summaryAttr(m, attr(a), &sc.Attrs[a], args, spread, st, ctor)
	}
	if p := sc.HookParam; p > 0 {
		w.hooksAt(k, p, args, spread)
	}
	if ctor != "" {
		k.ctor, k.built = ctor, sc.built
		if w.c.local(sc.built) {
			k.ctorBuilt = sc.built
		}
	}
	for a := range k.attrs {
		if !w.c.local(k.attrs[a].pos) {
			k.attrs[a].pos, k.attrs[a].expr = token.NoPos, nil
		}
	}
	if p := sc.OptionsParam; p > 0 && p <= len(args) {
		w.applyOptionArgs(k, args[p-1:], spread)
	}
	return k
}

// summaryAttr is the value of attribute a that a summary gives at a call
// with the given arguments.
func (w *walker) summaryAttr(m *cookieModel, a attr, sv *SummaryValue, args []ast.Expr, spread bool, st *state, ctor string) value {
	arg := func(p int) ast.Expr {
		if p < 1 || p > len(args) {
			return nil
		}
		return args[p-1]
	}
	var v value
	switch {
	case sv.Elem > 0:
		return w.elemValue(m, a, sv, args, spread, st, ctor)
	case sv.Param > 0 && sv.Field:
		v = value{k: dynamic}
		if e := arg(sv.Param); e != nil {
			if base := w.cookieOf(e, st); base != nil {
				v = base.attrs[a]
			}
		}
		v.viaArg = true
	case sv.Param > 0:
		v = value{k: dynamic}
		if e := arg(sv.Param); e != nil {
			v = w.attrValue(m, a, e)
		}
		v.viaArg = true
	default:
		v = value{k: known(sv.Known), b: sv.Bool, i: sv.Int, s: sv.Str, pos: sv.pos, fromCtor: ctor != ""}
	}
	return v
}

// elemValue is the value an element of the call's variadic arguments
// decides (variadic.go): read by its dynamic type, else the default; for
// arguments spread from the caller's own variadic parameter, still its
// callers' to decide.
func (w *walker) elemValue(m *cookieModel, a attr, sv *SummaryValue, args []ast.Expr, spread bool, st *state, ctor string) value {
	def := func() value {
		if sv.Default == nil {
			return value{k: absent}
		}
		return w.summaryAttr(m, a, sv.Default, args, spread, st, ctor)
	}
	i := sv.Param - 1 + sv.Elem - 1 // the element among the call's arguments
	if spread && i >= len(args)-1 {
		if p := w.ownVariadic(args[len(args)-1]); p > 0 {
			d := def()
			return value{k: dynamic, param: p, elem: sv.Elem, def: &d, viaArg: true}
		}
		return value{k: dynamic, viaArg: true}
	}
	if i >= len(args) {
		return def()
	}
	if v, ok := w.anyDecode(a, args[i]); ok {
		v.viaArg = true
		return v
	}
	return def()
}

// hooksAt applies, at a call, a setter's hooks: functions among the
// elements of its variadic parameter p run on the cookie, so one passed
// here (or possibly in a spread slice) may change any attribute (the
// name stays the one the setter was given); passed on from the caller's
// own variadic parameter, they are its callers'.
func (w *walker) hooksAt(k *cookie, p int, args []ast.Expr, spread bool) {
	if p > len(args) {
		return
	}
	elems := args[p-1:]
	havoc := func() {
		name := k.attrs[attrName]
		k.havoc()
		k.attrs[attrName] = name
	}
	if spread {
		if own := w.ownVariadic(elems[len(elems)-1]); own > 0 {
			k.hookParam = own
		} else {
			havoc()
		}
		return
	}
	for _, e := range elems {
		if w.isFunc(e) {
			havoc()
			return
		}
	}
}

// summarizedCall handles a call of a function with a summary: each cookie
// it sets from its parameters becomes a site here. It reports whether the
// callee has a summary.
func (w *walker) summarizedCall(call *ast.CallExpr, st *state) bool {
	fn := typeutil.StaticCallee(w.info(), call)
	if fn == nil {
		return false
	}
	s := w.c.summaryOf(fn)
	if s == nil {
		return false
	}
	args := w.callArgs(call, fn)
	arg := func(p int) ast.Expr {
		if p < 1 || p > len(args) {
			return nil
		}
		return args[p-1]
	}
	for _, ss := range s.Sets {
		if ss.Opaque {
			continue // a gap: listed by unmodeledCalls
		}
		keyParam := 0
		if ss.KeyParam > 0 { // a header the caller names: a cookie if it passes Set-Cookie
			e := arg(ss.KeyParam)
			if e == nil {
				continue
			}
			if key, ok := w.headerName(e); ok && !isSetCookie(key) {
				continue
			} else if !ok {
				if keyParam = w.stringParam(e); keyParam == 0 {
					continue // named at run time: not known to be a cookie
				}
			}
		}
		header := ss.Header
		var k *cookie
		if p := ss.Cookie.HeaderParam; p > 0 { // the Set-Cookie line is the caller's argument
			e := arg(p)
			if e == nil {
				continue
			}
			line, hdr := w.headerValue(e, st)
			if line == nil {
				continue
			}
			k, header = line.clone(), hdr
			if !w.c.local(k.built) {
				k.built = call.Pos()
			}
		} else {
			k = w.instantiate(&ss.Cookie, args, call.Ellipsis.IsValid(), st, "")
		}
		if k == nil {
			continue
		}
		if !w.c.local(k.built) {
			k.built = call.Pos()
		}
		g := st.guard
		for i := range ss.Guard {
			if guardKind(ss.Guard[i]) > g.kind[i] { // checked inside the helper
				g.kind[i], g.by[i] = guardKind(ss.Guard[i]), ss.GuardBy[i]
			}
		}
		w.sites = append(w.sites, &site{call: call, sink: w.c.models.sinkByVia(ss.Via), cookie: *k, header: header, helper: ss, through: funcName(fn),
			guard: g, fn: w.fn, keyParam: keyParam})
	}
	return len(s.Sets) > 0
}

// unsummarized notes a call of a function of another package that has no
// summary although it is given a cookie, a session or a Set-Cookie header:
// if its package was read from export data, the loader loads it from
// source (Result.NeedSource) so that the analysis sees its body.
func (w *walker) unsummarized(call *ast.CallExpr, fn *types.Func) {
	p := fn.Pkg()
	if p == nil || p == w.c.pass.Pkg || w.c.models.pkgs[p.Path()] || Complete(p.Path()) || readOnlyPackages[p.Path()] {
		return
	}
	for _, a := range call.Args {
		cookieLike := false
		if key, ok := w.headerName(a); ok && isSetCookie(key) {
			cookieLike = true
		} else if m, _ := w.c.models.modelOf(w.info().TypeOf(a)); m != nil {
			cookieLike = true
		} else if c, ok := ast.Unparen(a).(*ast.CallExpr); ok && len(c.Args) == 0 {
			if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "String" {
				m, _ := w.c.models.modelOf(w.info().TypeOf(sel.X))
				cookieLike = m != nil
			}
		}
		if cookieLike {
			w.c.needSource(p.Path())
			return
		}
	}
	if w.c.looksLikeSetter(fn) {
		w.c.needSource(p.Path())
	}
}

// needSource adds a package to the result's NeedSource, once.
func (c *checker) needSource(path string) {
	if !slices.Contains(c.result.NeedSource, path) {
		c.result.NeedSource = append(c.result.NeedSource, path)
	}
}

// constructed returns the cookie a constructor call builds, or nil.
func (w *walker) constructed(call *ast.CallExpr, st *state) *cookie {
	fn := typeutil.StaticCallee(w.info(), call)
	if fn == nil {
		return nil
	}
	s := w.c.summaryOf(fn)
	if s == nil || s.Returns == nil {
		return nil
	}
	return w.instantiate(s.Returns, w.callArgs(call, fn), call.Ellipsis.IsValid(), st, funcName(fn))
}

// funcName writes a function the way code calls it: pkg.F or T.M.
func funcName(fn *types.Func) string {
	if r := fn.Signature().Recv(); r != nil {
		t := r.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return n.Obj().Name() + "." + fn.Name()
		}
	}
	return fn.Pkg().Name() + "." + fn.Name()
}
