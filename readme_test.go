package cookielint_test

import (
	"flag"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/cookielint/cookielint"
	"github.com/cookielint/cookielint/policy"
)

// section returns the README text under a heading, up to the next
// heading of the same or a higher level.
func section(t *testing.T, readme, heading string) string {
	t.Helper()
	i := strings.Index(readme, "\n"+heading+"\n")
	if i < 0 {
		t.Fatalf("README has no %q", heading)
	}
	rest := readme[i+len(heading)+2:]
	level := strings.Count(strings.Fields(heading)[0], "#")
	for _, l := range regexp.MustCompile(`(?m)^#+ `).FindAllStringIndex(rest, -1) {
		if l[1]-l[0]-1 <= level {
			return rest[:l[0]]
		}
	}
	return rest
}

func tableKeys(text string) []string {
	var keys []string
	for _, m := range regexp.MustCompile("(?m)^\\| `([^`]+)`").FindAllStringSubmatch(text, -1) {
		keys = append(keys, m[1])
	}
	return keys
}

// The README's checks table, flags table and policy reference match the
// code.
func TestREADMEMatchesCode(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)

	var ids []string
	for _, c := range cookielint.Checks {
		ids = append(ids, c.ID)
	}
	if got := tableKeys(section(t, readme, "## Checks")); !slices.Equal(got, ids) {
		t.Errorf("README checks table %v, code %v", got, ids)
	}

	var flags []string
	cookielint.Analyzer.Flags.VisitAll(func(f *flag.Flag) { flags = append(flags, "-"+f.Name) })
	got := tableKeys(section(t, readme, "## Flags"))
	for _, f := range flags {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, f+" ") || g == f
		}
		if !found {
			t.Errorf("flag %s is not in the README's flags table %v", f, got)
		}
	}

	ref := section(t, readme, "## The policy file")
	top, defaults, entry := policy.Fields()
	for _, f := range slices.Concat(top, defaults, entry) {
		if !regexp.MustCompile("`(defaults\\.|cookies\\[\\]\\.)?" + regexp.QuoteMeta(f) + "`").MatchString(ref) {
			t.Errorf("policy field %q is not in the README's policy reference", f)
		}
	}
}
