package policy

import (
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// This file reads the parts of models that describe libraries which set
// cookies by themselves (session and CSRF middleware): their
// configuration objects, their constructors and middleware with defaults
// per version, and what else a framework's models say of it (its request
// contexts, its variables holding a time in the past). A policy's models:
// section and cookielint's built-in models files (models/*.yaml) are read
// by the same code.

// Object is a library's configuration type (a store, a manager, a
// configuration struct, a session): followed like a cookie, never set
// itself. Its attributes are in fields and setters, as a cookie type's,
// and in:
type Object struct {
	CookieType
	// Subs are fields that hold attributes in a struct of their own
	// (a gorilla session's Options): x.Sub.F is x's attribute.
	Subs map[string]string // field -> object or cookie type
	// Durations are time.Duration fields that set an attribute in seconds.
	Durations map[string]string
	// Inverted are boolean fields that set an attribute's opposite
	// (scs's Persist: false means a session cookie).
	Inverted map[string]string
	// Extras are fields that are not attributes but decide what the
	// library sends: enabled (whether it sets its cookie at all), lookup
	// (where it looks the cookie up), aux (a library-specific switch).
	Extras map[string]string
	// Replacers are methods that replace every attribute with those of a
	// cookie or an options struct given as an argument.
	Replacers map[string]Replacer
	// OptionMethods are methods whose arguments from the given one on are
	// functional options that configure the object.
	OptionMethods map[string]int
	// Derive are methods that return another object, named by an
	// argument (a store's Get(r, name) returns a session).
	Derive map[string]Derive
	// Vars are the library's own package variables of this type, with
	// their values (echo's DefaultCSRFConfig).
	Vars map[string]map[string]Const
}

// Replacer is a method that replaces the object's attributes with its
// argument's; an empty name then means DefaultName.
type Replacer struct {
	Arg         int
	DefaultName string
}

// Derive is a method returning the object Returns, named by argument Name.
type Derive struct {
	Name    int
	Returns string
}

// Library is a constructor, a middleware or a configuration method of a
// library that sets a cookie by itself, or that returns an object that
// does (a store).
type Library struct {
	Func FuncRef
	Pos  Position
	// Returns is the object the call returns, followed like a cookie.
	Returns string
	// Site: the library sets the cookie by itself, so the call is where
	// the user configures it and where findings are reported.
	Site bool
	// Config is the configuration struct argument.
	Config *ConfigArg
	// Args: the argument that names the cookie ({name: 0}).
	Args map[string]int
	// NamesArg: one cookie for each element of this literal slice
	// argument, each named by it.
	NamesArg *int
	// Defaults are the attributes of a cookie the configuration leaves
	// alone; Versions, those of a version range of the file's module,
	// instead; DefaultsOf, another library's (by its versions).
	Defaults   map[string]Const
	Versions   []VersionDefaults
	DefaultsOf *FuncRef
	// ZeroDefault lists attributes whose zero value in the configuration
	// means the default; NonPositiveDefault, those whose zero or negative
	// value does.
	ZeroDefault        []string
	NonPositiveDefault []string
	// ZeroRuntime lists attributes whose zero value in the configuration
	// the library reads at run time (from a file); Unconfigured, defaults
	// that apply only when the configuration sets no attribute at all.
	ZeroRuntime  []string
	Unconfigured map[string]Const
	// Fixed are set whatever the configuration says.
	Fixed map[string]Const
	// Options are functional options among the arguments: functions of
	// the library's package, by name, each setting one attribute from its
	// argument.
	Options   map[string]LibraryOption
	Normalize Normalize
	// Also are more cookies the library sets beside the configured one.
	Also []AlsoCookie
	// Lookup reads the lookup extra ("SOURCE:NAME"): for each source,
	// "name" (the cookie is named NAME) or "none" (no cookie).
	Lookup map[string]string
	// Extractor reads the lookup extra as calls of an extractors package:
	// a cookie for each call of Cookie, through Chain.
	Extractor *Extractor
	// AuxDisables: a non-zero aux extra (a store given in the
	// configuration) sets the cookies instead, where that was built.
	AuxDisables bool
	// StoreVar: the cookie is the session cookie of a package variable
	// of the library holding a store.
	StoreVar *StoreVar
	// RegisteredBy: the call returns a session of the store the package
	// registers with these calls.
	RegisteredBy []Registration
	// Hook names behaviour written in Go (see docs/frameworks.md).
	Hook     string
	Via      string
	Version  string
	Hint     string // how to set an attribute: %[1]s the field, %[2]s the value
	HintType string // the configuration type the hint's fields are in
	Spelling map[SameSite]string
}

// ConfigArg is the argument holding a library's configuration struct.
type ConfigArg struct {
	Arg  int // -1: the receiver
	Type string
}

// VersionDefaults are a library's defaults from one version of its
// module to another, both checked.
type VersionDefaults struct {
	From, To string
	Defaults map[string]Const
}

// LibraryOption is a functional option of a library: the attribute its
// argument sets, and what a negative or zero argument means instead
// ("default": the library's default; "absent": no such attribute).
type LibraryOption struct {
	Attr           string
	Negative, Zero string
	// Value: the option takes no argument and sets this constant.
	Value *Const
}

// AlsoCookie is another cookie a library sets: the configured one with
// its name from the lookup extra, Set applied, and read by scripts.
type AlsoCookie struct {
	Name          string // a constant name
	NameFrom      string // or "lookup"
	Set           map[string]Const
	ReadByScripts bool
}

// Extractor names an extractors package's functions.
type Extractor struct {
	Package, Cookie, Chain string
}

// StoreVar is a library's package variable holding the store whose
// session cookie it sets: the store the program assigns to it, else one
// built by Default (with Set applied).
type StoreVar struct {
	Name    string
	Default FuncRef
	Set     map[string]Const
}

// Registration is a call that registers a store: its argument, or the
// field of its configuration struct argument.
type Registration struct {
	Func  FuncRef
	Arg   int
	Field string
}

// Extras are the pseudo-attributes an object's extras and a library's
// defaults may name.
var Extras = []string{"enabled", "lookup", "aux"}

var (
	objectFields = []string{"type", "fields", "setters", "pure", "sameSite", "spelling", "version",
		"subs", "durations", "inverted", "extras", "replacers", "optionMethods", "derive", "vars"}
	libraryFields = []string{"func", "returns", "site", "config", "args", "namesArg", "defaults", "versions", "defaultsOf",
		"zeroDefault", "nonPositiveDefault", "zeroRuntime", "unconfigured", "fixed", "options", "normalize", "also", "lookup", "extractor", "auxDisables",
		"storeVar", "registeredBy", "hook", "via", "version", "hint", "hintType", "spelling"}
)

// Hooks are the behaviours written in Go that a library may name.
var Hooks = []string{"iris-sessions"}

func (d *decoder) object(n ast.Node) *Object {
	fields, ok := d.mapping(n, "models: object", objectFields)
	if !ok {
		return nil
	}
	before := len(d.errs)
	o := &Object{CookieType: CookieType{Pos: d.position(n)}}
	hasType := false
	for _, f := range fields {
		what := "object: " + f.key
		switch f.key {
		case "type":
			hasType = true
			if s, ok := d.str(f.value, what); ok {
				pkg, name, err := splitQualified(s)
				if err != nil {
					d.errorf(f.value, "object: %v", err)
					continue
				}
				o.Pkg, o.Name = pkg, name
			}
		case "subs":
			o.Subs = map[string]string{}
			for _, kv := range d.stringMap(f.value, what) {
				if _, _, err := splitQualified(kv.val); err != nil || !isGoName(kv.key) {
					d.errorf(kv.node, "%s: %s: want a field and a type (Options: package/path.Options)", what, kv.key)
					continue
				}
				o.Subs[kv.key] = kv.val
			}
		case "durations":
			o.Durations = d.attrMap(f.value, what, true)
		case "inverted":
			o.Inverted = map[string]string{}
			for _, kv := range d.stringMap(f.value, what) {
				if !isGoName(kv.key) || !isAttribute(kv.val) && !slices.Contains(Extras, kv.val) {
					d.errorf(kv.node, "%s: %s: unknown attribute %q", what, kv.key, kv.val)
					continue
				}
				o.Inverted[kv.key] = kv.val
			}
		case "extras":
			o.Extras = map[string]string{}
			for _, kv := range d.stringMap(f.value, what) {
				if !isGoName(kv.key) || !slices.Contains(Extras, kv.val) {
					d.errorf(kv.node, "%s: %s: %q is not an extra (%s)", what, kv.key, kv.val, strings.Join(Extras, ", "))
					continue
				}
				o.Extras[kv.key] = kv.val
			}
		case "replacers":
			o.Replacers = map[string]Replacer{}
			for _, kv := range d.submaps(f.value, what) {
				r := Replacer{}
				for _, g := range d.fieldsOf(kv.value, what+": "+kv.key, []string{"arg", "defaultName"}) {
					switch g.key {
					case "arg":
						if i := d.index(g.value, what+": arg"); i != nil {
							r.Arg = *i
						}
					case "defaultName":
						r.DefaultName, _ = d.str(g.value, what+": defaultName")
					}
				}
				o.Replacers[kv.key] = r
			}
		case "optionMethods":
			o.OptionMethods = map[string]int{}
			for _, kv := range d.stringMap(f.value, what) {
				i, err := strconv.Atoi(kv.val)
				if err != nil || i < 0 || !isGoName(kv.key) {
					d.errorf(kv.node, "%s: %s: want a method and an argument index", what, kv.key)
					continue
				}
				o.OptionMethods[kv.key] = i
			}
		case "derive":
			o.Derive = map[string]Derive{}
			for _, kv := range d.submaps(f.value, what) {
				var dv Derive
				for _, g := range d.fieldsOf(kv.value, what+": "+kv.key, []string{"name", "returns"}) {
					switch g.key {
					case "name":
						if i := d.index(g.value, what+": name"); i != nil {
							dv.Name = *i
						}
					case "returns":
						dv.Returns = d.typeName(g.value, what+": returns")
					}
				}
				o.Derive[kv.key] = dv
			}
		case "vars":
			o.Vars = map[string]map[string]Const{}
			for _, kv := range d.submaps(f.value, what) {
				o.Vars[kv.key] = d.libConstants(kv.value, what+": "+kv.key)
			}
		default:
			d.cookieTypeField(&o.CookieType, f)
		}
	}
	if !hasType {
		d.errorf(n, "models: an object needs \"type: package/path.Name\"")
	}
	if len(d.errs) > before {
		return nil
	}
	return o
}

func (d *decoder) library(n ast.Node) *Library {
	fields, ok := d.mapping(n, "models: library", libraryFields)
	if !ok {
		return nil
	}
	before := len(d.errs)
	l := &Library{Pos: d.position(n)}
	hasFunc := false
	for _, f := range fields {
		what := "library: " + f.key
		switch f.key {
		case "func":
			hasFunc = true
			l.Func, _ = d.funcRef(f.value, "library")
		case "returns":
			l.Returns = d.typeName(f.value, what)
		case "site":
			if b, ok := d.boolean(f.value, what); ok {
				l.Site = *b
			}
		case "config":
			c := &ConfigArg{}
			for _, g := range d.fieldsOf(f.value, what, []string{"arg", "type"}) {
				switch g.key {
				case "arg":
					if s, ok := unwrap(g.value).(*ast.StringNode); ok && s.Value == "receiver" {
						c.Arg = -1
					} else if i := d.index(g.value, what+`: arg (an argument index, or "receiver")`); i != nil {
						c.Arg = *i
					}
				case "type":
					c.Type = d.typeName(g.value, what+": type")
				}
			}
			if c.Type == "" {
				d.errorf(f.value, "%s: needs type", what)
			}
			l.Config = c
		case "args":
			l.Args = d.attrIndexes(f.value, what)
		case "namesArg":
			l.NamesArg = d.index(f.value, what)
		case "defaults":
			l.Defaults = d.libConstants(f.value, what)
		case "versions":
			for _, item := range d.list(f.value, what) {
				var v VersionDefaults
				for _, g := range d.fieldsOf(item, what, []string{"from", "to", "defaults"}) {
					switch g.key {
					case "from", "to":
						s, ok := d.str(g.value, what+": "+g.key)
						if ok && !isVersion(s) {
							d.errorf(g.value, "%s: %s: %q is not a version (v1.2.3)", what, g.key, s)
						}
						if g.key == "from" {
							v.From = s
						} else {
							v.To = s
						}
					case "defaults":
						v.Defaults = d.libConstants(g.value, what+": defaults")
					}
				}
				if v.From == "" || v.To == "" {
					d.errorf(item, "%s: each range needs from and to", what)
				}
				l.Versions = append(l.Versions, v)
			}
		case "defaultsOf":
			if r, ok := d.funcRef(f.value, what); ok {
				l.DefaultsOf = &r
			}
		case "zeroDefault":
			l.ZeroDefault = d.libAttrList(f.value, what)
		case "nonPositiveDefault":
			l.NonPositiveDefault = d.libAttrList(f.value, what)
		case "zeroRuntime":
			l.ZeroRuntime = d.libAttrList(f.value, what)
		case "unconfigured":
			l.Unconfigured = d.libConstants(f.value, what)
		case "fixed":
			l.Fixed = d.libConstants(f.value, what)
		case "options":
			l.Options = map[string]LibraryOption{}
			values, _ := mappingValues(f.value)
			if _, ok := mappingValues(f.value); !ok {
				d.errorf(f.value, "%s must be a mapping, not %s", what, kind(f.value))
			}
			for _, mv := range values {
				name, ok := d.scalar(mv.Key)
				if !ok || !isGoName(name) {
					d.errorf(mv.Key, "%s: keys are the option functions' names", what)
					continue
				}
				var o LibraryOption
				var value ast.Node
				if s, ok := unwrap(mv.Value).(*ast.StringNode); ok {
					o.Attr = s.Value
				} else {
					for _, g := range d.fieldsOf(mv.Value, what+": "+name, []string{"attr", "negative", "zero", "value"}) {
						if g.key == "value" {
							value = g.value
							continue
						}
						s, _ := d.str(g.value, what+": "+name+": "+g.key)
						switch g.key {
						case "attr":
							o.Attr = s
						case "negative", "zero":
							if s != "default" && s != "absent" {
								d.errorf(g.value, "%s: %s: %s: %q is not default or absent", what, name, g.key, s)
							}
							if g.key == "negative" {
								o.Negative = s
							} else {
								o.Zero = s
							}
						}
					}
				}
				if !isAttribute(o.Attr) && !slices.Contains(Extras, o.Attr) {
					d.errorf(mv.Value, "%s: %s: unknown attribute %q", what, name, o.Attr)
					continue
				}
				if value != nil {
					v, ok := d.scalar(value)
					if !ok {
						d.errorf(value, "%s: %s: value must be a constant", what, name)
						continue
					}
					c, ok := d.constantPairs([]kvPair{{key: o.Attr, val: v, keyNode: value, node: value}}, what+": "+name)[o.Attr]
					if ok {
						o.Value = &c
					}
				}
				l.Options[name] = o
			}
		case "normalize":
			l.Normalize = d.normalize(f.value)
		case "also":
			for _, item := range d.list(f.value, what) {
				var a AlsoCookie
				for _, g := range d.fieldsOf(item, what, []string{"name", "nameFrom", "set", "readByScripts"}) {
					switch g.key {
					case "name":
						a.Name, _ = d.str(g.value, what+": name")
					case "nameFrom":
						a.NameFrom, _ = d.str(g.value, what+": nameFrom")
						if a.NameFrom != "lookup" {
							d.errorf(g.value, "%s: nameFrom: %q is not an extra holding a name (lookup)", what, a.NameFrom)
						}
					case "set":
						a.Set = d.constants(g.value, what+": set")
					case "readByScripts":
						if b, ok := d.boolean(g.value, what+": readByScripts"); ok {
							a.ReadByScripts = *b
						}
					}
				}
				l.Also = append(l.Also, a)
			}
		case "lookup":
			l.Lookup = map[string]string{}
			for _, kv := range d.stringMap(f.value, what) {
				if kv.val != "name" && kv.val != "none" {
					d.errorf(kv.node, "%s: %s: %q is not name or none", what, kv.key, kv.val)
					continue
				}
				l.Lookup[kv.key] = kv.val
			}
		case "extractor":
			e := &Extractor{}
			for _, g := range d.fieldsOf(f.value, what, []string{"package", "cookie", "chain"}) {
				s, _ := d.str(g.value, what+": "+g.key)
				switch g.key {
				case "package":
					e.Package = s
				case "cookie":
					e.Cookie = s
				case "chain":
					e.Chain = s
				}
			}
			if e.Package == "" || e.Cookie == "" {
				d.errorf(f.value, "%s: needs package and cookie", what)
			}
			l.Extractor = e
		case "auxDisables":
			if b, ok := d.boolean(f.value, what); ok {
				l.AuxDisables = *b
			}
		case "storeVar":
			sv := &StoreVar{}
			for _, g := range d.fieldsOf(f.value, what, []string{"name", "default", "set"}) {
				switch g.key {
				case "name":
					sv.Name, _ = d.str(g.value, what+": name")
				case "default":
					sv.Default, _ = d.funcRef(g.value, what+": default")
				case "set":
					sv.Set = d.constants(g.value, what+": set")
				}
			}
			if !isGoName(sv.Name) || sv.Default.Name == "" {
				d.errorf(f.value, "%s: needs name (a variable of the library) and default (the library that builds its default)", what)
			}
			l.StoreVar = sv
		case "registeredBy":
			for _, item := range d.list(f.value, what) {
				var r Registration
				for _, g := range d.fieldsOf(item, what, []string{"func", "arg", "field"}) {
					switch g.key {
					case "func":
						r.Func, _ = d.funcRef(g.value, what)
					case "arg":
						if i := d.index(g.value, what+": arg"); i != nil {
							r.Arg = *i
						}
					case "field":
						r.Field, _ = d.str(g.value, what+": field")
					}
				}
				l.RegisteredBy = append(l.RegisteredBy, r)
			}
		case "hook":
			if s, ok := d.str(f.value, what); ok {
				if !slices.Contains(Hooks, s) {
					d.errorf(f.value, "%s: %q is not a hook (known: %s)", what, s, strings.Join(Hooks, ", "))
				}
				l.Hook = s
			}
		case "via":
			l.Via, _ = d.str(f.value, what)
		case "version":
			l.Version, _ = d.str(f.value, what)
		case "hint":
			l.Hint, _ = d.str(f.value, what)
		case "hintType":
			l.HintType = d.typeName(f.value, what)
		case "spelling":
			l.Spelling = d.spelling(f.value, what)
		}
	}
	if !hasFunc {
		d.errorf(n, "models: a library needs \"func: package/path.Func\"")
	}
	if l.Via == "" {
		l.Via = l.Func.Name
	}
	if len(d.errs) > before {
		return nil
	}
	return l
}

// submap is one key of a mapping whose values are mappings.
type submap struct {
	key   string
	value ast.Node
}

// submaps decodes a mapping of names to mappings, in order.
func (d *decoder) submaps(n ast.Node, what string) []submap {
	values, ok := mappingValues(n)
	if !ok {
		d.errorf(n, "%s must be a mapping, not %s", what, kind(n))
		return nil
	}
	var out []submap
	for _, mv := range values {
		k, ok := d.scalar(mv.Key)
		if !ok || !isGoName(k) {
			d.errorf(mv.Key, "%s: keys must be Go names", what)
			continue
		}
		out = append(out, submap{k, mv.Value})
	}
	return out
}

// fieldsOf decodes a mapping with the given keys.
func (d *decoder) fieldsOf(n ast.Node, what string, allowed []string) []field {
	fields, _ := d.mapping(n, what, allowed)
	return fields
}

func (d *decoder) typeName(n ast.Node, what string) string {
	s, ok := d.str(n, what)
	if !ok {
		return ""
	}
	if _, _, err := splitQualified(s); err != nil {
		d.errorf(n, "%s: %v", what, err)
		return ""
	}
	return s
}

// libConstants decodes attribute (or extra) names -> constants.
func (d *decoder) libConstants(n ast.Node, what string) map[string]Const {
	out := map[string]Const{}
	var attrs []kvPair
	for _, kv := range d.stringMap(n, what) {
		switch kv.key {
		case "lookup":
			out[kv.key] = Const{Str: kv.val}
		case "enabled", "aux":
			b, err := strconv.ParseBool(kv.val)
			if err != nil {
				d.errorf(kv.node, "%s: %s: %q is not true or false", what, kv.key, kv.val)
			}
			out[kv.key] = Const{Bool: b}
		default:
			attrs = append(attrs, kv)
		}
	}
	for k, c := range d.constantPairs(attrs, what) {
		out[k] = c
	}
	return out
}

func (d *decoder) libAttrList(n ast.Node, what string) []string {
	var out []string
	for _, item := range d.list(n, what) {
		s, ok := d.str(item, what)
		if !ok {
			continue
		}
		if !isAttribute(s) && !slices.Contains(Extras, s) {
			d.errorf(item, "%s: unknown attribute %q", what, s)
			continue
		}
		out = append(out, s)
	}
	return out
}

func isGoName(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return !isIdentRune(r) }) < 0
}

func isIdentRune(r rune) bool {
	return r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127
}

// isVersion reports whether s looks like a module version, v1.2.3 (with
// a pre-release or pseudo-version suffix).
func isVersion(s string) bool {
	if !strings.HasPrefix(s, "v") {
		return false
	}
	core := s[1:]
	if i := strings.IndexAny(core, "-+"); i >= 0 {
		core = core[:i]
	}
	parts := strings.Split(core, ".")
	if len(parts) != 3 {
		return false
	}
	for _, p := range parts {
		if _, err := strconv.Atoi(p); err != nil {
			return false
		}
	}
	return true
}
