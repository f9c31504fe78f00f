package demo_test

import (
	"strings"
	"testing"
	"time"

	"rt/demo"
	"rt/rawsys"
)

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

// pair connects a helper Conn and a Conn playing the driver over two pipes, as the User Mode
// Driver does. It returns the raw fds too: toHelper's write end, toKernel's read end.
func pair(t *testing.T) (helper, kernel *demo.Conn, toHelperW, toKernelR int) {
	hr, hw := pipe(t)
	kr, kw := pipe(t)
	return demo.NewConn(hr, kw, demo.SideHelper), demo.NewConn(kr, hw, demo.SideKernel), hw, kr
}

func recv(t *testing.T, c *demo.Conn, want demo.MsgType) *demo.Msg {
	t.Helper()
	var m demo.Msg
	typ, err := c.Recv(&m)
	if err != nil || typ != want {
		t.Fatalf("Recv: %v, %v; want type %v", typ, err, want)
	}
	return &m
}

// TestConnExchange runs a session: hellos both ways, a request and its reply, a log, pings.
func TestConnExchange(t *testing.T) {
	helper, kernel, _, _ := pair(t)
	s := samples()
	check(t, kernel.SendHello(1, &s[1].msg.Hello))
	if m := recv(t, helper, demo.MsgHello); m.Hello != s[1].msg.Hello || m.Seq != 1 {
		t.Fatalf("hello %+v", m.Hello)
	}
	check(t, helper.SendHello(2, &s[1].msg.Hello))
	recv(t, kernel, demo.MsgHello)
	check(t, kernel.SendRequest(3, &s[2].msg.Request))
	if m := recv(t, helper, demo.MsgRequest); m.Request != s[2].msg.Request {
		t.Fatalf("request %+v", m.Request)
	}
	check(t, helper.SendReply(3, &s[3].msg.Reply))
	if m := recv(t, kernel, demo.MsgReply); m.Reply != s[3].msg.Reply || m.Seq != 3 {
		t.Fatalf("reply %+v", m.Reply)
	}
	check(t, helper.SendReport(4, &s[4].msg.Report))
	recv(t, kernel, demo.MsgReport)
	check(t, helper.Log(demo.LogNotice, strings.Repeat("0123456789", 30)))
	if m := recv(t, kernel, demo.MsgLog); m.Log.Level != demo.LogNotice || m.Log.Text.String() != strings.Repeat("0123456789", 30)[:239] {
		t.Fatalf("log %d %q", m.Log.Level, m.Log.Text.String())
	}
	check(t, kernel.SendPing(5, &demo.Ping{}))
	recv(t, helper, demo.MsgPing)
	check(t, helper.SendPing(6, &demo.Ping{}))
	recv(t, kernel, demo.MsgPing)
}

// TestConnDirections checks that a side sends and accepts only its own messages.
func TestConnDirections(t *testing.T) {
	helper, kernel, toHelperW, _ := pair(t)
	for name, err := range map[string]error{
		"helper request": helper.SendRequest(1, &demo.Request{Kind: demo.KindEcho}),
		"kernel reply":   kernel.SendReply(1, &demo.Reply{}),
		"kernel log":     kernel.Log(demo.LogInfo, "x"),
		"no side":        demo.NewConn(-1, -1, 0).SendPing(1, &demo.Ping{}),
	} {
		if err != rawsys.EINVAL {
			t.Errorf("%s: %v, want EINVAL", name, err)
		}
	}
	// A reply written to the helper's pipe: a frame the helper must not accept.
	var reply demo.Reply
	buf := make([]byte, demo.MaxFrame)
	n, _ := reply.EncodeFrame(buf, 1)
	writeAll(t, toHelperW, buf[:n])
	var m demo.Msg
	if _, err := helper.Recv(&m); err != rawsys.EBADMSG {
		t.Fatalf("reply at the helper: %v", err)
	}
}

func writeAll(t *testing.T, fd int, b []byte) {
	t.Helper()
	if n, err := rawsys.Write(fd, b); err != nil || n != len(b) {
		t.Fatalf("write: %d, %v", n, err)
	}
}

// TestConnShortReads writes frames in pieces from another goroutine: Recv must assemble them.
func TestConnShortReads(t *testing.T) {
	helper, _, toHelperW, _ := pair(t)
	s := samples()
	buf := make([]byte, demo.MaxFrame)
	n, _ := s[2].msg.EncodeFrame(s[2].typ, buf)
	frame := append(append([]byte(nil), buf[:n]...), buf[:n]...)
	done := make(chan error, 1)
	go func() {
		for i, size := 0, 1; i < len(frame); i, size = i+size, size%23+1 {
			end := min(i+size, len(frame))
			if _, err := rawsys.Write(toHelperW, frame[i:end]); err != nil {
				done <- err
				return
			}
			time.Sleep(200 * time.Microsecond)
		}
		done <- nil
	}()
	for range 2 {
		if m := recv(t, helper, demo.MsgRequest); m.Request != s[2].msg.Request {
			t.Fatalf("request %+v", m.Request)
		}
	}
	check(t, <-done)
}
