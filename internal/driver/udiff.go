package driver

// This file shows what -fix -diff would change: a unified diff of lines.

import (
	"fmt"
	"strings"
)

// unifiedDiff returns the unified diff, with three lines of context, that
// turns before into after, under the header names from and to; "" when
// they are equal.
func unifiedDiff(from, to, before, after string) string {
	if before == after {
		return ""
	}
	a, b := splitLines(before), splitLines(after)
	ops := diffLines(a, b)
	const context = 3
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", from, to)
	// Group the operations into hunks: runs of changes with at most
	// 2*context equal lines between them.
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		start := max(i-context, 0)
		for start < i && ops[start].kind != ' ' {
			start++
		}
		end := i
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			run := end
			for run < len(ops) && ops[run].kind == ' ' {
				run++
			}
			if run == len(ops) || run-end > 2*context {
				end = min(end+context, run)
				break
			}
			end = run
		}
		var aLines, bLines int
		for _, op := range ops[start:end] {
			if op.kind != '+' {
				aLines++
			}
			if op.kind != '-' {
				bLines++
			}
		}
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(ops[start].a, aLines), hunkRange(ops[start].b, bLines))
		for _, op := range ops[start:end] {
			line := op.line
			out.WriteByte(op.kind)
			out.WriteString(line)
			if !strings.HasSuffix(line, "\n") {
				out.WriteString("\n\\ No newline at end of file\n")
			}
		}
		i = end
	}
	return out.String()
}

// hunkRange is a hunk header's range: first line (1-based) and count; an
// empty range names the line before it.
func hunkRange(first, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", first)
	}
	if n == 1 {
		return fmt.Sprint(first + 1)
	}
	return fmt.Sprintf("%d,%d", first+1, n)
}

func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// A lineOp keeps (' '), deletes ('-') or inserts ('+') a line; a and b are
// the 0-based line numbers in before and after where it happens.
type lineOp struct {
	kind byte
	line string
	a, b int
}

// diffLines is a shortest edit script from a to b (Myers' algorithm,
// after the common prefix and suffix are set aside, which for the edits of
// fixes leaves little).
func diffLines(a, b []string) []lineOp {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []lineOp
	for i := 0; i < pre; i++ {
		ops = append(ops, lineOp{' ', a[i], i, i})
	}
	ops = append(ops, myers(a[pre:len(a)-suf], b[pre:len(b)-suf], pre, pre)...)
	for i := 0; i < suf; i++ {
		ai, bi := len(a)-suf+i, len(b)-suf+i
		ops = append(ops, lineOp{' ', a[ai], ai, bi})
	}
	return ops
}

// myers returns the edit script from a to b; a0 and b0 are their first
// lines' numbers.
func myers(a, b []string, a0, b0 int) []lineOp {
	n, m := len(a), len(b)
	maxD := n + m
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	var trace [][]int
	for d := 0; d <= maxD; d++ {
		trace = append(trace, append([]int(nil), v...))
		done := false
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				done = true
				break
			}
		}
		if done {
			trace = append(trace, v)
			break
		}
	}
	// Walk back from (n, m) through the saved frontiers.
	var rev []lineOp
	x, y := n, m
	for d := len(trace) - 2; d >= 0 && (x > 0 || y > 0); d-- {
		vd := trace[d]
		k := x - y
		var prevK int
		if k == -d || k != d && vd[off+k-1] < vd[off+k+1] {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := vd[off+prevK]
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x--
			y--
			rev = append(rev, lineOp{' ', a[x], a0 + x, b0 + y})
		}
		if d == 0 {
			break
		}
		if x == prevX {
			y--
			rev = append(rev, lineOp{'+', b[y], a0 + x, b0 + y})
		} else {
			x--
			rev = append(rev, lineOp{'-', a[x], a0 + x, b0 + y})
		}
	}
	for x > 0 && y > 0 { // the common run at d = 0
		x--
		y--
		rev = append(rev, lineOp{' ', a[x], a0 + x, b0 + y})
	}
	ops := make([]lineOp, len(rev))
	for i, op := range rev {
		ops[len(rev)-1-i] = op
	}
	return ops
}
