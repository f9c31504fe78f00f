//go:build linux

package sgwire_test

import (
	"encoding/hex"
	"testing"

	"syscallgen.local/go/rawsys"
	"syscallgen.local/go/sgwire"
)

// encoder is a control frame's payload.
type encoder interface{ Encode(b []byte) bool }

// controlFrame encodes a whole control frame of type typ with payload m.
func controlFrame(t testing.TB, typ uint16, seq uint32, m encoder) []byte {
	t.Helper()
	size, _ := controlSize(typ)
	p := make([]byte, size)
	if !m.Encode(p) {
		t.Fatalf("control frame %#x does not encode", typ)
	}
	return frame(t, typ, seq, p)
}

// controlSize is the payload size and the direction the control frame type typ has by DESIGN.md.
func controlSize(typ uint16) (int, sgwire.Direction) {
	switch typ {
	case sgwire.TypeHello:
		return 48, sgwire.ToKernel
	case sgwire.TypeWelcome:
		return 16, sgwire.ToHelper
	case sgwire.TypePing:
		return 8, sgwire.ToHelper
	case sgwire.TypePong:
		return 8, sgwire.ToKernel
	case sgwire.TypeBye:
		return 8, sgwire.ToKernel
	}
	return -1, 0
}

// helloFrame is a hello of runtime version 1, pid 4660, features 0x8000000000000005 and name.
func helloFrame(t testing.TB, name string) []byte {
	m := sgwire.Hello{RuntimeVersion: 1, Pid: 0x1234, Features: 0x8000000000000005}
	if !sgwire.SetText(m.Name[:], name) {
		t.Fatalf("name %q does not fit", name)
	}
	return controlFrame(t, sgwire.TypeHello, 0, &m)
}

// logFrame is a log message of the test protocol, as a generated package encodes it.
func logFrame(t testing.TB, level byte, text string) []byte {
	p := make([]byte, logSize)
	p[0] = level
	sgwire.SetText(p[1:241], text)
	return frame(t, typeLog, 0, p)
}

// TestControlPayloads pins the bytes of each control frame's payload, little-endian and padded
// to 8, and their round trip.
func TestControlPayloads(t *testing.T) {
	hello := sgwire.Hello{RuntimeVersion: 1, Pid: 0x01020304, Features: 0x1122334455667788}
	sgwire.SetText(hello.Name[:], "helper")
	for _, c := range []struct {
		name string
		m    encoder
		size int
		want string
	}{
		{"hello", &hello, sgwire.HelloSize, "0100" + "0000" + "04030201" + "8877665544332211" + hex.EncodeToString([]byte("helper")) + zeros(26)},
		{"welcome", &sgwire.Welcome{Features: 0x0102030405060708, IntervalMs: 1000}, sgwire.WelcomeSize, "0807060504030201" + "e8030000" + "00000000"},
		{"ping", &sgwire.Ping{Nonce: 0xa1a2a3a4a5a6a7a8}, sgwire.PingSize, "a8a7a6a5a4a3a2a1"},
		{"bye", &sgwire.Bye{Reason: 0x0a0b0c0d}, sgwire.ByeSize, "0d0c0b0a" + "00000000"},
	} {
		b := make([]byte, c.size)
		for i := range b {
			b[i] = 0xee // every byte is written, pads included
		}
		if !c.m.Encode(b) || hex.EncodeToString(b) != c.want {
			t.Errorf("%s: %x\nwant %s", c.name, b, c.want)
		}
		if c.m.Encode(make([]byte, c.size+1)) || c.m.Encode(make([]byte, c.size-1)) {
			t.Errorf("%s: encodes into a buffer of another size", c.name)
		}
	}
	if size, dir := controlSize(sgwire.TypeHello); size != sgwire.HelloSize || dir != sgwire.ToKernel {
		t.Fatal("HelloSize")
	}
	if sgwire.WelcomeSize != 16 || sgwire.PingSize != 8 || sgwire.ByeSize != 8 || sgwire.RuntimeVersion != 1 || sgwire.NameMax != 31 {
		t.Fatal("the sizes are DESIGN.md's")
	}

	var h sgwire.Hello
	b := make([]byte, sgwire.HelloSize)
	hello.Encode(b)
	if !h.Decode(b) || h != hello {
		t.Fatalf("hello round trip: %+v", h)
	}
	var noNul sgwire.Hello
	for i := range noNul.Name {
		noNul.Name[i] = 'a'
	}
	if noNul.Encode(b) {
		t.Fatal("a name without a NUL encodes")
	}
	var w sgwire.Welcome
	wb := make([]byte, sgwire.WelcomeSize)
	(&sgwire.Welcome{Features: 3, IntervalMs: 250}).Encode(wb)
	if !w.Decode(wb) || w.Features != 3 || w.IntervalMs != 250 {
		t.Fatalf("welcome round trip: %+v", w)
	}
	var p sgwire.Ping
	if !p.Decode([]byte{1, 0, 0, 0, 0, 0, 0, 0x80}) || p.Nonce != 0x8000000000000001 {
		t.Fatalf("ping: %x", p.Nonce)
	}
	var y sgwire.Bye
	if !y.Decode([]byte{7, 0, 0, 0, 0, 0, 0, 0}) || y.Reason != 7 {
		t.Fatalf("bye: %d", y.Reason)
	}
}

func zeros(n int) string { return hex.EncodeToString(make([]byte, n)) }

// TestControlDecodeRejects breaks one payload rule at a time.
func TestControlDecodeRejects(t *testing.T) {
	hello := helloFrame(t, "helper")[sgwire.HeaderSize:]
	welcome := controlFrame(t, sgwire.TypeWelcome, 0, &sgwire.Welcome{Features: 1})[sgwire.HeaderSize:]
	bye := controlFrame(t, sgwire.TypeBye, 0, &sgwire.Bye{Reason: 1})[sgwire.HeaderSize:]
	for name, c := range map[string]struct {
		from   []byte
		change func(b []byte) []byte
		decode func(b []byte) bool
	}{
		"hello pad":            {hello, func(b []byte) []byte { b[3] = 1; return b }, decodeHello},
		"hello name no NUL":    {hello, func(b []byte) []byte { copy(b[16:], "0123456789abcdef0123456789abcdef"); return b }, decodeHello},
		"hello after the NUL":  {hello, func(b []byte) []byte { b[47] = 'x'; return b }, decodeHello},
		"hello short":          {hello, func(b []byte) []byte { return b[:47] }, decodeHello},
		"hello long":           {hello, func(b []byte) []byte { return append(b, 0) }, decodeHello},
		"welcome pad":          {welcome, func(b []byte) []byte { b[12] = 1; return b }, decodeWelcome},
		"welcome pad high":     {welcome, func(b []byte) []byte { b[15] = 0x80; return b }, decodeWelcome},
		"welcome short":        {welcome, func(b []byte) []byte { return b[:15] }, decodeWelcome},
		"bye pad":              {bye, func(b []byte) []byte { b[4] = 1; return b }, decodeBye},
		"bye pad high":         {bye, func(b []byte) []byte { b[7] = 1; return b }, decodeBye},
		"bye long":             {bye, func(b []byte) []byte { return append(b, 0) }, decodeBye},
		"ping short":           {make([]byte, 8), func(b []byte) []byte { return b[:7] }, decodePing},
		"ping long":            {make([]byte, 8), func(b []byte) []byte { return append(b, 0) }, decodePing},
		"hello is not welcome": {hello, func(b []byte) []byte { return b }, decodeWelcome},
	} {
		if c.decode(edited(c.from, c.change)) {
			t.Errorf("%s: decoded", name)
		}
	}
	for name, c := range map[string]struct {
		b      []byte
		decode func(b []byte) bool
	}{"hello": {hello, decodeHello}, "welcome": {welcome, decodeWelcome}, "bye": {bye, decodeBye}, "ping": {make([]byte, 8), decodePing}} {
		if !c.decode(c.b) {
			t.Errorf("%s: the valid payload is refused", name)
		}
	}
}

func decodeHello(b []byte) bool   { var m sgwire.Hello; return m.Decode(b) }
func decodeWelcome(b []byte) bool { var m sgwire.Welcome; return m.Decode(b) }
func decodePing(b []byte) bool    { var m sgwire.Ping; return m.Decode(b) }
func decodeBye(b []byte) bool     { var m sgwire.Bye; return m.Decode(b) }

// TestControlHeaders checks that every protocol accepts the control frames, each its own way and
// size only, after its own types, and of its own version only.
func TestControlHeaders(t *testing.T) {
	for _, typ := range []uint16{sgwire.TypeHello, sgwire.TypeWelcome, sgwire.TypePing, sgwire.TypePong, sgwire.TypeBye} {
		size, dir := controlSize(typ)
		f := frame(t, typ, 3, make([]byte, size))
		if got, n, err := proto.CheckHeader(f, dir); err != nil || got != typ || n != size {
			t.Errorf("%#x: %d %d %v", typ, got, n, err)
		}
		if _, _, _, err := proto.CheckFrame(f, dir); err != nil {
			t.Errorf("%#x: CheckFrame: %v", typ, err)
		}
		if _, _, err := proto.CheckHeader(f, both&^dir); err != rawsys.EBADMSG {
			t.Errorf("%#x the other way: %v", typ, err)
		}
		for _, n := range []int{size - 1, size + 1, size + 8} {
			g := frame(t, typ, 3, make([]byte, n))
			if _, _, err := proto.CheckHeader(g, both); err != rawsys.EBADMSG {
				t.Errorf("%#x of %d bytes: %v", typ, n, err)
			}
		}
		v := edited(f, func(b []byte) []byte { b[4]++; return b })
		if _, _, err := proto.CheckHeader(v, both); err != rawsys.EPROTO {
			t.Errorf("%#x of another version: %v", typ, err)
		}
	}
	for _, typ := range []uint16{0xff00, 0xff06, 0xffff, 0xfeff} {
		for _, n := range []int{0, 8, 16, 48} {
			if _, _, err := proto.CheckHeader(frame(t, typ, 0, make([]byte, n)), both); err != rawsys.EBADMSG {
				t.Errorf("unknown type %#x of %d bytes: %v", typ, n, err)
			}
		}
	}
	// The protocol's own table comes first: a protocol declaring 0xff03 (which validation
	// forbids) gets its own size for it.
	own := sgwire.Protocol{Magic: proto.Magic, Version: proto.Version, Message: func(typ uint16) (int, sgwire.Direction) {
		if typ == sgwire.TypePing {
			return 0, sgwire.ToKernel
		}
		return message(typ)
	}}
	if _, n, err := own.CheckHeader(frame(t, sgwire.TypePing, 0, nil), sgwire.ToKernel); err != nil || n != 0 {
		t.Errorf("the protocol's own 0xff03: %d %v", n, err)
	}
	if _, _, err := own.CheckHeader(frame(t, sgwire.TypePing, 0, make([]byte, 8)), both); err != rawsys.EBADMSG {
		t.Errorf("the control ping where the protocol has its own: %v", err)
	}
}

// TestControlSend checks that each side sends only its own control frames.
func TestControlSend(t *testing.T) {
	helper, kernel, _ := pair(t)
	for _, c := range []struct {
		c    *sgwire.Conn
		side string
		typ  uint16
		ok   bool
	}{
		{helper, "helper", sgwire.TypeHello, true},
		{helper, "helper", sgwire.TypePong, true},
		{helper, "helper", sgwire.TypeBye, true},
		{helper, "helper", sgwire.TypeWelcome, false},
		{helper, "helper", sgwire.TypePing, false},
		{kernel, "kernel", sgwire.TypeWelcome, true},
		{kernel, "kernel", sgwire.TypePing, true},
		{kernel, "kernel", sgwire.TypeHello, false},
		{kernel, "kernel", sgwire.TypePong, false},
		{kernel, "kernel", sgwire.TypeBye, false},
	} {
		size, _ := controlSize(c.typ)
		err := send(c.c, c.typ, 1, make([]byte, size))
		if c.ok && err != nil || !c.ok && err != rawsys.EINVAL {
			t.Errorf("%s sends %#x: %v", c.side, c.typ, err)
		}
		if !c.ok {
			continue
		}
		other := kernel
		if c.c == kernel {
			other = helper
		}
		if typ, p, _, err := other.Recv(); err != nil || typ != c.typ || len(p) != size {
			t.Errorf("%#x received: %#x %d %v", c.typ, typ, len(p), err)
		}
	}
}
