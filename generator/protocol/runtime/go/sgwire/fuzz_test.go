//go:build linux

package sgwire_test

import (
	"bytes"
	"testing"

	"syscallgen.local/go/rawsys"
	"syscallgen.local/go/sgwire"
)

// FuzzCheckFrame feeds CheckFrame, and the payload decoders of the test protocol and of the
// control frames after it, arbitrary bytes under every direction mask: nothing may panic, a
// rejection is EBADMSG or EPROTO, and a frame accepted whole must encode back to the same bytes
// (so checking and decoding lose nothing and accept nothing non-canonical). The seed corpus is
// in testdata/fuzz/FuzzCheckFrame.
func FuzzCheckFrame(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, accept := range []sgwire.Direction{0, sgwire.ToKernel, sgwire.ToHelper, both} {
			typ, p, seq, err := proto.CheckFrame(b, accept)
			if err != nil {
				if err != rawsys.EBADMSG && err != rawsys.EPROTO {
					t.Fatalf("accept %d: error %v", accept, err)
				}
				if typ != 0 || p != nil || seq != 0 {
					t.Fatalf("accept %d: rejected with results %d %x %d", accept, typ, p, seq)
				}
				continue
			}
			if accept == 0 {
				t.Fatal("accepted with an empty direction mask")
			}
			size, dir := message(typ)
			if size < 0 {
				size, dir = controlSize(typ)
			}
			if len(p) != size || dir&accept == 0 || size > 0 && &p[0] != &b[sgwire.HeaderSize] {
				t.Fatalf("type %d: a %d-byte payload for direction %d, or not a view of the frame", typ, len(p), accept)
			}
			out := make([]byte, sgwire.MaxFrame)
			frame, err := proto.StartFrame(out, typ, size, seq)
			if err != nil {
				t.Fatal(err)
			}
			payload := frame[sgwire.HeaderSize:]
			ok := true
			switch typ {
			case typeCount:
				sgwire.PutUint64(payload, sgwire.Uint64(p))
			case typeAdd, typeLog: // no rules of their own in the test protocol
				copy(payload, p)
			case typeNote:
				var m note
				if !m.decode(p) {
					continue
				}
				ok = m.encode(payload)
			case sgwire.TypeHello:
				var m sgwire.Hello
				if !m.Decode(p) {
					continue
				}
				ok = m.Encode(payload)
			case sgwire.TypeWelcome:
				var m sgwire.Welcome
				if !m.Decode(p) {
					continue
				}
				ok = m.Encode(payload)
			case sgwire.TypePing, sgwire.TypePong:
				var m sgwire.Ping
				if !m.Decode(p) {
					continue
				}
				ok = m.Encode(payload)
			case sgwire.TypeBye:
				var m sgwire.Bye
				if !m.Decode(p) {
					continue
				}
				ok = m.Encode(payload)
			}
			if !ok {
				t.Fatalf("type %d: the decoded payload %x does not encode", typ, p)
			}
			if !bytes.Equal(frame, b) {
				t.Fatalf("type %d re-encodes differently:\n got %x\nfrom %x", typ, frame, b)
			}
		}
	})
}
