package rawsys_test

import (
	"syscall"
	"testing"

	sys "rt/rawsys"
)

// TestErrnoValuesAreComparable checks that wrapper errors are bare errno
// values: == against the package's constants and the syscall package's.
func TestErrnoValuesAreComparable(t *testing.T) {
	_, err := sys.Openat(sys.AT_FDCWD, "/definitely/not/here", sys.O_RDONLY|sys.O_CLOEXEC, 0)
	wantErr(t, "Openat(missing)", err, sys.ENOENT)
	if e, isErrno := err.(syscall.Errno); !isErrno || e != syscall.ENOENT {
		t.Fatalf("Openat(missing) error has type %T, want syscall.Errno", err)
	}
	wantErr(t, "Close(-1)", sys.Close(-1), sys.EBADF)
	_, err = sys.Write(-1, []byte("x"))
	wantErr(t, "Write(-1)", err, sys.EBADF)
	_, dirfd := tempDirFd(t)
	createFile(t, dirfd, "exists")
	_, err = sys.Openat(dirfd, "exists", sys.O_CREAT|sys.O_EXCL|sys.O_RDWR, 0o600)
	wantErr(t, "Openat(O_EXCL existing)", err, sys.EEXIST)
	_, err = sys.Openat(dirfd, "exists/child", sys.O_RDONLY, 0)
	wantErr(t, "Openat(file/child)", err, sys.ENOTDIR)
	for _, c := range []struct {
		name      string
		ours, std syscall.Errno
	}{
		{"ENOENT", sys.ENOENT, syscall.ENOENT}, {"EAGAIN", sys.EAGAIN, syscall.EAGAIN},
		{"EINVAL", sys.EINVAL, syscall.EINVAL}, {"ENOSYS", sys.ENOSYS, syscall.ENOSYS},
		{"EOPNOTSUPP", sys.EOPNOTSUPP, syscall.EOPNOTSUPP},
		{"EDEADLK", sys.EDEADLK, syscall.EDEADLK}, {"ENAMETOOLONG", sys.ENAMETOOLONG, syscall.ENAMETOOLONG},
	} {
		if c.ours != c.std {
			t.Errorf("%s = %d, syscall.%s = %d", c.name, int(c.ours), c.name, int(c.std))
		}
	}
}
