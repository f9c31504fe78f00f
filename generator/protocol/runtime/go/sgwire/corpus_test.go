//go:build linux

package sgwire_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// corpusDir holds FuzzCheckFrame's committed seed corpus.
const corpusDir = "testdata/fuzz/FuzzCheckFrame"

// seeds are the frames the fuzzer starts from: every type valid, and one rule broken at a time.
func seeds(t testing.TB) map[string][]byte {
	note := noteFrame(t, 7, "note", []byte{1, 2, 3})
	full := noteFrame(t, 8, "fifteen bytes..", []byte{1, 2, 3, 4, 5, 6})
	count := frame(t, typeCount, 9, []byte{1, 2, 3, 4, 5, 6, 7, 0xff})
	s := map[string][]byte{
		"valid-ping":      frame(t, typePing, 0, nil),
		"valid-ping-seq":  frame(t, typePing, 0xffffffff, nil),
		"valid-count":     count,
		"valid-note":      note,
		"valid-note-full": full,
		"valid-note-zero": noteFrame(t, 0, "", nil),
	}
	edit := func(name string, from []byte, change func(b []byte) []byte) {
		s[name] = change(append([]byte(nil), from...))
	}
	edit("bad-magic", count, func(b []byte) []byte { b[0] ^= 0xff; return b })
	edit("bad-version", count, func(b []byte) []byte { b[4]++; return b })
	edit("bad-magic-before-version", count, func(b []byte) []byte { b[0] ^= 0xff; b[4]++; return b })
	edit("bad-unknown-type", count, func(b []byte) []byte { b[6] = 4; return b })
	edit("bad-length-short", count, func(b []byte) []byte { b[8]--; return b })
	edit("bad-length-long", count, func(b []byte) []byte { b[8]++; return b })
	edit("bad-truncated-header", count, func(b []byte) []byte { return b[:15] })
	edit("bad-truncated", count, func(b []byte) []byte { return b[:len(b)-1] })
	edit("bad-over-long", count, func(b []byte) []byte { return append(b, 0) })
	edit("bad-note-text-no-nul", full, func(b []byte) []byte { b[16+15] = 'x'; return b })
	edit("bad-note-text-after-nul", note, func(b []byte) []byte { b[16+15] = 'x'; return b })
	edit("bad-note-blob-length-over", note, func(b []byte) []byte { b[32] = 7; return b })
	edit("bad-note-blob-past-length", note, func(b []byte) []byte { b[39] = 1; return b })
	return s
}

// corpusEntry is one corpus file: a []byte argument as a Go string literal, every byte escaped.
func corpusEntry(b []byte) string {
	const digits = "0123456789abcdef"
	var e strings.Builder
	e.WriteString("go test fuzz v1\n[]byte(\"")
	for _, c := range b {
		e.WriteString(`\x`)
		e.WriteByte(digits[c>>4])
		e.WriteByte(digits[c&15])
	}
	e.WriteString("\")\n")
	return e.String()
}

// TestSeedCorpus checks that the committed corpus is the seeds; SGWIRE_UPDATE_CORPUS=1 rewrites it.
func TestSeedCorpus(t *testing.T) {
	want := seeds(t)
	if os.Getenv("SGWIRE_UPDATE_CORPUS") == "1" {
		check(t, os.RemoveAll(corpusDir))
		check(t, os.MkdirAll(corpusDir, 0o755))
		for name, b := range want {
			check(t, os.WriteFile(filepath.Join(corpusDir, name), []byte(corpusEntry(b)), 0o644))
		}
	}
	entries, err := os.ReadDir(corpusDir)
	check(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
		data, err := os.ReadFile(filepath.Join(corpusDir, e.Name()))
		check(t, err)
		if b, ok := want[e.Name()]; !ok || string(data) != corpusEntry(b) {
			t.Errorf("%s is not a seed, or is stale: rerun with SGWIRE_UPDATE_CORPUS=1", e.Name())
		}
	}
	for name := range want {
		if !slices.Contains(names, name) {
			t.Errorf("seed %s is missing: rerun with SGWIRE_UPDATE_CORPUS=1", name)
		}
	}
}
