//go:build linux

package sgwire_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"syscallgen.local/go/sgwire"
)

// corpusDir holds FuzzCheckFrame's committed seed corpus.
const corpusDir = "testdata/fuzz/FuzzCheckFrame"

// seeds are the frames the fuzzer starts from: every type valid, the control frames included,
// and one rule broken at a time.
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
		"valid-add":       frame(t, typeAdd, 10, []byte{1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0x80}),
		"valid-log":       logFrame(t, 4, "a log line"),
	}
	hello := helloFrame(t, "helper")
	for name, f := range map[string][]byte{
		"valid-ctl-hello":           hello,
		"valid-ctl-hello-long":      helloFrame(t, "a name of thirty-one bytes long"),
		"valid-ctl-welcome":         controlFrame(t, sgwire.TypeWelcome, 0, &sgwire.Welcome{Features: 0x8000000000000003, IntervalMs: 1000}),
		"valid-ctl-ping":            controlFrame(t, sgwire.TypePing, 11, &sgwire.Ping{Nonce: 0x0102030405060708}),
		"valid-ctl-pong":            controlFrame(t, sgwire.TypePong, 11, &sgwire.Ping{Nonce: 0xfffffffffffffffe}),
		"valid-ctl-bye":             controlFrame(t, sgwire.TypeBye, 0, &sgwire.Bye{Reason: 7}),
		"bad-ctl-hello-pad":         edited(hello, func(b []byte) []byte { b[16+2] = 1; return b }),
		"bad-ctl-hello-name-no-nul": edited(helloFrame(t, "a name of thirty-one bytes long"), func(b []byte) []byte { b[16+47] = 'x'; return b }),
		"bad-ctl-hello-after-nul":   edited(hello, func(b []byte) []byte { b[16+40] = 'x'; return b }),
		"bad-ctl-welcome-pad":       edited(controlFrame(t, sgwire.TypeWelcome, 0, &sgwire.Welcome{Features: 1}), func(b []byte) []byte { b[16+15] = 1; return b }),
		"bad-ctl-bye-pad":           edited(controlFrame(t, sgwire.TypeBye, 0, &sgwire.Bye{}), func(b []byte) []byte { b[16+4] = 1; return b }),
		"bad-ctl-length":            edited(controlFrame(t, sgwire.TypePing, 1, &sgwire.Ping{Nonce: 1}), func(b []byte) []byte { b[8] = 7; return b[:len(b)-1] }),
		"bad-ctl-unknown-type":      edited(controlFrame(t, sgwire.TypeBye, 0, &sgwire.Bye{}), func(b []byte) []byte { b[6] = 6; return b }),
		"bad-ctl-version":           edited(hello, func(b []byte) []byte { b[4]++; return b }),
	} {
		s[name] = f
	}
	edit := func(name string, from []byte, change func(b []byte) []byte) {
		s[name] = edited(from, change)
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

// edited is change applied to a copy of from.
func edited(from []byte, change func(b []byte) []byte) []byte {
	return change(append([]byte(nil), from...))
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
