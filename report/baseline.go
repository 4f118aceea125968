package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
)

// Baseline records accepted findings by identity, with how many of each.
type Baseline struct {
	Version  int             `json:"version"`
	Findings []BaselineEntry `json:"findings"`
}

// BaselineEntry is one identity and how many findings of it are accepted.
type BaselineEntry struct {
	Identity
	Count int `json:"count"`
}

// NewBaseline records findings.
func NewBaseline(fs []Finding) *Baseline {
	count := map[Identity]int{}
	for _, f := range fs {
		count[f.ID()]++
	}
	b := &Baseline{Version: 1, Findings: []BaselineEntry{}}
	for id, n := range count {
		b.Findings = append(b.Findings, BaselineEntry{Identity: id, Count: n})
	}
	sort.Slice(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		return fmt.Sprint(x.Identity) < fmt.Sprint(y.Identity)
	})
	return b
}

// Write saves the baseline as indented JSON.
func (b *Baseline) Write(path string) error {
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// ReadBaseline loads a baseline file.
func ReadBaseline(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read baseline: %w", err)
	}
	var b Baseline
	if err := json.Unmarshal(data, &b); err != nil {
		line, col := 1, 1
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			line, col = lineCol(data, se.Offset-1) // Offset is just past the bad byte
		case errors.As(err, &te):
			line, col = lineCol(data, te.Offset)
		}
		return nil, fmt.Errorf("%s:%d:%d: not a cookielint baseline (%v); record one with -write-baseline", path, line, col, err)
	}
	if b.Version != 1 {
		return nil, fmt.Errorf("%s:1:1: unsupported baseline version %d; record one with -write-baseline", path, b.Version)
	}
	return &b, nil
}

// New returns the findings the baseline does not cover: for each
// identity, those beyond the accepted count, in order.
func (b *Baseline) New(fs []Finding) []Finding {
	left := map[Identity]int{}
	for _, e := range b.Findings {
		left[e.Identity] += e.Count
	}
	var out []Finding
	for _, f := range fs {
		if left[f.ID()] > 0 {
			left[f.ID()]--
			continue
		}
		out = append(out, f)
	}
	return out
}

// lineCol turns a byte offset into a 1-based line and column.
func lineCol(data []byte, off int64) (int, int) {
	line, col := 1, 1
	for i := int64(0); i < off && i < int64(len(data)); i++ {
		if data[i] == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}
