package demo_test

import (
	"testing"
	"time"

	"rt/demo"
	"rt/rawsys"
	"rt/sgwire"
)

// handlers is the test's demo.Handlers: the query call echoes the request's path and sums its
// values; hello counts and answers with a report, sent from the handler with the Conn's sender.
type handlers struct {
	c       *demo.Conn
	queries int
	hellos  int
	pings   int
	ticks   int
	seen    bool // a reply handed to Query was zero
	report  demo.Report
}

func (h *handlers) Query(req *demo.Request, reply *demo.Reply) {
	h.queries++
	h.seen = *reply == demo.Reply{}
	var sum int32
	for _, v := range req.Values {
		sum += v
	}
	reply.Status = demo.StatusOk
	reply.Error = sum
	reply.Data.Set(req.Path.Bytes())
}

func (h *handlers) Hello(msg *demo.Hello) {
	h.hellos++
	h.report.UptimeNs = uint64(msg.Features)
	h.c.SendReport(0, &h.report)
}

func (h *handlers) Ping(msg *demo.Ping) { h.pings++ }

func (h *handlers) Tick() { h.ticks++ }

// frame writes one frame of type t with payload p to fd, as the driver would.
func frame(t *testing.T, fd int, typ uint16, seq uint32, p []byte) {
	t.Helper()
	b := make([]byte, demo.HeaderSize+len(p))
	sgwire.PutUint32(b[0:], demo.Magic)
	sgwire.PutUint16(b[4:], demo.Version)
	sgwire.PutUint16(b[6:], typ)
	sgwire.PutUint32(b[8:], uint32(len(p)))
	sgwire.PutUint32(b[12:], seq)
	copy(b[demo.HeaderSize:], p)
	if n, err := rawsys.Write(fd, b); err != nil || n != len(b) {
		t.Fatalf("write: %d, %v", n, err)
	}
}

// serve starts demo.Serve on the helper end of a pipe pair and plays the driver's side of the
// handshake: it reads the hello and answers welcome. It returns the driver's Conn, the raw fd
// that closes the pipe to the helper, and Serve's result.
func serve(t *testing.T, h *handlers, opts demo.ServeOptions) (kernel *demo.Conn, toHelperW int, done chan error) {
	t.Helper()
	helper, kernel, toHelperW, toKernelR := pair(t)
	h.c = helper
	done = make(chan error, 1)
	go func() { done <- demo.Serve(helper, h, opts) }()
	head := make([]byte, demo.HeaderSize+sgwire.HelloSize)
	for got := 0; got < len(head); {
		n, err := rawsys.Read(toKernelR, head[got:])
		if err != nil || n == 0 {
			t.Fatalf("reading hello: %d, %v", n, err)
		}
		got += n
	}
	var hello sgwire.Hello
	if typ := sgwire.Uint16(head[6:]); typ != sgwire.TypeHello || !hello.Decode(head[demo.HeaderSize:]) {
		t.Fatalf("first frame: type %#x, not a hello", typ)
	}
	if name := string(sgwire.TextBytes(hello.Name[:])); name != opts.Name {
		t.Fatalf("hello's name %q, want %q", name, opts.Name)
	}
	welcome := sgwire.Welcome{Features: hello.Features & 3, IntervalMs: 1000}
	p := make([]byte, sgwire.WelcomeSize)
	welcome.Encode(p)
	frame(t, toHelperW, sgwire.TypeWelcome, 0, p)
	return kernel, toHelperW, done
}

// TestServe makes calls and sends notifications to a helper running demo.Serve: each call is
// answered with its sequence number and the reply its handler filled, from a zeroed one; each
// notification reaches its handler; closing the pipe ends Serve with nil.
func TestServe(t *testing.T) {
	h := &handlers{}
	kernel, toHelperW, done := serve(t, h, demo.ServeOptions{Name: "serve-test", Features: 5})
	var m demo.Msg
	for seq := uint32(1); seq <= 3; seq++ {
		req := demo.Request{Kind: demo.KindSum, Values: [4]int32{1, 2, int32(seq), 4}}
		req.Path.Set("/proc/version")
		if err := kernel.SendRequest(seq, &req); err != nil {
			t.Fatal(err)
		}
		typ, err := kernel.Recv(&m)
		if err != nil || typ != demo.MsgReply || m.Seq != seq {
			t.Fatalf("call %d: type %d seq %d, %v", seq, typ, m.Seq, err)
		}
		if m.Reply.Status != demo.StatusOk || m.Reply.Error != int32(7+seq) || string(m.Reply.Data.Bytes()) != "/proc/version" {
			t.Fatalf("call %d: reply %+v", seq, m.Reply)
		}
		if !h.seen {
			t.Fatalf("call %d: the handler's reply was not zeroed", seq)
		}
	}
	if err := kernel.SendHello(0, &demo.Hello{Features: 42}); err != nil {
		t.Fatal(err)
	}
	if typ, err := kernel.Recv(&m); err != nil || typ != demo.MsgReport || m.Report.UptimeNs != 42 {
		t.Fatalf("after hello: type %d, %v, report %+v", typ, err, m.Report)
	}
	if err := kernel.SendPing(0, &demo.Ping{}); err != nil {
		t.Fatal(err)
	}
	rawsys.Close(toHelperW)
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Serve did not return after the pipe closed")
	}
	if h.queries != 3 || h.hellos != 1 || h.pings != 1 {
		t.Fatalf("handled %d queries, %d hellos, %d pings", h.queries, h.hellos, h.pings)
	}
	if f := h.c.Features(); f != 1 {
		t.Fatalf("Features() = %d, want 1 (offered 5, the driver has 3)", f)
	}
}

// TestServeTicks: Tick is called every TickMs between frames.
func TestServeTicks(t *testing.T) {
	h := &handlers{}
	kernel, toHelperW, done := serve(t, h, demo.ServeOptions{Name: "ticks", TickMs: 10})
	time.Sleep(200 * time.Millisecond)
	// A call, answered on Serve's goroutine, reads the count without a race.
	req := demo.Request{Kind: demo.KindEcho}
	var m demo.Msg
	if err := kernel.SendRequest(1, &req); err != nil {
		t.Fatal(err)
	}
	if _, err := kernel.Recv(&m); err != nil {
		t.Fatal(err)
	}
	rawsys.Close(toHelperW)
	if err := <-done; err != nil {
		t.Fatalf("Serve: %v", err)
	}
	if h.ticks < 2 {
		t.Fatalf("%d ticks in 200 ms of TickMs 10", h.ticks)
	}
}

// TestServeNoAllocs: a call, its reply and a notification through Serve and the generated
// dispatcher allocate nothing, on either side of the pipes.
func TestServeNoAllocs(t *testing.T) {
	h := &handlers{}
	kernel, toHelperW, done := serve(t, h, demo.ServeOptions{Name: "allocs"})
	req := demo.Request{Kind: demo.KindSum, Values: [4]int32{1, 2, 3, 4}}
	req.Path.Set("/")
	hello := demo.Hello{Features: 1}
	var m demo.Msg
	seq := uint32(0)
	round := func() {
		seq++
		if err := kernel.SendRequest(seq, &req); err != nil {
			t.Fatal(err)
		}
		if typ, err := kernel.Recv(&m); err != nil || typ != demo.MsgReply || m.Seq != seq {
			t.Fatalf("call %d: type %d seq %d, %v", seq, typ, m.Seq, err)
		}
		if err := kernel.SendHello(0, &hello); err != nil {
			t.Fatal(err)
		}
		if typ, err := kernel.Recv(&m); err != nil || typ != demo.MsgReport {
			t.Fatalf("after hello %d: type %d, %v", seq, typ, err)
		}
	}
	round()
	allocs := testing.AllocsPerRun(200, round)
	t.Logf("allocs per call, reply and notification through Serve: %v", allocs)
	if allocs != 0 {
		t.Fatalf("%v allocations per call and notification", allocs)
	}
	rawsys.Close(toHelperW)
	if err := <-done; err != nil {
		t.Fatalf("Serve: %v", err)
	}
}
