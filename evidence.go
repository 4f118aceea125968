package cookielint

// This file decides, from the text of a package's files alone (no
// parsing, no type-checking), whether the package can contribute a fact:
// whether its code can set a cookie, so that the standalone command must
// load it from source. Every other dependency comes from export data.
//
// A package can set a cookie only through a model (a sink, a cookie type,
// a library's constructor or option), a Set-Cookie header, or a function
// of another package that does (whose package then has a fact). So a
// package is evidence of cookies when a file of it
//   - has an identifier that a model names and that contains "Cookie"
//     (SetCookie, Cookie, AcquireCookie, CookieSecure...: every built-in
//     sink but the header ones, every cookie type);
//   - has a string containing "set-cookie", in any case;
//   - imports a library cookielint models (a session or CSRF library: its
//     constructors set cookies whatever their names) or a package a
//     policy's models name;
//   - imports a package and names one of its modeled functions whose name
//     lacks "Cookie" (beego's XSRFToken), or one of its exported constants
//     holding "Set-Cookie" under another name.
// Only a package that reaches a modeled package (imports one, directly or
// not) can set a cookie, and a package whose models are complete
// (complete.go) never needs its source. A package that imports a package
// with a fact, without any of this, is found after the analysis (the
// driver loads it from source and analyzes again): that is what keeps
// this file a filter, never a judge.

import (
	"bytes"
	"go/token"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/cookielint/cookielint/internal/textscan"
	"github.com/cookielint/cookielint/policy"
)

// PackageFiles is a package as a loader knows it before loading it.
type PackageFiles struct {
	ID, Path string
	Files    []string
	Imports  []string // the import paths, resolved
}

// NeedsSource returns the IDs of the packages among pkgs whose files show
// that they can set a cookie, under the built-in models and the policy's
// own (user, or nil), each with the evidence, in words (-debug=l prints
// it). A file that cannot be read counts as evidence.
func NeedsSource(pkgs []PackageFiles, user *policy.Models) (map[string]string, error) {
	reg, err := builtinModels()
	if err != nil {
		return nil, err
	}
	if user != nil {
		if reg, err = reg.withUser(user); err != nil {
			return nil, err
		}
	}
	ev := reg.evidence()

	// A package that reaches no modeled package, directly or not, cannot
	// set a cookie whatever its words (x/sys/unix's inotify Cookie
	// field); a complete package's models say all it does. Their files
	// are not even read.
	byPath := map[string]*PackageFiles{}
	for i := range pkgs {
		byPath[pkgs[i].Path] = &pkgs[i]
	}
	reaches := map[string]bool{}
	var reach func(path string) bool
	reach = func(path string) bool {
		if r, ok := reaches[path]; ok {
			return r
		}
		reaches[path] = false // import cycles cannot happen; this only guards
		r := reg.pkgs[path]
		if p := byPath[path]; p != nil {
			for _, imp := range p.Imports {
				if reach(imp) {
					r = true
				}
			}
		}
		reaches[path] = r
		return r
	}
	candidate := make([]bool, len(pkgs))
	for i, p := range pkgs {
		candidate[i] = reach(p.Path) && !Complete(p.Path)
	}

	// First each package by itself, in parallel: identifiers and strings,
	// and the exported names that hold Set-Cookie.
	local := make([]fileEvidence, len(pkgs))
	work := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				local[i] = scanPackage(pkgs[i].Files, ev.cookieNames, nil)
			}
		}()
	}
	for i := range pkgs {
		if candidate[i] {
			work <- i
		}
	}
	close(work)
	wg.Wait()
	consts := map[string][]string{}
	for i, p := range pkgs {
		if len(local[i].consts) > 0 {
			consts[p.Path] = local[i].consts
		}
	}

	// Then what a package takes from its imports.
	need := map[string]string{}
	for i, p := range pkgs {
		if !candidate[i] {
			continue
		}
		if local[i].found {
			need[p.ID] = local[i].why
			continue
		}
		var names []string
		for _, imp := range p.Imports {
			if ev.libraries[imp] {
				need[p.ID] = "imports " + imp
				break
			}
			names = append(names, ev.names[imp]...)
			names = append(names, consts[imp]...)
		}
		if need[p.ID] == "" && len(names) > 0 {
			if e := scanPackage(p.Files, nil, names); e.found {
				need[p.ID] = e.why
			}
		}
	}
	return need, nil
}

// evidenceTables are the names and packages the models make evidence of.
type evidenceTables struct {
	cookieNames map[string]bool     // modeled names containing "Cookie": evidence anywhere
	libraries   map[string]bool     // packages whose import is evidence
	names       map[string][]string // package -> modeled names without "Cookie"
}

func (r *models) evidence() *evidenceTables {
	ev := &evidenceTables{cookieNames: map[string]bool{}, libraries: map[string]bool{}, names: map[string][]string{}}
	add := func(pkg, name string) {
		switch {
		case name == "":
		case strings.Contains(name, "Cookie"):
			ev.cookieNames[name] = true
		default:
			ev.names[pkg] = append(ev.names[pkg], name)
		}
	}
	for k := range r.libraries {
		ev.libraries[k.pkg] = true
		add(k.pkg, k.fn)
	}
	for k, m := range r.types {
		if m.holder {
			ev.libraries[k.pkg] = true
		}
		add(k.pkg, k.name)
	}
	for k, s := range r.sinks {
		if s.form != formHeader { // a header sink needs a Set-Cookie key
			add(k.pkg, k.fn)
		}
	}
	for k := range r.fresh {
		add(k.pkg, k.fn)
	}
	for k := range r.options {
		add(k.pkg, k.name)
	}
	if r.user != nil {
		for _, c := range r.user.Cookies {
			ev.libraries[c.Pkg] = true
		}
		for _, s := range r.user.Sinks {
			ev.libraries[s.Func.Pkg] = true
		}
		for _, o := range r.user.Options {
			ev.libraries[o.Func.Pkg] = true
		}
		for _, o := range r.user.Objects {
			ev.libraries[o.Pkg] = true
		}
		for _, l := range r.user.Libraries {
			ev.libraries[l.Func.Pkg] = true
		}
	}
	return ev
}

// fileEvidence is what the scan of a package's files found.
type fileEvidence struct {
	found  bool
	why    string   // the evidence, in words
	consts []string // exported names assigned a string holding set-cookie
}

// scanPackage scans a package's files: with cookieNames, for the words of
// cookies (any of cookieNames as an identifier, set-cookie in a string);
// else for any of names as an identifier.
func scanPackage(files []string, cookieNames map[string]bool, names []string) fileEvidence {
	if cookieNames == nil {
		name, found := textscan.Mention(files, names)
		why := "names " + name + " of an import"
		if name == "" {
			why = "a file that cannot be read"
		}
		return fileEvidence{found: found, why: why}
	}
	var out fileEvidence
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			out.found, out.why = true, "a file that cannot be read" // cannot tell: load it
			return out
		}
		scanCookies(src, cookieNames, &out)
	}
	return out
}

var (
	lowerOokie = []byte("ookie")
	upperOokie = []byte("OOKIE")
)

// scanCookies looks for an identifier among cookieNames and a string
// containing set-cookie; it records the exported names assigned such a
// string (const HeaderSetCookie = "Set-Cookie").
func scanCookies(src []byte, cookieNames map[string]bool, out *fileEvidence) {
	if !bytes.Contains(src, lowerOokie) && !bytes.Contains(src, upperOokie) {
		return // the fast path: most files never mention a cookie
	}
	// The three tokens before, to see Name = "..." and Name T = "...".
	var prev [3]string
	var prevTok [3]token.Token
	textscan.Tokens(src, func(tok token.Token, lit string) bool {
		switch tok {
		case token.IDENT:
			if cookieNames[lit] && !out.found {
				out.found, out.why = true, "names "+lit
			}
		case token.STRING:
			if v, err := strconv.Unquote(lit); err == nil && strings.Contains(strings.ToLower(v), "set-cookie") {
				if !out.found {
					out.found, out.why = true, "a Set-Cookie string"
				}
				switch {
				case prevTok[2] != token.ASSIGN:
				case prevTok[1] == token.IDENT && prevTok[0] != token.IDENT && token.IsExported(prev[1]):
					out.consts = append(out.consts, prev[1])
				case prevTok[1] == token.IDENT && prevTok[0] == token.IDENT && token.IsExported(prev[0]):
					out.consts = append(out.consts, prev[0])
				}
			}
		}
		prev[0], prev[1], prev[2] = prev[1], prev[2], lit
		prevTok[0], prevTok[1], prevTok[2] = prevTok[1], prevTok[2], tok
		return true
	})
}
