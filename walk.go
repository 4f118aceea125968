package cookielint

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/cookielint/cookielint/policy"
)

// This file follows cookies through a function body: an abstract
// interpretation over the syntax, in statement order, that knows for each
// local cookie variable which attributes are constants, absent or decided
// at run time, and records a site at every call that sets a cookie.
// Branches are walked separately and joined; loop bodies may or may not
// run; a store after the sink does not reach it.

// testHookStmt, when set by a test, is called at every statement: the
// tests use it to check that a panic in the analyzer becomes an error.
var testHookStmt func(token.Position)

// walker analyzes one function body.
type walker struct {
	c     *checker
	sites []*site

	fn            *types.Func        // the function walked, if a declared one
	params        map[*types.Var]int // its parameters, 1-based, receiver first
	returnsCookie bool               // it has a cookie result
	returned      *cookie            // the cookie it returns, joined over returns

	// cur is the state at the statement or expression being walked, for
	// the evaluation of values inside it.
	cur *state
	// root is the body walked; escaped, the locals whose value may change
	// where the walk does not see (computed from root).
	root    ast.Node
	escaped map[*types.Var]bool

	// Closures (closures.go): what was found of them, those being walked
	// where they run, and the deferred ones, walked in the state the
	// function's exits join (collected then).
	cl           *closureInfo
	inlining     map[*ast.FuncLit]bool
	deferred     []deferredCall
	collectExits bool
	exits        []*state

	// targets are the loops, switches and selects around the statement
	// being walked, innermost last, with the states their break and
	// continue statements carry out of the flow; label is the label of
	// the statement about to be walked.
	targets []*branchTarget
	label   string

	// variadicVars are the locals that hold an element of the function's
	// others ...interface{} (variadic.go), found when first needed.
	variadicVars map[*types.Var]bool
}

// branchTarget is a statement a break or continue leaves to: the states
// that reach its end by a break, and (for a loop) its next iteration by a
// continue.
type branchTarget struct {
	label  string
	loop   bool
	breaks []*state
	conts  []*state
}

// enter pushes a loop, switch or select, with the label written before
// it; leave pops it.
func (w *walker) enter(label string, loop bool) *branchTarget {
	t := &branchTarget{label: label, loop: loop}
	w.targets = append(w.targets, t)
	return t
}

func (w *walker) leave() { w.targets = w.targets[:len(w.targets)-1] }

// branch handles break and continue: the state goes to the statement they
// leave to, and nothing after them here runs. A goto keeps the flow (the
// state after it is then only less precise).
func (w *walker) branch(s *ast.BranchStmt, st *state) {
	if s.Tok != token.BREAK && s.Tok != token.CONTINUE || st.dead {
		return
	}
	for i := len(w.targets) - 1; i >= 0; i-- {
		t := w.targets[i]
		if s.Label != nil && t.label != s.Label.Name || s.Tok == token.CONTINUE && !t.loop {
			continue
		}
		if s.Tok == token.BREAK {
			t.breaks = append(t.breaks, st.copy())
		} else {
			t.conts = append(t.conts, st.copy())
		}
		st.dead = true
		return
	}
}

// joinAll merges states into st (nil: none yet); dead ones add nothing.
func joinAll(st *state, more []*state) *state {
	for _, m := range more {
		if st == nil {
			st = m
			continue
		}
		st = merge(st, m)
	}
	return st
}

func (w *walker) info() *types.Info { return w.c.pass.TypesInfo }

func (w *walker) body(b *ast.BlockStmt) {
	if b == nil {
		return
	}
	w.root = b
	w.collectExits = w.closures().defers
	end := newState()
	w.stmt(b, end)
	w.runDeferred(end)
}

func (w *walker) stmts(list []ast.Stmt, st *state) {
	for _, s := range list {
		w.stmt(s, st)
	}
}

func (w *walker) stmt(s ast.Stmt, st *state) {
	prev := w.cur
	w.cur = st
	defer func() { w.cur = prev }()
	label := w.label
	w.label = ""
	w.c.at = s.Pos()
	if testHookStmt != nil {
		testHookStmt(w.c.pass.Fset.Position(s.Pos()))
	}
	switch s := s.(type) {
	case *ast.BlockStmt:
		w.stmts(s.List, st)
	case *ast.ExprStmt:
		w.expr(s.X, st)
	case *ast.AssignStmt:
		w.assign(s, st)
	case *ast.DeclStmt:
		w.decl(s, st)
	case *ast.IfStmt:
		if s.Init != nil {
			w.stmt(s.Init, st)
		}
		w.expr(s.Cond, st)
		cg := w.condition(s.Cond, st)
		then := st.copy()
		then.guard = then.guard.join(cg.whenTrue)
		w.stmt(s.Body, then)
		els := st.copy()
		els.guard = els.guard.join(cg.whenFalse)
		if s.Else != nil {
			w.stmt(s.Else, els)
		}
		if e := w.elemGuard(s.Cond); e > 0 && s.Else == nil {
			w.decideByElem(then, els, e)
		}
		*st = *merge(then, els)
	case *ast.ForStmt:
		if s.Init != nil {
			w.stmt(s.Init, st)
		}
		if s.Cond != nil {
			w.expr(s.Cond, st)
		}
		loop := st.copy()
		t := w.enter(label, true)
		w.stmt(s.Body, loop)
		w.leave()
		loop = joinAll(loop, t.conts)
		if s.Post != nil {
			w.stmt(s.Post, loop)
		}
		loop.dead = false // the loop's condition may end it here
		*st = *joinAll(merge(st, loop), t.breaks)
	case *ast.RangeStmt:
		w.expr(s.X, st)
		if w.rangeCollection(s, st, label) {
			return
		}
		loop := st.copy()
		t := w.enter(label, true)
		w.stmt(s.Body, loop)
		w.leave()
		loop = joinAll(loop, t.conts)
		loop.dead = false
		*st = *joinAll(merge(st, loop), t.breaks)
	case *ast.SwitchStmt:
		if s.Init != nil {
			w.stmt(s.Init, st)
		}
		if s.Tag != nil {
			w.expr(s.Tag, st)
		}
		w.clauses(s.Body, st, s.Tag == nil, label)
	case *ast.TypeSwitchStmt:
		if s.Init != nil {
			w.stmt(s.Init, st)
		}
		w.stmt(s.Assign, st)
		w.clauses(s.Body, st, false, label)
	case *ast.SelectStmt:
		w.clauses(s.Body, st, false, label)
	case *ast.ReturnStmt:
		for _, r := range s.Results {
			w.expr(r, st)
		}
		if w.returnsCookie && !st.dead {
			w.noteReturn(s, st)
		}
		if w.collectExits && !st.dead {
			w.exits = append(w.exits, st.copy())
		}
		st.dead = true
	case *ast.LabeledStmt:
		w.label = s.Label.Name
		w.stmt(s.Stmt, st)
	case *ast.BranchStmt:
		w.branch(s, st)
	case *ast.DeferStmt:
		// The arguments are evaluated now; the call itself runs at the
		// end, after every sink of the function: only a deferred sink
		// counts (as if here), and a deferred closure runs in the state
		// the function's exits join.
		for _, a := range s.Call.Args {
			w.expr(a, st)
		}
		if fl, ok := ast.Unparen(s.Call.Fun).(*ast.FuncLit); ok {
			w.deferred = append(w.deferred, deferredCall{fl, s.Call.Args})
			return
		}
		w.expr(s.Call.Fun, st)
		if key, _, ok := calleeKey(w.info(), s.Call); ok && w.c.models.sinks[key] != nil {
			w.call(s.Call, st)
		}
	case *ast.GoStmt:
		if fl, ok := ast.Unparen(s.Call.Fun).(*ast.FuncLit); ok {
			for _, a := range s.Call.Args {
				w.expr(a, st)
			}
			w.funcLit(fl, st) // it runs elsewhere, later
			return
		}
		w.expr(s.Call, st)
	case *ast.IncDecStmt:
		w.expr(s.X, st)
		if id, ok := ast.Unparen(s.X).(*ast.Ident); ok {
			v, _ := w.info().ObjectOf(id).(*types.Var)
			w.forgetScalar(v, st)
		}
	case *ast.SendStmt:
		w.expr(s.Chan, st)
		w.expr(s.Value, st)
	}
}

// clauses walks the clauses of a switch or select; a switch without a
// default may run none of them.
// In a switch without a tag (conditions), a clause runs when one of its
// conditions is true and those of the clauses before it are false.
func (w *walker) clauses(body *ast.BlockStmt, st *state, conditions bool, label string) {
	t := w.enter(label, false)
	defer func() {
		w.leave()
		*st = *joinAll(st, t.breaks)
	}()
	var out *state
	hasDefault := false
	var before guard // what the earlier conditions' being false confirms
	for _, cl := range body.List {
		b := st.copy()
		switch cl := cl.(type) {
		case *ast.CaseClause:
			hasDefault = hasDefault || cl.List == nil
			for _, e := range cl.List {
				w.expr(e, b)
			}
			if conditions {
				var whenTrue, whenFalse guard
				for i, e := range cl.List {
					cg := w.condition(e, st)
					if i == 0 {
						whenTrue = cg.whenTrue
					} else {
						whenTrue = whenTrue.meet(cg.whenTrue)
					}
					whenFalse = whenFalse.join(cg.whenFalse)
				}
				b.guard = b.guard.join(before).join(whenTrue)
				before = before.join(whenFalse)
			}
			w.stmts(cl.Body, b)
		case *ast.CommClause:
			hasDefault = true // select runs one clause
			if cl.Comm != nil {
				w.stmt(cl.Comm, b)
			}
			w.stmts(cl.Body, b)
		}
		if out == nil {
			out = b
		} else {
			out = merge(out, b)
		}
	}
	if out == nil {
		return
	}
	if !hasDefault {
		none := st.copy()
		none.guard = none.guard.join(before)
		out = merge(out, none)
	}
	*st = *out
}

func (w *walker) decl(s *ast.DeclStmt, st *state) {
	gd, ok := s.Decl.(*ast.GenDecl)
	if !ok || gd.Tok != token.VAR {
		return
	}
	for _, spec := range gd.Specs {
		vs := spec.(*ast.ValueSpec)
		for _, v := range vs.Values {
			w.expr(v, st)
		}
		for i, name := range vs.Names {
			obj, _ := w.info().Defs[name].(*types.Var)
			if obj == nil {
				continue
			}
			switch {
			case len(vs.Values) == len(vs.Names):
				w.setScalar(obj, vs.Values[i], st)
				w.setCond(obj, vs.Values[i], st)
			case len(vs.Values) == 0:
				w.setScalar(obj, nil, st)
			default:
				w.forgetScalar(obj, st)
			}
			if lv := w.listVar(name); lv != nil {
				switch {
				case len(vs.Values) == len(vs.Names):
					w.setList(lv, vs.Values[i], st)
				case len(vs.Values) == 0:
					w.setList(lv, nil, st)
				default:
					delete(st.lists, lv)
				}
			}
			m, ptr := w.c.models.modelOf(obj.Type())
			if m == nil {
				continue
			}
			switch {
			case len(vs.Values) == len(vs.Names):
				w.bind(obj, vs.Values[i], st)
			case len(vs.Values) > 0:
				st.vars[obj] = unknownCookie(m, name.Pos())
			case !ptr:
				c := &cookie{model: m, built: name.Pos()} // the zero Cookie
				c.absentAt(name)
				st.vars[obj] = c
			}
		}
	}
}

func (w *walker) assign(s *ast.AssignStmt, st *state) {
	for _, r := range s.Rhs {
		w.expr(r, st)
	}
	for _, l := range s.Lhs {
		if _, ok := l.(*ast.Ident); !ok {
			w.expr(l, st) // calls inside index expressions and the like
		}
	}
	if len(s.Lhs) != len(s.Rhs) {
		for i, l := range s.Lhs {
			w.forget(l, st)
			// v, err := f(): the first result may be a cookie object.
			if id, ok := ast.Unparen(l).(*ast.Ident); ok && i == 0 && len(s.Rhs) == 1 {
				if call, ok := ast.Unparen(s.Rhs[0]).(*ast.CallExpr); ok {
					if v := w.localVar(id); v != nil {
						if k := w.callCookie(call, st); k != nil {
							st.vars[v] = k
						}
					}
				}
			}
		}
		return
	}
	for i, l := range s.Lhs {
		r := s.Rhs[i]
		if s.Tok != token.ASSIGN && s.Tok != token.DEFINE {
			w.forget(l, st) // x op= y
			continue
		}
		switch l := ast.Unparen(l).(type) {
		case *ast.Ident:
			if sv, ok := w.info().ObjectOf(l).(*types.Var); ok {
				w.setScalar(sv, r, st)
				w.setCond(sv, r, st)
			}
			if lv := w.listVar(l); lv != nil {
				w.setList(lv, r, st)
			}
			if v := w.localVar(l); v != nil {
				w.bind(v, r, st)
			}
		case *ast.SelectorExpr:
			m, _ := w.c.models.modelOf(w.info().TypeOf(l.X))
			if m == nil {
				w.forget(l, st)
				continue
			}
			if sub := m.subs[l.Sel.Name]; sub != nil { // x.Options = &Options{...}
				if c := w.cookieOf(l.X, st); c != nil {
					var repl *cookie
					if lit, ok := compositeOf(r); ok {
						repl = w.literal(sub, lit)
					}
					for _, a := range sub.fields {
						if repl != nil {
							c.attrs[a] = repl.attrs[a]
						} else {
							c.attrs[a] = value{k: dynamic, pos: r.Pos(), expr: r}
						}
					}
				}
				continue
			}
			a, v, ok := w.fieldStore(m, l.Sel.Name, r)
			if !ok {
				continue
			}
			if c := w.cookieOf(l.X, st); c != nil {
				c.attrs[a] = v
			}
		case *ast.StarExpr:
			if m, _ := w.c.models.modelOf(w.info().TypeOf(l)); m != nil {
				if c, v := w.cookieOf(l.X, st), w.cookieOf(r, st); c != nil && v != nil {
					*c = *v.clone()
				}
			}
		case *ast.IndexExpr:
			w.storeElement(l, r, st)
			w.headerIndexStore(l, r, st)
		}
	}
}

// forget havocs whatever cookie an assignment target reaches.
func (w *walker) forget(l ast.Expr, st *state) {
	switch l := ast.Unparen(l).(type) {
	case *ast.Ident:
		v, _ := w.info().ObjectOf(l).(*types.Var)
		w.forgetScalar(v, st)
		delete(st.conds, v)
		if lv := w.listVar(l); lv != nil {
			delete(st.lists, lv)
		}
		if v := w.localVar(l); v != nil {
			if m, _ := w.c.models.modelOf(v.Type()); m != nil {
				st.vars[v] = unknownCookie(m, l.Pos())
			}
		}
	case *ast.SelectorExpr:
		if m, _ := w.c.models.modelOf(w.info().TypeOf(l.X)); m != nil {
			if c := w.cookieOf(l.X, st); c != nil {
				if a, ok := m.fields[l.Sel.Name]; ok {
					c.attrs[a] = value{k: dynamic, pos: l.Pos()}
				}
			}
		}
	}
}

// localVar returns the variable an identifier declares or uses, if it is a
// cookie (or pointer to one) local to a function.
func (w *walker) localVar(id *ast.Ident) *types.Var {
	v, _ := w.info().ObjectOf(id).(*types.Var)
	if v == nil || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	if m, _ := w.c.models.modelOf(v.Type()); m == nil {
		return nil
	}
	return v
}

// bind makes v hold the cookie r evaluates to: the same cookie for a
// pointer, a copy for a value.
func (w *walker) bind(v *types.Var, r ast.Expr, st *state) {
	c := w.cookieOf(r, st)
	if c == nil {
		m, _ := w.c.models.modelOf(v.Type())
		c = unknownCookie(m, r.Pos())
	}
	if _, ptr := w.c.models.modelOf(v.Type()); !ptr {
		c = c.clone()
	}
	st.vars[v] = c
}

func (c *cookie) clone() *cookie {
	d := *c
	return &d
}

// cookieOf returns the cookie an expression of cookie or cookie-pointer
// type denotes: the tracked one for a local variable (so stores through it
// are seen), a new one for a literal, or an unknown one. It returns nil if
// the expression is not of a cookie type.
func (w *walker) cookieOf(e ast.Expr, st *state) *cookie {
	t := w.info().TypeOf(e)
	if tup, ok := t.(*types.Tuple); ok && tup.Len() > 0 {
		t = tup.At(0).Type() // the first result of f() (v, err)
	}
	m, _ := w.c.models.modelOf(t)
	if m == nil {
		return nil
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v := w.localVar(e)
		if v == nil {
			if pv, ok := w.info().ObjectOf(e).(*types.Var); ok && pv.Parent() == pv.Pkg().Scope() && m.holder {
				return w.c.holderCookie(pv).clone() // a package-level store or manager
			}
			return unknownCookie(m, e.Pos())
		}
		if c, ok := st.vars[v]; ok {
			return c
		}
		c := unknownCookie(m, e.Pos()) // a parameter or a captured variable
		if p := w.params[v]; p > 0 {
			c.param = p
			for i := range c.attrs {
				c.attrs[i].param, c.attrs[i].field = p, true
			}
		}
		st.vars[v] = c
		return c
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return w.cookieOf(e.X, st)
		}
	case *ast.StarExpr:
		return w.cookieOf(e.X, st)
	case *ast.SelectorExpr:
		if xm, _ := w.c.models.modelOf(w.info().TypeOf(e.X)); xm != nil && xm.subs[e.Sel.Name] != nil {
			return w.cookieOf(e.X, st) // x.Options holds x's attributes
		}
		if pv, ok := w.info().Uses[e.Sel].(*types.Var); ok && m.holder {
			switch {
			case pv.IsField() && pv.Pkg() == w.c.pass.Pkg:
				return w.c.holderCookie(pv).clone() // s.store, configured where s is built
			case !pv.IsField() && pv.Pkg() != nil && pv.Parent() == pv.Pkg().Scope():
				return w.c.holderCookie(pv).clone() // pkg.Store, pkg.DefaultConfig
			}
		}
	case *ast.CompositeLit:
		return w.literal(m, e)
	case *ast.IndexExpr:
		if k := w.element(e, st); k != nil {
			return k
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok && len(e.Args) == 1 {
			if b, ok := w.info().Uses[id].(*types.Builtin); ok && b.Name() == "new" {
				c := &cookie{model: m, built: e.Pos()}
				c.absentAt(e)
				return c
			}
		}
		if c := w.callCookie(e, st); c != nil {
			return c
		}
	}
	return unknownCookie(m, e.Pos())
}

// callCookie returns the cookie object a call returns when the analysis
// knows it: a fresh framework cookie, a library's configuration object, a
// derived session, or a constructor's cookie.
func (w *walker) callCookie(call *ast.CallExpr, st *state) *cookie {
	if key, _, ok := calleeKey(w.info(), call); ok {
		if l := w.c.models.library(key); l != nil && l.holder != nil && !l.derived {
			return w.libraryCookie(l, call)
		}
		if m := w.c.models.fresh[key]; m != nil {
			c := &cookie{model: m, built: call.Pos()}
			c.absentAt(call)
			return c
		}
		if w.c.models.requestCookies[key] && len(call.Args) == 1 {
			// A cookie read from a request has a name and a value and no
			// attribute: sent back as it is, it has none either.
			c := &cookie{model: w.c.models.http(), built: call.Pos(), fromRequest: true}
			c.attrs[attrName] = w.attrValue(c.model, attrName, call.Args[0])
			c.attrs[attrValue] = value{k: dynamic, pos: call.Pos()}
			return c
		}
	}
	if k := w.derive(call, st); k != nil {
		return k
	}
	return w.constructed(call, st)
}

// literal evaluates a composite literal of a cookie type.
func (w *walker) literal(m *cookieModel, lit *ast.CompositeLit) *cookie {
	c := &cookie{model: m, built: lit.Pos()}
	var st *types.Struct
	if t := w.info().TypeOf(lit); t != nil {
		st, _ = t.Underlying().(*types.Struct)
	}
	keyed := true
	for _, elt := range lit.Elts {
		_, ok := elt.(*ast.KeyValueExpr)
		keyed = keyed && ok
	}
	if keyed { // a fix may add a missing field to this literal
		c.absentAt(lit)
	}
	for i, elt := range lit.Elts {
		var name string
		val := elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				name = id.Name
			}
			val = kv.Value
		} else if st != nil && i < st.NumFields() {
			name = st.Field(i).Name()
		}
		if a, v, ok := w.fieldStore(m, name, val); ok {
			c.attrs[a] = v
		} else if sub := m.subs[name]; sub != nil {
			// A struct of its own holding attributes (flamego's
			// Options{Cookie: CookieOptions{...}}).
			inner := &cookie{model: sub}
			if sl, ok := compositeOf(val); ok {
				inner = w.literal(sub, sl)
			} else {
				inner = unknownCookie(sub, val.Pos())
			}
			for a := range numAttrs {
				if sub.carries(attr(a)) {
					c.attrs[a] = inner.attrs[a]
				}
			}
		}
	}
	w.zeroInverted(c, m)
	return c
}

// attrValue evaluates the expression assigned to an attribute.
func (w *walker) attrValue(m *cookieModel, a attr, e ast.Expr) value {
	v := value{k: dynamic, pos: e.Pos(), expr: e}
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if pv, ok := w.info().ObjectOf(id).(*types.Var); ok && w.params[pv] > 0 {
			p := w.params[pv]
			v.param = p // decided by the caller
			return v
		}
	}
	if a == attrExpires {
		if cv, typ, indirect := w.constValue(e); cv != nil {
			if n, ok := constInt(types.TypeAndValue{Type: typ, Value: cv}); ok { // seconds from now (a library's lifetime)
				if isNamed(typ, "time", "Duration") {
					n = seconds(n)
				}
				return value{k: konst, i: n, pos: e.Pos(), expr: e, indirect: indirect}
			}
		}
		if rel, zero, ok := w.c.timeFromNow(e); ok {
			if zero {
				return value{k: absent, pos: e.Pos(), expr: e}
			}
			v.k, v.i = konst, rel
		}
		return v
	}
	cv, typ, indirect := w.constValue(e)
	if cv == nil {
		return v
	}
	v.indirect = indirect
	tv := types.TypeAndValue{Type: typ, Value: cv}
	switch a {
	case attrSecure, attrHttpOnly, attrPartitioned, attrSessionOnly, attrEnabled, attrAux:
		if cv.Kind() == constant.Bool {
			v.k, v.b = konst, constant.BoolVal(cv)
		}
	case attrName, attrPath, attrDomain, attrValue, attrLookup:
		if cv.Kind() == constant.String {
			v.k, v.s = konst, constant.StringVal(cv)
		}
	case attrMaxAge:
		if i, exact := constant.Int64Val(constant.ToInt(cv)); exact {
			if isNamed(tv.Type, "time", "Duration") {
				i = seconds(i) // a lifetime given as a Duration
			}
			v.k, v.i = konst, i
		}
	case attrSameSite:
		key := cv.ExactString()
		if cv.Kind() == constant.String {
			key = strings.ToLower(constant.StringVal(cv))
		}
		if lvl, ok := m.sameSite[key]; ok {
			v.k, v.i = konst, int64(lvl)
		} else if cv.Kind() == constant.String && m.sameSiteOther != nil {
			v.k, v.i = konst, int64(*m.sameSiteOther)
		}
	}
	return v
}

// expr walks an expression for calls, in evaluation order (arguments
// before the call), recording sites and noting cookies that escape.
func (w *walker) expr(e ast.Expr, st *state) {
	if e == nil {
		return
	}
	prev := w.cur
	w.cur = st
	defer func() { w.cur = prev }()
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			if !w.closures().defs[n] { // one only ever called is walked at its calls
				w.funcLit(n, st)
			}
			return false
		case *ast.CallExpr:
			if fl := w.calledClosure(n); fl != nil {
				for _, a := range n.Args {
					w.expr(a, st)
				}
				w.inline(fl, n.Args, st)
				return false
			}
			switch f := ast.Unparen(n.Fun).(type) { // the callee is not a value here
			case *ast.Ident:
			case *ast.SelectorExpr:
				w.expr(f.X, st)
			default:
				w.expr(n.Fun, st)
			}
			for _, a := range n.Args {
				w.expr(a, st)
			}
			w.call(n, st)
			return false
		case *ast.SelectorExpr:
			w.funcValue(n.Sel, n, st)
			w.expr(n.X, st)
			return false
		case *ast.Ident:
			w.funcValue(n, n, st)
		}
		return true
	})
}

// rootIdent returns x for x, x.f, *x, x[i] and the like.
func rootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.UnaryExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// call handles one call: a sink records a site; a call that may change a
// cookie it is given makes the analysis forget what it knew of it.
func (w *walker) call(call *ast.CallExpr, st *state) {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := w.info().Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
			st.dead = true
		}
	}
	key, fn, ok := calleeKey(w.info(), call)
	if !ok && w.hook(call, st) {
		return
	}
	if ok {
		if s := w.c.models.sinks[key]; s != nil {
			w.sink(s, call, st)
			return
		}
		if readOnlyPackages[key.pkg] {
			return
		}
		if m := w.c.models.saveAll[key]; m != nil {
			w.saveAll(m, call, st)
			return
		}
		if !w.summarizedCall(call, st) {
			w.unsummarized(call, fn)
		}
	}
	// A method of a cookie type: setters set one attribute, replacers
	// all of them; pure methods only read it; others may change anything.
	if sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isSel && fn.Signature().Recv() != nil {
		if m, _ := w.c.models.modelOf(w.info().TypeOf(sel.X)); m != nil && !m.pure[fn.Name()] {
			if c := w.cookieOf(sel.X, st); c != nil {
				if a, ok := m.setters[fn.Name()]; ok && len(call.Args) == 1 {
					c.attrs[a] = w.attrValue(m, a, call.Args[0])
				} else if rp, ok := m.replacers[fn.Name()]; ok && rp.arg < len(call.Args) {
					w.replace(c, rp, call, st)
				} else {
					c.havoc()
				}
			}
		}
	}
	for _, a := range call.Args {
		if m, ptr := w.c.models.modelOf(w.info().TypeOf(a)); m != nil && ptr {
			if c := w.cookieOf(a, st); c != nil {
				c.havoc()
			}
		}
		if lv := w.listVar(a); lv != nil && !isBuiltinCall(w.info(), call) {
			for _, c := range st.lists[lv] { // the callee may change its elements
				c.havoc()
			}
		}
	}
}

// isBuiltinCall reports whether a call is of a builtin (append, len...).
func isBuiltinCall(info *types.Info, call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		_, b := info.Uses[id].(*types.Builtin)
		return b
	}
	return false
}

// readOnlyPackages never change a cookie they are handed.
var readOnlyPackages = map[string]bool{"fmt": true, "log": true, "log/slog": true}

// sink records the site of a cookie-setting call.
func (w *walker) sink(s *sinkModel, call *ast.CallExpr, st *state) {
	var recv ast.Expr
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		recv = sel.X
	}
	switch s.form {
	case formCookie, formArgs:
		var k *cookie
		if s.form == formCookie {
			arg := recv
			if s.arg != receiverArg {
				if s.arg >= len(call.Args) {
					return
				}
				arg = call.Args[s.arg]
			}
			if arg == nil {
				return
			}
			c := w.cookieOf(arg, st)
			if c == nil {
				return
			}
			k = c.clone()
		} else {
			k = w.argsCookie(s, call)
			if s.fromReceiver && recv != nil {
				w.fromReceiver(s, k, recv, st)
			}
			if s.hooks {
				w.sinkHooks(s, k, call)
			}
		}
		w.fromContext(s, k, recv, st)
		if s.options >= 0 {
			w.applyOptions(k, call, s.options)
		}
		w.addSite(&site{call: call, sink: s, cookie: *k, argNames: w.argNames(s, call)})
		if s.form == formCookie {
			writer := ""
			if s.writerArg >= 0 && s.writerArg < len(call.Args) {
				writer = w.writerKey(call.Args[s.writerArg])
			}
			st.sets = append(st.sets, setRecord{writer: writer, line: w.line(call.Pos())})
		}
	case formContext:
		if recv == nil {
			return
		}
		for a, i := range s.ctxArgs {
			if i < len(call.Args) {
				st.setCtx(ctxKey{w.writerKey(recv), a, false}, w.attrValue(s.model, a, call.Args[i]))
			}
		}
	case formContextOptions:
		if recv == nil {
			return
		}
		opts := &cookie{model: s.model}
		for a, v := range w.optionValues(opts, call, s.options) {
			st.setCtx(ctxKey{w.writerKey(recv), a, true}, v)
		}
	case formHeader:
		w.headerSink(s, call, st)
	}
}

// argsCookie is the cookie a sink builds from its arguments and
// constants. An argument a variadic call leaves out is absent; an
// argument from a spread slice is decided at run time.
func (w *walker) argsCookie(s *sinkModel, call *ast.CallExpr) *cookie {
	k := &cookie{model: s.model, built: call.Pos()}
	for a, v := range s.set {
		v.pos = call.Pos()
		k.attrs[a] = v
	}
	for _, a := range s.runtime {
		k.attrs[a] = value{k: dynamic, pos: call.Pos()}
	}
	spread := call.Ellipsis.IsValid()
	for a, i := range s.args {
		switch {
		case spread && i >= len(call.Args)-1:
			k.attrs[a] = value{k: dynamic, pos: call.Args[len(call.Args)-1].Pos(), expr: call.Args[len(call.Args)-1]}
		case i >= len(call.Args):
		case s.decodeAny:
			k.attrs[a] = w.anyValue(a, call.Args[i])
		default:
			k.attrs[a] = w.attrValue(s.model, a, call.Args[i])
		}
	}
	return k
}

// sameSiteWords are the SameSite strings an interface{} argument may hold,
// read without regard to case; any other string is ignored.
var sameSiteWords = map[string]policy.SameSite{"strict": policy.SameSiteStrict, "none": policy.SameSiteNone, "lax": policy.SameSiteLax}

// fromReceiver gives a cookie the attributes its sink's arguments and
// constants do not, from the configuration of the object the sink is
// called on (a cookie handler built with options).
func (w *walker) fromReceiver(s *sinkModel, k *cookie, recv ast.Expr, st *state) {
	rc := w.cookieOf(recv, st)
	if rc == nil {
		return
	}
	for a := range numAttrs {
		if _, ok := s.args[attr(a)]; ok {
			continue
		}
		if _, ok := s.set[attr(a)]; ok || slices.Contains(s.runtime, attr(a)) || attr(a) == attrValue {
			continue
		}
		k.attrs[a] = rc.attrs[a]
	}
}

// sinkHooks applies a sink's hooks: a function among the optional
// arguments (from the first that carries an attribute other than the name
// and the value; or spread from a slice) may change every attribute but
// the name.
func (w *walker) sinkHooks(s *sinkModel, k *cookie, call *ast.CallExpr) {
	first := len(call.Args)
	for a, i := range s.args {
		if a != attrName && a != attrValue {
			first = min(first, i)
		}
	}
	for i, e := range call.Args {
		if i >= first && (w.isFunc(e) || call.Ellipsis.IsValid() && i == len(call.Args)-1) {
			name := k.attrs[attrName]
			k.havoc()
			k.attrs[attrName] = name
			return
		}
	}
}

// anyValue reads an interface{} argument the way beego's Cookie reads its
// others...: by its dynamic type. A max age is an int, int32 or int64; a
// path, domain or SameSite a string; HttpOnly a bool; Secure a bool, and
// any other non-nil value means true. Anything else is ignored (absent).
func (w *walker) anyValue(a attr, e ast.Expr) value {
	tv, ok := w.info().Types[e]
	if !ok || tv.Type == nil {
		return value{k: dynamic, pos: e.Pos(), expr: e}
	}
	t := tv.Type
	if types.IsInterface(t) {
		return value{k: dynamic, pos: e.Pos(), expr: e}
	}
	if tv.IsNil() {
		return value{k: absent, pos: e.Pos(), expr: e}
	}
	basic := func(kinds ...types.BasicKind) bool {
		for _, k := range kinds {
			if types.Identical(t, types.Typ[k]) {
				return true
			}
		}
		return false
	}
	ignored := value{k: absent, pos: e.Pos(), expr: e}
	switch a {
	case attrMaxAge:
		if !basic(types.Int, types.Int32, types.Int64, types.UntypedInt) {
			return ignored
		}
	case attrPath, attrDomain, attrName, attrValue:
		if !basic(types.String, types.UntypedString) {
			return ignored
		}
	case attrSameSite:
		if !basic(types.String, types.UntypedString) {
			return ignored
		}
		if tv.Value == nil {
			return value{k: dynamic, pos: e.Pos(), expr: e}
		}
		if l, ok := sameSiteWords[strings.ToLower(constant.StringVal(tv.Value))]; ok {
			return value{k: konst, i: int64(l), pos: e.Pos(), expr: e}
		}
		return ignored // browsers ignore any other SameSite value
	case attrSecure:
		if !basic(types.Bool, types.UntypedBool) {
			return value{k: konst, b: true, pos: e.Pos(), expr: e} // any other non-nil value
		}
	case attrHttpOnly:
		if !basic(types.Bool, types.UntypedBool) {
			return ignored
		}
	}
	return w.attrValue(w.c.models.http(), a, e)
}

// argNames names the arguments of a sink's attributes for messages: the
// callee's parameter names, or the attribute's for a variadic one.
func (w *walker) argNames(s *sinkModel, call *ast.CallExpr) map[attr]string {
	if len(s.args) == 0 {
		return nil
	}
	_, fn, ok := calleeKey(w.info(), call)
	if !ok {
		return nil
	}
	sig := fn.Signature()
	out := map[attr]string{}
	for a, i := range s.args {
		name := lowerFirst(a.String())
		if n := sig.Params().Len(); i < n && !(sig.Variadic() && i == n-1) {
			if pn := sig.Params().At(i).Name(); pn != "" && pn != "_" {
				name = pn
			}
		}
		out[a] = name
	}
	return out
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// fromContext gives a cookie the attributes its sink takes from the
// framework context: those set earlier in the function on the same
// receiver, else decided at run time where middleware may set them (gin's
// SameSite; what the package's context options may set).
func (w *walker) fromContext(s *sinkModel, k *cookie, recv ast.Expr, st *state) {
	key := ""
	if recv != nil {
		key = w.writerKey(recv)
	}
	get := func(a attr, opts bool) (value, bool) {
		if key == "" {
			return value{}, false
		}
		v, ok := st.ctx[ctxKey{key, a, opts}]
		return v, ok
	}
	for _, a := range s.fromCtx {
		v, ok := get(a, false)
		if !ok {
			v = value{k: dynamic, pos: k.built}
		}
		k.attrs[a] = v
	}
	if !s.ctxOptions {
		return
	}
	touched := w.c.contextTouched(s)
	for a := range numAttrs {
		if v, ok := get(attr(a), true); ok {
			k.attrs[a] = v
		} else if touched[attr(a)] {
			k.attrs[a] = value{k: dynamic, pos: k.built}
		}
	}
}

// contextTouched lists the attributes that the package's calls of a
// context-options sink for the same receiver type may set: middleware
// that adds cookie options for every later cookie of a request.
func (c *checker) contextTouched(s *sinkModel) map[attr]bool {
	key := typeKey{s.pkg, s.recv}
	if t, ok := c.ctxTouched[key]; ok {
		return t
	}
	touched := map[attr]bool{}
	w := &walker{c: c}
	c.eachCall(func(call *ast.CallExpr, k funcKey) {
		if cs := c.models.sinks[k]; cs != nil && cs.form == formContextOptions && k.pkg == s.pkg && k.recv == s.recv {
			for a := range w.optionValues(&cookie{model: cs.model}, call, cs.options) {
				touched[a] = true
			}
		}
	})
	if c.ctxTouched == nil {
		c.ctxTouched = map[typeKey]map[attr]bool{}
	}
	c.ctxTouched[key] = touched
	return touched
}

// eachCall calls f for every call of a function or method in the
// package's files.
func (c *checker) eachCall(f func(call *ast.CallExpr, key funcKey)) {
	for _, file := range c.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if k, _, ok := calleeKey(c.pass.TypesInfo, call); ok {
					f(call, k)
				}
			}
			return true
		})
	}
}

// applyOptions applies the functional options among a call's arguments
// from first on to a cookie.
func (w *walker) applyOptions(k *cookie, call *ast.CallExpr, first int) {
	if first < len(call.Args) {
		w.applyOptionArgs(k, call.Args[first:], call.Ellipsis.IsValid())
	}
}

// applyOptionArgs applies functional options to a cookie; spread: the
// last is a slice passed with "...". A spread of the function's own
// parameter is left to its callers (the cookie's optionsParam).
func (w *walker) applyOptionArgs(k *cookie, args []ast.Expr, spread bool) {
	if spread && len(args) == 1 {
		if id, ok := ast.Unparen(args[0]).(*ast.Ident); ok {
			if pv, ok := w.info().Uses[id].(*types.Var); ok && w.params[pv] > 0 {
				k.optionsParam = w.params[pv]
				return
			}
		}
	}
	for a, v := range w.optionArgValues(k, args, spread) {
		k.attrs[a] = v
	}
}

// optionValues returns what the functional options among a call's
// arguments from first on set: modeled options set what their model says;
// any other option, or options spread from a slice, may set any
// attribute but the name, which is then decided at run time.
func (w *walker) optionValues(k *cookie, call *ast.CallExpr, first int) map[attr]value {
	if first >= len(call.Args) {
		return nil
	}
	return w.optionArgValues(k, call.Args[first:], call.Ellipsis.IsValid())
}

// optionArgValues returns what functional options set; spread: the last
// is a slice passed with "...".
func (w *walker) optionArgValues(k *cookie, args []ast.Expr, spread bool) map[attr]value {
	out := map[attr]value{}
	anything := func(at ast.Expr) {
		for a := attrSecure; a < numAttrs; a++ {
			if a != attrValue {
				out[a] = value{k: dynamic, pos: at.Pos(), expr: at}
			}
		}
	}
	m := k.model
	if m == nil || len(m.sameSite) == 0 {
		m = w.c.models.http()
	}
	for i, arg := range args {
		if spread && i == len(args)-1 {
			anything(arg)
			break
		}
		if tv, ok := w.info().Types[arg]; ok && tv.IsNil() {
			continue
		}
		o, oc := w.optionOf(arg)
		if o == nil {
			anything(arg)
			continue
		}
		for a, v := range o.set {
			v.pos, v.expr = arg.Pos(), arg
			out[a] = v
		}
		for a, j := range o.args {
			if oc != nil && j < len(oc.Args) && !oc.Ellipsis.IsValid() {
				v := w.attrValue(m, a, oc.Args[j])
				v.option = types.ExprString(oc.Fun)
				out[a] = v
			} else {
				out[a] = value{k: dynamic, pos: arg.Pos(), expr: arg}
			}
		}
		for _, a := range o.runtime {
			out[a] = value{k: dynamic, pos: arg.Pos(), expr: arg}
		}
	}
	return out
}

// optionOf returns the option model an argument is (a call of an option
// constructor, or an option function or variable), and the call.
func (w *walker) optionOf(e ast.Expr) (*optionModel, *ast.CallExpr) {
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		var obj types.Object
		switch f := ast.Unparen(x.Fun).(type) {
		case *ast.Ident:
			obj = w.info().Uses[f]
		case *ast.SelectorExpr:
			obj = w.info().Uses[f.Sel]
		}
		return w.c.models.option(obj), x
	case *ast.Ident:
		return w.c.models.option(w.info().Uses[x]), nil
	case *ast.SelectorExpr:
		return w.c.models.option(w.info().Uses[x.Sel]), nil
	}
	return nil, nil
}

// addSite records a site, with what its sink does to the cookie first,
// what consent checks confirm there, and the function it is in.
func (w *walker) addSite(s *site) {
	if w.cur != nil {
		s.guard = w.cur.guard
	}
	s.fn = w.fn
	normalize(&s.cookie, s.sink.norm)
	w.sites = append(w.sites, s)
}

// normalize applies what a sink does to a cookie before writing it.
func normalize(k *cookie, n normalization) {
	if p := &k.attrs[attrPath]; n.pathDefault != "" && (p.k == absent || p.k == konst && p.s == "") {
		*p = value{k: konst, s: n.pathDefault, pos: p.pos}
	}
	if ss := &k.attrs[attrSameSite]; n.absentSameSite != 0 && ss.k == absent {
		*ss = value{k: konst, i: int64(n.absentSameSite), pos: ss.pos}
	}
	ss, sec, part := k.attrs[attrSameSite], &k.attrs[attrSecure], k.attrs[attrPartitioned]
	if n.noneForcesSecure && ss.k == konst && ss.i == int64(policy.SameSiteNone) || n.partitionedForcesSecure && part.isTrue() {
		*sec = value{k: konst, b: true, pos: sec.pos}
	}
	if so := k.attrs[attrSessionOnly]; so.isTrue() {
		k.attrs[attrMaxAge], k.attrs[attrExpires] = value{}, value{}
	}
	if ma := k.attrs[attrMaxAge]; n.positiveMaxAge && ma.k == konst && ma.i <= 0 {
		k.attrs[attrMaxAge] = value{k: absent, pos: ma.pos, expr: ma.expr}
	}
}

// replace gives a cookie object the attributes of a replacer's argument.
func (w *walker) replace(c *cookie, rp replacer, call *ast.CallExpr, st *state) {
	c.attrs = w.replacement(rp, call, st)
}

// replacement is the attributes a replacer call gives its receiver: those
// of its argument, with the replacer's default name for an empty one.
func (w *walker) replacement(rp replacer, call *ast.CallExpr, st *state) [numAttrs]value {
	var out [numAttrs]value
	base := w.cookieOf(call.Args[rp.arg], st)
	for a := attrName; a < numAttrs; a++ {
		v := value{k: dynamic, pos: call.Pos()}
		if base != nil {
			v = base.attrs[a]
		}
		if a == attrName && (v.k == absent || v.k == konst && v.s == "") {
			v = value{k: konst, s: rp.nameDefault, pos: call.Pos()}
		}
		out[a] = v
	}
	return out
}

func (w *walker) line(p token.Pos) int { return w.c.pass.Fset.Position(p).Line }

// writerKey names the response writer an expression denotes, so that two
// writes can be known to go to the same response: the root variable and
// the selectors after it. It returns "" when it cannot tell.
func (w *walker) writerKey(e ast.Expr) string {
	var path []string
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			obj := w.info().ObjectOf(x)
			if obj == nil {
				return ""
			}
			return obj.Id() + "@" + w.c.pass.Fset.Position(obj.Pos()).String() + strings.Join(path, "")
		case *ast.SelectorExpr:
			path = append([]string{"." + x.Sel.Name}, path...)
			e = x.X
		default:
			return ""
		}
	}
}

// noteReturn joins the cookie a return statement returns into the
// function's result.
func (w *walker) noteReturn(r *ast.ReturnStmt, st *state) {
	var k *cookie
	if len(r.Results) == 0 { // a bare return of named results
		for v := range w.fn.Signature().Results().Variables() {
			if m, _ := w.c.models.modelOf(v.Type()); m != nil {
				if c, ok := st.vars[v]; ok {
					k = c
				} else {
					k = unknownCookie(m, r.Pos())
				}
				break
			}
		}
	} else {
		for _, e := range r.Results {
			if m, _ := w.c.models.modelOf(w.info().TypeOf(e)); m != nil {
				k = w.cookieOf(e, st)
				break
			}
		}
	}
	if k == nil {
		return // return nil, or a call returning several values
	}
	k = k.clone()
	if w.returned == nil {
		w.returned = k
	} else {
		w.returned = mergeCookies(w.returned, k)
	}
}
