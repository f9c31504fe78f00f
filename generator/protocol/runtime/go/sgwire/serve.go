//go:build linux

package sgwire

import "syscallgen.local/go/rawsys"

// Dispatcher is what a generated package gives Serve.
type Dispatcher interface {
	// Handle decodes and handles one frame of type t the helper receives: a call's request or a
	// notification, its header checked. For a call it encodes the reply's payload into reply
	// and returns the reply's type and payload size; for a notification, 0 and 0. An error
	// (ErrBadMsg for a payload the decoder refuses) skips the frame: Serve reports it to the
	// driver in a log line and goes on.
	Handle(t uint16, payload []byte, reply []byte) (replyType uint16, replyLen int, err error)
	// Tick is called every ServeOptions.TickMs milliseconds (0: never), between frames.
	Tick()
}

// ServeOptions are the helper's side of the handshake, and its tick.
type ServeOptions struct {
	Name     string // the helper's name in its hello (at most 31 bytes: cut there, or at a NUL)
	Features uint64 // feature bits the helper offers
	TickMs   int    // Tick period; 0 (or less) for none
}

// The log message every protocol has, type 0 (generator/protocol/spec/wire-format.ts): level
// u8, text char[240] (at most 239 bytes, a NUL, zeros), pad to 248. Serve reports in it.
const (
	logType    = 0
	logSize    = 248
	logTextMax = 239
	logWarning = 4 // KERN_WARNING
)

// Serve runs the helper's side of the call runtime on c, a SideHelper Conn, until the driver
// closes the pipe (returns nil) or the stream is lost (an error). Features returns what the
// welcome agreed.
//
// It sends hello (RuntimeVersion, the pid, opts.Features and opts.Name) and waits for the
// driver's welcome; the first frame must be it. Then it loops, one frame at a time, on the
// goroutine that called it: it answers a ping with a pong at once (the ping's nonce, sequence
// number 0), gives calls and notifications to d.Handle and sends a call's reply with the
// call's sequence number, and calls d.Tick when it is due. A frame whose header was sound but
// that d refuses is skipped (a call's gets no reply, so the call times out) and reported to the
// driver in a log line at KERN_WARNING: "skipped a malformed frame: type <t>, seq <seq>:
// <error>" for ErrBadMsg, "skipped a frame its handler failed: ..." for another error.
//
// Ticks: the first is TickMs after the welcome, the next ones on the same grid, between frames,
// on CLOCK_MONOTONIC. A tick that comes late (a long handler, a stopped process) runs once, the
// ticks it missed are dropped, and the next is the following grid point if that is still ahead,
// or else TickMs after the late one returned: ticks never come in a burst, and a frame is read
// between any two. Serve waits for a frame or the next tick with epoll on c's read fd; without
// ticks it blocks in read, and makes no clock or epoll call.
//
// Exit policy: Serve sends bye only when asked, by Stop: the helper is then exiting on purpose,
// and the driver will not start it again until told to. It never sends bye on its own, least of
// all for a lost stream, after which the driver should start a fresh helper. A helper cannot
// catch SIGTERM (that needs os/signal); the driver stops it with SIGKILL anyway.
//
// Serve returns nil when the driver closes the pipe (end of file on the read fd, EPIPE on the
// write fd, before the welcome too) or after the bye Stop asked for. It returns ErrProto for a
// frame of another protocol version, a first frame other than welcome, or a second welcome;
// ErrBadMsg for a bad header (another magic, a type that is not the protocol's or does not travel
// to the helper, a wrong length) or a malformed welcome; ErrInval when c is not a helper's Conn or
// d returned a reply type this protocol does not send to the driver, or a length other than its
// payload size (reported in a log line first); and any other error of read, write or epoll.
// After an error the stream is out of step: the helper should exit, and the driver starts it
// again.
//
// Nothing in it allocates: frames are read and built in c's buffers, and pongs, replies and
// reports in a buffer of Serve's own, so handlers may send notifications and logs with c's
// senders at any point, before they encode a reply or after.
func Serve(c *Conn, d Dispatcher, opts ServeOptions) error {
	err := c.serve(d, &opts)
	if err == ErrPipe {
		return nil
	}
	return err
}

// Features returns the feature bits the handshake agreed: those of the driver's welcome that the
// helper offered in ServeOptions.Features; 0 before the welcome. Handlers and Tick may read it.
func (c *Conn) Features() uint64 { return c.features }

// Stop asks Serve to end on purpose: once the handler or Tick that called it returns (and
// Serve has sent the reply of the call being handled), Serve sends bye with reason (ByeAsked,
// or one of the helper's own) and returns nil, and the helper should exit. Called before Serve,
// it makes Serve say bye right after the welcome. It is for Serve's goroutine: its handlers,
// Tick, or the code that calls Serve.
func (c *Conn) Stop(reason uint32) { c.stopping, c.byeReason = true, reason }

// serve is Serve, with the end of the pipe left as ErrPipe.
func (c *Conn) serve(d Dispatcher, opts *ServeOptions) error {
	if c.recv != ToHelper {
		return ErrInval
	}
	if err := c.hello(opts); err != nil {
		return err
	}
	if err := c.welcome(opts.Features); err != nil {
		return err
	}
	var clock ticker
	if opts.TickMs > 0 {
		if err := clock.start(c.rfd, opts.TickMs); err != nil {
			return err
		}
		defer rawsys.Close(clock.ep)
	}
	for {
		if c.stopping {
			return c.bye()
		}
		if clock.period > 0 {
			ready, err := clock.wait(d, c.Buffered())
			if err != nil {
				return err
			}
			if !ready {
				continue
			}
		}
		if err := c.next(d); err != nil {
			return err
		}
	}
}

// hello sends the helper's hello.
func (c *Conn) hello(opts *ServeOptions) error {
	m := Hello{RuntimeVersion: RuntimeVersion, Pid: uint32(rawsys.Getpid()), Features: opts.Features}
	SetText(m.Name[:], opts.Name)
	frame, _ := c.proto.StartFrame(c.sbuf[:], TypeHello, HelloSize, 0)
	m.Encode(frame[HeaderSize:])
	return c.writeAll(frame)
}

// welcome reads the driver's welcome, which must be the first frame, and keeps the features it
// agrees to of those offered.
func (c *Conn) welcome(offered uint64) error {
	t, p, _, err := c.Recv()
	if err != nil {
		return err
	}
	if t != TypeWelcome {
		return ErrProto
	}
	var m Welcome
	if !m.Decode(p) {
		return ErrBadMsg
	}
	c.features = m.Features & offered
	return nil
}

// next reads one frame and answers it: a pong, a reply, a report, or nothing.
func (c *Conn) next(d Dispatcher) error {
	t, p, seq, err := c.Recv()
	if err != nil {
		return err
	}
	switch t {
	case TypePing:
		frame, _ := c.proto.StartFrame(c.sbuf[:], TypePong, PingSize, 0)
		copy(frame[HeaderSize:], p)
		return c.writeAll(frame)
	case TypeWelcome:
		return ErrProto // a second one: the driver is out of step
	}
	rt, n, err := d.Handle(t, p, c.sbuf[HeaderSize:])
	if err == ErrBadMsg {
		return c.report(t, seq, "skipped a malformed frame", err)
	}
	if err != nil {
		return c.report(t, seq, "skipped a frame its handler failed", err)
	}
	if rt == 0 {
		return nil
	}
	if size, dir := c.proto.Message(rt); size < 0 || n != size || dir&ToKernel == 0 {
		if err := c.report(rt, seq, "a handler's reply is no reply of this protocol", ErrInval); err != nil {
			return err
		}
		return ErrInval
	}
	frame, _ := c.proto.StartFrame(c.sbuf[:], rt, n, seq)
	return c.writeAll(frame)
}

// bye sends the bye Stop asked for.
func (c *Conn) bye() error {
	m := Bye{Reason: c.byeReason}
	c.stopping = false
	frame, _ := c.proto.StartFrame(c.sbuf[:], TypeBye, ByeSize, 0)
	m.Encode(frame[HeaderSize:])
	return c.writeAll(frame)
}

// report sends the driver a log line at KERN_WARNING from Serve's buffer: "<what>: type <t>, seq
// <seq>: <err>", cut to fit. Nothing is sent for a protocol without the log message; only the
// write's error is returned.
func (c *Conn) report(t uint16, seq uint32, what string, err error) error {
	if size, dir := c.proto.Message(logType); size != logSize || dir&ToKernel == 0 {
		return nil
	}
	frame, _ := c.proto.StartFrame(c.sbuf[:], logType, logSize, 0)
	p := frame[HeaderSize:]
	l := line{text: p[1 : 1+logTextMax+1]}
	l.add(what)
	l.add(": type ")
	l.num(uint64(t))
	l.add(", seq ")
	l.num(uint64(seq))
	l.add(": ")
	l.add(err.Error())
	p[0] = logWarning
	if i := indexNul(l.text[:l.n]); i >= 0 {
		l.n = i
	}
	Zero(p[1+l.n:])
	return c.writeAll(frame)
}

// line builds the text of a log line in place, cutting what does not fit before the NUL.
type line struct {
	text []byte // the log message's text field: logTextMax bytes and room for the NUL
	n    int
}

func (l *line) add(s string) { l.n += copy(l.text[l.n:len(l.text)-1], s) }

func (l *line) num(v uint64) {
	var d [20]byte
	i := len(d)
	for {
		i--
		d[i] = byte('0' + v%10)
		if v /= 10; v == 0 {
			break
		}
	}
	l.n += copy(l.text[l.n:len(l.text)-1], d[i:])
}

// ticker paces Dispatcher.Tick and waits, with epoll, for a frame or the next tick.
type ticker struct {
	ep     int
	period int64 // ns; 0 for no ticks
	next   int64 // CLOCK_MONOTONIC ns of the next tick
	events [1]rawsys.EpollEvent
}

// start watches fd for input and sets the first tick a period from now.
func (k *ticker) start(fd, ms int) error {
	ep, err := rawsys.EpollCreate1(rawsys.EPOLL_CLOEXEC)
	if err != nil {
		return err
	}
	ev := rawsys.EpollEvent{Events: rawsys.EPOLLIN}
	if err := rawsys.EpollCtl(ep, rawsys.EPOLL_CTL_ADD, fd, &ev); err != nil {
		rawsys.Close(ep)
		return err
	}
	k.ep, k.period = ep, int64(ms)*1_000_000
	k.next = monotonic() + k.period
	return nil
}

// wait runs d.Tick if it is due, or else waits for fd to be readable (or closed) until the next
// tick, and reports whether it is. With bytes buffered it does not wait: they are input epoll
// cannot see.
func (k *ticker) wait(d Dispatcher, buffered bool) (bool, error) {
	now := monotonic()
	if now >= k.next {
		d.Tick()
		k.next += k.period
		if now = monotonic(); k.next <= now {
			k.next = now + k.period
		}
		return false, nil
	}
	if buffered {
		return true, nil
	}
	ms := (k.next - now + 999_999) / 1_000_000
	n, err := rawsys.EpollWait(k.ep, k.events[:], int(ms))
	if err == rawsys.EINTR {
		return false, nil
	}
	return n > 0, err
}

// monotonic is CLOCK_MONOTONIC in nanoseconds.
func monotonic() int64 {
	var ts rawsys.Timespec
	rawsys.ClockGettime(rawsys.CLOCK_MONOTONIC, &ts) // cannot fail for this clock and pointer
	return int64(ts.Sec)*1_000_000_000 + int64(ts.Nsec)
}
