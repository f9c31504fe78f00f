package rawsys_test

import (
	"syscall"
	"testing"

	sys "rt/rawsys"
)

// devMajor and devMinor decode the kernel's new_encode_dev layout, the
// format st_dev uses in every stat flavour the wrappers may pick.
func devMajor(dev uint64) uint32 { return uint32((dev>>8)&0xfff | (dev>>32)&^0xfff) }
func devMinor(dev uint64) uint32 { return uint32(dev&0xff | (dev>>12)&^0xff) }

// nsecWant returns the nanoseconds Fstat must report. qemu-user for some
// targets (s390x) drops st_*_nsec; that is accepted only under qemu and only
// when the syscall package's own Fstat shows the same zero, so the wrapper
// agrees with the independent truth and the loss is the emulator's.
func nsecWant(t *testing.T, field string, ours, truth, set int64) uint64 {
	t.Helper()
	if underQemu() && ours == 0 && truth == 0 && set != 0 {
		t.Logf("QEMU-LIMIT fstat %s nsec is 0 under qemu-user (syscall.Fstat agrees); set %d", field, set)
		return 0
	}
	return uint64(set)
}

func TestFstatAndStatxAgreeWithWhatWeDid(t *testing.T) {
	dir, dirfd := tempDirFd(t)
	fd := createFile(t, dirfd, "subject")
	payload := make([]byte, 1000)
	if n, err := sys.Write(fd, payload); err != nil || n != len(payload) {
		t.Fatalf("Write: n=%d err=%v, want %d", n, err, len(payload))
	}
	ok(t, "Fchmod", sys.Fchmod(fd, 0o640))
	ok(t, "Linkat", sys.Linkat(dirfd, "subject", dirfd, "second-name", 0))
	// Timestamps are set through the syscall package: the truth the
	// wrappers' readings are checked against.
	times := []syscall.Timespec{{Sec: 1000000000, Nsec: 111}, {Sec: 1234567890, Nsec: 987654321}}
	ok(t, "syscall.UtimesNano", syscall.UtimesNano(dir+"/subject", times))

	var st sys.Stat_t
	ok(t, "Fstat", sys.Fstat(fd, &st))
	var truth syscall.Stat_t
	ok(t, "syscall.Fstat", syscall.Fstat(fd, &truth))
	var sx sys.Statx_t
	err := sys.Statx(dirfd, "subject", sys.AT_SYMLINK_NOFOLLOW, sys.STATX_BASIC_STATS, &sx)
	statxOK := !qemuLacks(t, "Statx", err)
	if statxOK {
		ok(t, "Statx", err)
	}

	// Statx's ctime nsec is checked against Fstat's unless the emulator
	// dropped Fstat's (see nsecWant); then nothing independent is left.
	ctimeNsec := uint64(st.Ctim.Nsec)
	if statxOK && nsecWant(t, "Ctim", int64(st.Ctim.Nsec), int64(truth.Ctim.Nsec), int64(sx.Ctime.Nsec)) == 0 {
		ctimeNsec = uint64(sx.Ctime.Nsec)
	}
	checks := []struct {
		what      string
		got, want uint64
	}{
		{"Fstat.Size", uint64(st.Size), 1000},
		{"Fstat.Mode", uint64(st.Mode), uint64(sys.S_IFREG | 0o640)},
		{"Fstat.Nlink", uint64(st.Nlink), 2},
		{"Fstat.Uid", uint64(st.Uid), uint64(syscall.Getuid())},
		{"Fstat.Gid", uint64(st.Gid), uint64(syscall.Getgid())},
		{"Fstat.Ino", uint64(st.Ino), uint64(truth.Ino)},
		{"Fstat.Dev", uint64(st.Dev), uint64(truth.Dev)},
		{"Fstat.Blocks", uint64(st.Blocks), uint64(truth.Blocks)},
		{"Fstat.Blksize", uint64(st.Blksize), uint64(truth.Blksize)},
		{"Fstat.Mtim.Sec", uint64(st.Mtim.Sec), 1234567890},
		{"Fstat.Mtim.Nsec", uint64(st.Mtim.Nsec), nsecWant(t, "Mtim", int64(st.Mtim.Nsec), int64(truth.Mtim.Nsec), 987654321)},
		{"Fstat.Atim.Sec", uint64(st.Atim.Sec), 1000000000},
		{"Fstat.Atim.Nsec", uint64(st.Atim.Nsec), nsecWant(t, "Atim", int64(st.Atim.Nsec), int64(truth.Atim.Nsec), 111)},
		{"Fstat.Ctim.Sec", uint64(st.Ctim.Sec), uint64(truth.Ctim.Sec)},
	}
	if statxOK {
		checks = append(checks, []struct {
			what      string
			got, want uint64
		}{
			{"Statx.Mask&BASIC", uint64(sx.Mask & sys.STATX_BASIC_STATS), sys.STATX_BASIC_STATS},
			{"Statx.Size", sx.Size, 1000},
			{"Statx.Mode", uint64(sx.Mode), uint64(sys.S_IFREG | 0o640)},
			{"Statx.Nlink", uint64(sx.Nlink), 2},
			{"Statx.Uid", uint64(sx.Uid), uint64(syscall.Getuid())},
			{"Statx.Gid", uint64(sx.Gid), uint64(syscall.Getgid())},
			{"Statx.Ino", sx.Ino, uint64(st.Ino)},
			{"Statx.Blocks", sx.Blocks, uint64(st.Blocks)},
			{"Statx.Blksize", uint64(sx.Blksize), uint64(st.Blksize)},
			{"Statx.Dev_major", uint64(sx.Dev_major), uint64(devMajor(uint64(truth.Dev)))},
			{"Statx.Dev_minor", uint64(sx.Dev_minor), uint64(devMinor(uint64(truth.Dev)))},
			{"Statx.Mtime.Sec", uint64(sx.Mtime.Sec), 1234567890},
			{"Statx.Mtime.Nsec", uint64(sx.Mtime.Nsec), 987654321},
			{"Statx.Atime.Sec", uint64(sx.Atime.Sec), 1000000000},
			{"Statx.Ctime.Sec", uint64(sx.Ctime.Sec), uint64(st.Ctim.Sec)},
			{"Statx.Ctime.Nsec", uint64(sx.Ctime.Nsec), ctimeNsec},
		}...)
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %d (%#o), want %d (%#o)", c.what, c.got, c.got, c.want, c.want)
		}
	}
}

func TestFstatatSymlinkAndMissing(t *testing.T) {
	_, dirfd := tempDirFd(t)
	target := "no/such/target"
	ok(t, "Symlinkat", sys.Symlinkat(target, dirfd, "link"))
	var st sys.Stat_t
	ok(t, "Fstatat(NOFOLLOW)", sys.Fstatat(dirfd, "link", &st, sys.AT_SYMLINK_NOFOLLOW))
	if st.Mode&sys.S_IFMT != sys.S_IFLNK || int64(st.Size) != int64(len(target)) {
		t.Fatalf("Fstatat(link): mode %#o size %d, want S_IFLNK and size %d", st.Mode, st.Size, len(target))
	}
	wantErr(t, "Fstatat(follow dangling)", sys.Fstatat(dirfd, "link", &st, 0), sys.ENOENT)
}
