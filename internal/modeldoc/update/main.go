// Command update writes the generated table of docs/frameworks.md from
// the built-in models files: go run ./internal/modeldoc/update, from the
// repository's root.
package main

import (
	"fmt"
	"os"

	"github.com/cookielint/cookielint/internal/modeldoc"
)

func main() {
	changed, err := modeldoc.Update("docs/frameworks.md")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if changed {
		fmt.Println("docs/frameworks.md: table written")
	}
}
