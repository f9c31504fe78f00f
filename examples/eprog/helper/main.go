// Command helper is the user-space half of the eprog example: a static Go program that the eprog
// driver embeds in the kernel image and starts as a User Mode Driver. Its fds 0 and 1 are the
// driver's pipes; fd 2 is not set up, so it logs through the protocol. It imports only what
// syscallgen generates (eprog, over sgwire, and rawsys) and syscall. eprog.Serve runs the
// protocol: the handshake, pongs, one Request call at a time, and Tick every second, which sends
// the status. Exit status: 0 when the driver closes the pipe, 1 for a lost stream, 3 on request.
package main

import (
	"syscall"

	"eprog/helper/gen/go/eprog"
	unix "eprog/helper/gen/go/rawsys"
)

const (
	// Not in rawsys's specs: openat2's resolve flags and the two file systems a fallback open
	// may land on (include/uapi/linux/openat2.h, include/uapi/linux/magic.h).
	resolveNoMagiclinks = 0x02
	resolveBeneath      = 0x08
	procSuperMagic      = 0x9fa0
	sysfsMagic          = 0x62656572
	statusPadOffset     = 28 // the status payload's pad, after failures: zero on the wire
)

// helper is the state Serve's handlers share; they run one at a time on Serve's goroutine.
type helper struct {
	c        *eprog.Conn
	started  int64 // CLOCK_MONOTONIC ms
	requests uint64
	failures uint32
	st       eprog.Status // the last status: kept here, so no tick allocates
}

func main() {
	h := &helper{c: eprog.Helper(), started: monoMs()}
	h.c.Log(eprog.LogInfo, "helper ready")
	if err := eprog.Serve(h.c, h, eprog.ServeOptions{Name: "eprog-helper", TickMs: 1000}); err != nil {
		h.c.Log(eprog.LogErr, "stream lost: "+err.Error())
		unix.Exit(1)
	}
	unix.Exit(0)
}

// Request answers the driver's call; Serve sends r when it returns.
func (h *helper) Request(req *eprog.Request, r *eprog.Reply) {
	h.requests++
	switch req.Op {
	case eprog.OpEcho:
		r.Value = req.A + req.B
		r.Data.Set(req.Text.Bytes())
	case eprog.OpReadFile:
		n, err := readFile(string(req.Text.Bytes()), r.Data.Data[:])
		r.Value, r.Data.Len = int64(n), uint16(n)
		if err != nil { // rawsys's errors are all syscall.Errno
			r.Status, r.Data.Len = -int32(err.(syscall.Errno)), 0
		}
	case eprog.OpSendGarbage:
		h.sendGarbage()
		r.Data.Set([]byte("sent a malformed status"))
	case eprog.OpExit: // logged at LogErr, which the driver's ceiling prints as a warning
		h.c.Log(eprog.LogErr, "exit requested by the driver: exiting with status 3")
		unix.Exit(3)
	}
	if r.Status != 0 {
		h.failures++
	}
}

// Tick sends the status notification.
func (h *helper) Tick() { h.c.SendStatus(0, h.status()) }

func (h *helper) status() *eprog.Status {
	var ru unix.Rusage
	unix.Getrusage(0, &ru) // RUSAGE_SELF: cannot fail with a valid pointer
	h.st = eprog.Status{UptimeMs: uint64(monoMs() - h.started), Requests: h.requests,
		Failures: h.failures, MaxRssKb: uint64(ru.Maxrss)} // kilobytes on Linux
	return &h.st
}

// sendGarbage sends a status frame whose header is right and whose payload has a non-zero pad
// byte: the driver must read it whole, skip and count it, and stay in step. One raw write past
// the Conn, which would never send such a frame.
func (h *helper) sendGarbage() {
	var b [eprog.HeaderSize + eprog.StatusSize]byte
	n, _ := h.status().EncodeFrame(b[:], 0)
	b[eprog.HeaderSize+statusPadOffset] = 0xa5
	unix.Write(1, b[:n]) // a pipe takes 48 bytes in one write
}

// readFile reads the start of the /proc or /sys file at path into buf, which it fills unless the
// file is shorter. Any other path is EACCES; one that would leave /proc or /sys is refused too.
func readFile(path string, buf []byte) (int, error) {
	root := "/sys"
	if len(path) > 6 && path[:6] == "/proc/" {
		root = "/proc"
	} else if len(path) <= 5 || path[:5] != "/sys/" {
		return 0, unix.EACCES
	}
	fd, err := openBeneath(root, path[len(root)+1:])
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
		if err != nil || m == 0 {
			return n, err
		}
		n += m
	}
	return n, nil
}

// openBeneath opens rel inside root for reading, without blocking (/proc/kmsg) and without leaving
// root: openat2 refuses "..", a symlink out and the magic links of /proc (/proc/self/root/etc).
// Where openat2 is missing (qemu-user before 9.0), openat, keeping the file only if it is on
// procfs or sysfs.
func openBeneath(root, rel string) (int, error) {
	const flags = unix.O_RDONLY | unix.O_NONBLOCK | unix.O_NOCTTY | unix.O_CLOEXEC
	dir, err := unix.Openat(unix.AT_FDCWD, root, unix.O_PATH|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return -1, err
	}
	defer unix.Close(dir)
	how := unix.OpenHow{Flags: flags, Resolve: resolveBeneath | resolveNoMagiclinks}
	if fd, err := unix.Openat2(dir, rel, &how); err != unix.ENOSYS {
		return fd, err
	}
	fd, err := unix.Openat(dir, rel, flags, 0)
	if err != nil {
		return -1, err
	}
	var st unix.Statfs_t
	if err := unix.Fstatfs(fd, &st); err != nil || uint32(st.Type) != procSuperMagic && uint32(st.Type) != sysfsMagic {
		unix.Close(fd)
		return -1, unix.EACCES
	}
	return fd, nil
}

func monoMs() int64 {
	var ts unix.Timespec
	unix.ClockGettime(unix.CLOCK_MONOTONIC, &ts) // cannot fail for CLOCK_MONOTONIC
	return int64(ts.Sec)*1000 + int64(ts.Nsec)/1_000_000
}
