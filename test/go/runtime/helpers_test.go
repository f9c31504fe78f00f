// Package rawsys_test exercises the generated rawsys wrappers against the
// running kernel (or qemu-user). Truth comes from what each test did itself
// or from the standard syscall package, never from values copied from the
// generated output.
package rawsys_test

import (
	"syscall"
	"testing"

	sys "rt/rawsys"
)

// fiveGiB is past every 32-bit boundary, so an offset split wrongly into
// register pairs lands somewhere observably different.
const fiveGiB = int64(5) << 30

// underQemu reports whether the harness runs this binary under qemu-user,
// the only place where an ENOSYS from a wrapper is tolerated.
func underQemu() bool {
	v, _ := syscall.Getenv("SYSCALLGEN_UNDER_QEMU")
	return v == "1"
}

// qemuLacks accepts ENOSYS only under qemu-user and logs it with a stable
// prefix so the harness can collect it for the report.
func qemuLacks(t *testing.T, call string, err error) bool {
	t.Helper()
	if err == sys.ENOSYS && underQemu() {
		t.Logf("QEMU-ENOSYS %s: %v (accepted only under qemu-user)", call, err)
		return true
	}
	return false
}

// ok fails the test when err is not nil, naming the call.
func ok(t *testing.T, call string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: unexpected error %v (errno %d)", call, err, errnoOf(err))
	}
}

// wantErr fails unless err is exactly the errno want, compared with ==.
func wantErr(t *testing.T, call string, err error, want syscall.Errno) {
	t.Helper()
	if err != want {
		t.Fatalf("%s: got error %v (errno %d), want %v (errno %d)", call, err, errnoOf(err), want, int(want))
	}
}

// errnoOf extracts the number so failure messages stay useful when the
// error is of a surprising type.
func errnoOf(err error) int {
	if e, isErrno := err.(syscall.Errno); isErrno {
		return int(e)
	}
	return -1
}

// closeLater closes fd when the test ends, through the syscall package so
// cleanup does not depend on the code under test.
func closeLater(t *testing.T, fd int) {
	t.Cleanup(func() { syscall.Close(fd) })
}

// tempDirFd opens a fresh temporary directory and returns its path and fd.
func tempDirFd(t *testing.T) (string, int) {
	t.Helper()
	dir := t.TempDir()
	fd, err := syscall.Open(dir, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC, 0)
	ok(t, "syscall.Open(tempdir)", err)
	closeLater(t, fd)
	return dir, fd
}

// createFile makes a new read-write file in dirfd with the wrapper under test.
func createFile(t *testing.T, dirfd int, name string) int {
	t.Helper()
	fd, err := sys.Openat(dirfd, name, sys.O_RDWR|sys.O_CREAT|sys.O_EXCL|sys.O_CLOEXEC, 0o600)
	ok(t, "Openat("+name+")", err)
	closeLater(t, fd)
	return fd
}

// cstr turns a NUL-padded C char array (signed or not) into a string.
func cstr[T int8 | uint8](a []T) string {
	b := make([]byte, 0, len(a))
	for _, c := range a {
		if c == 0 {
			break
		}
		b = append(b, byte(c))
	}
	return string(b)
}

// sameBytes compares two byte slices without pulling in the bytes package.
func sameBytes(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// allZero reports whether every byte of b is zero.
func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}
