package demo_test

import (
	"encoding/hex"
	"strings"
	"testing"

	"rt/demo"
	"rt/rawsys"
)

// TestConnEOF checks that end of file, before a frame or anywhere inside one, is EPIPE, as in
// the C header: a frame cut short by the end of the pipe is a lost stream, not a malformed frame.
func TestConnEOF(t *testing.T) {
	var ping demo.Ping
	var req demo.Request
	req.Kind = demo.KindStat
	buf := make([]byte, demo.MaxFrame)
	pn, _ := ping.EncodeFrame(buf, 1)
	pingFrame := append([]byte(nil), buf[:pn]...)
	rn, _ := req.EncodeFrame(buf, 1)
	cuts := map[string][]byte{
		"empty":            nil,
		"half header":      pingFrame[:7],
		"header only":      buf[:demo.HeaderSize],
		"one payload byte": buf[:demo.HeaderSize+1],
		"half payload":     buf[:rn/2],
		"all but one byte": buf[:rn-1],
	}
	for name, prefix := range cuts {
		r, w := pipe(t)
		if len(prefix) > 0 {
			writeAll(t, w, prefix)
		}
		rawsys.Close(w)
		var m demo.Msg
		if _, err := demo.NewConn(r, -1, demo.SideHelper).Recv(&m); err != rawsys.EPIPE {
			t.Errorf("%s: %v, want EPIPE", name, err)
		}
	}
}

// TestConnBadHeaderFailsAtOnce checks that Recv rejects a bad header as soon as it is in, without
// waiting for the payload it announces (none follows: a wait would hang), and that the stream
// stays lost: the next Recv fails the same way, though a good frame follows.
func TestConnBadHeaderFailsAtOnce(t *testing.T) {
	helper, _, toHelperW, _ := pair(t)
	var ping demo.Ping
	buf := make([]byte, demo.HeaderSize)
	ping.EncodeFrame(buf, 9)
	bad := append([]byte(nil), buf...)
	bad[8] = 200 // length field: a ping has no payload
	writeAll(t, toHelperW, bad)
	var m demo.Msg
	if _, err := helper.Recv(&m); err != rawsys.EBADMSG {
		t.Fatalf("bad length: %v", err)
	}
	writeAll(t, toHelperW, buf)
	if _, err := helper.Recv(&m); err != rawsys.EBADMSG {
		t.Fatalf("after a bad header: %v, want EBADMSG again", err)
	}
}

// TestConnMalformed sends every malformed frame down a pipe: Recv rejects it as DecodeFrame
// does, except a truncated frame (EOF: EPIPE) and an over-long one (the extra byte is the
// next frame's problem).
func TestConnMalformed(t *testing.T) {
	var frames []malformed
	loadJSON(t, "malformed.json", &frames)
	for _, f := range frames {
		b, _ := hex.DecodeString(f.Hex)
		side := demo.SideHelper
		if parseAccept(t, f.Accept) == demo.ToKernel {
			side = demo.SideKernel
		}
		r, w := pipe(t)
		writeAll(t, w, b)
		rawsys.Close(w)
		var m demo.Msg
		_, err := demo.NewConn(r, -1, side).Recv(&m)
		var want error = errnos[f.Errno]
		switch {
		case strings.HasSuffix(f.Name, "/truncated"), strings.HasSuffix(f.Name, "/truncated-header"):
			want = rawsys.EPIPE
		case strings.HasSuffix(f.Name, "/over-long"):
			want = nil
		}
		if err != want {
			t.Errorf("%s: %v, want %v", f.Name, err, want)
		}
		rawsys.Close(r)
	}
}

// TestConnWriteEPIPE checks that sending to a closed pipe is EPIPE, not a dead process.
func TestConnWriteEPIPE(t *testing.T) {
	r, w := pipe(t)
	rawsys.Close(r)
	if err := demo.NewConn(-1, w, demo.SideHelper).SendPing(1, &demo.Ping{}); err != rawsys.EPIPE {
		t.Fatalf("%v, want EPIPE", err)
	}
}

// TestConnNoAllocs checks that a session's sends and receives allocate nothing.
func TestConnNoAllocs(t *testing.T) {
	helper, kernel, _, _ := pair(t)
	s := samples()
	var in, out demo.Msg
	allocs := testing.AllocsPerRun(200, func() {
		_ = kernel.SendRequest(1, &s[2].msg.Request)
		_, _ = helper.Recv(&in)
		_ = helper.SendReply(1, &s[3].msg.Reply)
		_, _ = kernel.Recv(&out)
		_ = helper.Log(demo.LogDebug, "tick")
		_, _ = kernel.Recv(&out)
	})
	t.Logf("allocs per request, reply and log over pipes: %v", allocs)
	if allocs != 0 || in.Request != s[2].msg.Request || out.Log.Text.String() != "tick" {
		t.Fatalf("%v allocations (request %+v)", allocs, in.Request)
	}
}
