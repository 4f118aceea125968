package policy

import (
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"
)

// This file renders a policy as the cookie table a site publishes, in
// Markdown or HTML: grouped by category (necessary first), with the
// columns of a published table plus category, party and duration.

// categoryOrder is the order categories are published in; entries without
// a category come last.
var categoryOrder = []string{"necessary", "preferences", "statistics", "marketing", ""}

var categoryTitles = map[string]string{
	"necessary":   "Necessary cookies",
	"preferences": "Preference cookies",
	"statistics":  "Statistics cookies",
	"marketing":   "Marketing cookies",
	"":            "Other cookies",
}

// Group is the entries of one category.
type Group struct {
	Category string
	Title    string
	Entries  []*Entry
}

// Groups returns the policy's entries by category, in publishing order,
// leaving out empty categories; entries keep their file order.
func (p *Policy) Groups() []Group {
	var out []Group
	for _, c := range categoryOrder {
		g := Group{Category: c, Title: categoryTitles[c]}
		for _, e := range p.Cookies {
			if e.Category == c {
				g.Entries = append(g.Entries, e)
			}
		}
		if len(g.Entries) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// Lifetime returns the longest lifetime the policy allows the entry's
// cookie, and whether the policy says one at all.
func (p *Policy) Lifetime(e *Entry) (Lifetime, bool) {
	r := p.Requirements(e)
	if r.MaxAge == nil {
		return Lifetime{}, false
	}
	return *r.MaxAge, true
}

// Duration writes the entry's lifetime in words.
func (p *Policy) Duration(e *Entry) string {
	l, ok := p.Lifetime(e)
	switch {
	case !ok:
		return "up to 400 days"
	case l.Session:
		return "until the browser closes"
	}
	return inWords(l.Duration)
}

func inWords(d time.Duration) string {
	plural := func(n int64, unit string) string {
		if n == 1 {
			return "1 " + unit
		}
		return fmt.Sprintf("%d %ss", n, unit)
	}
	switch {
	case d >= 24*time.Hour && d%(24*time.Hour) == 0:
		days := int64(d / (24 * time.Hour))
		if days%365 == 0 {
			return plural(days/365, "year")
		}
		return plural(days, "day")
	case d >= time.Hour && d%time.Hour == 0:
		return plural(int64(d/time.Hour), "hour")
	case d >= time.Minute && d%time.Minute == 0:
		return plural(int64(d/time.Minute), "minute")
	}
	return plural(int64(d/time.Second), "second")
}

func (e *Entry) names() string {
	if e.Name != "" {
		return e.Name
	}
	return e.Pattern
}

func partyWords(p string) string {
	switch p {
	case "first":
		return "First party"
	case "third":
		return "Third party"
	}
	return ""
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// mdCell makes text safe inside a Markdown table cell.
func mdCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.NewReplacer("|", `\|`, "*", `\*`, "`", "\\`", "<", "&lt;", ">", "&gt;").Replace(s)
}

// ConsentWords says, for a policy with a consent: section, whether the
// cookies of a category need the visitor's consent, as a published page
// says it; "" without the section.
func (p *Policy) ConsentWords(category string) string {
	switch {
	case p == nil || p.Consent == nil:
		return ""
	case p.CategoryNeedsConsent(category):
		return "These cookies are set only after you agree to them, and deleted when you withdraw your consent."
	}
	return "These cookies do not require your consent: the site needs them to work."
}

// entryConsent is an entry's cell in the Consent column.
func (p *Policy) entryConsent(e *Entry) string {
	if p.NeedsConsent(e) {
		return "Required"
	}
	return "Not required"
}

// RenderMarkdown writes the cookie table as Markdown.
func RenderMarkdown(w io.Writer, p *Policy) error {
	var b strings.Builder
	b.WriteString("# Cookies\n")
	consent := p.Consent != nil
	for _, g := range p.Groups() {
		fmt.Fprintf(&b, "\n## %s\n\n", g.Title)
		if words := p.ConsentWords(g.Category); words != "" {
			b.WriteString(words + "\n\n")
		}
		b.WriteString("| Service provider's name | Function and location | Cookie name(s) | Purposes | Category | Party | Duration |")
		if consent {
			b.WriteString(" Consent |\n|---|---|---|---|---|---|---|---|\n")
		} else {
			b.WriteString("\n|---|---|---|---|---|---|---|\n")
		}
		for _, e := range g.Entries {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |",
				mdCell(e.Provider), mdCell(e.Function), mdCell(e.names()), mdCell(e.Purpose),
				mdCell(capital(e.Category)), mdCell(partyWords(e.Party)), mdCell(p.Duration(e)))
			if consent {
				fmt.Fprintf(&b, " %s |", p.entryConsent(e))
			}
			b.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var htmlPage = template.Must(template.New("page").Funcs(template.FuncMap{
	"capital": capital, "party": partyWords,
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Cookies</title>
<style>
table { border-collapse: collapse; margin-bottom: 2em; }
caption { text-align: left; font-weight: bold; padding: 0.5em 0; }
th, td { border: 1px solid #767676; padding: 0.4em 0.6em; text-align: left; vertical-align: top; }
</style>
</head>
<body>
<main>
<h1>Cookies</h1>
{{- range .Groups}}
<section aria-labelledby="{{.Category | printf "cat-%s"}}">
<h2 id="{{.Category | printf "cat-%s"}}">{{.Title}}</h2>
{{- if .Consent}}
<p>{{.Consent}}</p>
{{- end}}
<table>
<caption>{{.Title}}: who sets them, what for, and for how long</caption>
<thead>
<tr><th scope="col">Service provider's name</th><th scope="col">Function and location</th><th scope="col">Cookie name(s)</th><th scope="col">Purposes</th><th scope="col">Category</th><th scope="col">Party</th><th scope="col">Duration</th>{{if $.WithConsent}}<th scope="col">Consent</th>{{end}}</tr>
</thead>
<tbody>
{{- range .Rows}}
<tr><td>{{.Entry.Provider}}</td><td>{{.Entry.Function}}</td><th scope="row"><code>{{.Names}}</code></th><td>{{.Entry.Purpose}}</td><td>{{capital .Entry.Category}}</td><td>{{party .Entry.Party}}</td><td>{{.Duration}}</td>{{if $.WithConsent}}<td>{{.Consent}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
</section>
{{- end}}
</main>
</body>
</html>
`))

// RenderHTML writes the cookie table as a self-contained, accessible HTML
// page: a table per category with a caption and header cells, nothing
// loaded from elsewhere.
func RenderHTML(w io.Writer, p *Policy) error {
	type row struct {
		Entry    *Entry
		Names    string
		Duration string
		Consent  string
	}
	type group struct {
		Category, Title string
		Consent         string
		Rows            []row
	}
	var data struct {
		Groups      []group
		WithConsent bool
	}
	data.WithConsent = p.Consent != nil
	for _, g := range p.Groups() {
		cat := g.Category
		if cat == "" {
			cat = "other"
		}
		gg := group{Category: cat, Title: g.Title, Consent: p.ConsentWords(g.Category)}
		for _, e := range g.Entries {
			gg.Rows = append(gg.Rows, row{Entry: e, Names: e.names(), Duration: p.Duration(e), Consent: p.entryConsent(e)})
		}
		data.Groups = append(data.Groups, gg)
	}
	return htmlPage.Execute(w, data)
}
