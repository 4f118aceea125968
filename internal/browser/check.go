package browser

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"

	"github.com/cookielint/cookielint/rules"
)

// This file checks what a page left in the browser: the cookies it
// stored, each once in each shape, and the Set-Cookie lines it refused.

// check reads the browser's cookies and checks each it had not seen in
// this shape, then the Set-Cookie lines it refused.
func (v *visitor) check(page *url.URL) error {
	cctx, cancel := context.WithTimeout(v.ctx, v.cfg.Timeout)
	defer cancel()
	got, err := chromedp.Call(cctx, storage.GetCookies, storage.GetCookiesParams{})
	if err != nil {
		if v.dead() {
			return v.stopped("stopped", err)
		}
		v.errorf("%s: reading the browser's cookies: %v", page, err)
		return nil
	}
	lines := v.net.setCookies()
	now := time.Now()
	for _, c := range got.Cookies {
		k, sh := key(c), shape(c)
		if prev, ok := v.known[k]; ok && prev == sh {
			continue
		} else if !ok {
			v.res.Cookies++
		}
		v.known[k] = sh
		if v.own[k] == sh+"\x00"+c.Value {
			continue // the consent record, as the scan set it
		}
		var rc *rules.Cookie
		f := Finding{Cookie: c.Name, URL: page.String()}
		if l := sourceLine(c, lines); l != nil {
			rc, _ = rules.FromSetCookie(l.line) // it parsed in sourceLine
			f.From = "Set-Cookie from " + l.url
		} else {
			rc = fromStored(c, now)
			f.From = "stored from a response the scan did not see"
			if !c.HTTPOnly { // scripts cannot write an HttpOnly cookie
				rc.Script, f.Script = true, true
				f.From = "written by a script"
			}
		}
		rc.ThirdParty = site(c.Domain) != site(page.Hostname())
		rc.Consent = v.consent
		for _, viol := range rules.Check(v.cfg.Policy, rc, rules.Options{}) {
			f.Violation = viol
			v.res.Findings = append(v.res.Findings, f)
		}
	}
	for _, l := range lines {
		if len(l.refused) == 0 || l.checked {
			continue
		}
		l.checked = true
		f := Finding{URL: page.String(), From: fmt.Sprintf("Set-Cookie from %s, which the browser refused (%s)", l.url, strings.Join(l.refused, ", "))}
		rc, err := rules.FromSetCookie(l.line)
		if err != nil {
			f.Violation = rules.Unparsable(l.line, err)
			v.res.Findings = append(v.res.Findings, f)
			continue
		}
		host := rc.Domain.Str
		if u, err := url.Parse(l.url); err == nil && host == "" {
			host = u.Hostname()
		}
		rc.ThirdParty = site(host) != site(page.Hostname())
		rc.Consent = v.consent
		f.Cookie = rc.Name.Str
		for _, viol := range rules.Check(v.cfg.Policy, rc, rules.Options{}) {
			f.Violation = viol
			v.res.Findings = append(v.res.Findings, f)
		}
	}
	return nil
}
