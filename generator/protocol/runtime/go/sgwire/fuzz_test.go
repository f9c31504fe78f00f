//go:build linux

package sgwire_test

import (
	"bytes"
	"testing"

	"syscallgen.local/go/rawsys"
	"syscallgen.local/go/sgwire"
)

// FuzzCheckFrame feeds CheckFrame, and the test protocol's payload decoders after it, arbitrary
// bytes under every direction mask: nothing may panic, a rejection is EBADMSG or EPROTO, and a
// frame accepted whole must encode back to the same bytes (so checking and decoding lose nothing
// and accept nothing non-canonical). The seed corpus is in testdata/fuzz/FuzzCheckFrame.
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
			if len(p) != size || dir&accept == 0 || size > 0 && &p[0] != &b[sgwire.HeaderSize] {
				t.Fatalf("type %d: a %d-byte payload for direction %d, or not a view of the frame", typ, len(p), accept)
			}
			out := make([]byte, sgwire.MaxFrame)
			frame, err := proto.StartFrame(out, typ, size, seq)
			if err != nil {
				t.Fatal(err)
			}
			payload := frame[sgwire.HeaderSize:]
			switch typ {
			case typeCount:
				sgwire.PutUint64(payload, sgwire.Uint64(p))
			case typeNote:
				var m note
				if !m.decode(p) {
					continue
				}
				if !m.encode(payload) {
					t.Fatalf("decoded note %q %d %x does not encode", m.text, m.dataLen, m.data)
				}
			}
			if !bytes.Equal(frame, b) {
				t.Fatalf("type %d re-encodes differently:\n got %x\nfrom %x", typ, frame, b)
			}
		}
	})
}
