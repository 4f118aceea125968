package cookiewatch

import (
	"bufio"
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/cookielint/cookielint/cookietest"
	"github.com/cookielint/cookielint/policy"
)

func testPolicy(t testing.TB) *policy.Policy {
	p, err := policy.Parse("cookie-policy.yaml", []byte("version: 1\ncookies:\n  - name: sessionid\n    category: necessary\n  - name: _ga\n    category: statistics\nconsent:\n  checks:\n    - func: app.Allowed\n      category: 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// handler sets cookies every way net/http allows, and writes a body.
func handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/setcookie":
			http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: "1", HttpOnly: true})
		case "/header":
			w.Header().Add("Set-Cookie", "tracker=1; Secure; HttpOnly")
		case "/good":
			http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: "1", Secure: true, HttpOnly: true})
		case "/stats":
			http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true})
		case "/nowrite": // headers set, nothing written: net/http sends them after the handler
			http.SetCookie(w, &http.Cookie{Name: "tracker2", Value: "1", Secure: true, HttpOnly: true})
			return
		case "/flush":
			http.SetCookie(w, &http.Cookie{Name: "tracker3", Value: "1", Secure: true, HttpOnly: true})
			http.NewResponseController(w).Flush()
		}
		w.WriteHeader(http.StatusTeapot)
		io.WriteString(w, "body")
	})
}

func serve(h http.Handler, path string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	return rec
}

func TestReportsWhateverWritesTheCookie(t *testing.T) {
	p := testPolicy(t)
	for path, want := range map[string]string{
		"/setcookie": `GET /setcookie: cookie "sessionid" is set without Secure`,
		"/header":    `GET /header: cookie "tracker" is not declared`,
		"/nowrite":   `GET /nowrite: cookie "tracker2" is not declared`,
		"/flush":     `GET /flush: cookie "tracker3" is not declared`,
		"/good":      "",
	} {
		var got []string
		h := Handler(p, handler(), Options{Report: func(r *http.Request, v cookietest.Violation) { got = append(got, v.String()) }})
		serve(h, path)
		switch {
		case want == "" && len(got) != 0:
			t.Errorf("%s: reported %v", path, got)
		case want != "" && (len(got) != 1 || !strings.HasPrefix(got[0], want)):
			t.Errorf("%s: reported %v, want %s", path, got, want)
		}
	}
}

// The response is the same, byte for byte, with the middleware or without.
func TestNeverChangesTheResponse(t *testing.T) {
	p := testPolicy(t)
	for _, path := range []string{"/setcookie", "/header", "/good", "/nowrite", "/flush"} {
		bare := serve(handler(), path)
		watched := serve(Handler(p, handler(), Options{Report: func(*http.Request, cookietest.Violation) {}}), path)
		if bare.Code != watched.Code || bare.Body.String() != watched.Body.String() || !sameHeader(bare.Header(), watched.Header()) || bare.Flushed != watched.Flushed {
			t.Errorf("%s: bare %d %q %v, watched %d %q %v", path, bare.Code, bare.Body, bare.Header(), watched.Code, watched.Body, watched.Header())
		}
	}
}

func sameHeader(a, b http.Header) bool {
	var x, y bytes.Buffer
	a.Write(&x)
	b.Write(&y)
	return x.String() == y.String()
}

// Consent is checked when the app says what the visitor agreed to.
func TestConsent(t *testing.T) {
	p := testPolicy(t)
	for _, c := range []struct {
		consent func(*http.Request) []string
		want    int
	}{
		{nil, 0}, // unknown: not checked
		{func(*http.Request) []string { return nil }, 1},
		{func(*http.Request) []string { return []string{"statistics"} }, 0},
	} {
		n := 0
		h := Handler(p, handler(), Options{Consent: c.consent, Report: func(*http.Request, cookietest.Violation) { n++ }})
		serve(h, "/stats")
		if n != c.want {
			t.Errorf("consent %v: %d reports, want %d", c.consent != nil, n, c.want)
		}
	}
}

// By default violations are logged with log/slog.
func TestDefaultReportLogs(t *testing.T) {
	var buf bytes.Buffer
	old := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&buf, nil)))
	defer slog.SetDefault(old)
	serve(Handler(testPolicy(t), handler(), Options{}), "/setcookie")
	if !strings.Contains(buf.String(), "cookie policy violation") || !strings.Contains(buf.String(), "check=secure") {
		t.Errorf("log: %s", buf.String())
	}
}

// Hijacking still works through the middleware, and the header is checked
// as it stands.
func TestHijack(t *testing.T) {
	reported := 0
	h := Handler(testPolicy(t), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: "1"})
		conn, buf, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Errorf("hijack: %v", err)
			return
		}
		buf.WriteString("HTTP/1.1 204 No Content\r\n\r\n")
		buf.Flush()
		conn.Close()
	}), Options{Report: func(*http.Request, cookietest.Violation) { reported++ }})
	srv := httptest.NewServer(h)
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent || reported != 2 {
		t.Errorf("status %d, %d reports", resp.StatusCode, reported)
	}
	_ = bufio.NewReader
}

// BenchmarkMiddleware measures what the middleware adds to a request
// whose response sets no cookie, against the bare handler in the same run
// (go test -bench Middleware ./cookiewatch; go run ./bench -middleware
// prints the ratios).
func BenchmarkMiddleware(b *testing.B) {
	for _, c := range Cases(testPolicy(b)) {
		b.Run(c.Name, func(b *testing.B) {
			req := httptest.NewRequest("GET", "/", nil)
			w := &discard{h: http.Header{}}
			b.ReportAllocs()
			for b.Loop() {
				clear(w.h)
				c.Handler.ServeHTTP(w, req)
			}
		})
	}
}
