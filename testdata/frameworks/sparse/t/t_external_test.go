package t_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"frameworks/sparse/q"
	"frameworks/sparse/r"
	"frameworks/sparse/t"
)

// q is compiled again for this test ("q [t.test]"): it imports t, which
// has test files of its own.
func TestExternal(tt *testing.T) {
	http.SetCookie(httptest.NewRecorder(), &http.Cookie{Name: "sparse_t_external", Value: "v"})
	q.Start(httptest.NewRecorder(), t.Name())
	q.Named(httptest.NewRecorder(), "sparse_t_through_q", "u")
	var k t.Kind = r.Default() // the same t.Kind only if r's export data is read against t's test variant
	_ = k
}
