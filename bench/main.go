// Command bench measures cookielint against what users would run
// instead: a do-nothing analyzer that loads packages the same way (the
// floor), gosec's cookie rule (G124), and go vet with cookielint as its
// vettool, cold and warm. It times several runs of each (median, min,
// max, and the median CPU time), reads each run's peak memory, and prints
// ratios against the floor and gosec.
//
//	go run ./bench                        # generated modules of 200, 1000, 2000 packages
//	go run ./bench -n 200 -runs 3         # smaller
//	go run ./bench -n 0 ~/src/some/app    # an existing checkout too (or only)
//
// Nothing here is a test: durations are measured, never asserted.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/cookielint/cookielint/internal/testutil"
)

// gosecVersion is the gosec whose G124 cookie rule is measured.
const gosecVersion = "v2.29.0"

// golangci is the -golangci flag.
var golangci string

// golangciConfig is a golangci-lint v2 configuration: its default linter
// set ("none" or "standard"), a linter enabled on top (none if empty) and
// that linter's settings block (already indented under "settings:").
func golangciConfig(set, linter, settings string) string {
	c := "version: \"2\"\nlinters:\n  default: " + set + "\n"
	if linter != "" {
		c += "  enable: [" + linter + "]\n  settings:\n" + settings
	}
	return c + "run:\n  tests: false\n"
}

const (
	cookielintSettings        = "    custom:\n      cookielint:\n        type: module\n"
	cookielintNoFactsSettings = cookielintSettings + "        settings:\n          facts: false\n"
	gosecSettings             = "    gosec:\n      includes: [G124]\n"
)

// golangciCases are the golangci-lint configurations measured, each run
// with a cold golangci-lint cache: one linter alone, and golangci-lint's
// standard linter set (errcheck, govet, ineffassign, staticcheck, unused)
// alone and with one linter added.
var golangciCases = []struct{ name, config string }{
	{"golangci-lint: gosec G124 only", golangciConfig("none", "gosec", gosecSettings)},
	{"golangci-lint: cookielint only", golangciConfig("none", "cookielint", cookielintSettings)},
	{"golangci-lint: cookielint only, facts: false", golangciConfig("none", "cookielint", cookielintNoFactsSettings)},
	{"golangci-lint: standard linters", golangciConfig("standard", "", "")},
	{"golangci-lint: standard + gosec G124", golangciConfig("standard", "gosec", gosecSettings)},
	{"golangci-lint: standard + cookielint", golangciConfig("standard", "cookielint", cookielintSettings)},
}

// The cases the ratios are taken against.
const (
	exportFloorCase = "export-data floor: do-nothing analyzer without facts (dependencies from export data)"
	floorCase       = "floor: do-nothing analyzer with facts, loaded as cookielint loads"
	gosecCase       = "gosec -include=G124"
)

// benchCase is one command to time.
type benchCase struct {
	name   string
	before func(i int) // run before each timed run, untimed
	cmd    []string
}

func main() {
	sizes := flag.String("n", "200,1000,2000", "generated module sizes in packages (0: none)")
	runs := flag.Int("runs", 5, "runs of each command")
	keep := flag.Bool("keep", false, "keep the generated modules and binaries")
	mw := flag.Bool("middleware", false, "measure the cookiewatch middleware against a bare handler instead")
	browserN := flag.Int("browser", 0, "measure cookielint scan -browser in pages a second on a local site of this many pages, against the HTTP scan, instead")
	chrome := flag.String("chrome", "", "with -browser: the browser to run (default: as cookielint scan -browser finds it)")
	flag.IntVar(&largeN, "large", 0, "also measure a generated module of this many packages over a Kubernetes-sized dependency graph (client-go, gRPC, gin)")
	flag.StringVar(&golangci, "golangci", "", "also measure golangci-lint running cookielint and gosec's G124: the path of a golangci-lint built with the cookielint plugin, or \"build\" to build one")
	flag.Parse()
	if *browserN > 0 {
		if err := browserPages(*browserN, *runs, *chrome); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	if *mw {
		if err := middleware(); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*sizes, *runs, *keep, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

type tools struct{ cookielint, floor, gosec string }

// largeN is the size of the large-graph module (-large), 0 for none.
var largeN int

func run(sizes string, runs int, keep bool, checkouts []string) error {
	work, err := os.MkdirTemp("", "cookielint-bench")
	if err != nil {
		return err
	}
	if !keep {
		defer os.RemoveAll(work)
	} else {
		fmt.Println("work directory:", work)
	}
	repo, err := repoRoot()
	if err != nil {
		return err
	}
	t, err := build(repo, work)
	if err != nil {
		return err
	}
	if golangci == "build" {
		golangci = filepath.Join(work, "bin", "golangci-lint")
		fmt.Println("building golangci-lint", testutil.GolangciVersion, "with the cookielint plugin")
		if err := testutil.BuildGolangciLint(context.Background(), repo, work, golangci); err != nil {
			return err
		}
	}
	fmt.Printf("machine: %s/%s, %d CPUs, %s\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), goVersion())
	fmt.Printf("runs per command: %d; times are wall-clock medians [min, max]; memory is the peak RSS of the run\n", runs)
	for _, s := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			continue
		}
		dir := filepath.Join(work, fmt.Sprintf("gen%d", n))
		if err := generate(dir, n); err != nil {
			return err
		}
		if _, err := cmd(dir, "go", "mod", "tidy"); err != nil {
			return err
		}
		if err := measure(fmt.Sprintf("generated module, %d packages", n), dir, t, runs, n); err != nil {
			return err
		}
	}
	if largeN > 0 {
		dir := filepath.Join(work, "large")
		if err := generateLarge(dir, largeN); err != nil {
			return err
		}
		if _, err := cmd(dir, "go", "mod", "tidy"); err != nil {
			return err
		}
		if err := measure(fmt.Sprintf("generated module, %d packages over client-go %s, gRPC and gin", largeN, "v0.37.2"), dir, t, runs, largeN); err != nil {
			return err
		}
	}
	for _, c := range checkouts {
		abs, err := filepath.Abs(c)
		if err != nil {
			return err
		}
		if err := measure(abs, abs, t, runs, 0); err != nil {
			return err
		}
	}
	return nil
}

func repoRoot() (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		return "", fmt.Errorf("run from the cookielint module: %v", err)
	}
	return strings.TrimSpace(string(out)), nil
}

func goVersion() string {
	out, _ := exec.Command("go", "env", "GOVERSION").Output()
	return strings.TrimSpace(string(out))
}

// build compiles cookielint and the floor, and installs gosec.
func build(repo, work string) (tools, error) {
	bin := filepath.Join(work, "bin")
	t := tools{filepath.Join(bin, "cookielint"), filepath.Join(bin, "floor"), filepath.Join(bin, "gosec")}
	if _, err := cmd(repo, "go", "build", "-o", t.cookielint, "./cmd/cookielint"); err != nil {
		return t, err
	}
	if _, err := cmd(repo, "go", "build", "-o", t.floor, "./bench/floor"); err != nil {
		return t, err
	}
	c := exec.Command("go", "install", "github.com/securego/gosec/v2/cmd/gosec@"+gosecVersion)
	c.Env = append(os.Environ(), "GOBIN="+bin, "GOFLAGS=")
	if out, err := c.CombinedOutput(); err != nil {
		return t, fmt.Errorf("go install gosec: %v\n%s", err, out)
	}
	return t, nil
}

// sample is one timed run.
type sample struct {
	wall time.Duration
	cpu  time.Duration // user and system time, children included
	rss  int64         // peak resident set size, KiB
}

type result struct {
	name    string
	samples []sample
}

// median is the median wall-clock time of the runs.
func (r result) median() time.Duration {
	return r.medianOf(func(s sample) time.Duration { return s.wall })
}

// cpu is the median CPU time of the runs.
func (r result) cpu() time.Duration { return r.medianOf(func(s sample) time.Duration { return s.cpu }) }

func (r result) medianOf(f func(sample) time.Duration) time.Duration {
	ds := make([]time.Duration, len(r.samples))
	for i, s := range r.samples {
		ds[i] = f(s)
	}
	return medianDuration(ds)
}

// medianDuration is the median of durations.
func medianDuration(ds []time.Duration) time.Duration {
	ds = slices.Clone(ds)
	slices.Sort(ds)
	return ds[len(ds)/2]
}

func (r result) minmax() (time.Duration, time.Duration) {
	lo, hi := r.samples[0].wall, r.samples[0].wall
	for _, s := range r.samples {
		lo, hi = min(lo, s.wall), max(hi, s.wall)
	}
	return lo, hi
}

func (r result) peak() int64 {
	var m int64
	for _, s := range r.samples {
		m = max(m, s.rss)
	}
	return m
}

// timed runs a command and measures it. Exit statuses 1 and 3 mean
// findings for these tools and are not errors.
func timed(dir string, env []string, name string, args ...string) (sample, error) {
	c := exec.Command(name, args...)
	c.Dir = dir
	c.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	c.Stdout, c.Stderr = &out, &out
	start := time.Now()
	err := c.Run()
	wall := time.Since(start)
	if ee, ok := err.(*exec.ExitError); ok && (ee.ExitCode() == 1 || ee.ExitCode() == 3) {
		err = nil
	}
	if err != nil {
		return sample{}, fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out.String())
	}
	var rss int64
	if ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = int64(ru.Maxrss)
	}
	return sample{wall, c.ProcessState.UserTime() + c.ProcessState.SystemTime(), rss}, nil
}

func measure(title, dir string, t tools, runs, pkgs int) error {
	fmt.Printf("\n## %s\n\n", title)
	// Warm the build cache, so that every tool starts from the same place.
	if _, err := cmd(dir, "go", "build", "./..."); err != nil {
		return err
	}
	// For cold go vet runs, a copy of cookielint with a byte appended:
	// another tool ID, so go vet reruns every analysis (the compiled
	// packages stay cached).
	exe, err := os.ReadFile(t.cookielint)
	if err != nil {
		return err
	}
	coldTool := t.cookielint + "-cold"
	vettool := []string{"vet", "-vettool=" + t.cookielint, "./..."}
	cases := []benchCase{
		{exportFloorCase, nil, []string{t.floor, "-nofacts", "./..."}},
		{floorCase, nil, []string{t.floor, "./..."}},
		{"cookielint ./...", nil, []string{t.cookielint, "./..."}},
		{"cookielint ./... with the earlier loading (every dependency that reaches a cookie from source)", nil, []string{t.cookielint, "-debug=w", "./..."}},
		{"do-nothing analyzer with facts, everything loaded whole (singlechecker)", nil, []string{t.floor, "-all", "./..."}},
		{gosecCase, nil, []string{t.gosec, "-quiet", "-include=G124", "-fmt=text", "./..."}},
		{"go vet -vettool (cold)", func(i int) {
			salt := fmt.Sprintf("cookielint-bench-%d-%d", i, time.Now().UnixNano())
			os.WriteFile(coldTool, append(append([]byte{}, exe...), salt...), 0o755)
		}, []string{"go", "vet", "-vettool=" + coldTool, "./..."}},
		{"go vet -vettool (warm)", nil, append([]string{"go"}, vettool...)},
	}
	if golangci != "" {
		cfgs := filepath.Join(filepath.Dir(t.cookielint), "golangci")
		if err := os.MkdirAll(cfgs, 0o755); err != nil {
			return err
		}
		for i, g := range golangciCases {
			cfg := filepath.Join(cfgs, fmt.Sprintf("config%d.yml", i))
			if err := os.WriteFile(cfg, []byte(g.config), 0o644); err != nil {
				return err
			}
			cases = append(cases, benchCase{g.name, func(int) { cmd(dir, golangci, "cache", "clean") }, []string{golangci, "run", "-c", cfg, "./..."}})
		}
	}
	var results []result
	for _, c := range cases {
		r := result{name: c.name}
		if c.name == "go vet -vettool (warm)" { // prime the cache once
			if _, err := timed(dir, nil, c.cmd[0], c.cmd[1:]...); err != nil {
				return err
			}
		}
		for i := 0; i < runs; i++ {
			if c.before != nil {
				c.before(i)
			}
			s, err := timed(dir, nil, c.cmd[0], c.cmd[1:]...)
			if err != nil {
				return err
			}
			r.samples = append(r.samples, s)
		}
		results = append(results, r)
	}
	byName := map[string]result{}
	for _, r := range results {
		byName[r.name] = r
	}
	floor, gosec := byName[exportFloorCase], byName[gosecCase].median()
	fmt.Println("| command | median | min | max | CPU | peak RSS | vs export floor | memory vs export floor | vs gosec |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|")
	for _, r := range results {
		lo, hi := r.minmax()
		fmt.Printf("| %s | %s | %s | %s | %s | %d MB | %.2f | %.2f | %.2f |\n", r.name, secs(r.median()), secs(lo), secs(hi), secs(r.cpu()), r.peak()/1024,
			float64(r.median())/float64(floor.median()), float64(r.peak())/float64(floor.peak()), float64(r.median())/float64(gosec))
	}
	if golangci != "" {
		base := byName["golangci-lint: standard linters"]
		added := func(name string) string {
			r := byName[name]
			return fmt.Sprintf("%+.2f s wall, %+.2f s CPU", (r.median() - base.median()).Seconds(), (r.cpu() - base.cpu()).Seconds())
		}
		fmt.Printf("\nadded to golangci-lint's standard linters (medians): gosec G124 %s; cookielint %s\n",
			added("golangci-lint: standard + gosec G124"), added("golangci-lint: standard + cookielint"))
	}
	if pkgs > 0 {
		fmt.Printf("\ncookielint per package: %.1f ms\n", float64(byName["cookielint ./..."].median().Microseconds())/1000/float64(pkgs))
	}
	return nil
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func cmd(dir, name string, args ...string) (string, error) {
	c := exec.Command(name, args...)
	c.Dir = dir
	out, err := c.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out), nil
}
