// Command helper is the user-space half of the eprog example: a static Go program that the eprog
// driver embeds in the kernel image and starts with the User Mode Driver API. The driver's pipes
// are its fds 0 (frames from the driver) and 1 (frames to the driver); fd 2 is not set up, so the
// helper says everything through the protocol, logging included.
//
// It imports only the packages syscallgen generates (eprog, which is built on sgwire, and rawsys),
// syscall and the runtime: no fmt, no os. Besides what the Go runtime itself reads (/sys/kernel/mm/transparent_hugepage/
// hpage_pmd_size) it opens nothing but the /proc and /sys files a read_file request names.
//
// What it does:
//
//   - sends its hello (protocol version, features, name), then waits up to 10 s for the driver's;
//   - logs "helper ready" at info level;
//   - answers requests: echo, read_file, send_garbage (a malformed reply, for testing the
//     driver's checks), exit (exits with status 3, for testing the driver's recovery);
//   - sends a status message every second, from one epoll loop: no goroutines, no timers.
//
// Exit status: 0 when the driver closes the pipe, 1 on a pipe error or a malformed frame from the
// driver, 2 when the handshake fails, 3 on an exit request.
package main

import (
	"syscall"

	"eprog/helper/gen/go/eprog"
	unix "eprog/helper/gen/go/rawsys"
)

const (
	helperName = "eprog-helper"

	// FeatureDebug, in the driver's hello, asks for a debug log line for each request; in the
	// helper's hello it says the helper can do that.
	featureDebug = 1 << 0

	helloTimeoutMs = 10_000
	statusEveryMs  = 1_000

	exitPipe      = 1
	exitHandshake = 2
	exitRequested = 3

	// Not in rawsys's specs: openat2's resolve flags and the two file systems a fallback open
	// may land on (include/uapi/linux/openat2.h, include/uapi/linux/magic.h).
	resolveNoMagiclinks = 0x02
	resolveBeneath      = 0x08
	procSuperMagic      = 0x9fa0
	sysfsMagic          = 0x62656572
	rusageSelf          = 0

	// The offset of the reply's first pad byte (after the s32 status, before the 8-aligned
	// value): zero on the wire, so a frame with it set is malformed but of the right length.
	replyPadOffset = 4
)

// helper is the state of the one loop: everything lives here, so serving a request allocates
// nothing but the path string of a read_file.
type helper struct {
	c        *eprog.Conn
	ep       int
	started  int64 // CLOCK_MONOTONIC ms
	requests uint64
	failures uint32
	debug    bool
	msg      eprog.Msg
	reply    eprog.Reply
	events   [1]unix.EpollEvent
}

func main() {
	h := &helper{c: eprog.Helper(), started: monoMs()}
	ep, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	if err == nil {
		h.ep = ep
		ev := unix.EpollEvent{Events: unix.EPOLLIN, Fd: 0}
		err = unix.EpollCtl(ep, unix.EPOLL_CTL_ADD, 0, &ev)
	}
	if err != nil {
		h.fail(exitPipe, "epoll on fd 0: ", err)
	}
	h.handshake()
	h.sent(h.c.Log(eprog.LogInfo, "helper ready"))
	h.serve()
}

// handshake sends the helper's hello and waits for the driver's.
func (h *helper) handshake() {
	var hello eprog.Hello
	hello.ProtocolVersion = uint32(eprog.Version)
	hello.Features = featureDebug
	hello.Name.Set(helperName)
	h.sent(h.c.SendHello(0, &hello))

	deadline := monoMs() + helloTimeoutMs
	for {
		left := deadline - monoMs()
		if left <= 0 {
			h.fail(exitHandshake, "no hello from the driver within 10 s", nil)
		}
		if !h.wait(left) {
			continue
		}
		t, err := h.c.Recv(&h.msg)
		h.received(err)
		if t != eprog.MsgHello {
			h.fail(exitHandshake, "expected the driver's hello, got message type "+utoa(uint64(t)), nil)
		}
		if v := h.msg.Hello.ProtocolVersion; v != uint32(eprog.Version) {
			h.fail(exitHandshake, "the driver speaks protocol version "+utoa(uint64(v))+", the helper "+utoa(uint64(eprog.Version)), nil)
		}
		h.debug = h.msg.Hello.Features&featureDebug != 0
		return
	}
}

// serve answers requests and sends a status message every second, until the driver closes the
// pipe or asks the helper to exit.
func (h *helper) serve() {
	next := monoMs() + statusEveryMs
	for {
		now := monoMs()
		if now >= next {
			h.sendStatus(now)
			if next += statusEveryMs; next <= now {
				next = now + statusEveryMs // after a stop (SIGSTOP, a suspended VM): no burst
			}
		}
		if !h.wait(next - now) {
			continue
		}
		t, err := h.c.Recv(&h.msg)
		h.received(err)
		switch t {
		case eprog.MsgRequest:
			h.serveRequest()
		case eprog.MsgHello:
			h.sent(h.c.Log(eprog.LogWarning, "ignoring a second hello from the driver"))
		}
	}
}

func (h *helper) serveRequest() {
	seq := h.msg.Seq
	req := &h.msg.Request
	if h.debug {
		h.sent(h.c.Log(eprog.LogDebug, "request "+utoa(uint64(seq))+": "+opName(req.Op)))
	}
	h.requests++
	r := &h.reply
	*r = eprog.Reply{}
	switch req.Op {
	case eprog.OpEcho:
		r.Value = req.A + req.B
		r.Data.Set(req.Text.Bytes())
	case eprog.OpReadFile:
		n, err := readFile(string(req.Text.Bytes()), r.Data.Data[:])
		r.Value = int64(n)
		if err != nil {
			r.Status = negErrno(err)
		} else {
			r.Data.Len = uint16(n)
		}
	case eprog.OpSendGarbage:
		h.sendGarbage(seq)
		return
	case eprog.OpExit:
		h.sent(h.c.Log(eprog.LogWarning, "exit requested by the driver: exiting with status 3"))
		unix.Exit(exitRequested)
	default: // the decoder accepts only the ops of the enum; a newer spec's would land here
		r.Status = negErrno(unix.EINVAL)
	}
	if r.Status != 0 {
		h.failures++
	}
	h.sent(h.c.SendReply(seq, r))
}

// sendGarbage answers request seq with a reply frame whose header is right (magic, version,
// type, length) and whose payload breaks a rule: a non-zero pad byte. The driver must read it
// whole, reject it with -EBADMSG and stay in step for the next frame. Written with one raw write
// of its own, past the Conn, which would never encode such a frame.
func (h *helper) sendGarbage(seq uint32) {
	var b [eprog.MaxFrame]byte
	r := &h.reply
	r.Data.Set([]byte("garbage"))
	n, err := r.EncodeFrame(b[:], seq)
	if err != nil {
		h.fail(exitPipe, "encode: ", err)
	}
	b[eprog.HeaderSize+replyPadOffset] = 0xa5
	for p := b[:n]; len(p) > 0; {
		w, err := unix.Write(1, p)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			h.sent(err)
		}
		p = p[w:]
	}
}

func (h *helper) sendStatus(now int64) {
	var ru unix.Rusage
	unix.Getrusage(rusageSelf, &ru) // cannot fail for RUSAGE_SELF and a valid pointer
	s := eprog.Status{
		UptimeMs: uint64(now - h.started),
		Requests: h.requests,
		Failures: h.failures,
		MaxRssKb: uint32(ru.Maxrss), // kilobytes on Linux; int32 or int64 by arch
	}
	h.sent(h.c.SendStatus(0, &s))
}

// wait waits up to ms for fd 0 to be readable (or closed) and reports whether it is.
func (h *helper) wait(ms int64) bool {
	n, err := unix.EpollWait(h.ep, h.events[:], int(ms))
	if err != nil && err != unix.EINTR {
		h.fail(exitPipe, "epoll_wait: ", err)
	}
	return n > 0
}

// received handles Recv's error: the driver closing its end is the normal way to stop.
func (h *helper) received(err error) {
	if err == unix.EPIPE {
		unix.Exit(0)
	}
	if err != nil {
		h.fail(exitPipe, "bad frame from the driver: ", err)
	}
}

// sent handles a send's error. Nothing can be logged once the pipe is broken.
func (h *helper) sent(err error) {
	if err == unix.EPIPE {
		unix.Exit(0)
	}
	if err != nil {
		unix.Exit(exitPipe)
	}
}

// fail logs text (and err) as an error through the driver and exits with code.
func (h *helper) fail(code int, text string, err error) {
	if err != nil {
		text += err.Error()
	}
	h.c.Log(eprog.LogErr, text)
	unix.Exit(code)
}

// readFile reads the start of the /proc or /sys file at path into buf, which it fills unless the
// file is shorter. Any other path is EACCES, and so is a path that would leave /proc or /sys.
func readFile(path string, buf []byte) (int, error) {
	var root string
	switch {
	case hasPrefix(path, "/proc/"):
		root = "/proc"
	case hasPrefix(path, "/sys/"):
		root = "/sys"
	default:
		return 0, unix.EACCES
	}
	rel := path[len(root)+1:]
	if rel == "" || hasDotDot(rel) {
		return 0, unix.EACCES
	}
	fd, err := openBeneath(root, rel)
	if err != nil {
		return 0, err
	}
	defer unix.Close(fd)
	n := 0
	for n < len(buf) {
		m, err := unix.Read(fd, buf[n:])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return n, err
		}
		if m == 0 {
			break
		}
		n += m
	}
	return n, nil
}

// openBeneath opens rel inside root (/proc or /sys) for reading, without blocking (/proc/kmsg)
// and without leaving root: openat2 refuses a symlink out of it and the magic links of /proc
// (/proc/self/root/etc/passwd). Where openat2 is missing (qemu-user before 9.0, or a seccomp
// filter answering ENOSYS; every kernel with the UMD API has it), the file is opened with openat
// and kept only if it is on procfs or sysfs.
func openBeneath(root, rel string) (int, error) {
	const flags = unix.O_RDONLY | unix.O_NONBLOCK | unix.O_NOCTTY | unix.O_CLOEXEC
	dir, err := unix.Openat(unix.AT_FDCWD, root, unix.O_PATH|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return -1, err
	}
	defer unix.Close(dir)
	how := unix.OpenHow{Flags: flags, Resolve: resolveBeneath | resolveNoMagiclinks}
	fd, err := unix.Openat2(dir, rel, &how)
	if err != unix.ENOSYS {
		return fd, err
	}
	if fd, err = unix.Openat(dir, rel, flags, 0); err != nil {
		return -1, err
	}
	var st unix.Statfs_t
	if err := unix.Fstatfs(fd, &st); err != nil || uint32(st.Type) != procSuperMagic && uint32(st.Type) != sysfsMagic {
		unix.Close(fd)
		return -1, unix.EACCES
	}
	return fd, nil
}

func opName(op eprog.Op) string {
	switch op {
	case eprog.OpEcho:
		return "echo"
	case eprog.OpReadFile:
		return "read_file"
	case eprog.OpSendGarbage:
		return "send_garbage"
	case eprog.OpExit:
		return "exit"
	}
	return "op " + utoa(uint64(op))
}

func hasPrefix(s, prefix string) bool { return len(s) >= len(prefix) && s[:len(prefix)] == prefix }

// hasDotDot reports whether the slash-separated path p has a ".." component.
func hasDotDot(p string) bool {
	start := 0
	for i := 0; i <= len(p); i++ {
		if i == len(p) || p[i] == '/' {
			if p[start:i] == ".." {
				return true
			}
			start = i + 1
		}
	}
	return false
}

// negErrno is a reply status: the negative errno of err.
func negErrno(err error) int32 {
	if e, ok := err.(syscall.Errno); ok {
		return -int32(e)
	}
	return -int32(unix.EIO)
}

func monoMs() int64 {
	var ts unix.Timespec
	unix.ClockGettime(unix.CLOCK_MONOTONIC, &ts) // cannot fail for CLOCK_MONOTONIC
	return int64(ts.Sec)*1000 + int64(ts.Nsec)/1_000_000
}

func utoa(v uint64) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + v%10)
		if v /= 10; v == 0 {
			return string(b[i:])
		}
	}
}
