//go:build linux

package sgwire_test

import (
	"bytes"
	"testing"

	"syscallgen.local/go/sgwire"
)

// TestIntsLittleEndian pins every width to little-endian bytes, whatever the arch's byte order.
func TestIntsLittleEndian(t *testing.T) {
	b := make([]byte, 8)
	sgwire.PutUint8(b, 0x81)
	if b[0] != 0x81 || sgwire.Uint8(b) != 0x81 {
		t.Fatalf("u8 %x", b)
	}
	sgwire.PutUint16(b, 0x0102)
	if !bytes.Equal(b[:2], []byte{2, 1}) || sgwire.Uint16(b) != 0x0102 {
		t.Fatalf("u16 %x", b)
	}
	sgwire.PutUint32(b, 0x01020304)
	if !bytes.Equal(b[:4], []byte{4, 3, 2, 1}) || sgwire.Uint32(b) != 0x01020304 {
		t.Fatalf("u32 %x", b)
	}
	sgwire.PutUint64(b, 0x0102030405060708)
	if !bytes.Equal(b, []byte{8, 7, 6, 5, 4, 3, 2, 1}) || sgwire.Uint64(b) != 0x0102030405060708 {
		t.Fatalf("u64 %x", b)
	}
	sgwire.PutUint64(b, 1<<63|0xff)
	if sgwire.Uint64(b) != 1<<63|0xff || int64(sgwire.Uint64(b)) >= 0 {
		t.Fatalf("u64 top bit %x", b)
	}
}

// TestIntsShortSlice checks that a slice too short for the width panics rather than reading or
// writing past it: the generated code always passes enough, so this is the bounds check at work.
func TestIntsShortSlice(t *testing.T) {
	for name, f := range map[string]func(){
		"Uint16":    func() { sgwire.Uint16(make([]byte, 1)) },
		"Uint32":    func() { sgwire.Uint32(make([]byte, 3)) },
		"Uint64":    func() { sgwire.Uint64(make([]byte, 7)) },
		"PutUint16": func() { sgwire.PutUint16(make([]byte, 1), 1) },
		"PutUint32": func() { sgwire.PutUint32(make([]byte, 3), 1) },
		"PutUint64": func() { sgwire.PutUint64(make([]byte, 7), 1) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}

// TestBool checks the two wire bytes of a bool and that any other byte is refused.
func TestBool(t *testing.T) {
	if sgwire.BoolByte(true) != 1 || sgwire.BoolByte(false) != 0 {
		t.Fatal("BoolByte")
	}
	v := true
	if !sgwire.DecodeBool(&v, 0) || v {
		t.Fatal("0")
	}
	if !sgwire.DecodeBool(&v, 1) || !v {
		t.Fatal("1")
	}
	for _, c := range []byte{2, 0x80, 0xff} {
		if sgwire.DecodeBool(&v, c) || !v {
			t.Fatalf("%d accepted, or changed the value", c)
		}
	}
}

// TestZero checks Zero and IsZero, which pads and tails rely on.
func TestZero(t *testing.T) {
	b := []byte{1, 2, 3, 4}
	if sgwire.IsZero(b) || !sgwire.IsZero(nil) || !sgwire.IsZero(b[:0]) {
		t.Fatal("IsZero")
	}
	sgwire.Zero(b[1:3])
	if !bytes.Equal(b, []byte{1, 0, 0, 4}) || !sgwire.IsZero(b[1:3]) || sgwire.IsZero(b[2:]) {
		t.Fatalf("Zero: %x", b)
	}
}
