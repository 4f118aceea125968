package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/cookielint/cookielint/cookiewatch"
	"github.com/cookielint/cookielint/policy"
)

// middleware measures what cookiewatch adds to a request, in process
// (testing.Benchmark on each case) and over loopback HTTP, and prints it
// against the bare handler measured in the same run.
func middleware() error {
	p, err := policy.Parse("cookie-policy.yaml", []byte("version: 1\ncookies:\n  - name: sessionid\n"))
	if err != nil {
		return err
	}
	cases := cookiewatch.Cases(p)
	fmt.Println("## cookiewatch middleware, in process (testing.Benchmark)")
	fmt.Println()
	fmt.Println("| handler | ns/op | B/op | allocs/op | vs bare |")
	fmt.Println("|---|---|---|---|---|")
	var base float64
	for i, c := range cases {
		r := testing.Benchmark(func(b *testing.B) {
			req := httptest.NewRequest("GET", "/", nil)
			w := cookiewatch.Discard()
			b.ReportAllocs()
			for b.Loop() {
				clear(w.Header())
				c.Handler.ServeHTTP(w, req)
			}
		})
		ns := float64(r.NsPerOp())
		if i%2 == 0 {
			base = ns // the bare handler of the pair
		}
		fmt.Printf("| %s | %.0f | %d | %d | %.2f |\n", c.Name, ns, r.AllocedBytesPerOp(), r.AllocsPerOp(), ns/base)
	}
	fmt.Println()
	fmt.Println("## cookiewatch middleware, over loopback HTTP (2000 requests each, alternating, medians of 5 rounds)")
	fmt.Println()
	fmt.Println("| handler | per request | vs bare |")
	fmt.Println("|---|---|---|")
	servers := make([]*httptest.Server, len(cases))
	for i, c := range cases {
		servers[i] = httptest.NewServer(c.Handler)
		defer servers[i].Close()
	}
	client := &http.Client{}
	perRequest := make([][]time.Duration, len(cases))
	for range 5 {
		for i, s := range servers {
			start := time.Now()
			for range 2000 {
				resp, err := client.Get(s.URL)
				if err != nil {
					return err
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			perRequest[i] = append(perRequest[i], time.Since(start)/2000)
		}
	}
	for i, c := range cases {
		m := medianDuration(perRequest[i])
		if i%2 == 0 {
			base = float64(m)
		}
		fmt.Printf("| %s | %s | %.2f |\n", c.Name, m, float64(m)/base)
	}
	return nil
}
