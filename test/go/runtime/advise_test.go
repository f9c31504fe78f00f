package rawsys_test

import (
	"syscall"
	"testing"

	sys "rt/rawsys"
)

func TestFadviseAndSyncFileRange(t *testing.T) {
	_, dirfd := tempDirFd(t)
	fd := createFile(t, dirfd, "advise")
	if _, err := syscall.Pwrite(fd, []byte("data"), fiveGiB); err != nil {
		t.Fatalf("syscall.Pwrite: %v", err)
	}
	ok(t, "Fadvise(DONTNEED)", sys.Fadvise(fd, fiveGiB, 4096, sys.FADV_DONTNEED))
	ok(t, "Fadvise(SEQUENTIAL)", sys.Fadvise(fd, 0, 0, sys.FADV_SEQUENTIAL))
	// A negative length is the kernel's EINVAL; a mangled argument order
	// would turn it into a different error or a success.
	wantErr(t, "Fadvise(len -1)", sys.Fadvise(fd, 0, -1, sys.FADV_NORMAL), sys.EINVAL)
	wantErr(t, "Fadvise(bad fd)", sys.Fadvise(-1, 0, 0, sys.FADV_NORMAL), sys.EBADF)

	err := sys.SyncFileRange(fd, fiveGiB, 4096, sys.SYNC_FILE_RANGE_WRITE)
	if qemuLacks(t, "SyncFileRange", err) {
		return
	}
	ok(t, "SyncFileRange", err)
	ok(t, "SyncFileRange(all)", sys.SyncFileRange(fd, 0, 0, sys.SYNC_FILE_RANGE_WAIT_BEFORE|sys.SYNC_FILE_RANGE_WRITE|sys.SYNC_FILE_RANGE_WAIT_AFTER))
	wantErr(t, "SyncFileRange(bad flags)", sys.SyncFileRange(fd, 0, 4096, 0x100), sys.EINVAL)
	wantErr(t, "SyncFileRange(offset -1)", sys.SyncFileRange(fd, -1, 4096, sys.SYNC_FILE_RANGE_WRITE), sys.EINVAL)
}
