package rawsys_test

import (
	"syscall"
	"testing"

	sys "rt/rawsys"
)

// sourceFile creates a file holding content, written with the syscall package.
func sourceFile(t *testing.T, dirfd int, name, content string) int {
	t.Helper()
	fd := createFile(t, dirfd, name)
	if _, err := syscall.Pwrite(fd, []byte(content), 0); err != nil {
		t.Fatalf("syscall.Pwrite: %v", err)
	}
	return fd
}

// readAt returns n bytes at off, read with the syscall package.
func readAt(t *testing.T, fd int, n int, off int64) string {
	t.Helper()
	buf := make([]byte, n)
	got, err := syscall.Pread(fd, buf, off)
	if err != nil {
		t.Fatalf("syscall.Pread: %v", err)
	}
	return string(buf[:got])
}

func TestSendfileWithOffset(t *testing.T) {
	_, dirfd := tempDirFd(t)
	in := sourceFile(t, dirfd, "in", "0123456789abcdefghij")
	out := createFile(t, dirfd, "out")
	off := int64(5)
	n, err := sys.Sendfile(out, in, &off, 10)
	ok(t, "Sendfile", err)
	if n != 10 || off != 15 {
		t.Fatalf("Sendfile wrote %d with offset now %d, want 10 and 15", n, off)
	}
	if got := readAt(t, out, 32, 0); got != "56789abcde" {
		t.Fatalf("Sendfile output %q, want %q", got, "56789abcde")
	}
	_, err = sys.Sendfile(out, -1, &off, 10)
	wantErr(t, "Sendfile(bad in)", err, sys.EBADF)
}

func TestCopyFileRange(t *testing.T) {
	_, dirfd := tempDirFd(t)
	in := sourceFile(t, dirfd, "in", "0123456789abcdefghij")
	out := createFile(t, dirfd, "out")
	roff, woff := int64(10), int64(3)
	n, err := sys.CopyFileRange(in, &roff, out, &woff, 6, 0)
	if qemuLacks(t, "CopyFileRange", err) {
		return
	}
	ok(t, "CopyFileRange", err)
	if n != 6 || roff != 16 || woff != 9 {
		t.Fatalf("CopyFileRange n=%d roff=%d woff=%d, want 6, 16, 9", n, roff, woff)
	}
	if got := readAt(t, out, 32, 0); got != "\x00\x00\x00abcdef" {
		t.Fatalf("CopyFileRange output %q", got)
	}
	_, err = sys.CopyFileRange(in, &roff, out, &woff, 6, 1)
	wantErr(t, "CopyFileRange(flags 1)", err, sys.EINVAL)
}

func TestSpliceAndTee(t *testing.T) {
	_, dirfd := tempDirFd(t)
	in := sourceFile(t, dirfd, "in", "0123456789abcdefghij")
	p := pipe2(t, sys.O_CLOEXEC)
	q := pipe2(t, sys.O_CLOEXEC)
	off := int64(4)
	n, err := sys.Splice(in, &off, p[1], nil, 8, 0)
	ok(t, "Splice(file->pipe)", err)
	if n != 8 || off != 12 {
		t.Fatalf("Splice moved %d bytes, offset %d; want 8 and 12", n, off)
	}
	tn, err := sys.Tee(p[0], q[1], 8, 0)
	ok(t, "Tee", err)
	if tn != 8 {
		t.Fatalf("Tee duplicated %d bytes, want 8", tn)
	}
	for i, fd := range []int{p[0], q[0]} {
		buf := make([]byte, 16)
		got, err := syscall.Read(fd, buf)
		if err != nil || string(buf[:got]) != "456789ab" {
			t.Fatalf("pipe %d holds %q (err %v), want 456789ab", i, buf[:got], err)
		}
	}
	out := createFile(t, dirfd, "out")
	if _, err := syscall.Write(p[1], []byte("tail")); err != nil {
		t.Fatalf("syscall.Write: %v", err)
	}
	woff := int64(2)
	n, err = sys.Splice(p[0], nil, out, &woff, 4, 0)
	ok(t, "Splice(pipe->file)", err)
	if got := readAt(t, out, 16, 0); n != 4 || woff != 6 || got != "\x00\x00tail" {
		t.Fatalf("Splice(pipe->file) n=%d woff=%d file %q", n, woff, got)
	}
	_, err = sys.Tee(in, q[1], 8, 0)
	wantErr(t, "Tee(file)", err, sys.EINVAL)
}
