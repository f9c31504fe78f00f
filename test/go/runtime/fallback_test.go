package rawsys_test

import (
	"syscall"
	"testing"
	"unsafe"

	sys "rt/rawsys"
)

// fchmodat2Missing reports whether the running kernel (or qemu-user) lacks
// fchmodat2, asking it with a call that changes nothing: a bad descriptor is
// EBADF where the entry exists and ENOSYS where it does not.
func fchmodat2Missing(t *testing.T) bool {
	t.Helper()
	name := []byte("x\x00")
	_, _, e := syscall.Syscall6(uintptr(sys.SYS_FCHMODAT2), ^uintptr(0), uintptr(unsafe.Pointer(&name[0])), 0o600, 0, 0, 0)
	if e != syscall.ENOSYS && e != syscall.EBADF {
		t.Fatalf("probing fchmodat2 with a bad fd gave %v, want EBADF or ENOSYS", e)
	}
	return e == syscall.ENOSYS
}

// modeOf is the permission bits of name in dirfd, read with the syscall package.
func modeOf(t *testing.T, dir, name string) uint32 {
	t.Helper()
	var st syscall.Stat_t
	ok(t, "syscall.Stat", syscall.Stat(dir+"/"+name, &st))
	return st.Mode & 0o777
}

// TestFchmodatOnEveryKernel: flags 0 uses fchmodat, which every supported
// kernel (and qemu-user 7.2) has; flags need fchmodat2 (Linux 6.6), and
// without it the wrapper gives EOPNOTSUPP, as x/sys does.
func TestFchmodatOnEveryKernel(t *testing.T) {
	dir, dirfd := tempDirFd(t)
	createFile(t, dirfd, "f")
	ok(t, "Fchmodat(0o640, 0)", sys.Fchmodat(dirfd, "f", 0o640, 0))
	if got := modeOf(t, dir, "f"); got != 0o640 {
		t.Fatalf("mode after Fchmodat(0o640, 0) is %o", got)
	}
	wantErr(t, "Fchmodat(missing, 0)", sys.Fchmodat(dirfd, "missing", 0o600, 0), sys.ENOENT)

	err := sys.Fchmodat(dirfd, "f", 0o604, sys.AT_SYMLINK_NOFOLLOW)
	if fchmodat2Missing(t) {
		t.Logf("FALLBACK fchmodat2 is missing here: Fchmodat with flags gives EOPNOTSUPP")
		wantErr(t, "Fchmodat(AT_SYMLINK_NOFOLLOW) without fchmodat2", err, sys.EOPNOTSUPP)
		if got := modeOf(t, dir, "f"); got != 0o640 {
			t.Fatalf("mode changed to %o by a call that failed", got)
		}
		return
	}
	ok(t, "Fchmodat(0o604, AT_SYMLINK_NOFOLLOW)", err)
	if got := modeOf(t, dir, "f"); got != 0o604 {
		t.Fatalf("mode after Fchmodat(0o604, AT_SYMLINK_NOFOLLOW) is %o", got)
	}
}
