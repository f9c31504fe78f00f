//go:build linux

package sgwire_test

import (
	"bytes"
	"strings"
	"testing"

	"syscallgen.local/go/sgwire"
)

// TestSetText checks that Set stores what fits, cuts at the bound or at a NUL, and zeroes the rest.
func TestSetText(t *testing.T) {
	var a [8]byte
	copy(a[:], "xxxxxxxx")
	if !sgwire.SetText(a[:], "abc") || string(a[:]) != "abc\x00\x00\x00\x00\x00" {
		t.Fatalf("short: %q", a)
	}
	if sgwire.SetText(a[:], "abcdefgh") || string(a[:]) != "abcdefg\x00" {
		t.Fatalf("long: %q", a)
	}
	if sgwire.SetText(a[:], "ab\x00cd") || string(a[:]) != "ab\x00\x00\x00\x00\x00\x00" {
		t.Fatalf("NUL: %q", a)
	}
	if !sgwire.SetText(a[:], "") || !sgwire.IsZero(a[:]) {
		t.Fatalf("empty: %q", a)
	}
	if got := sgwire.TextBytes(a[:]); len(got) != 0 {
		t.Fatalf("empty text %q", got)
	}
}

// TestTextBytes checks the view up to the NUL, and that it is a view.
func TestTextBytes(t *testing.T) {
	a := []byte("hi\x00junk")
	if got := sgwire.TextBytes(a); string(got) != "hi" || &got[0] != &a[0] {
		t.Fatalf("%q", got)
	}
	if got := sgwire.TextBytes([]byte("full")); string(got) != "full" {
		t.Fatalf("no NUL: %q", got)
	}
}

// TestEncodeText checks that junk past the NUL never reaches the wire, and that a text without
// a NUL or a destination of another size is refused.
func TestEncodeText(t *testing.T) {
	dst := bytes.Repeat([]byte{0xee}, 8)
	if !sgwire.EncodeText(dst, []byte("ab\x00junk\x00")) || string(dst) != "ab\x00\x00\x00\x00\x00\x00" {
		t.Fatalf("%q", dst)
	}
	if sgwire.EncodeText(dst, []byte("abcdefgh")) {
		t.Fatal("no NUL accepted")
	}
	if sgwire.EncodeText(dst[:7], []byte("ab\x00junk\x00")) {
		t.Fatal("short destination accepted")
	}
}

// TestDecodeText checks every rule of a string field on the wire.
func TestDecodeText(t *testing.T) {
	for src, ok := range map[string]bool{
		"abc\x00\x00\x00\x00\x00":          true,
		"\x00\x00\x00\x00\x00\x00\x00\x00": true,
		"abcdefg\x00":                      true,
		"abcdefgh":                         false, // no NUL
		"ab\x00\x00\x00\x00\x00x":          false, // a byte after the NUL
		"ab\x00c\x00\x00\x00\x00":          false,
	} {
		a := bytes.Repeat([]byte{0xee}, 8)
		if got := sgwire.DecodeText(a, []byte(src)); got != ok {
			t.Errorf("%q: %v, want %v", src, got, ok)
		} else if ok && string(a) != src {
			t.Errorf("%q: decoded %q", src, a)
		}
	}
	if sgwire.DecodeText(make([]byte, 8), make([]byte, 9)) {
		t.Error("sizes differ, accepted")
	}
}

// TestBlob checks Set's cut, the length-bounded view, and the wire rules of a bytes field.
func TestBlob(t *testing.T) {
	var n uint16
	data := bytes.Repeat([]byte{0xee}, 4)
	if !sgwire.SetBlob(&n, data, []byte{1, 2}) || n != 2 || !bytes.Equal(data, []byte{1, 2, 0, 0}) {
		t.Fatalf("short: %d %x", n, data)
	}
	if sgwire.SetBlob(&n, data, []byte{1, 2, 3, 4, 5}) || n != 4 || !bytes.Equal(data, []byte{1, 2, 3, 4}) {
		t.Fatalf("long: %d %x", n, data)
	}
	if got := sgwire.BlobBytes(3, data); !bytes.Equal(got, []byte{1, 2, 3}) || &got[0] != &data[0] {
		t.Fatalf("view %x", got)
	}
	if got := sgwire.BlobBytes(500, data); len(got) != 4 {
		t.Fatalf("view past the data: %d bytes", len(got))
	}

	wire := bytes.Repeat([]byte{0xee}, 6)
	if !sgwire.EncodeBlob(wire, 1, data) || !bytes.Equal(wire, []byte{1, 0, 1, 0, 0, 0}) {
		t.Fatalf("encode %x", wire)
	}
	if sgwire.EncodeBlob(wire, 5, data) || sgwire.EncodeBlob(wire[:5], 1, data) {
		t.Fatal("a length past the bound, or a short destination, accepted")
	}
	for src, want := range map[string]int{
		"\x00\x00\x00\x00\x00\x00": 0,
		"\x04\x00\x01\x02\x03\x04": 4,
		"\x02\x00\xff\xfe\x00\x00": 2,
		"\x05\x00\x01\x02\x03\x04": -1, // length past the bound
		"\x02\x00\x01\x02\x03\x00": -1, // a byte past the length
		"\x00\x01\x00\x00\x00\x00": -1, // 256, little-endian
	} {
		var got uint16
		out := make([]byte, 4)
		ok := sgwire.DecodeBlob(&got, out, []byte(src))
		if ok != (want >= 0) || ok && (int(got) != want || !bytes.Equal(out, []byte(src)[2:])) {
			t.Errorf("%x: %v, length %d, data %x", src, ok, got, out)
		}
	}
	if sgwire.DecodeBlob(&n, data, make([]byte, 1)) {
		t.Error("a source shorter than the length accepted")
	}
}

// TestFieldsRoundTrip encodes and decodes texts and blobs of every length up to the bound.
func TestFieldsRoundTrip(t *testing.T) {
	for i := 0; i <= 15; i++ {
		in := noteFrame(t, uint32(i), strings.Repeat("é", i)[:i], bytes.Repeat([]byte{byte(i)}, min(i, 6)))
		typ, p, seq, err := proto.CheckFrame(in, both)
		var m note
		if err != nil || typ != typeNote || seq != uint32(i) || !m.decode(p) {
			t.Fatalf("%d: %v %v", i, typ, err)
		}
		if string(sgwire.TextBytes(m.text[:])) != strings.Repeat("é", i)[:i] || len(sgwire.BlobBytes(m.dataLen, m.data[:])) != min(i, 6) {
			t.Fatalf("%d: %q %x", i, m.text, m.data)
		}
	}
}
