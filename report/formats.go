package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Formats lists the output formats Write knows.
var Formats = []string{"text", "json", "sarif", "github"}

// Tool describes the linter for formats that name it.
type Tool struct {
	Name    string
	Version string
	URI     string // documentation
	Rules   []Rule
}

// Rule documents one check (a Diagnostic.Category).
type Rule struct {
	ID, Title, Help string
}

// Write writes findings in a format; root is the repository root the
// file names are relative to.
func Write(w io.Writer, format string, tool Tool, root string, fs []Finding) error {
	switch format {
	case "text":
		for _, f := range fs {
			where := fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)
			if f.Line == 0 { // a web address (scan), not a place in a file
				where = f.File
			}
			if _, err := fmt.Fprintf(w, "%s: %s (%s)\n", where, f.Message, f.Rule); err != nil {
				return err
			}
		}
		return nil
	case "json":
		if fs == nil {
			fs = []Finding{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(fs)
	case "github":
		for _, f := range fs {
			if _, err := fmt.Fprintln(w, githubCommand(tool, f)); err != nil {
				return err
			}
		}
		return nil
	case "sarif":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(sarif(tool, root, fs))
	}
	return fmt.Errorf("unknown format %q: use one of %s", format, strings.Join(Formats, ", "))
}

// githubCommand writes a GitHub Actions workflow command that shows the
// finding inline on the pull request.
func githubCommand(tool Tool, f Finding) string {
	if f.Line == 0 { // a web address: no file to annotate
		return fmt.Sprintf("::error title=%s::%s: %s", ghProperty(fmt.Sprintf("%s (%s)", tool.Name, f.Rule)), ghData(f.File), ghData(f.Message))
	}
	return fmt.Sprintf("::error file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s",
		ghProperty(f.File), f.Line, f.Column, f.EndLine, f.EndColumn,
		ghProperty(fmt.Sprintf("%s (%s)", tool.Name, f.Rule)), ghData(f.Message))
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
