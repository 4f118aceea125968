package cookielint

import "testing"

// Fixes in unusual layouts still leave source that parses.
func TestFixEdgeLayouts(t *testing.T) {
	for _, body := range []string{
		"http.SetCookie(w, &http.Cookie{Name: \"sessionid\", Value: \"v\",})",
		"http.SetCookie(w, &http.Cookie{\n\t\tName: \"sessionid\", Value: \"v\"})",
		"http.SetCookie(w, &http.Cookie{Name: \"sessionid\",\n\t\tExpires: time.Now().Add(\n\t\t\ttime.Hour)})",
		"c := &http.Cookie{\n\t}\n\tc.Name, c.Value = \"sessionid\", \"v\"\n\thttp.SetCookie(w, c)",
		"http.SetCookie(w, &http.Cookie{Name: \"__Host-x\", Domain: \"a.b\",\n\t\tSecure: true})",
	} {
		src := "package p\n\nimport (\n\t\"net/http\"\n\t\"time\"\n)\n\nvar _ = time.Now\n\nfunc f(w http.ResponseWriter) {\n\t" + body + "\n}\n"
		fset, file, diags, ok, err := analyzeSource(t, src, Config{})
		if !ok || err != nil {
			t.Fatalf("ok %v err %v\n%s", ok, err, src)
		}
		fixes := 0
		for _, d := range diags {
			fixes += len(d.SuggestedFixes)
		}
		if fixes == 0 {
			t.Errorf("no fix for\n%s", body)
		}
		checkDiagnostics(t, fset, file, src, diags)
	}
}
