package rawsys_test

import (
	"syscall"
	"testing"

	sys "rt/rawsys"
)

func TestGetrlimitPrlimitConsistent(t *testing.T) {
	var viaGet, viaPr sys.Rlimit
	ok(t, "Getrlimit(NOFILE)", sys.Getrlimit(sys.RLIMIT_NOFILE, &viaGet))
	err := sys.Prlimit(0, sys.RLIMIT_NOFILE, nil, &viaPr)
	if qemuLacks(t, "Prlimit", err) {
		return
	}
	ok(t, "Prlimit(get)", err)
	if viaGet != viaPr {
		t.Fatalf("Getrlimit %+v != Prlimit %+v", viaGet, viaPr)
	}
	if viaGet.Cur < 4 || viaGet.Cur > viaGet.Max {
		t.Fatalf("NOFILE limit implausible: %+v", viaGet)
	}
	lower := sys.Rlimit{Cur: viaGet.Cur - 1, Max: viaGet.Max}
	var old sys.Rlimit
	ok(t, "Prlimit(set)", sys.Prlimit(syscall.Getpid(), sys.RLIMIT_NOFILE, &lower, &old))
	defer sys.Prlimit(0, sys.RLIMIT_NOFILE, &old, nil)
	var now sys.Rlimit
	ok(t, "Getrlimit after Prlimit(set)", sys.Getrlimit(sys.RLIMIT_NOFILE, &now))
	if old != viaGet || now != lower {
		t.Fatalf("Prlimit set: old %+v (want %+v), now %+v (want %+v)", old, viaGet, now, lower)
	}
}

func TestUmaskRoundTrip(t *testing.T) {
	orig := sys.Umask(0o027)
	defer syscall.Umask(orig)
	if got := sys.Umask(0o077); got != 0o027 {
		t.Fatalf("Umask returned %#o, want the %#o just set", got, 0o027)
	}
	if got := syscall.Umask(0o027); got != 0o077 {
		t.Fatalf("syscall.Umask sees %#o, want %#o", got, 0o077)
	}
	_, dirfd := tempDirFd(t)
	fd, err := sys.Openat(dirfd, "masked", sys.O_CREAT|sys.O_WRONLY|sys.O_CLOEXEC, 0o666)
	ok(t, "Openat", err)
	closeLater(t, fd)
	var st syscall.Stat_t
	ok(t, "syscall.Fstat", syscall.Fstat(fd, &st))
	if st.Mode&0o777 != 0o640 {
		t.Fatalf("file created 0666 under umask 027 has %#o, want 0640", st.Mode&0o777)
	}
}

func TestGetpriorityAndWait4(t *testing.T) {
	got, err := sys.Getpriority(sys.PRIO_PROCESS, 0)
	ok(t, "Getpriority", err)
	want, err := syscall.Getpriority(syscall.PRIO_PROCESS, 0)
	ok(t, "syscall.Getpriority", err)
	if got != want {
		t.Fatalf("Getpriority = %d, syscall.Getpriority = %d", got, want)
	}
	var ws sys.WaitStatus
	_, err = sys.Wait4(-1, &ws, sys.WNOHANG, nil)
	wantErr(t, "Wait4(-1, WNOHANG) without children", err, sys.ECHILD)
}
