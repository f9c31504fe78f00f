//go:build linux

package sgwire_test

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"syscallgen.local/go/rawsys"
	"syscallgen.local/go/sgwire"
)

// The add call's first operand picks what the test dispatcher does besides adding.
const (
	addPlain    = iota + 1000
	addNotify   // sends a count notification (the sum) after encoding its reply, and a log line
	addStop     // calls Stop with the second operand as the reason
	addFeatures // replies with Features()
	addNotes    // replies with the number of notes handled
	addTicks    // replies with the number of ticks
	addBadReply // replies with a count of the wrong length
	addFail     // fails with EIO
)

const longTime = 30 * time.Second // for a result that should come at once, even under qemu

// dispatcher is the test's Dispatcher: the add call and the note and ping notifications.
type dispatcher struct {
	c     *sgwire.Conn
	notes uint64
	pings uint64
	ticks uint64
	last  note
	count [8]byte
	line  []byte // a log message's payload, sent by the addNotify handler
	slow  time.Duration
}

func (d *dispatcher) Handle(t uint16, p, reply []byte) (uint16, int, error) {
	switch t {
	case typeAdd:
		a, b := sgwire.Uint64(p), sgwire.Uint64(p[8:])
		sum := a + b
		switch a {
		case addStop:
			d.c.Stop(uint32(b))
		case addFeatures:
			sum = d.c.Features()
		case addNotes:
			sum = d.notes
		case addTicks:
			sum = d.ticks
		case addBadReply:
			return typeCount, 7, nil
		case addFail:
			return 0, 0, sgwire.ErrIO
		}
		sgwire.PutUint64(reply, sum)
		if a == addNotify {
			// After the reply is encoded: the senders' buffer is not Serve's.
			sgwire.PutUint64(d.count[:], sum)
			if err := send(d.c, typeCount, 0, d.count[:]); err != nil {
				return 0, 0, err
			}
			if err := send(d.c, typeLog, 0, d.line); err != nil {
				return 0, 0, err
			}
		}
		return typeCount, 8, nil
	case typeNote:
		if !d.last.decode(p) {
			return 0, 0, sgwire.ErrBadMsg
		}
		d.notes++
		return 0, 0, nil
	case typePing:
		d.pings++
		return 0, 0, nil
	}
	return 0, 0, sgwire.ErrInval
}

func (d *dispatcher) Tick() {
	d.ticks++
	time.Sleep(d.slow)
}

// session is Serve running in a goroutine on a helper Conn, and the test playing the driver over
// two pipes.
type session struct {
	t      *testing.T
	k      *sgwire.Conn // the driver's side
	d      *dispatcher
	done   chan error
	toH    *fds // the driver writes, the helper reads
	toK    *fds // the helper writes, the driver reads
	served bool
}

// fds is a pipe whose ends are closed once, by close or at the end of the test: an fd closed
// twice could be another's by then.
type fds struct{ r, w int }

func newPipe(t *testing.T) *fds {
	p := make([]int, 2)
	check(t, rawsys.Pipe2(p, rawsys.O_CLOEXEC))
	f := &fds{p[0], p[1]}
	t.Cleanup(func() { f.close(&f.r); f.close(&f.w) })
	return f
}

func (f *fds) close(fd *int) {
	if *fd >= 0 {
		rawsys.Close(*fd)
		*fd = -1
	}
}

// startConn makes the two sides and the dispatcher; before is called with the helper's Conn
// before Serve starts.
func startConn(t *testing.T, opts sgwire.ServeOptions, before func(h *sgwire.Conn)) *session {
	t.Helper()
	s := &session{t: t, toH: newPipe(t), toK: newPipe(t), done: make(chan error, 1)}
	h := newConn(s.toH.r, s.toK.w, sgwire.SideHelper)
	s.k = newConn(s.toK.r, s.toH.w, sgwire.SideKernel)
	s.d = &dispatcher{c: h, line: logFrame(t, 6, "from a handler")[sgwire.HeaderSize:]}
	if before != nil {
		before(h)
	}
	go func() { s.done <- sgwire.Serve(h, s.d, opts) }()
	t.Cleanup(func() {
		if !s.served {
			s.toH.close(&s.toH.w)
			s.toK.close(&s.toK.r)
			s.result()
		}
	})
	return s
}

// start starts Serve and does the handshake, offering welcome features.
func start(t *testing.T, opts sgwire.ServeOptions, features uint64) *session {
	t.Helper()
	s := startConn(t, opts, nil)
	s.hello()
	s.welcome(features)
	return s
}

// result waits for Serve's result.
func (s *session) result() error {
	s.t.Helper()
	select {
	case err := <-s.done:
		s.served = true
		return err
	case <-time.After(longTime):
		s.t.Fatal("Serve did not return")
		return nil
	}
}

// end closes the driver's end of the pipe to the helper, and checks that Serve returns nil.
func (s *session) end() {
	s.t.Helper()
	s.toH.close(&s.toH.w)
	if err := s.result(); err != nil {
		s.t.Fatalf("Serve after the end of the pipe: %v", err)
	}
}

// lost checks that Serve returns want.
func (s *session) lost(want error) {
	s.t.Helper()
	if err := s.result(); err != want {
		s.t.Fatalf("Serve: %v, want %v", err, want)
	}
}

func (s *session) send(typ uint16, seq uint32, p []byte) {
	s.t.Helper()
	if err := send(s.k, typ, seq, p); err != nil {
		s.t.Fatalf("send %#x: %v", typ, err)
	}
}

func (s *session) sendControl(typ uint16, seq uint32, m encoder) {
	s.t.Helper()
	f := controlFrame(s.t, typ, seq, m)
	s.send(typ, seq, f[sgwire.HeaderSize:])
}

// expect receives one frame, which must be of type typ, and returns its payload and seq.
func (s *session) expect(typ uint16) ([]byte, uint32) {
	s.t.Helper()
	got, p, seq, err := s.k.Recv()
	if err != nil || got != typ {
		s.t.Fatalf("received %#x (%v), want %#x", got, err, typ)
	}
	return p, seq
}

func (s *session) hello() sgwire.Hello {
	s.t.Helper()
	p, seq := s.expect(sgwire.TypeHello)
	var m sgwire.Hello
	if !m.Decode(p) || seq != 0 {
		s.t.Fatalf("hello %x, seq %d", p, seq)
	}
	return m
}

func (s *session) welcome(features uint64) {
	s.sendControl(sgwire.TypeWelcome, 0, &sgwire.Welcome{Features: features, IntervalMs: 1000})
}

// call makes the add call a+b with seq and returns the reply.
func (s *session) call(a, b uint64, seq uint32) uint64 {
	s.t.Helper()
	var req [addSize]byte
	sgwire.PutUint64(req[:], a)
	sgwire.PutUint64(req[8:], b)
	s.send(typeAdd, seq, req[:])
	p, got := s.expect(typeCount)
	if got != seq {
		s.t.Fatalf("reply seq %d, want %d", got, seq)
	}
	return sgwire.Uint64(p)
}

func (s *session) ping(nonce uint64, seq uint32) {
	s.t.Helper()
	s.sendControl(sgwire.TypePing, seq, &sgwire.Ping{Nonce: nonce})
	p, got := s.expect(sgwire.TypePong)
	if got != 0 || sgwire.Uint64(p) != nonce {
		s.t.Fatalf("pong %x seq %d, want %x seq 0", p, got, nonce)
	}
}

// log receives a log line and returns its level and text.
func (s *session) log() (byte, string) {
	s.t.Helper()
	p, _ := s.expect(typeLog)
	text := sgwire.TextBytes(p[1:241])
	if len(text) == 240 || !sgwire.IsZero(p[1+len(text):]) {
		s.t.Fatalf("log payload %x: the text is not NUL-terminated, or zeros do not follow", p)
	}
	return p[0], string(text)
}

// TestServeHandshake checks the hello, the features the welcome agrees, and the name's bound.
func TestServeHandshake(t *testing.T) {
	s := start(t, sgwire.ServeOptions{Name: "test-helper", Features: 0b1011}, 0b0110|1<<40)
	if got := s.call(addFeatures, 0, 1); got != 0b0010 {
		t.Fatalf("Features %#b, want the ones both offered", got)
	}
	s.end()

	s = startConn(t, sgwire.ServeOptions{Name: "test-helper", Features: 0x8000000000000001}, nil)
	h := s.hello()
	if h.RuntimeVersion != 1 || h.Pid != uint32(os.Getpid()) || h.Features != 0x8000000000000001 || string(sgwire.TextBytes(h.Name[:])) != "test-helper" {
		t.Fatalf("hello %+v", h)
	}
	s.end() // before the welcome

	for long, want := range map[string]string{
		strings.Repeat("n", 40): strings.Repeat("n", 31),
		"cut\x00at the NUL":     "cut",
		strings.Repeat("m", 31): strings.Repeat("m", 31),
		"":                      "",
		strings.Repeat("x", 32): strings.Repeat("x", 31),
	} {
		s = startConn(t, sgwire.ServeOptions{Name: long}, nil)
		h := s.hello()
		if got := string(sgwire.TextBytes(h.Name[:])); got != want {
			t.Errorf("name %q is sent as %q, want %q", long, got, want)
		}
		s.end()
	}
}

// TestServeCalls makes calls with pings and notifications between them: replies carry their
// call's sequence number, pongs their ping's nonce, and notifications flow both ways, from
// inside a handler too.
func TestServeCalls(t *testing.T) {
	s := start(t, sgwire.ServeOptions{Name: "calls"}, 0)
	for i := range uint32(100) {
		seq := 0xfffffff0 + i*7 // wraps
		if got := s.call(uint64(i)<<32, uint64(i), seq); got != uint64(i)<<32|uint64(i) {
			t.Fatalf("call %d: %d", i, got)
		}
		if i%10 == 0 {
			s.ping(uint64(i)*0x0101010101010101, i)
			s.send(typeNote, 0, noteFrame(t, 0, "note", []byte{byte(i)})[sgwire.HeaderSize:])
			s.send(typePing, 0, nil)
		}
	}
	if got := s.call(addNotes, 0, 1); got != 10 {
		t.Fatalf("%d notes", got)
	}

	// A handler that sends a notification and a log line after encoding its reply.
	var req [addSize]byte
	sgwire.PutUint64(req[:], addNotify)
	sgwire.PutUint64(req[8:], 5)
	s.send(typeAdd, 77, req[:])
	if p, seq := s.expect(typeCount); seq != 0 || sgwire.Uint64(p) != addNotify+5 {
		t.Fatalf("notification %x seq %d", p, seq)
	}
	if level, text := s.log(); level != 6 || text != "from a handler" {
		t.Fatalf("log %d %q", level, text)
	}
	if p, seq := s.expect(typeCount); seq != 77 || sgwire.Uint64(p) != addNotify+5 {
		t.Fatalf("reply %x seq %d", p, seq)
	}
	s.end() // Serve has returned: its dispatcher is the test's to read
	if s.d.pings != 10 || s.d.last.dataLen != 1 || s.d.last.data[0] != 90 {
		t.Fatalf("%d pings of the protocol, the last note %+v", s.d.pings, s.d.last)
	}
}

// TestServeMalformed sends frames whose headers are sound and whose payloads the dispatcher
// refuses: each is skipped and reported in a log line, and the stream goes on.
func TestServeMalformed(t *testing.T) {
	s := start(t, sgwire.ServeOptions{Name: "malformed"}, 0)
	good := noteFrame(t, 0, "ok", nil)[sgwire.HeaderSize:]
	for i, change := range []func(b []byte){
		func(b []byte) { b[15] = 'x' },  // no NUL
		func(b []byte) { b[10] = 'x' },  // a byte after the NUL
		func(b []byte) { b[16] = 7 },    // a bytes length past its bound
		func(b []byte) { b[23] = 0xff }, // a byte past the bytes length
	} {
		bad := append([]byte(nil), good...)
		change(bad)
		seq := uint32(40 + i)
		s.send(typeNote, seq, bad)
		level, text := s.log()
		if want := "skipped a malformed frame: type 3, seq " + strconv.Itoa(int(seq)) + ": bad message"; level != 4 || text != want {
			t.Fatalf("report %d %q, want %q", level, text, want)
		}
		if got := s.call(addPlain, 1, 9); got != addPlain+1 {
			t.Fatalf("call after a malformed frame: %d", got)
		}
	}
	var req [addSize]byte
	sgwire.PutUint64(req[:], addFail)
	s.send(typeAdd, 50, req[:])
	if level, text := s.log(); level != 4 || text != "skipped a frame its handler failed: type 5, seq 50: input/output error" {
		t.Fatalf("report %d %q", level, text)
	}
	s.send(typeNote, 0, good)
	if got := s.call(addNotes, 0, 1); got != 1 {
		t.Fatalf("%d notes handled, want only the good one", got)
	}
	s.end()
}

// TestServeBadReply checks that a dispatcher's reply of the wrong length is reported and never
// sent, and ends Serve with EINVAL.
func TestServeBadReply(t *testing.T) {
	s := start(t, sgwire.ServeOptions{Name: "bad reply"}, 0)
	var req [addSize]byte
	sgwire.PutUint64(req[:], addBadReply)
	s.send(typeAdd, 12, req[:])
	if level, text := s.log(); level != 4 || text != "a handler's reply is no reply of this protocol: type 2, seq 12: invalid argument" {
		t.Fatalf("report %d %q", level, text)
	}
	s.lost(rawsys.EINVAL)
	s.toK.close(&s.toK.w) // no helper writes it now
	if _, _, _, err := s.k.Recv(); err != rawsys.EPIPE {
		t.Fatalf("after the report: %v, want the end of the pipe", err)
	}
}

// TestServeLostStream checks that Serve ends with an error, and sends nothing more, when the
// stream is lost: before, at or after the welcome.
func TestServeLostStream(t *testing.T) {
	count := frame(t, typeCount, 1, make([]byte, 8))
	welcome := controlFrame(t, sgwire.TypeWelcome, 0, &sgwire.Welcome{Features: 1})
	ping := controlFrame(t, sgwire.TypePing, 1, &sgwire.Ping{Nonce: 1})
	add := frame(t, typeAdd, 1, make([]byte, addSize))
	version := func(f []byte) []byte { return edited(f, func(b []byte) []byte { b[4]++; return b }) }
	for name, c := range map[string]struct {
		welcomed bool
		frames   [][]byte
		want     error
	}{
		"another version":                 {true, [][]byte{version(add)}, rawsys.EPROTO},
		"another version of a ping":       {true, [][]byte{version(ping)}, rawsys.EPROTO},
		"another magic":                   {true, [][]byte{edited(add, func(b []byte) []byte { b[1]++; return b })}, rawsys.EBADMSG},
		"a frame the helper never gets":   {true, [][]byte{count}, rawsys.EBADMSG},
		"an unknown type":                 {true, [][]byte{edited(add, func(b []byte) []byte { b[6] = 9; return b })}, rawsys.EBADMSG},
		"a wrong length":                  {true, [][]byte{edited(add, func(b []byte) []byte { b[8]--; return b[:len(b)-1] })}, rawsys.EBADMSG},
		"a second welcome":                {true, [][]byte{welcome}, rawsys.EPROTO},
		"a ping before the welcome":       {false, [][]byte{ping}, rawsys.EPROTO},
		"a call before the welcome":       {false, [][]byte{add}, rawsys.EPROTO},
		"a welcome of another version":    {false, [][]byte{version(welcome)}, rawsys.EPROTO},
		"a malformed welcome":             {false, [][]byte{edited(welcome, func(b []byte) []byte { b[16+13] = 1; return b })}, rawsys.EBADMSG},
		"a welcome of another length":     {false, [][]byte{edited(welcome, func(b []byte) []byte { b[8] = 8; return b[:24] })}, rawsys.EBADMSG},
		"garbage before the welcome":      {false, [][]byte{[]byte("GET / HTTP/1.0\r\n\r\n")}, rawsys.EBADMSG},
		"another version after good ones": {true, [][]byte{add, ping, version(add)}, rawsys.EPROTO},
	} {
		t.Run(name, func(t *testing.T) {
			s := startConn(t, sgwire.ServeOptions{Name: "lost"}, nil)
			s.hello()
			if c.welcomed {
				s.welcome(0)
			}
			for _, f := range c.frames {
				writeAll(t, s.toH.w, f)
			}
			s.lost(c.want)
			for range c.frames[:len(c.frames)-1] {
				if _, _, _, err := s.k.Recv(); err != nil { // the good frames' answers
					t.Fatal(err)
				}
			}
			s.toK.close(&s.toK.w) // no helper writes it now
			if typ, _, _, err := s.k.Recv(); err != rawsys.EPIPE {
				t.Fatalf("after the lost stream: %#x %v", typ, err)
			}
		})
	}
}

// TestServeEndOfPipe checks that the driver closing either pipe, anywhere, ends Serve with nil.
func TestServeEndOfPipe(t *testing.T) {
	add := frame(t, typeAdd, 1, make([]byte, addSize))
	t.Run("before the hello is read", func(t *testing.T) {
		s := startConn(t, sgwire.ServeOptions{}, nil)
		s.end()
	})
	t.Run("after the welcome", func(t *testing.T) {
		s := start(t, sgwire.ServeOptions{}, 0)
		s.end()
	})
	t.Run("inside a frame", func(t *testing.T) {
		s := start(t, sgwire.ServeOptions{}, 0)
		writeAll(t, s.toH.w, add[:sgwire.HeaderSize+3])
		s.end()
	})
	t.Run("inside a header", func(t *testing.T) {
		s := start(t, sgwire.ServeOptions{}, 0)
		writeAll(t, s.toH.w, add[:5])
		s.end()
	})
	t.Run("the driver stops reading", func(t *testing.T) {
		s := start(t, sgwire.ServeOptions{TickMs: 5}, 0)
		s.toK.close(&s.toK.r)
		s.sendControl(sgwire.TypePing, 1, &sgwire.Ping{Nonce: 1}) // its pong gets EPIPE
		if err := s.result(); err != nil {
			t.Fatalf("Serve: %v", err)
		}
	})
	t.Run("the driver never reads the hello", func(t *testing.T) {
		s := startConn(t, sgwire.ServeOptions{}, nil)
		s.toK.close(&s.toK.r)
		s.toH.close(&s.toH.w)
		if err := s.result(); err != nil {
			t.Fatalf("Serve: %v", err)
		}
	})
}

// TestServeStop checks the exit on purpose: the handler's reply, then bye with its reason, then
// Serve returns nil; and Stop before Serve says bye right after the welcome.
func TestServeStop(t *testing.T) {
	s := start(t, sgwire.ServeOptions{TickMs: 1000}, 0)
	if got := s.call(addStop, 7, 3); got != addStop+7 {
		t.Fatalf("reply %d", got)
	}
	p, seq := s.expect(sgwire.TypeBye)
	var bye sgwire.Bye
	if !bye.Decode(p) || bye.Reason != 7 || seq != 0 {
		t.Fatalf("bye %x seq %d", p, seq)
	}
	if err := s.result(); err != nil {
		t.Fatalf("Serve after bye: %v", err)
	}

	s = startConn(t, sgwire.ServeOptions{}, func(h *sgwire.Conn) { h.Stop(sgwire.ByeAsked) })
	s.hello()
	s.welcome(0)
	p, _ = s.expect(sgwire.TypeBye)
	if !bye.Decode(p) || bye.Reason != sgwire.ByeAsked {
		t.Fatalf("bye %x", p)
	}
	if err := s.result(); err != nil {
		t.Fatalf("Serve after bye: %v", err)
	}
}

// TestServeNotHelper checks that Serve refuses a Conn that is not the helper's, sending nothing.
func TestServeNotHelper(t *testing.T) {
	toH, toK := newPipe(t), newPipe(t)
	k := newConn(toK.r, toH.w, sgwire.SideKernel)
	if err := sgwire.Serve(k, &dispatcher{}, sgwire.ServeOptions{}); err != rawsys.EINVAL {
		t.Fatalf("Serve on the driver's side: %v", err)
	}
}

// TestServeTicks counts ticks while the helper idles and while calls keep it busy: never more
// than the time allows (no bursts), and some even when frames keep coming. The lower bounds are
// loose: under qemu-user on a loaded machine a goroutine may wait long for its turn.
func TestServeTicks(t *testing.T) {
	const period = 20 * time.Millisecond
	s := start(t, sgwire.ServeOptions{TickMs: int(period / time.Millisecond)}, 0)
	began := time.Now()
	time.Sleep(15 * period)
	idle := s.call(addTicks, 0, 1)
	elapsed := time.Since(began)
	t.Logf("%d ticks of %v in %v idle", idle, period, elapsed)
	if most := uint64(elapsed/period) + 1; idle < 3 || idle > most {
		t.Fatalf("%d ticks in %v: want 3 to %d", idle, elapsed, most)
	}

	calls, seq := 0, uint32(2)
	for busy := time.Now(); time.Since(busy) < 10*period; seq++ {
		if got := s.call(addPlain, 1, seq); got != addPlain+1 {
			t.Fatalf("reply %d", got)
		}
		calls++
	}
	total := s.call(addTicks, 0, seq)
	elapsed = time.Since(began)
	t.Logf("%d ticks more during %d calls; %d in %v", total-idle, calls, total, elapsed)
	if most := uint64(elapsed/period) + 1; total-idle < 1 || total > most {
		t.Fatalf("%d ticks during the calls, %d in %v: want at least 1, and at most %d", total-idle, total, elapsed, most)
	}
	s.end()
}

// TestServeFramesTogether sends calls in one write, with ticks on and far apart: Serve answers
// every call from its buffer at once, instead of waiting on epoll, which cannot see them, until
// the next tick.
func TestServeFramesTogether(t *testing.T) {
	s := start(t, sgwire.ServeOptions{TickMs: int(longTime / time.Millisecond)}, 0)
	var all []byte
	for i := range uint64(20) {
		var req [addSize]byte
		sgwire.PutUint64(req[:], addPlain)
		sgwire.PutUint64(req[8:], i)
		f, err := proto.StartFrame(make([]byte, sgwire.MaxFrame), typeAdd, addSize, uint32(100+i))
		check(t, err)
		copy(f[sgwire.HeaderSize:], req[:])
		all = append(all, f...)
	}
	writeAll(t, s.toH.w, all)
	replies := make(chan error, 1)
	go func() {
		for i := range uint64(20) {
			got, p, seq, err := s.k.Recv()
			if err == nil && (got != typeCount || seq != uint32(100+i) || sgwire.Uint64(p) != addPlain+i) {
				err = fmt.Errorf("reply %d: type %#x, seq %d, %d", i, got, seq, sgwire.Uint64(p))
			}
			if err != nil {
				replies <- err
				return
			}
		}
		replies <- nil
	}()
	select {
	case err := <-replies:
		check(t, err)
	case <-time.After(longTime / 2):
		t.Fatal("the calls written together were not all answered before the first tick")
	}
	s.end()
}

// TestServeSlowTick checks that a Tick longer than its period does not starve frames: each
// call is answered, at the latest, once the tick running when it came returns.
func TestServeSlowTick(t *testing.T) {
	const period, slow = 5 * time.Millisecond, 20 * time.Millisecond
	s := startConn(t, sgwire.ServeOptions{TickMs: int(period / time.Millisecond)}, nil)
	s.d.slow = slow
	s.hello()
	s.welcome(0)
	began := time.Now()
	var slowest time.Duration
	for i := range uint32(20) {
		time.Sleep(period)
		sent := time.Now()
		if got := s.call(addPlain, 2, i); got != addPlain+2 {
			t.Fatalf("reply %d", got)
		}
		slowest = max(slowest, time.Since(sent))
	}
	ticks := s.call(addTicks, 0, 99)
	elapsed := time.Since(began)
	t.Logf("20 calls, the slowest answered in %v, and %d ticks of %v each %v, in %v", slowest, ticks, slow, period, elapsed)
	if most := uint64(elapsed/slow) + 1; ticks < 1 || ticks > most {
		t.Fatalf("%d ticks in %v: want 1 to %d", ticks, elapsed, most)
	}
	s.end()
}

// TestServeNoAllocs checks that a call round trip, a ping and a skipped frame's report allocate
// nothing, in Serve and in the driver's side, with ticks (epoll) and without (blocking reads).
func TestServeNoAllocs(t *testing.T) {
	for _, tick := range []int{0, 1000} {
		s := start(t, sgwire.ServeOptions{Name: "allocs", TickMs: tick}, 0)
		var req, ping [16]byte
		sgwire.PutUint64(req[:], addPlain)
		bad := noteFrame(t, 0, "bad", nil)[sgwire.HeaderSize:]
		bad[15] = 'x'
		seq := uint32(0)
		fail := ""
		roundTrip := func() {
			seq++
			sgwire.PutUint64(req[8:], uint64(seq))
			if send(s.k, typeAdd, seq, req[:]) != nil {
				fail = "send"
			}
			if typ, p, got, err := s.k.Recv(); err != nil || typ != typeCount || got != seq || sgwire.Uint64(p) != addPlain+uint64(seq) {
				fail = "reply"
			}
		}
		calls := testing.AllocsPerRun(500, roundTrip)
		pings := testing.AllocsPerRun(200, func() {
			sgwire.PutUint64(ping[:], uint64(seq))
			if send(s.k, sgwire.TypePing, seq, ping[:8]) != nil {
				fail = "ping"
			}
			if typ, p, _, err := s.k.Recv(); err != nil || typ != sgwire.TypePong || sgwire.Uint64(p) != uint64(seq) {
				fail = "pong"
			}
		})
		reports := testing.AllocsPerRun(100, func() {
			if send(s.k, typeNote, 3, bad) != nil {
				fail = "note"
			}
			if typ, _, _, err := s.k.Recv(); err != nil || typ != typeLog {
				fail = "report"
			}
		})
		t.Logf("allocs per call round trip with Serve (TickMs %d): %v; per ping: %v; per skipped frame reported: %v", tick, calls, pings, reports)
		if fail != "" {
			t.Fatalf("the %s failed", fail)
		}
		if calls != 0 || pings != 0 || reports != 0 {
			t.Fatalf("%v, %v, %v allocations", calls, pings, reports)
		}
		s.end()
	}
}

// BenchmarkServeCall measures a call round trip through Serve, against a bare pipe ping-pong of
// frames of the same size between two goroutines.
func BenchmarkServeCall(b *testing.B) {
	for _, tick := range []int{0, 1000} {
		name := "no-tick"
		if tick > 0 {
			name = "tick"
		}
		b.Run(name, func(b *testing.B) {
			toH, toK := make([]int, 2), make([]int, 2)
			rawsys.Pipe2(toH, rawsys.O_CLOEXEC)
			rawsys.Pipe2(toK, rawsys.O_CLOEXEC)
			h := newConn(toH[0], toK[1], sgwire.SideHelper)
			k := newConn(toK[0], toH[1], sgwire.SideKernel)
			d := &dispatcher{c: h}
			done := make(chan error, 1)
			go func() { done <- sgwire.Serve(h, d, sgwire.ServeOptions{TickMs: tick}) }()
			k.Recv()
			var w [sgwire.WelcomeSize]byte
			send(k, sgwire.TypeWelcome, 0, w[:])
			var req [addSize]byte
			sgwire.PutUint64(req[:], addPlain)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				send(k, typeAdd, uint32(i), req[:])
				k.Recv()
			}
			b.StopTimer()
			rawsys.Close(toH[1])
			<-done
			for _, fd := range []int{toH[0], toK[0], toK[1]} {
				rawsys.Close(fd)
			}
		})
	}
	b.Run("raw-pipe", func(b *testing.B) {
		toH, toK := make([]int, 2), make([]int, 2)
		rawsys.Pipe2(toH, rawsys.O_CLOEXEC)
		rawsys.Pipe2(toK, rawsys.O_CLOEXEC)
		done := make(chan struct{})
		go func() {
			defer close(done)
			var buf [64]byte
			for {
				if n, err := rawsys.Read(toH[0], buf[:sgwire.HeaderSize+addSize]); err != nil || n == 0 {
					return
				}
				rawsys.Write(toK[1], buf[:sgwire.HeaderSize+8])
			}
		}()
		var buf [64]byte
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			rawsys.Write(toH[1], buf[:sgwire.HeaderSize+addSize])
			rawsys.Read(toK[0], buf[:sgwire.HeaderSize+8])
		}
		b.StopTimer()
		rawsys.Close(toH[1])
		<-done
		for _, fd := range []int{toH[0], toK[0], toK[1]} {
			rawsys.Close(fd)
		}
	})
}
