// Package t names its users' session cookie; its tests set cookies
// through package q, which imports t, so go compiles q again for t's test.
package t

// Name is the session cookie's name.
func Name() string { return "sparse_t_session" }

// Kind is a kind of session.
type Kind int
