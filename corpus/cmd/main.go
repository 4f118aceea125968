// Command corpus runs cookielint over the corpus and prints a Markdown
// summary: go run ./corpus/cmd; with -apps, over the applications.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/cookielint/cookielint/corpus"
)

func main() {
	apps := flag.Bool("apps", false, "run the applications (corpus.Apps) instead of the modules")
	flag.Parse()
	dir, err := os.MkdirTemp("", "cookielint-corpus")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer os.RemoveAll(dir)
	mods, std := corpus.Modules, true
	if *apps {
		mods, std = corpus.Apps, false
	}
	rs, err := corpus.RunModules(context.Background(), dir, os.Stderr, mods, std)
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
