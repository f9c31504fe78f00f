package rawsys_test

import (
	"syscall"
	"testing"

	sys "rt/rawsys"
)

// Offsets above 4 GiB catch 64-bit arguments split into the wrong register
// pair on 32-bit arches: the data would land at (offset mod 4 GiB) instead.

func TestPwritePreadBeyond4GiB(t *testing.T) {
	_, dirfd := tempDirFd(t)
	fd := createFile(t, dirfd, "sparse")
	marker := []byte("rawsys-marker@5GiB+123")
	off := fiveGiB + 123
	n, err := sys.Pwrite(fd, marker, off)
	ok(t, "Pwrite", err)
	if n != len(marker) {
		t.Fatalf("Pwrite wrote %d bytes, want %d", n, len(marker))
	}
	got := make([]byte, len(marker))
	n, err = sys.Pread(fd, got, off)
	ok(t, "Pread", err)
	if n != len(marker) || !sameBytes(got, marker) {
		t.Fatalf("Pread at %d: got %d bytes %q, want %q", off, n, got[:n], marker)
	}
	// The truth: the standard library reads the same bytes at the same offset.
	truth := make([]byte, len(marker))
	if _, err := syscall.Pread(fd, truth, off); err != nil || !sameBytes(truth, marker) {
		t.Fatalf("syscall.Pread at %d: got %q err %v, want %q", off, truth, err, marker)
	}
	low := make([]byte, len(marker))
	n, err = sys.Pread(fd, low, 123)
	ok(t, "Pread(low)", err)
	if n != len(low) || !allZero(low) {
		t.Fatalf("Pread at 123 (offset mod 4GiB) got %q, want zeros: the high word was dropped", low[:n])
	}
	var st sys.Stat_t
	ok(t, "Fstat", sys.Fstat(fd, &st))
	if want := off + int64(len(marker)); int64(st.Size) != want {
		t.Fatalf("Fstat size %d, want %d", st.Size, want)
	}
}

func TestSeekBeyond4GiB(t *testing.T) {
	_, dirfd := tempDirFd(t)
	fd := createFile(t, dirfd, "seek")
	marker := []byte("seek-marker")
	off := fiveGiB + 123
	if _, err := syscall.Pwrite(fd, marker, off); err != nil {
		t.Fatalf("syscall.Pwrite: %v", err)
	}
	pos, err := sys.Seek(fd, off, sys.SEEK_SET)
	ok(t, "Seek(SEEK_SET)", err)
	if pos != off {
		t.Fatalf("Seek(SEEK_SET) returned %d, want %d", pos, off)
	}
	got := make([]byte, len(marker))
	n, err := sys.Read(fd, got)
	ok(t, "Read", err)
	if n != len(marker) || !sameBytes(got, marker) {
		t.Fatalf("Read after Seek: got %q, want %q", got[:n], marker)
	}
	cur, err := sys.Seek(fd, 0, sys.SEEK_CUR)
	ok(t, "Seek(SEEK_CUR)", err)
	if want := off + int64(len(marker)); cur != want {
		t.Fatalf("Seek(SEEK_CUR) = %d, want %d", cur, want)
	}
	end, err := sys.Seek(fd, -int64(len(marker)), sys.SEEK_END)
	ok(t, "Seek(SEEK_END)", err)
	if end != off {
		t.Fatalf("Seek(-len, SEEK_END) = %d, want %d", end, off)
	}
	if truth, _ := syscall.Seek(fd, 0, sys.SEEK_CUR); truth != off {
		t.Fatalf("syscall.Seek(SEEK_CUR) = %d after our Seek to %d", truth, off)
	}
	_, err = sys.Seek(fd, -1, sys.SEEK_SET)
	wantErr(t, "Seek(-1, SEEK_SET)", err, sys.EINVAL)
}

func TestFtruncateBeyond4GiB(t *testing.T) {
	_, dirfd := tempDirFd(t)
	fd := createFile(t, dirfd, "trunc")
	for _, size := range []int64{6 << 30, fiveGiB + 1, 4<<30 + 7} {
		ok(t, "Ftruncate", sys.Ftruncate(fd, size))
		var st syscall.Stat_t
		if err := syscall.Fstat(fd, &st); err != nil || int64(st.Size) != size {
			t.Fatalf("after Ftruncate(%d): syscall.Fstat size %d err %v", size, st.Size, err)
		}
	}
	wantErr(t, "Ftruncate(-1)", sys.Ftruncate(fd, -1), sys.EINVAL)
}

func TestFallocateBeyond4GiB(t *testing.T) {
	_, dirfd := tempDirFd(t)
	fd := createFile(t, dirfd, "falloc")
	const chunk = 64 << 10
	err := sys.Fallocate(fd, 0, 7<<30, chunk)
	if qemuLacks(t, "Fallocate", err) {
		return
	}
	ok(t, "Fallocate", err)
	var st syscall.Stat_t
	ok(t, "syscall.Fstat", syscall.Fstat(fd, &st))
	if want := int64(7<<30 + chunk); int64(st.Size) != want {
		t.Fatalf("size after Fallocate(7GiB, 64KiB) = %d, want %d", st.Size, want)
	}
	before := int64(st.Blocks)
	ok(t, "Fallocate(KEEP_SIZE)", sys.Fallocate(fd, sys.FALLOC_FL_KEEP_SIZE, fiveGiB, chunk))
	ok(t, "syscall.Fstat", syscall.Fstat(fd, &st))
	if int64(st.Size) != 7<<30+chunk || int64(st.Blocks) < before+chunk/512 {
		t.Fatalf("KEEP_SIZE at 5GiB: size %d blocks %d (before %d), want size %d and >= %d blocks",
			st.Size, st.Blocks, before, int64(7<<30+chunk), before+chunk/512)
	}
	marker := []byte("punch-me")
	if _, err := syscall.Pwrite(fd, marker, fiveGiB+8); err != nil {
		t.Fatalf("syscall.Pwrite: %v", err)
	}
	ok(t, "Fallocate(PUNCH_HOLE)", sys.Fallocate(fd, sys.FALLOC_FL_PUNCH_HOLE|sys.FALLOC_FL_KEEP_SIZE, fiveGiB, chunk))
	got := make([]byte, len(marker))
	if _, err := syscall.Pread(fd, got, fiveGiB+8); err != nil || !allZero(got) {
		t.Fatalf("after punching 5GiB..+64KiB, read %q err %v, want zeros", got, err)
	}
	wantErr(t, "Fallocate(len 0)", sys.Fallocate(fd, 0, 0, 0), sys.EINVAL)
}
