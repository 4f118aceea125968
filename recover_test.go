package cookielint

import (
	"go/token"
	"strings"
	"testing"
)

// A panic inside the analyzer becomes the package's error, naming the
// package and the position being analyzed, instead of ending the run.
func TestPanicBecomesError(t *testing.T) {
	testHookStmt = func(p token.Position) {
		if p.Line == 6 {
			panic("boom")
		}
	}
	defer func() { testHookStmt = nil }()
	src := "package p\n\nimport \"net/http\"\n\nfunc f(w http.ResponseWriter) {\n\thttp.SetCookie(w, &http.Cookie{Name: \"x\"})\n}\n"
	_, _, _, ok, err := analyzeSource(t, src, Config{})
	if !ok {
		t.Fatal("the source does not type-check")
	}
	if err == nil || !strings.Contains(err.Error(), "internal error analyzing package p at p.go:6:2: boom") {
		t.Fatalf("err = %v", err)
	}
}
