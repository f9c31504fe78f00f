//go:build linux

package sgwire_test

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"time"

	"syscallgen.local/go/rawsys"
	"syscallgen.local/go/sgwire"
)

func newConn(rfd, wfd int, side sgwire.Side) *sgwire.Conn {
	c := new(sgwire.Conn)
	c.Init(&proto, rfd, wfd, side)
	return c
}

// pair connects a helper Conn and a Conn playing the driver over two pipes, as the User Mode
// Driver does, and returns the write end of the helper's pipe too.
func pair(t *testing.T) (helper, kernel *sgwire.Conn, toHelperW int) {
	hr, hw := pipe(t)
	kr, kw := pipe(t)
	return newConn(hr, kw, sgwire.SideHelper), newConn(kr, hw, sgwire.SideKernel), hw
}

// send encodes a frame of type t with payload p into c's send buffer and sends it.
func send(c *sgwire.Conn, typ uint16, seq uint32, p []byte) error {
	f, err := proto.StartFrame(c.SendBuffer(), typ, len(p), seq)
	if err == nil {
		copy(f[sgwire.HeaderSize:], p)
	}
	return c.Send(len(f), err)
}

// TestConnExchange sends every type the way it may travel and receives it on the other side.
func TestConnExchange(t *testing.T) {
	helper, kernel, _ := pair(t)
	note := noteFrame(t, 0, "hello", []byte{9, 8, 7})[sgwire.HeaderSize:]
	check(t, send(kernel, typeNote, 1, note))
	check(t, send(kernel, typePing, 2, nil))
	check(t, send(helper, typeCount, 3, []byte{1, 0, 0, 0, 0, 0, 0, 0x80}))
	check(t, send(helper, typePing, 4, nil))
	for _, want := range []struct {
		c    *sgwire.Conn
		typ  uint16
		seq  uint32
		body []byte
	}{
		{helper, typeNote, 1, note},
		{helper, typePing, 2, nil},
		{kernel, typeCount, 3, []byte{1, 0, 0, 0, 0, 0, 0, 0x80}},
		{kernel, typePing, 4, nil},
	} {
		typ, p, seq, err := want.c.Recv()
		if err != nil || typ != want.typ || seq != want.seq || !bytes.Equal(p, want.body) {
			t.Fatalf("type %d seq %d: got %d %d %x %v", want.typ, want.seq, typ, seq, p, err)
		}
	}
}

// TestConnDirections checks that a side sends and receives only its own messages, and that a
// Conn of no side does neither.
func TestConnDirections(t *testing.T) {
	helper, kernel, toHelperW := pair(t)
	for name, c := range map[string]struct {
		c   *sgwire.Conn
		typ uint16
	}{
		"helper note":   {helper, typeNote},
		"kernel count":  {kernel, typeCount},
		"unknown type":  {helper, 9},
		"no side ping":  {newConn(-1, -1, 0), typePing},
		"bad side ping": {newConn(-1, -1, 3), typePing},
	} {
		if err := send(c.c, c.typ, 1, make([]byte, 8)); err != rawsys.EINVAL {
			t.Errorf("%s: %v, want EINVAL", name, err)
		}
	}
	writeAll(t, toHelperW, frame(t, typeCount, 1, make([]byte, 8)))
	if _, _, _, err := helper.Recv(); err != rawsys.EBADMSG {
		t.Fatalf("count at the helper: %v", err)
	}
}

// TestConnEOF checks that end of file, before a frame or anywhere inside one, is EPIPE: a frame
// cut short by the end of the pipe is a lost stream, not a malformed frame.
func TestConnEOF(t *testing.T) {
	f := noteFrame(t, 1, "abc", nil)
	for _, n := range []int{0, 1, sgwire.HeaderSize - 1, sgwire.HeaderSize, sgwire.HeaderSize + 1, len(f) - 1} {
		r, w := pipe(t)
		if n > 0 {
			writeAll(t, w, f[:n])
		}
		rawsys.Close(w)
		if _, _, _, err := newConn(r, -1, sgwire.SideHelper).Recv(); err != rawsys.EPIPE {
			t.Errorf("%d bytes then EOF: %v, want EPIPE", n, err)
		}
	}
}

// TestConnBadHeaderFailsAtOnce checks that Recv rejects a bad header as soon as it is in, without
// waiting for the payload it announces (none follows here: a wait would hang), and that the
// stream stays lost: the next Recv fails the same way, though a good frame follows the bad one.
func TestConnBadHeaderFailsAtOnce(t *testing.T) {
	helper, _, toHelperW := pair(t)
	bad := frame(t, typePing, 9, nil)
	bad[8] = 200 // length field: a ping has no payload
	writeAll(t, toHelperW, bad[:sgwire.HeaderSize])
	if _, _, _, err := helper.Recv(); err != rawsys.EBADMSG {
		t.Fatalf("bad length: %v", err)
	}
	writeAll(t, toHelperW, frame(t, typePing, 10, nil))
	if _, _, _, err := helper.Recv(); err != rawsys.EBADMSG {
		t.Fatalf("after a bad header: %v, want EBADMSG again", err)
	}
}

// TestConnSendErrors checks that an encoder's error is returned without a write, and that a
// write to a closed pipe is EPIPE, not a dead process.
func TestConnSendErrors(t *testing.T) {
	r, w := pipe(t)
	c := newConn(r, w, sgwire.SideHelper)
	if err := c.Send(0, sgwire.ErrInval); err != rawsys.EINVAL {
		t.Fatalf("encoder error: %v", err)
	}
	if err := c.Send(sgwire.HeaderSize-1, nil); err != rawsys.EINVAL {
		t.Fatalf("short frame: %v", err)
	}
	rawsys.Close(r)
	if err := send(c, typePing, 1, nil); err != rawsys.EPIPE {
		t.Fatalf("closed pipe: %v, want EPIPE", err)
	}
}

// TestConnShortReads writes frames in pieces from another goroutine: Recv must assemble them.
func TestConnShortReads(t *testing.T) {
	helper, _, toHelperW := pair(t)
	one := noteFrame(t, 5, "pieces", []byte{1, 2, 3, 4, 5, 6})
	frames := append(append([]byte(nil), one...), one...)
	done := make(chan error, 1)
	go func() {
		for i, size := 0, 1; i < len(frames); i, size = i+size, size%7+1 {
			if _, err := rawsys.Write(toHelperW, frames[i:min(i+size, len(frames))]); err != nil {
				done <- err
				return
			}
			time.Sleep(200 * time.Microsecond)
		}
		done <- nil
	}()
	for range 2 {
		if typ, p, seq, err := helper.Recv(); err != nil || typ != typeNote || seq != 5 || !bytes.Equal(p, one[sgwire.HeaderSize:]) {
			t.Fatalf("%d %d %v", typ, seq, err)
		}
	}
	check(t, <-done)
}

// TestConnFramesTogether writes frames of several sizes in one write, as a busy peer's frames
// pile up in the pipe, and in pieces whose ends fall inside frames: Recv returns each one whole,
// in order.
func TestConnFramesTogether(t *testing.T) {
	helper, _, toHelperW := pair(t)
	var all []byte
	for i := range uint32(40) {
		all = append(all, frame(t, typePing, i, nil)...)
		all = append(all, noteFrame(t, i, "together", bytes.Repeat([]byte{byte(i)}, int(i)))...)
	}
	// Round 0 in one write, round 1 in three.
	n := len(all)
	for _, cut := range [][2]int{{0, n}, {0, n/3 + 1}, {n/3 + 1, 2*n/3 + 5}, {2*n/3 + 5, n}} {
		writeAll(t, toHelperW, all[cut[0]:cut[1]])
	}
	for round := range 2 {
		for i := range uint32(40) {
			if typ, _, seq, err := helper.Recv(); err != nil || typ != typePing || seq != i {
				t.Fatalf("round %d, ping %d: %#x %d %v", round, i, typ, seq, err)
			}
			typ, p, seq, err := helper.Recv()
			if err != nil || typ != typeNote || seq != i || !bytes.Equal(p, noteFrame(t, i, "together", bytes.Repeat([]byte{byte(i)}, int(i)))[sgwire.HeaderSize:]) {
				t.Fatalf("round %d, note %d: %#x %d %v", round, i, typ, seq, err)
			}
		}
	}
}

// TestConnRecvMatchesHeaders feeds Recv random streams, in random pieces: frames of every type
// (some not for the helper), random bytes, and an end anywhere. Each result must be what reading
// the stream frame by frame with CheckHeader gives: the frame's bytes, the header's error, or
// ErrPipe where the stream ends.
func TestConnRecvMatchesHeaders(t *testing.T) {
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 7))
		var stream []byte
		for range rng.IntN(30) {
			var p []byte
			typ := []uint16{typePing, typeNote, typeAdd, typeCount, typeLog}[rng.IntN(5)]
			if size, _ := proto.Message(typ); size > 0 {
				p = make([]byte, size)
				for i := range p {
					p[i] = byte(rng.IntN(256))
				}
			}
			f := frame(t, typ, rng.Uint32(), p)
			if rng.IntN(20) == 0 {
				f[rng.IntN(sgwire.HeaderSize)] ^= byte(1 + rng.IntN(255))
			}
			stream = append(stream, f...)
		}
		stream = stream[:len(stream)-rng.IntN(min(len(stream), 20)+1)]
		r, w := pipe(t)
		c := newConn(r, -1, sgwire.SideHelper)
		go func() {
			for at := 0; at < len(stream); {
				n := min(1+rng.IntN(600), len(stream)-at)
				rawsys.Write(w, stream[at:at+n])
				at += n
			}
			rawsys.Close(w)
		}()
		for at := 0; ; {
			typ, p, seq, err := c.Recv()
			want := error(sgwire.ErrPipe)
			if len(stream)-at >= sgwire.HeaderSize {
				wantTyp, size, herr := proto.CheckHeader(stream[at:at+sgwire.HeaderSize], sgwire.ToHelper)
				switch {
				case herr != nil:
					want = herr
				case len(stream)-at >= sgwire.HeaderSize+size:
					f := stream[at : at+sgwire.HeaderSize+size]
					if err != nil || typ != wantTyp || seq != sgwire.Uint32(f[12:]) || !bytes.Equal(p, f[sgwire.HeaderSize:]) {
						t.Fatalf("seed %d, frame at %d: %#x %d %v, want %#x", seed, at, typ, seq, err, wantTyp)
					}
					at += len(f)
					continue
				}
			}
			if err != want {
				t.Fatalf("seed %d, at %d of %d bytes: %v, want %v", seed, at, len(stream), err, want)
			}
			break
		}
		rawsys.Close(r)
	}
}

// TestConnNoAllocs checks that a session's sends and receives allocate nothing.
func TestConnNoAllocs(t *testing.T) {
	helper, kernel, _ := pair(t)
	note := noteFrame(t, 0, "tick", []byte{1})[sgwire.HeaderSize:]
	count := make([]byte, 8)
	allocs := testing.AllocsPerRun(200, func() {
		_ = send(kernel, typeNote, 1, note)
		_, _, _, _ = helper.Recv()
		_ = send(helper, typeCount, 2, count)
		_, _, _, _ = kernel.Recv()
	})
	t.Logf("allocs per frame each way over pipes: %v", allocs)
	if allocs != 0 {
		t.Fatalf("%v allocations", allocs)
	}
}
