package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/cookielint/cookielint/internal/browser"
	"github.com/cookielint/cookielint/internal/scan"
	"github.com/cookielint/cookielint/policy"
)

// browserPages measures cookielint scan -browser in pages a second on a
// local site, against the HTTP scan of the same site in the same run:
// a home page linking to pages that each set a cookie from the server
// and one from a script.
func browserPages(pages, runs int, chrome string) error {
	path, err := browser.FindChrome(chrome)
	if err != nil {
		return err
	}
	p, err := policy.Parse("cookie-policy.yaml", []byte("version: 1\ncookies:\n  - name: sessionid\n  - name: theme\n    httpOnly: false\n"))
	if err != nil {
		return err
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: r.URL.Path, Path: "/", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
		w.Header().Set("Content-Type", "text/html")
		var b strings.Builder
		b.WriteString(`<!doctype html><title>p</title><script>document.cookie = "theme=dark; path=/; Secure; SameSite=Lax"</script>`)
		if r.URL.Path == "/" {
			for i := range pages - 1 {
				fmt.Fprintf(&b, `<a href="/p/%d">page %d</a> `, i, i)
			}
		}
		w.Write([]byte(b.String()))
	}))
	defer srv.Close()
	type variant struct {
		name string
		run  func() (int, error)
	}
	variants := []variant{{"HTTP scan (`scan`)", func() (int, error) {
		res := scan.Run(context.Background(), scan.Config{Policy: p, Depth: 1, MaxPages: pages}, []string{srv.URL + "/"})
		if len(res.Errors) > 0 || len(res.Findings) > 0 {
			return 0, fmt.Errorf("HTTP scan: %v %v", res.Errors, res.Findings)
		}
		return res.Pages, nil
	}}}
	for _, settle := range []time.Duration{0, 250 * time.Millisecond, time.Second} {
		variants = append(variants, variant{fmt.Sprintf("browser scan, `-settle %s`", settle), func() (int, error) {
			res, err := browser.Run(context.Background(), browser.Config{Policy: p, Chrome: path, Depth: 1, MaxPages: pages, Settle: settle}, []string{srv.URL + "/"})
			if err == nil && (len(res.Errors) > 0 || len(res.Findings) > 0) {
				err = fmt.Errorf("browser scan: %v %v", res.Errors, res.Findings)
			}
			if err != nil {
				return 0, err
			}
			return res.Pages, nil
		}})
	}
	fmt.Printf("## cookielint scan on a local site of %d pages (medians of %d runs, alternating; the browser's start included)\n\n", pages, runs)
	fmt.Println("| scan | pages | time | pages/s | time vs HTTP scan |")
	fmt.Println("|---|---|---|---|---|")
	times := make([][]time.Duration, len(variants))
	counts := make([]int, len(variants))
	for range runs {
		for i, v := range variants {
			start := time.Now()
			n, err := v.run()
			if err != nil {
				return err
			}
			times[i] = append(times[i], time.Since(start))
			counts[i] = n
		}
	}
	base := medianDuration(times[0])
	for i, v := range variants {
		m := medianDuration(times[i])
		fmt.Printf("| %s | %d | %s | %.1f | %.1fx |\n", v.name, counts[i], m.Round(time.Millisecond), float64(counts[i])/m.Seconds(), float64(m)/float64(base))
	}
	return nil
}
