// Package scan requests pages as a fresh visitor (no cookies, no consent)
// and checks every Set-Cookie header the responses carry against the
// cookie policy, with the linter's rules: the consent scanners' pre-consent
// test, for one's own site or staging, before release. It follows
// redirects and, to a given depth, the same-origin links of HTML pages
// (parsed with an HTML parser), up to a number of pages, with timeouts.
// It fills no forms; with Config.Agree it plays a visitor who agreed to
// some categories, sending the policy's consent record with each request.
package scan

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"golang.org/x/net/html"

	"github.com/cookielint/cookielint/policy"
	"github.com/cookielint/cookielint/rules"
)

// Config is what a scan does.
type Config struct {
	Policy   *policy.Policy
	Depth    int           // how many links deep from each URL given (0: the URLs alone)
	MaxPages int           // pages requested at most, redirects included
	Timeout  time.Duration // per request
	MaxBody  int64         // bytes of an HTML page read for links at most
	// Client makes the requests; nil: one without a cookie jar, whose
	// redirects the scan follows itself.
	Client *http.Client
	// Agree are the categories the visitor agreed to, whose consent
	// record (the policy's consent: record) each request carries; nil: a
	// fresh visitor.
	Agree []string
}

// Finding is a violation in a response's Set-Cookie header.
type Finding struct {
	rules.Found
	URL string // the page whose response carried it
}

// Result is a scan's findings, in the order met, and the pages that
// could not be fetched.
type Result struct {
	Findings []Finding
	Pages    int
	Errors   []error
}

// maxRedirects bounds a chain of redirects.
const maxRedirects = 10

// Run scans the URLs.
func Run(ctx context.Context, cfg Config, urls []string) *Result {
	if cfg.MaxPages <= 0 {
		cfg.MaxPages = 100
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Second
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 5 << 20
	}
	client := cfg.Client
	if client == nil {
		client = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	s := &scanner{cfg: cfg, client: client, res: &Result{}, seen: map[string]bool{}, consent: rules.Agreed(cfg.Agree...)}
	if cfg.Agree != nil {
		r, err := Record(cfg.Policy, cfg.Agree)
		if err != nil {
			s.res.Errors = append(s.res.Errors, err)
			return s.res
		}
		s.record = &http.Cookie{Name: r.Cookie, Value: r.Render(cfg.Agree), Path: r.Path}
	}
	type item struct {
		u     *url.URL
		depth int
	}
	var queue []item
	for _, raw := range urls {
		u, err := ParseURL(raw)
		if err != nil {
			s.res.Errors = append(s.res.Errors, err)
			continue
		}
		queue = append(queue, item{u, 0})
	}
	for len(queue) > 0 && ctx.Err() == nil {
		it := queue[0]
		queue = queue[1:]
		if s.seen[it.u.String()] {
			continue
		}
		if s.res.Pages >= cfg.MaxPages {
			break
		}
		links := s.page(ctx, it.u, it.depth < cfg.Depth)
		for _, l := range links {
			queue = append(queue, item{l, it.depth + 1})
		}
	}
	return s.res
}

type scanner struct {
	cfg     Config
	client  *http.Client
	res     *Result
	seen    map[string]bool
	consent rules.ConsentState
	record  *http.Cookie // an agreeing visitor's consent record
}

// Record returns the policy's consent record, for a visitor who agreed
// to the categories, or why there is none to send.
func Record(p *policy.Policy, agree []string) (*policy.Record, error) {
	for _, c := range agree {
		if !slices.Contains(policy.Categories(), c) {
			return nil, fmt.Errorf("-agree: unknown category %q: use some of %s", c, strings.Join(policy.Categories(), ", "))
		}
	}
	if p == nil || p.Consent == nil || p.Consent.Record == nil {
		return nil, errors.New("a visitor who agrees needs to know how the site records consent: declare consent: record in the policy (docs/consent.md)")
	}
	return p.Consent.Record, nil
}

// page fetches a URL, following redirects, checks each response's
// cookies, and returns the same-origin links of the final page when
// links are wanted and it is HTML.
func (s *scanner) page(ctx context.Context, u *url.URL, links bool) []*url.URL {
	for range maxRedirects + 1 {
		if s.res.Pages >= s.cfg.MaxPages {
			return nil
		}
		s.seen[u.String()] = true
		s.res.Pages++
		resp, err := s.get(ctx, u)
		if err != nil {
			s.res.Errors = append(s.res.Errors, err)
			return nil
		}
		for _, f := range rules.CheckHeader(s.cfg.Policy, resp.Header.Values("Set-Cookie"), s.consent, rules.Options{}) {
			s.res.Findings = append(s.res.Findings, Finding{Found: f, URL: u.String()})
		}
		if loc := resp.Header.Get("Location"); resp.StatusCode >= 300 && resp.StatusCode < 400 && loc != "" {
			resp.Body.Close()
			next, err := u.Parse(loc)
			if err != nil || (next.Scheme != "http" && next.Scheme != "https") {
				s.res.Errors = append(s.res.Errors, fmt.Errorf("%s: redirect to %q, which is not an http or https URL", u, loc))
				return nil
			}
			next.Fragment = ""
			if s.seen[next.String()] {
				return nil
			}
			u = next
			continue
		}
		defer resp.Body.Close()
		if !links || !isHTML(resp) {
			return nil
		}
		return SameOrigin(u, s.links(resp.Body, u))
	}
	s.res.Errors = append(s.res.Errors, fmt.Errorf("%s: more than %d redirects", u, maxRedirects))
	return nil
}

// get requests a page as a fresh visitor.
func (s *scanner) get(ctx context.Context, u *url.URL) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		cancel()
		return nil, fmt.Errorf("%s: %v", u, err)
	}
	req.Header.Set("User-Agent", "cookielint-scan (a fresh visitor: no cookies, no consent)")
	if s.record != nil && strings.HasPrefix(u.EscapedPath()+"/", strings.TrimSuffix(s.record.Path, "/")+"/") {
		req.Header.Set("User-Agent", "cookielint-scan (a visitor who agreed to "+strings.Join(s.cfg.Agree, ", ")+")")
		req.AddCookie(s.record)
	}
	resp, err := s.client.Do(req)
	if err != nil {
		cancel()
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("%s: no answer within %s", u, s.cfg.Timeout)
		}
		return nil, fmt.Errorf("%s: %v", u, err)
	}
	resp.Body = &cancelBody{resp.Body, cancel}
	return resp, nil
}

type cancelBody struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelBody) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}

func isHTML(resp *http.Response) bool {
	mt, _, err := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	return err == nil && (mt == "text/html" || mt == "application/xhtml+xml")
}

// links returns the href of every a and area element, resolved against
// base, reading at most MaxBody bytes of the page.
func (s *scanner) links(body io.Reader, base *url.URL) []*url.URL {
	z := html.NewTokenizer(io.LimitReader(body, s.cfg.MaxBody))
	var out []*url.URL
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out // the end, or what the limit cut off
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			if tag == "base" {
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if string(k) == "href" {
						if b, err := base.Parse(strings.TrimSpace(string(v))); err == nil {
							base = b
						}
					}
				}
				continue
			}
			if tag != "a" && tag != "area" {
				continue
			}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if string(k) != "href" {
					continue
				}
				if u, err := base.Parse(strings.TrimSpace(string(v))); err == nil {
					u.Fragment = ""
					out = append(out, u)
				}
			}
		}
	}
}

// ParseURL reads a URL to start a scan from: http or https, without its
// fragment.
func ParseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%s: not an http or https URL", raw)
	}
	u.Fragment = ""
	return u, nil
}

// SameOrigin keeps the http(s) links of the same scheme, host and port:
// the pages a scan follows.
func SameOrigin(from *url.URL, links []*url.URL) []*url.URL {
	var out []*url.URL
	for _, l := range links {
		if l.Scheme == from.Scheme && l.Host == from.Host {
			out = append(out, l)
		}
	}
	return out
}
