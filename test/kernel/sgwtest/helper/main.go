// The helper of sgwtest, the call runtime's test driver: a normal helper on the generated
// sgwtest package and sgwire.Serve, which the driver switches into a hostile mode to show what
// the runtime does with it. The kernel tells it the mode two ways:
//
//   - at start, for what happens before the handshake: it reads the driver's debugfs file
//     start_mode, which the driver empties as it is read (one helper gets the mode):
//     "hsexit" says hello and exits before the welcome, "version" says hello in a frame of
//     protocol version 2, "rtversion" with runtime version 2;
//   - later, with the set_mode notification: hang (the handler never returns, so nothing is
//     read or answered again, pings included), late (quick replies come arg ms late), flood
//     (arg log lines at once), ctrl (lines with control characters, a forged kernel line,
//     KERN_EMERG), noread (stops reading, as hang: the driver fills the pipe), forkchild (a child
//     that keeps the pipes, then exits), midframe (exits inside a frame), garbage (bytes that are
//     no frame), bye (says bye and exits).
//
// Run as "sgwtest_raw" (its argv[0], the name the driver starts it under) it is the benchmark's
// baseline instead: a raw pipe ping-pong of fixed-size frames, no runtime.
//
// It records the tag of every probe, quick and fill it sees, and answers seen with it, so the
// test can show that a call that timed out or was interrupted before it was written never
// reached it.
package main

import (
	"os"
	"syscall"
	"time"

	"sgwtest/helper/gen/go/sgwire"
	"sgwtest/helper/gen/go/sgwtest"
)

// helper is the Handlers of Serve.
type helper struct {
	c        *sgwtest.Conn
	seen     map[uint64]bool
	requests uint64
	lateMs   uint32
	events   uint64
}

func (h *helper) record(tag uint64) {
	h.requests++
	h.seen[tag] = true
}

func (h *helper) Add(req *sgwtest.Add, reply *sgwtest.Sum) {
	h.requests++
	reply.Tag, reply.Sum = req.Tag, req.A+req.B
}

func (h *helper) Probe(req *sgwtest.Probe, reply *sgwtest.Ack) {
	h.record(req.Tag)
	reply.Tag, reply.Seen, reply.Requests = req.Tag, true, h.requests
}

func (h *helper) Quick(req *sgwtest.Quick, reply *sgwtest.Ack) {
	h.record(req.Tag)
	if h.lateMs > 0 {
		time.Sleep(time.Duration(h.lateMs) * time.Millisecond)
	}
	reply.Tag, reply.Seen, reply.Requests = req.Tag, true, h.requests
}

func (h *helper) Seen(req *sgwtest.SeenQuery, reply *sgwtest.Ack) {
	reply.Tag, reply.Seen, reply.Requests = req.Tag, h.seen[req.Tag], h.requests
}

func (h *helper) Fill(msg *sgwtest.Fill) { h.record(msg.Tag) }

func (h *helper) Pause(msg *sgwtest.Pause) {
	time.Sleep(time.Duration(msg.Ms) * time.Millisecond)
}

// Tick sends an event a second: notifications to the kernel flow all along.
func (h *helper) Tick() {
	h.events++
	h.c.SendEvent(0, &sgwtest.Event{Count: h.events, Value: h.requests})
}

func (h *helper) SetMode(msg *sgwtest.SetMode) {
	switch msg.Mode {
	case sgwtest.ModeNormal:
		h.lateMs = 0
	case sgwtest.ModeHang, sgwtest.ModeNoread:
		forever()
	case sgwtest.ModeLate:
		h.lateMs = msg.Arg
	case sgwtest.ModeFlood:
		for i := uint32(0); i < msg.Arg; i++ {
			h.c.Log(sgwtest.LogErr, "flood line")
		}
	case sgwtest.ModeCtrl:
		h.c.Log(sgwtest.LogEmerg, "emerg line, clamped to the ceiling")
		h.c.Log(sgwtest.LogErr, "line one\n[    0.000000] BUG: forged kernel line\n<0>forged level\x1b[31m red \x01 soh\x7f del")
		h.c.Log(sgwtest.LogErr, "\r\n[    1.000000] Kernel panic - not syncing: forged")
		// A level past KERN_DEBUG: a malformed log frame, skipped and counted.
		frame := make([]byte, sgwire.HeaderSize+248)
		header(frame, sgwtest.Version, 0, 248, 0)
		frame[sgwire.HeaderSize] = 9
		copy(frame[sgwire.HeaderSize+1:], "level nine")
		syscall.Write(1, frame)
	case sgwtest.ModeForkchild:
		// The child is this program again (it can only exec), holding fds 0 and 1.
		_, err := syscall.ForkExec("/proc/self/exe", []string{"sgwtest-child"}, &syscall.ProcAttr{
			Env:   []string{"SGWTEST_CHILD=1"},
			Files: []uintptr{0, 1, 2},
		})
		if err != nil {
			h.c.Log(sgwtest.LogErr, "forkchild: cannot fork: "+err.Error())
			return
		}
		h.c.Log(sgwtest.LogInfo, "forkchild: child started, parent exiting")
		syscall.Exit(0)
	case sgwtest.ModeMidframe:
		frame := make([]byte, sgwire.HeaderSize+16)
		header(frame, sgwtest.Version, uint16(sgwtest.MsgEvent), 16, 0)
		syscall.Write(1, frame[:10])
		syscall.Exit(0)
	case sgwtest.ModeGarbage:
		syscall.Write(1, []byte("garbage garbage garbage garbage!"))
	case sgwtest.ModeBye:
		h.c.Stop(sgwire.ByeAsked)
	}
}

// header writes a frame header by hand, so that the tests can send what Conn never would.
func header(b []byte, version uint16, t uint16, length, seq uint32) {
	sgwire.PutUint32(b[0:], sgwtest.Magic)
	sgwire.PutUint16(b[4:], version)
	sgwire.PutUint16(b[6:], t)
	sgwire.PutUint32(b[8:], length)
	sgwire.PutUint32(b[12:], seq)
}

// forever blocks without reading, for good (a sleeping goroutine is no deadlock to the runtime).
func forever() {
	for {
		time.Sleep(time.Hour)
	}
}

// startMode reads the one-shot mode the driver holds for the next helper.
func startMode() string {
	b, err := os.ReadFile("/sys/kernel/debug/sgwtest/start_mode")
	if err != nil {
		return ""
	}
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == 0) {
		b = b[:len(b)-1]
	}
	return string(b)
}

// badHello says hello as the runtime never would: another protocol or runtime version.
func badHello(version, runtime uint16) {
	frame := make([]byte, sgwire.HeaderSize+sgwire.HelloSize)
	header(frame, version, sgwire.TypeHello, sgwire.HelloSize, 0)
	m := sgwire.Hello{RuntimeVersion: runtime, Pid: uint32(syscall.Getpid())}
	copy(m.Name[:], "sgwtest-helper")
	m.Encode(frame[sgwire.HeaderSize:])
	syscall.Write(1, frame)
}

// raw is the benchmark's baseline: read a 40-byte frame, write a 32-byte one, until the end.
func raw() {
	var in [40]byte
	var out [32]byte
	for {
		for n := 0; n < len(in); {
			k, err := syscall.Read(0, in[n:])
			if err == syscall.EINTR {
				continue
			}
			if err != nil || k <= 0 {
				return
			}
			n += k
		}
		copy(out[:], in[:32])
		if _, err := syscall.Write(1, out[:]); err != nil {
			return
		}
	}
}

func main() {
	if _, child := syscall.Getenv("SGWTEST_CHILD"); child {
		time.Sleep(20 * time.Second) // holds the pipes a while, then goes
		return
	}
	if len(os.Args) > 0 && os.Args[0] == "sgwtest_raw" {
		raw()
		return
	}
	c := sgwtest.Helper()
	switch startMode() {
	case "hsexit":
		badHello(sgwtest.Version, sgwire.RuntimeVersion)
		return
	case "version":
		badHello(sgwtest.Version+1, sgwire.RuntimeVersion)
		forever()
	case "rtversion":
		badHello(sgwtest.Version, sgwire.RuntimeVersion+1)
		forever()
	}
	h := &helper{c: c, seen: map[uint64]bool{}}
	c.Log(sgwtest.LogInfo, "helper ready")
	if err := sgwtest.Serve(c, h, sgwtest.ServeOptions{Name: "sgwtest-helper", Features: 0x3, TickMs: 1000}); err != nil {
		c.Log(sgwtest.LogErr, "serve: "+err.Error())
		os.Exit(2)
	}
}
