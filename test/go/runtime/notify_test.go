package rawsys_test

import (
	"runtime"
	"syscall"
	"testing"
	"unsafe"

	sys "rt/rawsys"
)

// epollWait retries on EINTR: a blocking wait is interrupted whenever the Go
// runtime preempts the thread with SIGURG, and that says nothing about rawsys.
func epollWait(epfd int, events []sys.EpollEvent, msec int) (int, error) {
	for {
		n, err := sys.EpollWait(epfd, events, msec)
		if err != sys.EINTR {
			return n, err
		}
	}
}

func TestEpollWaitPipeAndEventfd(t *testing.T) {
	epfd, err := sys.EpollCreate1(sys.EPOLL_CLOEXEC)
	ok(t, "EpollCreate1", err)
	closeLater(t, epfd)
	p := pipe2(t, sys.O_NONBLOCK|sys.O_CLOEXEC)
	efd, err := sys.Eventfd(0, sys.EFD_NONBLOCK|sys.EFD_CLOEXEC)
	ok(t, "Eventfd", err)
	closeLater(t, efd)
	for _, fd := range []int{p[0], efd} {
		ev := sys.EpollEvent{Events: sys.EPOLLIN, Fd: int32(fd)}
		ok(t, "EpollCtl(ADD)", sys.EpollCtl(epfd, sys.EPOLL_CTL_ADD, fd, &ev))
	}
	events := make([]sys.EpollEvent, 4)
	n, err := sys.EpollWait(epfd, events, 0)
	ok(t, "EpollWait(idle)", err)
	if n != 0 {
		t.Fatalf("EpollWait with nothing ready returned %d events: %+v", n, events[:n])
	}
	if _, err := syscall.Write(p[1], []byte("x")); err != nil {
		t.Fatalf("syscall.Write: %v", err)
	}
	n, err = epollWait(epfd, events, 5000)
	ok(t, "EpollWait(pipe)", err)
	if n != 1 || events[0].Fd != int32(p[0]) || events[0].Events&sys.EPOLLIN == 0 {
		t.Fatalf("EpollWait = %d events %+v, want 1 for fd %d with EPOLLIN", n, events[:n], p[0])
	}
	one := uint64(1)
	if _, err := syscall.Write(efd, u64bytes(&one)); err != nil {
		t.Fatalf("syscall.Write(eventfd): %v", err)
	}
	n, err = epollWait(epfd, events, 5000)
	ok(t, "EpollWait(both)", err)
	seen := map[int32]uint32{}
	for _, ev := range events[:n] {
		seen[ev.Fd] = ev.Events
	}
	if n != 2 || seen[int32(p[0])]&sys.EPOLLIN == 0 || seen[int32(efd)]&sys.EPOLLIN == 0 {
		t.Fatalf("EpollWait = %d events %+v, want EPOLLIN for fds %d and %d", n, events[:n], p[0], efd)
	}
	ev := sys.EpollEvent{Events: sys.EPOLLIN, Fd: int32(efd)}
	wantErr(t, "EpollCtl(ADD twice)", sys.EpollCtl(epfd, sys.EPOLL_CTL_ADD, efd, &ev), sys.EEXIST)
}

// inotifyEvent is struct inotify_event's fixed header, decoded by hand so
// the test does not depend on the package's own type for it.
type inotifyEvent struct {
	Wd     int32
	Mask   uint32
	Cookie uint32
	Len    uint32
}

func TestInotifyReportsCreate(t *testing.T) {
	dir, dirfd := tempDirFd(t)
	ifd, err := sys.InotifyInit1(sys.IN_CLOEXEC | sys.IN_NONBLOCK)
	ok(t, "InotifyInit1", err)
	closeLater(t, ifd)
	wd, err := sys.InotifyAddWatch(ifd, dir, sys.IN_CREATE)
	ok(t, "InotifyAddWatch", err)
	buf := make([]byte, 4096)
	_, err = sys.Read(ifd, buf)
	wantErr(t, "Read(idle inotify)", err, sys.EAGAIN)
	createFile(t, dirfd, "watched-file")
	n, err := sys.Read(ifd, buf)
	ok(t, "Read(inotify)", err)
	ev := (*inotifyEvent)(unsafe.Pointer(&buf[0]))
	hdr := int(unsafe.Sizeof(*ev))
	if n < hdr || int(ev.Wd) != wd || ev.Mask&sys.IN_CREATE == 0 {
		t.Fatalf("inotify read %d bytes: wd %d mask %#x, want wd %d with IN_CREATE", n, ev.Wd, ev.Mask, wd)
	}
	if name := cstr(buf[hdr : hdr+int(ev.Len)]); name != "watched-file" {
		t.Fatalf("inotify name %q, want watched-file", name)
	}
	_, err = sys.InotifyAddWatch(ifd, dir+"/missing", sys.IN_CREATE)
	wantErr(t, "InotifyAddWatch(missing)", err, sys.ENOENT)
}

// isMips selects the mips ABI's signal numbering and sigset size.
var isMips = runtime.GOARCH == "mips" || runtime.GOARCH == "mipsle" || runtime.GOARCH == "mips64" || runtime.GOARCH == "mips64le"

// The kernel's sigprocmask "how" values; mips numbers them from 1.
var sigBlock, sigSetmask = map[bool]uintptr{false: 0, true: 1}[isMips], map[bool]uintptr{false: 2, true: 3}[isMips]

// sigprocmask blocks signals for this thread through the syscall package,
// so the signalfd test depends only on Signalfd itself. The kernel's
// sigset is _NSIG/8 bytes: 16 on mips (128 signals), 8 elsewhere.
func sigprocmask(how uintptr, set, old *sys.Sigset_t) error {
	size := uintptr(8)
	if isMips {
		size = 16
	}
	_, _, e := syscall.RawSyscall6(syscall.SYS_RT_SIGPROCMASK, how, uintptr(unsafe.Pointer(set)), uintptr(unsafe.Pointer(old)), size, 0, 0)
	if e != 0 {
		return e
	}
	return nil
}

// siTkill is the kernel's SI_TKILL si_code, which x/sys does not export.
const siTkill = -6

func TestSignalfdReceivesTgkill(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var set, old sys.Sigset_t
	bits := int(unsafe.Sizeof(uintptr(0))) * 8
	words := unsafe.Slice((*uintptr)(unsafe.Pointer(&set)), unsafe.Sizeof(set)/unsafe.Sizeof(uintptr(0)))
	bit := int(syscall.SIGUSR1) - 1
	words[bit/bits] |= 1 << (bit % bits)
	ok(t, "rt_sigprocmask(BLOCK)", sigprocmask(sigBlock, &set, &old))
	defer sigprocmask(sigSetmask, &old, nil)
	sfd, err := sys.Signalfd(-1, &set, sys.SFD_NONBLOCK|sys.SFD_CLOEXEC)
	ok(t, "Signalfd", err)
	closeLater(t, sfd)
	var info sys.SignalfdSiginfo
	raw := (*[unsafe.Sizeof(info)]byte)(unsafe.Pointer(&info))[:]
	_, err = sys.Read(sfd, raw)
	wantErr(t, "Read(idle signalfd)", err, sys.EAGAIN)
	ok(t, "syscall.Tgkill", syscall.Tgkill(syscall.Getpid(), syscall.Gettid(), syscall.SIGUSR1))
	n, err := sys.Read(sfd, raw)
	ok(t, "Read(signalfd)", err)
	if n != len(raw) || info.Signo != uint32(syscall.SIGUSR1) || int(info.Pid) != syscall.Getpid() ||
		int(info.Uid) != syscall.Getuid() || info.Code != siTkill {
		t.Fatalf("signalfd read n=%d signo %d pid %d uid %d code %d; want n=%d signo %d pid %d uid %d code %d",
			n, info.Signo, info.Pid, info.Uid, info.Code, len(raw), syscall.SIGUSR1, syscall.Getpid(), syscall.Getuid(), siTkill)
	}
}
