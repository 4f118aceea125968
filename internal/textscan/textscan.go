// Package textscan finds identifiers in Go source without parsing it: a
// byte search first, then the tokens of the files that may hold one.
// The loaders use it to tell, before loading a package, whether its code
// names something.
package textscan

import (
	"bytes"
	"go/scanner"
	"go/token"
	"os"
)

// Mentions reports whether any of names is an identifier in one of the
// files. A file that cannot be read counts as a mention: the caller then
// loads the package, which reports the error.
func Mentions(files []string, names []string) bool {
	_, found := Mention(files, names)
	return found
}

// Mention is Mentions, and says which name it found ("" for a file that
// cannot be read).
func Mention(files []string, names []string) (string, bool) {
	if len(names) == 0 {
		return "", false
	}
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			return "", true
		}
		if id := FindIdent(src, want); id != "" {
			return id, true
		}
	}
	return "", false
}

// HasIdent reports whether src has an identifier in want.
func HasIdent(src []byte, want map[string]bool) bool { return FindIdent(src, want) != "" }

// FindIdent returns the first identifier of src in want, or "".
func FindIdent(src []byte, want map[string]bool) string {
	present := false
	for n := range want {
		if bytes.Contains(src, []byte(n)) {
			present = true
			break
		}
	}
	if !present {
		return ""
	}
	found := ""
	Tokens(src, func(tok token.Token, lit string) bool {
		if tok == token.IDENT && want[lit] {
			found = lit
			return false
		}
		return true
	})
	return found
}

// Tokens calls yield with each token of src (comments left out) until it
// returns false.
func Tokens(src []byte, yield func(tok token.Token, lit string) bool) {
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile("", -1, len(src)), src, func(token.Position, string) {}, 0)
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF || !yield(tok, lit) {
			return
		}
	}
}
