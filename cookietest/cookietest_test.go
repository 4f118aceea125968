package cookietest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// app is a handler with a correct cookie and each kind of defect, and a
// statistics cookie set only with consent (read from a cookie).
func app() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: "t", Path: "/", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode, MaxAge: 3600})
	})
	mux.HandleFunc("/bad", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: "t", Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode})                                   // no Secure
		http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: "t", Path: "/", Secure: true, SameSite: http.SameSiteLaxMode})                                     // no HttpOnly
		http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: "t", Path: "/", Secure: true, HttpOnly: true})                                                     // no SameSite
		http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: "t", Path: "/", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode, MaxAge: 90 * 86400}) // too long
		http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: "t", Path: "/app", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})                  // another Path
		http.SetCookie(w, &http.Cookie{Name: "tracker", Value: "t", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})                                  // undeclared
		http.SetCookie(w, &http.Cookie{Name: "__Host-x", Value: "t", Path: "/", Domain: "example.com", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
		w.Header().Add("Set-Cookie", "bad name=x")               // does not parse
		http.SetCookie(w, &http.Cookie{Name: "old", MaxAge: -1}) // a deletion: fine
	})
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		if c, err := r.Cookie("consent"); err == nil && strings.Contains(c.Value, "statistics") {
			http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
		}
	})
	mux.HandleFunc("/eager", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
		http.SetCookie(w, &http.Cookie{Name: "prefs", Value: "1", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "tracker", Value: "1", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
		http.Redirect(w, r, "/", http.StatusFound)
	})
	return mux
}

// recordT records a test's failures instead of failing it.
type recordT struct {
	testing.TB
	mu     sync.Mutex
	errors []string
}

func (r *recordT) Helper() {}
func (r *recordT) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func TestRunCorrectIsQuiet(t *testing.T) {
	p := MustLoad(t, "testdata/cookie-policy.yaml")
	rt := &recordT{TB: t}
	if vs := Run(rt, p, app(), Get("/")); len(vs) != 0 || len(rt.errors) != 0 {
		t.Errorf("a correct cookie: %v", rt.errors)
	}
}

func TestRunEachViolation(t *testing.T) {
	p := MustLoad(t, "testdata/cookie-policy.yaml")
	rt := &recordT{TB: t}
	vs := Run(rt, p, app(), Get("/bad"))
	want := []string{
		`GET /bad: cookie "sessionid" is set without Secure: it is also sent over plain HTTP, where anyone on the network can read it; add "; Secure" to the Set-Cookie value (testdata/cookie-policy.yaml:5)`,
		`GET /bad: cookie "sessionid" is set without HttpOnly: scripts can read it, so a cross-site scripting bug can steal it; add "; HttpOnly" to the Set-Cookie value (testdata/cookie-policy.yaml:5)`,
		`GET /bad: cookie "sessionid" is set without SameSite, but the policy requires at least SameSite=Lax against cross-site requests; add "; SameSite=Lax" to the Set-Cookie value (testdata/cookie-policy.yaml:5)`,
		`GET /bad: cookie "sessionid" lives 90 days, but the policy allows at most 30 days; shorten its Max-Age or Expires (testdata/cookie-policy.yaml:5)`,
		`GET /bad: cookie "sessionid" is set with Path "/app", but the policy declares Path "/" (line 5)`,
		`GET /bad: cookie "tracker" is not declared in the cookie policy cookie-policy.yaml; declare it there (provider, purpose, category) or stop setting it`,
		`GET /bad: cookie "__Host-x" is not declared in the cookie policy`,
		`GET /bad: cookie "__Host-x" has the __Host- prefix but sets Domain "example.com", so browsers reject it; remove the Domain`,
		`GET /bad: Set-Cookie value "bad name=x" does not parse (http: invalid cookie name): browsers ignore it`,
	}
	if len(rt.errors) != len(want) || len(vs) != len(want) {
		t.Fatalf("%d failures, want %d:\n%s", len(rt.errors), len(want), strings.Join(rt.errors, "\n"))
	}
	for i, w := range want {
		if !strings.HasPrefix(rt.errors[i], w) {
			t.Errorf("failure %d:\n got %s\nwant %s", i, rt.errors[i], w)
		}
	}
	checks := map[string]int{}
	for _, v := range vs {
		checks[v.Check]++
	}
	for _, c := range []string{"secure", "httponly", "samesite", "lifetime", "policy", "undeclared", "prefix", "header"} {
		if checks[c] == 0 {
			t.Errorf("no %s violation: %v", c, checks)
		}
	}
}

// A fresh visitor gets no cookie that needs consent; a visitor who agreed
// to statistics may get its cookies, and no others.
func TestVisitorStates(t *testing.T) {
	p := MustLoad(t, "testdata/cookie-policy.yaml")
	consenting := Get("/article").Agreeing("statistics").WithCookie(&http.Cookie{Name: "consent", Value: "statistics"})
	rt := &recordT{TB: t}
	if Run(rt, p, app(), Get("/article"), consenting); len(rt.errors) != 0 {
		t.Errorf("the app honours consent: %v", rt.errors)
	}
	rt = &recordT{TB: t}
	Run(rt, p, app(), Get("/eager"))
	if len(rt.errors) != 2 || !strings.Contains(rt.errors[0], `cookie "_ga" (statistics) needs the visitor's consent, but it is set on a response to a visitor who had not agreed to it`) ||
		!strings.Contains(rt.errors[1], `cookie "prefs" (preferences) needs the visitor's consent`) {
		t.Errorf("a fresh visitor:\n%s", strings.Join(rt.errors, "\n"))
	}
	rt = &recordT{TB: t}
	Run(rt, p, app(), Get("/eager").Agreeing("statistics"))
	if len(rt.errors) != 1 || !strings.Contains(rt.errors[0], `cookie "prefs" (preferences)`) {
		t.Errorf("a visitor who agreed to statistics only:\n%s", strings.Join(rt.errors, "\n"))
	}
}

func TestCheckHeaderAndResponse(t *testing.T) {
	p := MustLoad(t, "testdata/cookie-policy.yaml")
	h := http.Header{}
	h.Add("Set-Cookie", "sessionid=t; Path=/; Secure; HttpOnly; SameSite=Lax")
	h.Add("Set-Cookie", "sessionid=t; Path=/; HttpOnly; SameSite=Lax")
	vs := CheckHeader(p, h, Fresh)
	if len(vs) != 1 || vs[0].Check != "secure" || vs[0].Cookie != "sessionid" || vs[0].SetCookie != "sessionid=t; Path=/; HttpOnly; SameSite=Lax" {
		t.Errorf("CheckHeader: %+v", vs)
	}
	rec := httptest.NewRecorder()
	app().ServeHTTP(rec, httptest.NewRequest("GET", "/bad", nil))
	if n := len(CheckRecorder(p, rec, Fresh)); n != 9 {
		t.Errorf("CheckRecorder: %d violations, want 9", n)
	}
	resp := &http.Response{Header: http.Header{}, Request: httptest.NewRequest("POST", "/login?next=/", nil)}
	resp.Header.Add("Set-Cookie", "sessionid=t; Path=/; Secure; HttpOnly; SameSite=Lax")
	resp.Header.Add("Set-Cookie", "sessionid")
	vs = CheckResponse(p, resp, Fresh)
	if len(vs) != 1 || vs[0].Check != "header" || vs[0].Request != "POST /login?next=/" || !strings.Contains(vs[0].Message, "does not parse") {
		t.Errorf("CheckResponse: %+v", vs)
	}
}

// The transport sees every response, redirects included.
func TestTransport(t *testing.T) {
	p := MustLoad(t, "testdata/cookie-policy.yaml")
	srv := httptest.NewServer(app())
	defer srv.Close()
	tr := &Transport{Policy: p}
	resp, err := (&http.Client{Transport: tr}).Get(srv.URL + "/redirect")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	vs := tr.Violations()
	if len(vs) != 1 || !strings.Contains(vs[0].String(), "GET "+srv.URL+"/redirect: cookie \"tracker\" is not declared") {
		t.Errorf("violations: %v", vs)
	}
	rt := &recordT{TB: t}
	resp, err = Client(rt, p, Fresh).Get(srv.URL + "/eager")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if len(rt.errors) != 2 {
		t.Errorf("Client: %v", rt.errors)
	}
}
