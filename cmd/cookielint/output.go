package main

// The -format and -o flags of the commands that write a report: several
// formats from one run.

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// outputFlags are the -format and -o flags every command that writes a
// report shares. Both take comma-separated lists, to write several
// formats from one run: -format github,sarif -o -,cookielint.sarif ("-"
// is standard output).
type outputFlags struct {
	format, output *string
	formats        []string // the formats the command knows
}

func addOutputFlags(fs *flag.FlagSet, formats []string, def string) outputFlags {
	return outputFlags{
		format:  fs.String("format", def, "output format: "+strings.Join(formats, ", ")+"; several, comma-separated, with as many -o files"),
		output:  fs.String("o", "", "write to this file instead of standard output (\"-\"); with several formats, a comma-separated list"),
		formats: formats,
	}
}

// targets pairs each format with its file ("" for standard output).
func (o outputFlags) targets() (formats, files []string) {
	formats = strings.Split(*o.format, ",")
	files = make([]string, len(formats))
	if *o.output != "" {
		files = strings.Split(*o.output, ",")
	}
	for i, f := range files {
		if f == "-" {
			files[i] = ""
		}
	}
	return formats, files
}

// valid reports whether -format names formats the command knows, and -o
// as many files; if not it says so.
func (o outputFlags) valid(command string) bool {
	formats, files := o.targets()
	for _, f := range formats {
		if !slices.Contains(o.formats, f) {
			fmt.Fprintf(os.Stderr, "%s: unknown format %q: use one of %s\n", command, f, strings.Join(o.formats, ", "))
			return false
		}
	}
	if len(files) != len(formats) {
		fmt.Fprintf(os.Stderr, "%s: %d formats but %d -o files: give one file (or \"-\" for standard output) per format\n", command, len(formats), len(files))
		return false
	}
	return true
}

// write writes each format where -o says, with write; on an error it says
// so and returns false.
func (o outputFlags) write(command string, write func(w io.Writer, format string) error) bool {
	formats, files := o.targets()
	for i, format := range formats {
		var w io.Writer = os.Stdout
		if files[i] != "" {
			f, err := os.Create(files[i])
			if err != nil {
				fmt.Fprintln(os.Stderr, command+":", err)
				return false
			}
			defer f.Close()
			w = f
		}
		if err := write(w, format); err != nil {
			fmt.Fprintln(os.Stderr, command+":", err)
			return false
		}
	}
	return true
}
