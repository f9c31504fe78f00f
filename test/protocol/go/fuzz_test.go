package demo_test

import (
	"bytes"
	"testing"

	"rt/demo"
	"rt/rawsys"
)

// FuzzDecodeFrame feeds DecodeFrame arbitrary bytes under every direction mask: it must never
// panic, must fail only with EBADMSG or EPROTO, and a frame it accepts must re-encode to the
// same bytes (so decoding loses nothing and accepts nothing non-canonical).
func FuzzDecodeFrame(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		buf := make([]byte, demo.MaxFrame)
		for _, accept := range []demo.Direction{0, demo.ToKernel, demo.ToHelper, both} {
			var m demo.Msg
			typ, err := demo.DecodeFrame(b, accept, &m)
			if err != nil {
				if err != rawsys.EBADMSG && err != rawsys.EPROTO {
					t.Fatalf("accept %d: error %v", accept, err)
				}
				continue
			}
			if accept == 0 {
				t.Fatal("accepted with an empty direction mask")
			}
			n, err := m.EncodeFrame(typ, buf)
			if err != nil || !bytes.Equal(buf[:n], b) {
				t.Fatalf("type %d re-encodes differently (%v):\n got %x\nfrom %x", typ, err, buf[:n], b)
			}
		}
	})
}
