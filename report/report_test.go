package report

import (
	"bytes"
	"strings"
	"testing"
)

func TestGitHubEscaping(t *testing.T) {
	f := Finding{Rule: "secure", Message: "100% wrong\nsecond line", File: "a,b:c.go", Line: 1, Column: 2, EndLine: 1, EndColumn: 9}
	got := githubCommand(Tool{Name: "cookielint"}, f)
	want := "::error file=a%2Cb%3Ac.go,line=1,col=2,endLine=1,endColumn=9,title=cookielint (secure)::100%25 wrong%0Asecond line"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestCookieName(t *testing.T) {
	for msg, want := range map[string]string{
		`cookie "sessionid" is set without Secure`:        "sessionid",
		`cookie "a\"b" has a name that is not a token`:    `a"b`,
		`a cookie whose name is decided at run time is x`: "",
	} {
		if got := cookieName(msg); got != want {
			t.Errorf("cookieName(%q) = %q, want %q", msg, got, want)
		}
	}
}

func TestFinishDedupesAndFingerprints(t *testing.T) {
	a := Finding{Rule: "secure", File: "x.go", Line: 3, Column: 1, Message: "cookie \"s\" at line 3", Cookie: "s", Function: "F"}
	b := a
	b.Line, b.Message = 9, "cookie \"s\" at line 9"
	out := Finish([]Finding{b, a, a})
	if len(out) != 2 || out[0].Line != 3 {
		t.Fatalf("Finish = %+v", out)
	}
	if out[0].Fingerprint == out[1].Fingerprint || len(out[0].Fingerprint) != 32 {
		t.Errorf("fingerprints %q %q", out[0].Fingerprint, out[1].Fingerprint)
	}
	// Moving both findings (and the line numbers in their messages)
	// keeps their fingerprints.
	a2, b2 := a, b
	a2.Line, a2.Message = 4, "cookie \"s\" at line 4"
	b2.Line, b2.Message = 10, "cookie \"s\" at line 10"
	moved := Finish([]Finding{a2, b2})
	if moved[0].Fingerprint != out[0].Fingerprint || moved[1].Fingerprint != out[1].Fingerprint {
		t.Error("fingerprints changed when the findings moved")
	}
}

func TestBaselineCounts(t *testing.T) {
	f := Finding{Rule: "undeclared", File: "x.go", Function: "F", Cookie: "a"}
	b := NewBaseline([]Finding{f})
	if got := b.New([]Finding{f, f}); len(got) != 1 {
		t.Errorf("a second finding of an accepted identity must be new: %v", got)
	}
	g := f
	g.Function = "G"
	if got := b.New([]Finding{g}); len(got) != 1 {
		t.Error("a finding in another function was accepted")
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "xml", Tool{}, "", nil); err == nil || !strings.Contains(err.Error(), "unknown format") {
		t.Errorf("err = %v", err)
	}
}
