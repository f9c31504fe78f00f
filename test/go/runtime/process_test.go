package rawsys_test

import (
	"runtime"
	"syscall"
	"testing"

	sys "rt/rawsys"
)

func TestIdentityMatchesSyscallPackage(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	for _, c := range []struct {
		what      string
		got, want int
	}{
		{"Getpid", sys.Getpid(), syscall.Getpid()},
		{"Getppid", sys.Getppid(), syscall.Getppid()},
		{"Getuid", sys.Getuid(), syscall.Getuid()},
		{"Getgid", sys.Getgid(), syscall.Getgid()},
		{"Gettid", sys.Gettid(), syscall.Gettid()},
	} {
		if c.got != c.want {
			t.Errorf("%s = %d, syscall package says %d", c.what, c.got, c.want)
		}
	}
}

func TestKillSignalZero(t *testing.T) {
	ok(t, "Kill(self, 0)", sys.Kill(syscall.Getpid(), 0))
	// Above PID_MAX_LIMIT (4M), so no such process can exist.
	wantErr(t, "Kill(0x3fffffff, 0)", sys.Kill(0x3fffffff, 0), sys.ESRCH)
	if sys.SIGKILL != syscall.SIGKILL || sys.SIGTERM != syscall.SIGTERM || sys.SIGUSR1 != syscall.SIGUSR1 {
		t.Fatalf("signal numbers differ: KILL %d/%d TERM %d/%d USR1 %d/%d",
			sys.SIGKILL, syscall.SIGKILL, sys.SIGTERM, syscall.SIGTERM, sys.SIGUSR1, syscall.SIGUSR1)
	}
}

func TestUname(t *testing.T) {
	var u sys.Utsname
	ok(t, "Uname", sys.Uname(&u))
	var truth syscall.Utsname
	ok(t, "syscall.Uname", syscall.Uname(&truth))
	if got := cstr(u.Sysname[:]); got != "Linux" {
		t.Fatalf("Sysname = %q, want Linux", got)
	}
	machine := cstr(u.Machine[:])
	if machine == "" || machine != cstr(truth.Machine[:]) {
		t.Fatalf("Machine = %q, syscall.Uname says %q", machine, cstr(truth.Machine[:]))
	}
	if got, want := cstr(u.Release[:]), cstr(truth.Release[:]); got != want {
		t.Fatalf("Release = %q, syscall.Uname says %q", got, want)
	}
}

func TestSysinfoPlausible(t *testing.T) {
	var si sys.Sysinfo_t
	ok(t, "Sysinfo", sys.Sysinfo(&si))
	var truth syscall.Sysinfo_t
	ok(t, "syscall.Sysinfo", syscall.Sysinfo(&truth))
	if si.Uptime <= 0 || si.Totalram == 0 || si.Procs < 1 || si.Unit < 1 {
		t.Fatalf("Sysinfo implausible: uptime %d totalram %d procs %d unit %d", si.Uptime, si.Totalram, si.Procs, si.Unit)
	}
	if uint64(si.Totalram) != uint64(truth.Totalram) || uint64(si.Unit) != uint64(truth.Unit) {
		t.Fatalf("Sysinfo totalram %d unit %d, syscall.Sysinfo totalram %d unit %d", si.Totalram, si.Unit, truth.Totalram, truth.Unit)
	}
	if d := int64(truth.Uptime) - int64(si.Uptime); d < 0 || d > 5 {
		t.Fatalf("Sysinfo uptime %d, syscall.Sysinfo later %d", si.Uptime, truth.Uptime)
	}
}

func TestGetrandom(t *testing.T) {
	buf := make([]byte, 64)
	n, err := sys.Getrandom(buf, 0)
	if qemuLacks(t, "Getrandom", err) {
		return
	}
	ok(t, "Getrandom", err)
	if n != len(buf) || allZero(buf) {
		t.Fatalf("Getrandom n=%d (want %d), all zero: %v", n, len(buf), allZero(buf))
	}
	n, err = sys.Getrandom(buf[:16], sys.GRND_NONBLOCK)
	ok(t, "Getrandom(NONBLOCK)", err)
	if n != 16 {
		t.Fatalf("Getrandom(NONBLOCK) n=%d, want 16", n)
	}
	_, err = sys.Getrandom(buf, 0x4000)
	wantErr(t, "Getrandom(bad flags)", err, sys.EINVAL)
}
