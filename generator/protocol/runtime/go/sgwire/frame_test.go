//go:build linux

package sgwire_test

import (
	"encoding/hex"
	"testing"

	"syscallgen.local/go/rawsys"
	"syscallgen.local/go/sgwire"
)

// TestStartFrame pins the header's bytes: magic, version, type, length, seq, little-endian.
func TestStartFrame(t *testing.T) {
	b := make([]byte, 64)
	f, err := proto.StartFrame(b, typeCount, 8, 0x01020304)
	if err != nil || len(f) != sgwire.HeaderSize+8 || &f[0] != &b[0] {
		t.Fatalf("%d bytes, %v", len(f), err)
	}
	if got := hex.EncodeToString(f[:sgwire.HeaderSize]); got != "52574753"+"0300"+"0200"+"08000000"+"04030201" {
		t.Fatalf("header %s", got)
	}
	if _, err := proto.StartFrame(b[:sgwire.HeaderSize+7], typeCount, 8, 0); err != sgwire.ErrNoSpace || err != rawsys.ENOSPC {
		t.Fatalf("short buffer: %v", err)
	}
	if _, err := proto.StartFrame(b, typeCount, -1, 0); err != sgwire.ErrNoSpace {
		t.Fatalf("negative size: %v", err)
	}
}

// TestCheckHeader breaks one rule of a valid header at a time; the magic is checked before the
// version, so a frame of another protocol is malformed, not another version.
func TestCheckHeader(t *testing.T) {
	valid := frame(t, typeCount, 7, make([]byte, 8))
	if typ, size, err := proto.CheckHeader(valid[:sgwire.HeaderSize], sgwire.ToKernel); err != nil || typ != typeCount || size != 8 {
		t.Fatalf("valid: %d %d %v", typ, size, err)
	}
	for name, c := range map[string]struct {
		edit   func(h []byte)
		accept sgwire.Direction
		want   error
	}{
		"magic":                {func(h []byte) { h[0] ^= 0xff }, both, rawsys.EBADMSG},
		"version":              {func(h []byte) { h[4] = 4 }, both, rawsys.EPROTO},
		"magic before version": {func(h []byte) { h[0] ^= 0xff; h[4] = 4 }, both, rawsys.EBADMSG},
		"unknown type":         {func(h []byte) { h[6] = 9 }, both, rawsys.EBADMSG},
		"type 0, another size": {func(h []byte) { h[6] = 0 }, both, rawsys.EBADMSG},
		"direction":            {func(h []byte) {}, sgwire.ToHelper, rawsys.EBADMSG},
		"no direction":         {func(h []byte) {}, 0, rawsys.EBADMSG},
		"length short":         {func(h []byte) { h[8] = 7 }, both, rawsys.EBADMSG},
		"length long":          {func(h []byte) { h[8] = 9 }, both, rawsys.EBADMSG},
		"length high byte":     {func(h []byte) { h[11] = 1 }, both, rawsys.EBADMSG},
	} {
		h := append([]byte(nil), valid[:sgwire.HeaderSize]...)
		c.edit(h)
		if typ, size, err := proto.CheckHeader(h, c.accept); err != c.want || typ != 0 || size != 0 {
			t.Errorf("%s: %d %d %v, want %v", name, typ, size, err, c.want)
		}
	}
	if _, _, err := proto.CheckHeader(valid[:sgwire.HeaderSize-1], both); err != sgwire.ErrBadMsg {
		t.Errorf("short header: %v", err)
	}
}

// TestCheckFrame checks the frame's length against its header, and what it returns.
func TestCheckFrame(t *testing.T) {
	f := frame(t, typeCount, 0xfffffffe, []byte{1, 2, 3, 4, 5, 6, 7, 8})
	typ, p, seq, err := proto.CheckFrame(f, sgwire.ToKernel)
	if err != nil || typ != typeCount || seq != 0xfffffffe || sgwire.Uint64(p) != 0x0807060504030201 || &p[0] != &f[sgwire.HeaderSize] {
		t.Fatalf("%d %x %x %v", typ, p, seq, err)
	}
	for name, b := range map[string][]byte{
		"empty":            nil,
		"header cut short": f[:sgwire.HeaderSize-1],
		"payload cut":      f[:len(f)-1],
		"one byte over":    append(append([]byte(nil), f...), 0),
	} {
		if typ, p, seq, err := proto.CheckFrame(b, both); err != sgwire.ErrBadMsg || typ != 0 || p != nil || seq != 0 {
			t.Errorf("%s: %d %x %d %v", name, typ, p, seq, err)
		}
	}
	ping := frame(t, typePing, 1, nil)
	if typ, p, _, err := proto.CheckFrame(ping, sgwire.ToHelper); err != nil || typ != typePing || len(p) != 0 {
		t.Fatalf("ping: %d %v", typ, err)
	}
}

// TestFrameNoAllocs checks that framing and checking allocate nothing, rejections included.
func TestFrameNoAllocs(t *testing.T) {
	good := noteFrame(t, 1, "text", []byte{1, 2})
	bad := append([]byte(nil), good...)
	bad[4] = 9
	buf := make([]byte, sgwire.MaxFrame)
	var m note
	allocs := testing.AllocsPerRun(200, func() {
		f, _ := proto.StartFrame(buf, typeNote, noteSize, 2)
		m.encode(f[sgwire.HeaderSize:])
		// A frame on the caller's stack stays there.
		var local [sgwire.HeaderSize + noteSize]byte
		f, _ = proto.StartFrame(local[:], typeNote, noteSize, 3)
		m.encode(f[sgwire.HeaderSize:])
		_, p, _, _ := proto.CheckFrame(local[:], both)
		m.decode(p)
		_, p, _, _ = proto.CheckFrame(good, both)
		m.decode(p)
		_, _, _, _ = proto.CheckFrame(bad, both)
		_, _, _, _ = proto.CheckFrame(good[:3], both)
	})
	t.Logf("allocs per frame encoded, decoded and rejected: %v", allocs)
	if allocs != 0 {
		t.Fatalf("%v allocations", allocs)
	}
}
