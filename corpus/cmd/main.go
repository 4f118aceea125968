// Command corpus runs cookielint over the corpus and prints a Markdown
// summary: go run ./corpus/cmd.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/cookielint/cookielint/corpus"
)

func main() {
	dir, err := os.MkdirTemp("", "cookielint-corpus")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer os.RemoveAll(dir)
	rs, err := corpus.Run(context.Background(), dir, os.Stderr)
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
