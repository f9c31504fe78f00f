//go:build linux

package sgwire_test

import (
	"testing"

	"syscallgen.local/go/rawsys"
	"syscallgen.local/go/sgwire"
)

// The test protocol: five message types, as a generated package would describe them.
const (
	typeLog   = 0 // the log message every protocol has: level u8, text char[240], pad, helper to driver
	typePing  = 1 // no payload, either way
	typeCount = 2 // a u64, helper to driver; the reply of the add call
	typeNote  = 3 // a string of at most 15 bytes at 0, bytes of at most 6 at 16, driver to helper
	typeAdd   = 5 // two u64, driver to helper: the request of a call whose reply is a count

	logSize  = 248
	noteSize = 24
	addSize  = 16
	both     = sgwire.ToKernel | sgwire.ToHelper
)

func message(t uint16) (int, sgwire.Direction) {
	switch t {
	case typeLog:
		return logSize, sgwire.ToKernel
	case typePing:
		return 0, both
	case typeCount:
		return 8, sgwire.ToKernel
	case typeNote:
		return noteSize, sgwire.ToHelper
	case typeAdd:
		return addSize, sgwire.ToHelper
	}
	return -1, 0
}

var proto = sgwire.Protocol{Magic: 0x53475752, Version: 3, Message: message}

// note is the test protocol's note message, as a generated package would declare it.
type note struct {
	text    [16]byte
	dataLen uint16
	data    [6]byte
}

func (m *note) encode(b []byte) bool {
	return sgwire.EncodeText(b[0:16], m.text[:]) && sgwire.EncodeBlob(b[16:24], m.dataLen, m.data[:])
}

func (m *note) decode(b []byte) bool {
	return sgwire.DecodeText(m.text[:], b[0:16]) && sgwire.DecodeBlob(&m.dataLen, m.data[:], b[16:24])
}

// frame encodes a whole frame of type t with payload p.
func frame(t testing.TB, typ uint16, seq uint32, p []byte) []byte {
	t.Helper()
	b := make([]byte, sgwire.HeaderSize+len(p))
	f, err := proto.StartFrame(b, typ, len(p), seq)
	if err != nil {
		t.Fatal(err)
	}
	copy(f[sgwire.HeaderSize:], p)
	return f
}

// noteFrame encodes a note frame holding text and data.
func noteFrame(t testing.TB, seq uint32, text string, data []byte) []byte {
	t.Helper()
	var m note
	sgwire.SetText(m.text[:], text)
	sgwire.SetBlob(&m.dataLen, m.data[:], data)
	p := make([]byte, noteSize)
	if !m.encode(p) {
		t.Fatalf("note %q %x does not encode", text, data)
	}
	return frame(t, typeNote, seq, p)
}

// pipe returns a pipe's read and write ends, closed at the end of the test unless closed first.
func pipe(t *testing.T) (r, w int) {
	t.Helper()
	p := make([]int, 2)
	if err := rawsys.Pipe2(p, rawsys.O_CLOEXEC); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rawsys.Close(p[0]); rawsys.Close(p[1]) })
	return p[0], p[1]
}

func writeAll(t *testing.T, fd int, b []byte) {
	t.Helper()
	if n, err := rawsys.Write(fd, b); err != nil || n != len(b) {
		t.Fatalf("write: %d, %v", n, err)
	}
}

func check(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
