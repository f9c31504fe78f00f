package rawsys_test

import (
	"syscall"
	"testing"
	"unsafe"

	sys "rt/rawsys"
)

// dirent64 is the kernel's struct linux_dirent64 header, decoded here by
// hand so the test does not trust any parser from the package under test.
type dirent64 struct {
	Ino    uint64
	Off    int64
	Reclen uint16
	Type   uint8
}

// dtReg is the uapi DT_REG d_type, fixed by the kernel ABI on every arch.
const dtReg = 8

func TestGetdentsFindsCreatedFile(t *testing.T) {
	dir, _ := tempDirFd(t)
	dirfd, err := sys.Openat(sys.AT_FDCWD, dir, sys.O_RDONLY|sys.O_DIRECTORY|sys.O_CLOEXEC, 0)
	ok(t, "Openat(dir)", err)
	closeLater(t, dirfd)
	fd := createFile(t, dirfd, "entry-one")
	var st syscall.Stat_t
	ok(t, "syscall.Fstat", syscall.Fstat(fd, &st))

	found := false
	buf := make([]byte, 4096)
	for {
		n, err := sys.Getdents(dirfd, buf)
		ok(t, "Getdents", err)
		if n == 0 {
			break
		}
		for pos := 0; pos < n; {
			d := (*dirent64)(unsafe.Pointer(&buf[pos]))
			nameBytes := buf[pos+int(unsafe.Offsetof(d.Type))+1 : pos+int(d.Reclen)]
			if cstr(nameBytes) == "entry-one" {
				found = true
				if d.Ino != uint64(st.Ino) || d.Type != dtReg {
					t.Fatalf("dirent entry-one: ino %d type %d, want ino %d type %d", d.Ino, d.Type, st.Ino, dtReg)
				}
			}
			if d.Reclen == 0 {
				t.Fatalf("zero reclen at %d of %d", pos, n)
			}
			pos += int(d.Reclen)
		}
	}
	if !found {
		t.Fatalf("Getdents never returned entry-one")
	}
}

func TestReadlinkatOfSymlinkat(t *testing.T) {
	_, dirfd := tempDirFd(t)
	target := "some/where/else-42"
	ok(t, "Symlinkat", sys.Symlinkat(target, dirfd, "lnk"))
	buf := make([]byte, 256)
	n, err := sys.Readlinkat(dirfd, "lnk", buf)
	ok(t, "Readlinkat", err)
	if string(buf[:n]) != target {
		t.Fatalf("Readlinkat = %q (n=%d), want %q", buf[:n], n, target)
	}
	_, err = sys.Readlinkat(dirfd, "missing", buf)
	wantErr(t, "Readlinkat(missing)", err, sys.ENOENT)
}

func TestRenameat2NoReplace(t *testing.T) {
	_, dirfd := tempDirFd(t)
	a := createFile(t, dirfd, "a")
	createFile(t, dirfd, "b")
	var before syscall.Stat_t
	ok(t, "syscall.Fstat", syscall.Fstat(a, &before))
	err := sys.Renameat2(dirfd, "a", dirfd, "b", sys.RENAME_NOREPLACE)
	if qemuLacks(t, "Renameat2", err) {
		return
	}
	wantErr(t, "Renameat2(a->b NOREPLACE)", err, sys.EEXIST)
	ok(t, "Renameat2(a->c)", sys.Renameat2(dirfd, "a", dirfd, "c", sys.RENAME_NOREPLACE))
	var st sys.Stat_t
	wantErr(t, "Fstatat(a)", sys.Fstatat(dirfd, "a", &st, 0), sys.ENOENT)
	ok(t, "Fstatat(c)", sys.Fstatat(dirfd, "c", &st, 0))
	if uint64(st.Ino) != uint64(before.Ino) {
		t.Fatalf("c has ino %d, want the renamed a's ino %d", st.Ino, before.Ino)
	}
}

func TestMkdiratAndUnlinkat(t *testing.T) {
	_, dirfd := tempDirFd(t)
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	ok(t, "Mkdirat", sys.Mkdirat(dirfd, "sub", 0o751))
	var st sys.Stat_t
	ok(t, "Fstatat(sub)", sys.Fstatat(dirfd, "sub", &st, 0))
	if want := uint32(sys.S_IFDIR | 0o751); uint32(st.Mode) != want {
		t.Fatalf("sub mode %#o, want %#o", st.Mode, want)
	}
	wantErr(t, "Mkdirat(existing)", sys.Mkdirat(dirfd, "sub", 0o755), sys.EEXIST)
	wantErr(t, "Unlinkat(dir, 0)", sys.Unlinkat(dirfd, "sub", 0), sys.EISDIR)
	ok(t, "Unlinkat(dir, AT_REMOVEDIR)", sys.Unlinkat(dirfd, "sub", sys.AT_REMOVEDIR))
	wantErr(t, "Fstatat(removed)", sys.Fstatat(dirfd, "sub", &st, 0), sys.ENOENT)
	createFile(t, dirfd, "file")
	wantErr(t, "Unlinkat(file, AT_REMOVEDIR)", sys.Unlinkat(dirfd, "file", sys.AT_REMOVEDIR), sys.ENOTDIR)
	ok(t, "Unlinkat(file)", sys.Unlinkat(dirfd, "file", 0))
	wantErr(t, "Unlinkat(gone)", sys.Unlinkat(dirfd, "file", 0), sys.ENOENT)
}

func TestGetcwdAfterChdir(t *testing.T) {
	dir, _ := tempDirFd(t)
	prev, err := syscall.Getwd()
	ok(t, "syscall.Getwd", err)
	defer syscall.Chdir(prev)
	ok(t, "Chdir", sys.Chdir(dir))
	want, err := syscall.Getwd()
	ok(t, "syscall.Getwd", err)
	buf := make([]byte, 4096)
	n, err := sys.Getcwd(buf)
	ok(t, "Getcwd", err)
	// Like x/sys, the raw getcwd length counts the terminating NUL.
	if n != len(want)+1 || string(buf[:n]) != want+"\x00" {
		t.Fatalf("Getcwd = %q (n=%d), want %q plus NUL (n=%d)", buf[:n], n, want, len(want)+1)
	}
	_, err = sys.Getcwd(make([]byte, 1))
	wantErr(t, "Getcwd(tiny buffer)", err, sys.ERANGE)
}
