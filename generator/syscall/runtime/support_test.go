package rawsys

// Direct tests of support.go, built with it alone (gen copies only support.go into the
// generated package). Expected values come from the standard syscall package, the running
// system or the encodings' definitions, never from the generated code.

import (
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// cBytes reads the NUL-terminated string at p.
func cBytes(p unsafe.Pointer) string {
	var b []byte
	for i := uintptr(0); ; i++ {
		c := *(*byte)(unsafe.Add(p, i))
		if c == 0 {
			return string(b)
		}
		b = append(b, c)
	}
}

func TestCStringShortPathsUseTheBuffer(t *testing.T) {
	// pathBuf holds 255 bytes and the NUL: a path of 255 bytes is the longest that fits.
	for _, s := range []string{"", "/", "/proc/self/status", strings.Repeat("a", len(pathBuf{})-1)} {
		var buf pathBuf
		p, err := cString(&buf, s)
		if err != nil {
			t.Fatalf("cString(%d bytes): %v", len(s), err)
		}
		if p != unsafe.Pointer(&buf[0]) {
			t.Fatalf("cString(%d bytes) did not use the buffer", len(s))
		}
		if got := cBytes(p); got != s {
			t.Fatalf("cString(%q) = %q", s, got)
		}
	}
}

func TestCStringLongPathsGoToTheHeap(t *testing.T) {
	for _, n := range []int{len(pathBuf{}), 4096} {
		s := strings.Repeat("b", n)
		var buf pathBuf
		p, err := cString(&buf, s)
		if err != nil {
			t.Fatalf("cString(%d bytes): %v", n, err)
		}
		if p == unsafe.Pointer(&buf[0]) {
			t.Fatalf("cString(%d bytes) wrote past the buffer's room", n)
		}
		if got := cBytes(p); got != s {
			t.Fatalf("cString(%d bytes) copied %d bytes", n, len(got))
		}
		if buf != (pathBuf{}) {
			t.Fatalf("cString(%d bytes) touched the buffer", n)
		}
	}
}

func TestCStringRefusesANulInside(t *testing.T) {
	// As syscall.BytePtrFromString does: the kernel would see a shorter path.
	for _, s := range []string{"a\x00b", "\x00", strings.Repeat("c", 300) + "\x00"} {
		var buf pathBuf
		if _, err := cString(&buf, s); err != syscall.EINVAL {
			t.Fatalf("cString(%d bytes with a NUL) = %v, want EINVAL", len(s), err)
		}
		if _, want := syscall.BytePtrFromString(s); want != syscall.EINVAL {
			t.Fatalf("syscall.BytePtrFromString disagrees: %v", want)
		}
	}
}

func TestCStringOfAShortPathDoesNotAllocate(t *testing.T) {
	var buf pathBuf
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := cString(&buf, "/proc/self/status"); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Fatalf("cString allocated %v times", allocs)
	}
}

func TestErrnoErr(t *testing.T) {
	if err := errnoErr(0); err != nil {
		t.Fatalf("errnoErr(0) = %v, want nil", err)
	}
	for _, e := range []syscall.Errno{syscall.EAGAIN, syscall.EINTR, syscall.EINVAL, syscall.ENOENT, syscall.EBADF, syscall.ENOSYS} {
		if err := errnoErr(e); err != e {
			t.Fatalf("errnoErr(%d) = %v, want %v", int(e), err, e)
		}
	}
	allocs := testing.AllocsPerRun(100, func() {
		for _, e := range []syscall.Errno{syscall.EAGAIN, syscall.EINTR, syscall.EINVAL, syscall.ENOENT} {
			if errnoErr(e) == nil {
				t.Fatal("nil")
			}
		}
	})
	if allocs != 0 {
		t.Fatalf("errnoErr of a common errno allocated %v times", allocs)
	}
}

func TestMappingIsTheSliceOverTheMemory(t *testing.T) {
	const n = 8192
	mem, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		t.Fatalf("mmap: %v", err)
	}
	defer syscall.Munmap(mem)
	m := mapping(uintptr(unsafe.Pointer(&mem[0])), n)
	if len(m) != n || cap(m) != n || &m[0] != &mem[0] {
		t.Fatalf("mapping: len %d cap %d at %p, want %d bytes at %p", len(m), cap(m), &m[0], n, &mem[0])
	}
	m[0], m[n-1] = 1, 2
	if mem[0] != 1 || mem[n-1] != 2 {
		t.Fatal("writes through the mapping do not reach the memory")
	}
}

func TestMkdevPacksAsGlibcMakedev(t *testing.T) {
	// glibc: the low 8 bits of minor, then 12 bits of major, then the rest of minor from bit
	// 20, then the rest of major from bit 44.
	cases := []struct {
		major, minor uint32
		want         uint64
	}{
		{0, 0, 0},
		{1, 3, 0x103},
		{8, 1, 0x801},
		{0xfff, 0xff, 0xfffff},
		{0x1000, 0, 0x1000 << 32},
		{0, 0x100, 0x100 << 12},
		{0xfffff123, 0xabcdef45, 0xfffff000_00000000 | 0x123<<8 | 0xabcdef00<<12 | 0x45},
	}
	for _, c := range cases {
		if got := mkdev(c.major, c.minor); got != c.want {
			t.Fatalf("mkdev(%#x, %#x) = %#x, want %#x", c.major, c.minor, got, c.want)
		}
	}
	// /dev/null is character device 1:3 on Linux, as stat reports it.
	var st syscall.Stat_t
	if err := syscall.Stat("/dev/null", &st); err != nil {
		t.Fatalf("stat /dev/null: %v", err)
	}
	if uint64(st.Rdev) != mkdev(1, 3) {
		t.Fatalf("stat /dev/null: rdev %#x, mkdev(1, 3) = %#x", st.Rdev, mkdev(1, 3))
	}
}

func TestWaitStatusDecodesAsTheSyscallPackage(t *testing.T) {
	// Every 16-bit status, then the ones wait4 never stores above them.
	statuses := []uint32{0x10000, 0xffffffff}
	for s := uint32(0); s <= 0xffff; s++ {
		statuses = append(statuses, s)
	}
	for _, s := range statuses {
		w, want := WaitStatus(s), syscall.WaitStatus(s)
		if w.Exited() != want.Exited() || w.Signaled() != want.Signaled() || w.Stopped() != want.Stopped() ||
			w.Continued() != want.Continued() || w.CoreDump() != want.CoreDump() || w.ExitStatus() != want.ExitStatus() ||
			w.Signal() != want.Signal() || w.StopSignal() != want.StopSignal() {
			t.Fatalf("WaitStatus(%#x) decodes otherwise than syscall.WaitStatus", s)
		}
	}
}

func TestTimespec64IsTheKernelsLayout(t *testing.T) {
	// struct __kernel_timespec: two 64-bit fields on every arch, 32-bit ones included.
	var ts timespec64
	if unsafe.Sizeof(ts) != 16 || unsafe.Offsetof(ts.Nsec) != 8 {
		t.Fatalf("timespec64 is %d bytes with Nsec at %d, want 16 and 8", unsafe.Sizeof(ts), unsafe.Offsetof(ts.Nsec))
	}
}

func TestZeroIsANulByte(t *testing.T) {
	// The address an empty slice or an empty path passes: read as a path, it is "".
	if got := cBytes(unsafe.Pointer(&_zero)); got != "" {
		t.Fatalf("_zero reads as %q", got)
	}
}
