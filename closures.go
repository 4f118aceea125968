package cookielint

import (
	"go/ast"
	"go/types"
)

// This file follows cookies into closures. A closure called where it is
// written (func(){...}()), deferred (defer func(){...}()), or held in a
// local variable and called through it (set := func(){...}; set()) is
// walked where it runs, in the state there: it sees the captured cookie as
// it is at the call, and what it changes is seen after it. Any other
// closure (a handler, a goroutine) is walked where it is written, in a copy
// of the state there: a cookie it sets that was built outside it is set
// with that cookie's state; what it changes is decided at run time
// outside it.

// deferredCall is a closure deferred in the function being walked.
type deferredCall struct {
	lit  *ast.FuncLit
	args []ast.Expr
}

// closureInfo is what the walk of a function needs to know of its
// closures, found before the walk.
type closureInfo struct {
	// called are the closures held in local variables that are only ever
	// called (never passed, returned or reassigned), by variable; defs
	// are their literals, not walked where they are written.
	called map[*types.Var]*ast.FuncLit
	defs   map[*ast.FuncLit]bool
	// defers: the function defers a closure, so the states at its exits
	// are collected to walk them there.
	defers bool
}

// closures finds the closures of a function body.
func (w *walker) closures() *closureInfo {
	if w.cl != nil {
		return w.cl
	}
	ci := &closureInfo{called: map[*types.Var]*ast.FuncLit{}, defs: map[*ast.FuncLit]bool{}}
	w.cl = ci
	if w.root == nil {
		return ci
	}
	info := w.info()
	assigned := map[*types.Var]int{}
	lits := map[*types.Var]*ast.FuncLit{}
	callUses := map[*ast.Ident]bool{}
	record := func(id *ast.Ident, r ast.Expr) {
		v, _ := info.ObjectOf(id).(*types.Var)
		if v == nil {
			return
		}
		assigned[v]++
		if fl, ok := ast.Unparen(r).(*ast.FuncLit); ok {
			lits[v] = fl
		}
	}
	ast.Inspect(w.root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.DeferStmt:
			if _, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok {
				ci.defers = true
			}
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
				callUses[id] = true
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok {
					var r ast.Expr
					if len(n.Lhs) == len(n.Rhs) {
						r = n.Rhs[i]
					}
					record(id, r)
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				var r ast.Expr
				if i < len(n.Values) {
					r = n.Values[i]
				}
				record(id, r)
			}
		}
		return true
	})
	if len(lits) == 0 {
		return ci
	}
	// Every use of the variable must be a call. The variables are local,
	// so their uses are all in the body.
	uses := map[*types.Var]int{}
	calls := map[*types.Var]int{}
	ast.Inspect(w.root, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok || lits[v] == nil {
			return true
		}
		uses[v]++
		if callUses[id] {
			calls[v]++
		}
		return true
	})
	for v, fl := range lits {
		if assigned[v] == 1 && uses[v] > 0 && uses[v] == calls[v] {
			ci.called[v] = fl
			ci.defs[fl] = true
		}
	}
	return ci
}

// calledClosure returns the closure a call invokes when it is written at
// the call or held in a variable only ever called.
func (w *walker) calledClosure(call *ast.CallExpr) *ast.FuncLit {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.FuncLit:
		return f
	case *ast.Ident:
		if v, ok := w.info().Uses[f].(*types.Var); ok {
			return w.closures().called[v]
		}
	}
	return nil
}

// inline walks a closure where it runs, in the state there, with its
// parameters bound to the call's arguments. The state after it joins its
// returns and its end.
func (w *walker) inline(fl *ast.FuncLit, args []ast.Expr, st *state) {
	if w.inlining[fl] { // a closure calling itself: what it does is unknown
		w.funcLit(fl, st)
		return
	}
	if w.inlining == nil {
		w.inlining = map[*ast.FuncLit]bool{}
	}
	w.inlining[fl] = true
	defer delete(w.inlining, fl)
	sub := w.sub()
	sub.collectExits = true
	cur := st.copy()
	i := 0
	for _, field := range fl.Type.Params.List {
		for _, name := range field.Names {
			if i < len(args) {
				if pv, ok := w.info().Defs[name].(*types.Var); ok {
					if m, _ := w.c.models.modelOf(pv.Type()); m != nil {
						w.bind(pv, args[i], cur)
					}
					w.setScalar(pv, args[i], cur)
				}
			}
			i++
		}
		if len(field.Names) == 0 {
			i++
		}
	}
	sub.stmt(fl.Body, cur)
	w.sites = append(w.sites, sub.sites...)
	out := cur
	for _, e := range sub.exits {
		out = merge(out, e)
	}
	out.dead = st.dead
	*st = *out
}

// sub is a walker for a closure of the function w walks: it shares its
// parameters (a captured parameter is still the caller's) and what was
// found of its variables.
func (w *walker) sub() *walker {
	return &walker{c: w.c, params: w.params, fn: w.fn, root: w.root, escaped: w.escapes(), cl: w.closures(), inlining: w.inlining}
}

// funcLit walks a closure that runs elsewhere (a handler, a goroutine)
// where it is written, in a copy of the state there. Cookies it may
// change are forgotten outside.
func (w *walker) funcLit(fl *ast.FuncLit, st *state) {
	sub := w.sub()
	sub.fn = nil // it runs where nothing here checks consent first
	start := st.copy()
	start.guard = guard{}
	sub.stmt(fl.Body, start)
	w.sites = append(w.sites, sub.sites...)
	ast.Inspect(fl.Body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, l := range as.Lhs {
				if id := rootIdent(l); id != nil {
					if v := w.localVar(id); v != nil {
						if c, ok := st.vars[v]; ok {
							c.havoc()
						}
					}
				}
			}
		}
		return true
	})
}

// runDeferred walks the function's deferred closures, last first, in the
// state its exits join.
func (w *walker) runDeferred(end *state) {
	if len(w.deferred) == 0 {
		return
	}
	st := end
	for _, e := range w.exits {
		st = merge(st, e)
	}
	st.dead = false
	for i := len(w.deferred) - 1; i >= 0; i-- {
		d := w.deferred[i]
		w.inline(d.lit, d.args, st)
	}
}
