// Command corpus runs cookielint over the corpus and prints a Markdown
// summary: go run ./corpus/cmd.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/cookielint/cookielint/corpus"
)

func main() {
	dir, err := os.MkdirTemp("", "cookielint-corpus")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "cookielint")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/cookielint").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build: %v\n%s", err, out)
		os.Exit(1)
	}
	rs, err := corpus.Run(bin, dir, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	corpus.Markdown(os.Stdout, rs)
	for _, r := range rs {
		if len(r.ToolErrors) > 0 || r.DownloadErr != nil {
			os.Exit(1)
		}
	}
}
