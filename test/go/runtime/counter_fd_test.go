package rawsys_test

import (
	"syscall"
	"testing"
	"unsafe"

	sys "rt/rawsys"
)

// u64bytes views a uint64 as the 8 native-endian bytes eventfd expects.
func u64bytes(v *uint64) []byte { return (*[8]byte)(unsafe.Pointer(v))[:] }

func TestEventfdCounterSemantics(t *testing.T) {
	efd, err := sys.Eventfd(3, sys.EFD_NONBLOCK|sys.EFD_CLOEXEC)
	ok(t, "Eventfd", err)
	closeLater(t, efd)
	add := uint64(5)
	if n, err := sys.Write(efd, u64bytes(&add)); err != nil || n != 8 {
		t.Fatalf("Write(eventfd) n=%d err=%v", n, err)
	}
	var got uint64
	if n, err := sys.Read(efd, u64bytes(&got)); err != nil || n != 8 || got != 8 {
		t.Fatalf("Read(eventfd) = %d (n=%d err=%v), want 3+5=8", got, n, err)
	}
	_, err = sys.Read(efd, u64bytes(&got))
	wantErr(t, "Read(drained eventfd)", err, sys.EAGAIN)

	sem, err := sys.Eventfd(2, sys.EFD_SEMAPHORE|sys.EFD_NONBLOCK|sys.EFD_CLOEXEC)
	ok(t, "Eventfd(SEMAPHORE)", err)
	closeLater(t, sem)
	for i := 0; i < 2; i++ {
		if _, err := sys.Read(sem, u64bytes(&got)); err != nil || got != 1 {
			t.Fatalf("semaphore read %d = %d err %v, want 1", i, got, err)
		}
	}
	_, err = sys.Read(sem, u64bytes(&got))
	wantErr(t, "Read(drained semaphore)", err, sys.EAGAIN)
}

func TestMemfdCreate(t *testing.T) {
	fd, err := sys.MemfdCreate("rawsys-memfd", sys.MFD_CLOEXEC)
	if qemuLacks(t, "MemfdCreate", err) {
		return
	}
	ok(t, "MemfdCreate", err)
	closeLater(t, fd)
	if n, err := sys.Write(fd, make([]byte, 3000)); err != nil || n != 3000 {
		t.Fatalf("Write(memfd) n=%d err=%v", n, err)
	}
	var st syscall.Stat_t
	ok(t, "syscall.Fstat", syscall.Fstat(fd, &st))
	if st.Size != 3000 {
		t.Fatalf("memfd size %d, want 3000", st.Size)
	}
	buf := make([]byte, 256)
	n, err := syscall.Readlink("/proc/self/fd/"+itoa(fd), buf)
	ok(t, "syscall.Readlink", err)
	if got, want := string(buf[:n]), "/memfd:rawsys-memfd (deleted)"; got != want {
		t.Fatalf("memfd link = %q, want %q", got, want)
	}
	if fdFlags(t, fd)&syscall.FD_CLOEXEC == 0 {
		t.Fatalf("MemfdCreate(MFD_CLOEXEC) lacks FD_CLOEXEC")
	}
}

// itoa avoids strconv/fmt for the one integer formatting this file needs.
func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for ; v > 0; v /= 10 {
		i--
		b[i] = byte('0' + v%10)
	}
	return string(b[i:])
}
