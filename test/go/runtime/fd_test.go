package rawsys_test

import (
	"syscall"
	"testing"

	sys "rt/rawsys"
)

// pipe2 makes a pipe with the wrapper under test and closes it at the end.
func pipe2(t *testing.T, flags int) [2]int {
	t.Helper()
	p := make([]int, 2)
	ok(t, "Pipe2", sys.Pipe2(p, flags))
	closeLater(t, p[0])
	closeLater(t, p[1])
	return [2]int{p[0], p[1]}
}

// fdFlags reads F_GETFD through the syscall package, the independent truth.
func fdFlags(t *testing.T, fd int) uintptr {
	t.Helper()
	r, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_GETFD, 0)
	if e != 0 {
		t.Fatalf("fcntl(%d, F_GETFD): %v", fd, e)
	}
	return r
}

func TestPipe2Flags(t *testing.T) {
	p := pipe2(t, sys.O_NONBLOCK|sys.O_CLOEXEC)
	buf := make([]byte, 8)
	_, err := sys.Read(p[0], buf)
	wantErr(t, "Read(empty nonblocking pipe)", err, sys.EAGAIN)
	if fdFlags(t, p[0])&syscall.FD_CLOEXEC == 0 {
		t.Fatalf("Pipe2(O_CLOEXEC) read end lacks FD_CLOEXEC")
	}
	fl, err := sys.FcntlInt(uintptr(p[1]), sys.F_GETFL, 0)
	ok(t, "FcntlInt(F_GETFL)", err)
	if fl&sys.O_NONBLOCK == 0 || fl&sys.O_ACCMODE != sys.O_WRONLY {
		t.Fatalf("write end F_GETFL = %#x, want O_NONBLOCK and O_WRONLY", fl)
	}
	if n, err := sys.Write(p[1], []byte("ping")); err != nil || n != 4 {
		t.Fatalf("Write(pipe) n=%d err=%v", n, err)
	}
	n, err := sys.Read(p[0], buf)
	if err != nil || string(buf[:n]) != "ping" {
		t.Fatalf("Read(pipe) = %q err %v, want ping", buf[:n], err)
	}
	wantErr(t, "Pipe2(bad flags)", sys.Pipe2(make([]int, 2), 0x7fff0000), sys.EINVAL)
}

func TestDup3(t *testing.T) {
	p := pipe2(t, 0)
	q := pipe2(t, 0)
	// q[0] is a known-open descriptor number that Dup3 must replace.
	ok(t, "Dup3", sys.Dup3(p[0], q[0], sys.O_CLOEXEC))
	if fdFlags(t, q[0])&syscall.FD_CLOEXEC == 0 {
		t.Fatalf("Dup3(O_CLOEXEC) target lacks FD_CLOEXEC")
	}
	var a, b syscall.Stat_t
	ok(t, "syscall.Fstat", syscall.Fstat(p[0], &a))
	ok(t, "syscall.Fstat", syscall.Fstat(q[0], &b))
	if a.Ino != b.Ino {
		t.Fatalf("Dup3 target ino %d, want source ino %d", b.Ino, a.Ino)
	}
	wantErr(t, "Dup3(fd, same fd)", sys.Dup3(p[0], p[0], 0), sys.EINVAL)
	wantErr(t, "Dup3(bad fd)", sys.Dup3(-1, q[0], 0), sys.EBADF)
}

func TestSocketpairWriteRead(t *testing.T) {
	fds, err := sys.Socketpair(sys.AF_UNIX, sys.SOCK_STREAM|sys.SOCK_CLOEXEC, 0)
	ok(t, "Socketpair", err)
	closeLater(t, fds[0])
	closeLater(t, fds[1])
	msg := []byte("hello over a socketpair")
	if n, err := sys.Write(fds[0], msg); err != nil || n != len(msg) {
		t.Fatalf("Write n=%d err=%v", n, err)
	}
	got := make([]byte, 64)
	n, err := syscall.Read(fds[1], got)
	if err != nil || !sameBytes(got[:n], msg) {
		t.Fatalf("syscall.Read = %q err %v, want %q", got[:n], err, msg)
	}
	_, err = sys.Socketpair(sys.AF_INET, sys.SOCK_STREAM, 0)
	wantErr(t, "Socketpair(AF_INET)", err, inetSocketpairErrno(t))
}

// inetSocketpairErrno is what socketpair(AF_INET) gives: EOPNOTSUPP, as IPv4
// has no pairs, or EAFNOSUPPORT from a kernel built without IPv4 (the small
// kernels the tests boot), which socket(2) of the family tells apart.
func inetSocketpairErrno(t *testing.T) syscall.Errno {
	t.Helper()
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, 0)
	if err == syscall.EAFNOSUPPORT {
		return syscall.EAFNOSUPPORT
	}
	ok(t, "syscall.Socket(AF_INET)", err)
	ok(t, "syscall.Close", syscall.Close(fd))
	return syscall.EOPNOTSUPP
}
