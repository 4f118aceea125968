package cookielint

import (
	"fmt"
	"go/types"

	"github.com/cookielint/cookielint/policy"
)

// This file turns the library parts of models (objects, libraries, and
// what a framework's file says of its contexts, complete packages and
// special variables) into the registry's rows. References between rows,
// within a file or across files (gin-contrib's store takes gorilla's
// defaults; a session's Options are an object of their own), are resolved
// once every file is added (link), each error with its file:line:col.

// cookieModelOf builds the model of a cookie type or an object's common
// part.
func (r *models) cookieModelOf(ct *policy.CookieType, declared string) *cookieModel {
	m := &cookieModel{pkg: ct.Pkg, name: ct.Name, fields: map[string]attr{}, setters: map[string]attr{},
		fresh: map[string]bool{}, pure: map[string]bool{}, sameSite: map[string]policy.SameSite{},
		sameSiteSpelling: ct.Spelling, version: ct.Version, declared: declared}
	for f, a := range ct.Fields {
		m.fields[f] = attrByName[a]
	}
	for f, a := range ct.Setters {
		m.setters[f] = attrByName[a]
	}
	for _, f := range ct.Fresh {
		m.fresh[f] = true
		r.fresh[funcKey{pkg: ct.Pkg, fn: f}] = m
	}
	for _, f := range ct.Pure {
		m.pure[f] = true
	}
	for k, lvl := range ct.SameSite {
		if k == "*" {
			m.sameSiteOther = level(lvl)
			continue
		}
		m.sameSite[k] = lvl
	}
	if len(ct.SameSite) == 0 && r.http() != nil {
		m.sameSite = r.http().sameSite // http.SameSite values, the usual type
	}
	return m
}

// extraByName maps the names of extras to their pseudo-attributes.
var extraByName = map[string]attr{"enabled": attrEnabled, "lookup": attrLookup, "aux": attrAux}

// attrOrExtra maps an attribute's or an extra's name.
func attrOrExtra(name string) attr {
	if a, ok := extraByName[name]; ok {
		return a
	}
	return attrByName[name]
}

// constValues converts a model's constants (attributes and extras).
func constValues(cs map[string]policy.Const) map[attr]value {
	out := map[attr]value{}
	for name, c := range cs {
		a := attrOrExtra(name)
		switch a {
		case attrLookup:
			out[a] = value{k: konst, s: c.Str}
		case attrEnabled, attrAux:
			out[a] = value{k: konst, b: c.Bool}
		default:
			out[a] = constValue(a, c)
		}
	}
	return out
}

func attrSet(names []string) map[attr]bool {
	if len(names) == 0 {
		return nil
	}
	out := map[attr]bool{}
	for _, n := range names {
		out[attrOrExtra(n)] = true
	}
	return out
}

// addObjects adds a file's objects: configuration types followed like
// cookies, never set themselves.
func (r *models) addObjects(spec *policy.Models, declared func(policy.Position) string) {
	for _, o := range spec.Objects {
		m := r.cookieModelOf(&o.CookieType, declared(o.Pos))
		m.holder = true
		for f, a := range o.Durations {
			if m.durations == nil {
				m.durations = map[string]attr{}
			}
			m.durations[f] = attrByName[a]
		}
		for f, a := range o.Inverted {
			if m.inverted == nil {
				m.inverted = map[string]attr{}
			}
			m.inverted[f] = attrOrExtra(a)
		}
		for f, x := range o.Extras {
			if m.extras == nil {
				m.extras = map[string]attr{}
			}
			m.extras[f] = extraByName[x]
		}
		for meth, rp := range o.Replacers {
			if m.replacers == nil {
				m.replacers = map[string]replacer{}
			}
			m.replacers[meth] = replacer{arg: rp.Arg, nameDefault: rp.DefaultName}
		}
		if len(o.OptionMethods) > 0 {
			m.optionMethods = o.OptionMethods
		}
		if len(o.Vars) > 0 {
			vars := map[string]map[attr]value{}
			for name, cs := range o.Vars {
				vars[name] = constValues(cs)
			}
			m.fallback = libraryVar(vars)
		}
		r.types[typeKey{m.pkg, m.name}] = m
		r.byName[m.pkg+"."+m.name] = m // summaries name them: a session a helper returns or saves
		r.pkgs[m.pkg] = true
		subs, derive, at := o.Subs, o.Derive, where(spec, o.Pos)
		r.pending = append(r.pending, func() error {
			for f, t := range subs {
				sub := r.byName[t]
				if sub == nil {
					return fmt.Errorf("%s: object %s.%s: subs: %s is not a cookie type or object of the models", at, m.pkg, m.name, t)
				}
				if m.subs == nil {
					m.subs = map[string]*cookieModel{}
				}
				m.subs[f] = sub
			}
			for meth, d := range derive {
				to := r.byName[d.Returns]
				if to == nil {
					return fmt.Errorf("%s: object %s.%s: derive: %s is not an object of the models", at, m.pkg, m.name, d.Returns)
				}
				r.derivations = append(r.derivations, derivation{from: m, method: meth, nameArg: d.Name, to: to})
			}
			return nil
		})
	}
}

// addLibraries adds a file's libraries.
func (r *models) addLibraries(spec *policy.Models, declared func(policy.Position) string) {
	for _, pl := range spec.Libraries {
		at := where(spec, pl.Pos)
		l := &libraryModel{pkg: pl.Func.Pkg, recv: pl.Func.Recv, fn: pl.Func.Name, site: pl.Site, via: pl.Via,
			version: pl.Version, hint: pl.Hint, spelling: pl.Spelling, configArg: -1, namesArg: -1,
			defaults: constValues(pl.Defaults), zeroDefault: attrSet(pl.ZeroDefault),
			nonPositiveDefault: attrSet(pl.NonPositiveDefault), lookup: pl.Lookup, auxDisables: pl.AuxDisables,
			hook: pl.Hook, declared: declared(pl.Pos),
			norm: normalization{pathDefault: pl.Normalize.Path, absentSameSite: pl.Normalize.SameSite,
				noneForcesSecure: pl.Normalize.NoneForcesSecure, partitionedForcesSecure: pl.Normalize.PartitionedForcesSecure,
				positiveMaxAge: pl.Normalize.PositiveMaxAge}}
		if len(pl.Fixed) > 0 {
			l.fixed = constValues(pl.Fixed)
		}
		for a, i := range pl.Args {
			if l.args == nil {
				l.args = map[attr]int{}
			}
			l.args[attrByName[a]] = i
		}
		l.zeroRuntime = attrSet(pl.ZeroRuntime)
		if len(pl.Unconfigured) > 0 {
			l.unconfigured = constValues(pl.Unconfigured)
		}
		if pl.NamesArg != nil {
			l.namesArg = *pl.NamesArg
		}
		if pl.Config != nil {
			l.configArg = pl.Config.Arg
		}
		for name, o := range pl.Options {
			if l.options == nil {
				l.options = map[string]option{}
			}
			opt := option{attr: attrOrExtra(o.Attr), negative: o.Negative, zero: o.Zero}
			if o.Value != nil {
				v := constValues(map[string]policy.Const{o.Attr: *o.Value})[opt.attr]
				opt.value = &v
			}
			l.options[name] = opt
		}
		for _, a := range pl.Also {
			l.also = append(l.also, alsoCookie{name: a.Name, set: constValues(a.Set), readByScripts: a.ReadByScripts})
		}
		if e := pl.Extractor; e != nil {
			l.extractor = &extractorModel{pkg: e.Package, cookie: e.Cookie, chain: e.Chain}
		}
		if len(pl.Versions) > 0 {
			vd := &versioned{module: spec.Module, pkg: l.pkg, obj: l.fn, name: l.via}
			if l.recv != "" {
				vd.obj = l.recv
			}
			for _, v := range pl.Versions {
				vd.ranges = append(vd.ranges, versionRange{from: v.From, to: v.To, defaults: constValues(v.Defaults)})
			}
			l.versions = vd
		}
		for _, reg := range pl.RegisteredBy {
			l.registrations = append(l.registrations, registration{fn: reg.Func.Name, arg: reg.Arg, field: reg.Field})
		}
		r.libraries[funcKey{l.pkg, l.recv, l.fn}] = l
		r.pkgs[l.pkg] = true
		pl := pl
		r.pending = append(r.pending, func() error {
			lookup := func(what, name string) (*cookieModel, error) {
				if name == "" {
					return nil, nil
				}
				m := r.byName[name]
				if m == nil {
					return nil, fmt.Errorf("%s: library %s: %s: %s is not a cookie type or object of the models", at, pl.Func, what, name)
				}
				return m, nil
			}
			var err error
			if l.holder, err = lookup("returns", pl.Returns); err != nil {
				return err
			}
			if pl.Config != nil {
				if l.config, err = lookup("config", pl.Config.Type); err != nil {
					return err
				}
			}
			if l.hintModel, err = lookup("hintType", pl.HintType); err != nil {
				return err
			}
			if d := pl.DefaultsOf; d != nil {
				other := r.libraries[funcKey{d.Pkg, d.Recv, d.Name}]
				if other == nil || other.versions == nil {
					return fmt.Errorf("%s: library %s: defaultsOf: %s is not a library of the models with versions", at, pl.Func, d)
				}
				l.versions = other.versions
			}
			if sv := pl.StoreVar; sv != nil {
				def := r.libraries[funcKey{sv.Default.Pkg, sv.Default.Recv, sv.Default.Name}]
				if def == nil {
					return fmt.Errorf("%s: library %s: storeVar: default %s is not a library of the models", at, pl.Func, sv.Default)
				}
				l.storeVar = &storeVarModel{name: sv.Name, def: def, set: constValues(sv.Set)}
			}
			if len(l.registrations) > 0 {
				if l.holder == nil {
					return fmt.Errorf("%s: library %s: registeredBy needs returns (the object the call returns)", at, pl.Func)
				}
				l.derived = true
			}
			return nil
		})
	}
}

// addFramework adds what a file says of its framework beyond its rows:
// the types that hold a request, the complete packages and their
// run-time cookie constructors, the variables holding a past time, the
// calls returning a request's cookie.
func (r *models) addFramework(spec *policy.Models) {
	for _, c := range spec.Contexts {
		r.contexts[typeKey{c.Pkg, c.Name}] = true
	}
	for _, p := range spec.Complete {
		if _, ok := r.complete[p]; !ok {
			r.complete[p] = nil
		}
	}
	for _, f := range spec.RuntimeCookies {
		r.complete[f.Pkg] = append(r.complete[f.Pkg], f.Name)
	}
	for _, f := range spec.PastTimes {
		r.pastTimes[typeKey{f.Pkg, f.Name}] = true
	}
	for _, f := range spec.RequestCookies {
		r.requestCookies[funcKey{f.Pkg, f.Recv, f.Name}] = true
	}
}

// link resolves the references the files added make to rows of any file.
func (r *models) link(...*policy.Models) error {
	pending := r.pending
	r.pending = nil
	for _, f := range pending {
		if err := f(); err != nil {
			return err
		}
	}
	return nil
}

// splitType splits package/path.Name.
func splitType(s string) (pkg, name string) {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			return s[:i], s[i+1:]
		}
	}
	return "", s
}

// checkLibraries checks a file's objects, libraries and framework facts
// against the packages they name that are among scopes, as checkSpec
// does the rest: each type, field, method, function, option and variable
// must exist, and each argument index must be one the function takes.
func checkLibraries(spec *policy.Models, scopes map[string]*types.Package) []string {
	var errs []string
	bad := func(p policy.Position, format string, args ...any) {
		errs = append(errs, where(spec, p)+": "+fmt.Sprintf(format, args...))
	}
	typeOf := func(name string) (*types.TypeName, *types.Package, bool) {
		pkg, n := splitType(name)
		p := scopes[pkg]
		if p == nil {
			return nil, nil, false
		}
		tn, _ := p.Scope().Lookup(n).(*types.TypeName)
		return tn, p, true
	}
	for _, o := range spec.Objects {
		tn, p, ok := typeOf(o.Pkg + "." + o.Name)
		if !ok {
			continue
		}
		if tn == nil {
			bad(o.Pos, "models: object %s.%s: package %s has no type %s", o.Pkg, o.Name, o.Pkg, o.Name)
			continue
		}
		st, _ := tn.Type().Underlying().(*types.Struct)
		var fields, methods []string
		for _, m := range []map[string]string{o.Fields, o.Subs, o.Durations, o.Inverted, o.Extras} {
			for f := range m {
				fields = append(fields, f)
			}
		}
		for f := range o.Setters {
			methods = append(methods, f)
		}
		for f := range o.Replacers {
			methods = append(methods, f)
		}
		for f := range o.OptionMethods {
			methods = append(methods, f)
		}
		for f := range o.Derive {
			methods = append(methods, f)
		}
		methods = append(methods, o.Pure...)
		for _, f := range fields {
			if !hasField(st, f) {
				bad(o.Pos, "models: object %s.%s has no field %s", o.Pkg, o.Name, f)
			}
		}
		for _, m := range methods {
			recv := types.Type(types.NewPointer(tn.Type()))
			if types.IsInterface(tn.Type()) {
				recv = tn.Type()
			}
			if obj, _, _ := types.LookupFieldOrMethod(recv, true, p, m); obj == nil {
				bad(o.Pos, "models: object %s.%s has no method %s", o.Pkg, o.Name, m)
			}
		}
		for v := range o.Vars {
			if _, ok := p.Scope().Lookup(v).(*types.Var); !ok {
				bad(o.Pos, "models: object %s.%s: package %s has no variable %s", o.Pkg, o.Name, o.Pkg, v)
			}
		}
	}
	for _, l := range spec.Libraries {
		p := scopes[l.Func.Pkg]
		if p == nil {
			continue
		}
		var sig *types.Signature
		if v, ok := p.Scope().Lookup(l.Func.Name).(*types.Var); ok && l.Func.Recv == "" {
			sig, _ = v.Type().Underlying().(*types.Signature) // gothic's CompleteUserAuth: a variable
		}
		if sig == nil {
			var msg string
			if sig, msg = lookupFunc(p, l.Func); sig == nil {
				bad(l.Func.Pos, "models: library %s: %s", l.Func, msg)
				continue
			}
		}
		n := sig.Params().Len()
		args := map[string]int{}
		for a, i := range l.Args {
			args[a] = i
		}
		if l.NamesArg != nil {
			args["namesArg"] = *l.NamesArg
		}
		if l.Config != nil && l.Config.Arg >= 0 {
			args["config"] = l.Config.Arg
		}
		for what, i := range args {
			if i >= n && !sig.Variadic() {
				bad(l.Pos, "models: library %s: %s is argument %d, but it takes %d", l.Func, what, i, n)
			}
		}
		for name := range l.Options {
			if _, ok := p.Scope().Lookup(name).(*types.Func); !ok {
				bad(l.Pos, "models: library %s: option %s is not a function of %s", l.Func, name, l.Func.Pkg)
			}
		}
		for _, r := range l.RegisteredBy {
			if q := scopes[r.Func.Pkg]; q != nil {
				if s, msg := lookupFunc(q, r.Func); s == nil {
					bad(r.Func.Pos, "models: library %s: registeredBy %s: %s", l.Func, r.Func, msg)
				}
			}
		}
		if sv := l.StoreVar; sv != nil {
			if _, ok := p.Scope().Lookup(sv.Name).(*types.Var); !ok {
				bad(l.Pos, "models: library %s: storeVar: package %s has no variable %s", l.Func, l.Func.Pkg, sv.Name)
			}
		}
		if e := l.Extractor; e != nil {
			if q := scopes[e.Package]; q != nil {
				for _, f := range []string{e.Cookie, e.Chain} {
					if _, ok := q.Scope().Lookup(f).(*types.Func); f != "" && !ok {
						bad(l.Pos, "models: library %s: extractor: %s has no function %s", l.Func, e.Package, f)
					}
				}
			}
		}
	}
	for _, c := range spec.Contexts {
		if tn, _, ok := typeOf(c.Pkg + "." + c.Name); ok && tn == nil {
			bad(c.Pos, "models: contexts: package %s has no type %s", c.Pkg, c.Name)
		}
	}
	for _, list := range [][]policy.FuncRef{spec.RuntimeCookies, spec.RequestCookies} {
		for _, f := range list {
			if p := scopes[f.Pkg]; p != nil {
				if sig, msg := lookupFunc(p, f); sig == nil {
					bad(f.Pos, "models: %s: %s", f, msg)
				}
			}
		}
	}
	for _, f := range spec.PastTimes {
		if p := scopes[f.Pkg]; p != nil {
			if _, ok := p.Scope().Lookup(f.Name).(*types.Var); !ok {
				bad(f.Pos, "models: pastTimes: package %s has no variable %s", f.Pkg, f.Name)
			}
		}
	}
	return errs
}
