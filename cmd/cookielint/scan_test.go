package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cookielint scan: a fresh visitor's requests, the findings in the report
// formats, and the linter's exit codes.
func TestScanCommand(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			w.Header().Set("Content-Type", "text/html")
			http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: "1", Secure: true, HttpOnly: true})
			w.Write([]byte(`<a href="/stats">stats</a>`))
		case "/stats":
			http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true})
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	p := filepath.Join(dir, "cookie-policy.yaml")
	if err := os.WriteFile(p, []byte("version: 1\ncookies:\n  - name: sessionid\n    category: necessary\n  - name: _ga\n    category: statistics\nconsent:\n  checks:\n    - func: app.Allowed\n      category: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code := run(t, dir, bin, "scan", srv.URL+"/")
	if code != 0 || !strings.Contains(out, "cookielint scan: 1 pages, 0 findings") {
		t.Errorf("clean: exit %d\n%s", code, out)
	}
	out, code = run(t, dir, bin, "scan", "-depth", "1", srv.URL+"/")
	want := srv.URL + `/stats: cookie "_ga" (statistics) needs the visitor's consent, but it is set on a response to a visitor who had not agreed to it; set it only after app.Allowed(..., "statistics") returns true (consent)`
	if code != 3 || !strings.Contains(out, want) {
		t.Errorf("findings: exit %d, want 3 and\n%s\nin\n%s", code, want, out)
	}
	out, code = run(t, dir, bin, "scan", "-depth", "1", "-format", "sarif", "-policy", p, srv.URL+"/")
	var sarif struct {
		Runs []struct {
			Results []struct {
				RuleID    string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           *struct{ StartLine int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(strings.SplitN(out, "\ncookielint scan:", 2)[0]), &sarif); err != nil || code != 3 {
		t.Fatalf("sarif: exit %d, %v\n%s", code, err, out)
	}
	r := sarif.Runs[0].Results
	if len(r) != 1 || r[0].RuleID != "consent" || r[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != srv.URL+"/stats" || r[0].Locations[0].PhysicalLocation.Region != nil {
		t.Errorf("sarif results: %+v", r)
	}
	out, code = run(t, dir, bin, "scan", "-depth", "1", "-format", "github", srv.URL+"/")
	if code != 3 || !strings.Contains(out, "::error title=cookielint (consent)::"+srv.URL+"/stats: cookie") {
		t.Errorf("github: exit %d\n%s", code, out)
	}
	out, code = run(t, dir, bin, "scan", "http://127.0.0.1:1/")
	if code != 1 || !strings.Contains(out, "cookielint scan: http://127.0.0.1:1/:") {
		t.Errorf("unreachable: exit %d\n%s", code, out)
	}
	out, code = run(t, dir, bin, "scan")
	if code != 1 || !strings.Contains(out, "usage: cookielint scan") {
		t.Errorf("no URL: exit %d\n%s", code, out)
	}
}
