package cookielint

import (
	"go/types"
	"maps"
)

// state is what the analysis knows at one point of a function: the cookie
// each local variable holds (pointers to one cookie share it) and the
// Set-Cookie writes that happened on every path to this point.
type state struct {
	vars map[*types.Var]*cookie
	// scalars are the local variables that are not cookies: what is known
	// of their values (values.go).
	scalars map[*types.Var]scalar
	// guard is what consent checks confirm on every path here; conds,
	// what boolean locals hold of checks (consent.go).
	guard guard
	conds map[*types.Var]condGuard
	// lists are the local slices, arrays and maps of cookies whose
	// elements are known (collections.go); elements share cookies with
	// vars as pointers do.
	lists map[*types.Var][]*cookie
	sets  []setRecord
	// ctx holds attributes set on a framework context for its later
	// cookies (gin's SetSameSite), keyed by the context and attribute.
	ctx  map[ctxKey]value
	dead bool // no path reaches this point (after return or panic)
}

type ctxKey struct {
	recv string
	a    attr
	// options: set by a context-options call (iris's AddCookieOptions),
	// for every later cookie of the receiver.
	options bool
}

// setCtx records an attribute set on a framework context.
func (s *state) setCtx(k ctxKey, v value) {
	if s.ctx == nil {
		s.ctx = map[ctxKey]value{}
	}
	s.ctx[k] = v
}

// setRecord is one cookie set on a response writer.
type setRecord struct {
	writer string // identity of the writer expression; "" if unknown
	line   int
}

func newState() *state { return &state{vars: map[*types.Var]*cookie{}} }

// copy returns an independent copy, keeping which variables share a cookie.
func (s *state) copy() *state {
	n := &state{vars: make(map[*types.Var]*cookie, len(s.vars)), dead: s.dead, guard: s.guard}
	if s.conds != nil {
		n.conds = maps.Clone(s.conds)
	}
	if s.scalars != nil {
		n.scalars = maps.Clone(s.scalars)
	}
	n.sets = append(n.sets, s.sets...)
	for k, v := range s.ctx {
		if n.ctx == nil {
			n.ctx = map[ctxKey]value{}
		}
		n.ctx[k] = v
	}
	seen := map[*cookie]*cookie{}
	dup := func(c *cookie) *cookie {
		if d, ok := seen[c]; ok {
			return d
		}
		d := *c
		seen[c] = &d
		return &d
	}
	for v, c := range s.vars {
		n.vars[v] = dup(c)
	}
	if s.lists != nil {
		n.lists = make(map[*types.Var][]*cookie, len(s.lists))
		for v, l := range s.lists {
			nl := make([]*cookie, len(l))
			for i, c := range l {
				nl[i] = dup(c)
			}
			n.lists[v] = nl
		}
	}
	return n
}

// merge returns the state after two paths join: a value both paths agree
// on is kept, anything else is decided at run time; a Set-Cookie write is
// kept only if it happened on both paths.
func merge(a, b *state) *state {
	switch {
	case a.dead:
		return b
	case b.dead:
		return a
	}
	n := newState()
	n.guard = a.guard.meet(b.guard)
	for v, x := range a.conds {
		if y, ok := b.conds[v]; ok && x == y {
			if n.conds == nil {
				n.conds = map[*types.Var]condGuard{}
			}
			n.conds[v] = x
		}
	}
	type pair struct{ x, y *cookie }
	done := map[pair]*cookie{}
	join := func(x, y *cookie) *cookie {
		if c, ok := done[pair{x, y}]; ok {
			return c
		}
		c := mergeCookies(x, y)
		done[pair{x, y}] = c
		return c
	}
	for v, x := range a.vars {
		y, ok := b.vars[v]
		if !ok {
			y = unknownCookie(x.model, x.built)
		}
		n.vars[v] = join(x, y)
	}
	for v, y := range b.vars {
		if _, ok := a.vars[v]; !ok {
			n.vars[v] = join(unknownCookie(y.model, y.built), y)
		}
	}
	for v, x := range a.lists {
		y, ok := b.lists[v]
		if !ok || len(x) != len(y) {
			continue // not known the same on both paths: not followed
		}
		l := make([]*cookie, len(x))
		for i := range x {
			l[i] = join(x[i], y[i])
		}
		if n.lists == nil {
			n.lists = map[*types.Var][]*cookie{}
		}
		n.lists[v] = l
	}
	for v, x := range a.scalars {
		y, ok := b.scalars[v]
		if ok {
			x = joinScalars(x, y)
		} else {
			x = scalar{typ: x.typ} // declared on one path only
		}
		if n.scalars == nil {
			n.scalars = map[*types.Var]scalar{}
		}
		n.scalars[v] = x
	}
	for v, y := range b.scalars {
		if _, ok := a.scalars[v]; !ok {
			if n.scalars == nil {
				n.scalars = map[*types.Var]scalar{}
			}
			n.scalars[v] = scalar{typ: y.typ}
		}
	}
	for k, x := range a.ctx {
		if y, ok := b.ctx[k]; ok && sameValue(x, y) {
			if n.ctx == nil {
				n.ctx = map[ctxKey]value{}
			}
			n.ctx[k] = x
		}
	}
	for _, r := range a.sets {
		for _, q := range b.sets {
			if r == q {
				n.sets = append(n.sets, r)
				break
			}
		}
	}
	return n
}

func mergeCookies(x, y *cookie) *cookie {
	c := *x
	c.hookParam = max(x.hookParam, y.hookParam)
	for i := range c.attrs {
		// A value an element of the caller's variadic argument decides
		// joins the path where there is no such element (variadic.go).
		if v := x.attrs[i]; v.def != nil && sameValue(*v.def, y.attrs[i]) {
			continue
		}
		if v := y.attrs[i]; v.def != nil && sameValue(*v.def, x.attrs[i]) {
			c.attrs[i] = v
			continue
		}
		if !sameValue(x.attrs[i], y.attrs[i]) {
			p := x.attrs[i]
			if p.k != konst {
				p = y.attrs[i]
			}
			c.attrs[i] = value{k: dynamic, pos: p.pos, expr: p.expr}
		}
	}
	return &c
}

// havoc forgets everything known of a cookie: something the analysis
// cannot see may have changed it.
func (c *cookie) havoc() {
	for i := range c.attrs {
		if c.attrs[i].k != dynamic {
			c.attrs[i] = value{k: dynamic, pos: c.attrs[i].pos, expr: c.attrs[i].expr}
		}
	}
}
