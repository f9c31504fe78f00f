package rawsys_test

import (
	"testing"

	sys "rt/rawsys"
)

// pathOfLength names the file "f" relative to a directory as "./././.../f", exactly n bytes long:
// every "./" is resolved by the kernel, so any length reaches the same file.
func pathOfLength(n int) string {
	b := make([]byte, 0, n)
	for len(b) < n-1 {
		b = append(b, '.', '/')
	}
	b = b[:n-1]
	if b[len(b)-1] != '/' {
		b[len(b)-1] = '/'
	}
	return string(append(b, 'f'))
}

// The wrappers promise no allocation for buffers and for paths up to 255 bytes, which are copied
// to a NUL-terminated buffer on the caller's stack; a longer path falls back to the heap.
func TestNoAllocation(t *testing.T) {
	_, dirfd := tempDirFd(t)
	fd := createFile(t, dirfd, "f")
	buf := make([]byte, 64)
	if _, err := sys.Pwrite(fd, buf, 0); err != nil {
		t.Fatalf("Pwrite: %v", err)
	}

	cases := []struct {
		name string
		call func()
		want float64
	}{
		{"Getpid", func() { sys.Getpid() }, 0},
		{"Pread", func() { sys.Pread(fd, buf, 0) }, 0},
		{"Write", func() { sys.Pwrite(fd, buf, 0) }, 0},
		{"Openat+Close, 255-byte path", func() {
			if f, err := sys.Openat(dirfd, path255, sys.O_RDONLY|sys.O_CLOEXEC, 0); err == nil {
				sys.Close(f)
			} else {
				t.Errorf("Openat of a 255-byte path: %v", err)
			}
		}, 0},
	}
	for _, c := range cases {
		if got := testing.AllocsPerRun(50, c.call); got != c.want {
			t.Errorf("%s: %v allocations per call, want %v", c.name, got, c.want)
		}
	}

	// The boundary: 256 bytes no longer fit with their NUL, so the path is copied to the heap.
	long := testing.AllocsPerRun(50, func() {
		if f, err := sys.Openat(dirfd, path256, sys.O_RDONLY|sys.O_CLOEXEC, 0); err == nil {
			sys.Close(f)
		} else {
			t.Errorf("Openat of a 256-byte path: %v", err)
		}
	})
	if long < 1 {
		t.Errorf("Openat of a 256-byte path: %v allocations per call, want at least 1 (heap copy)", long)
	}
}

var (
	path255 = pathOfLength(255)
	path256 = pathOfLength(256)
)

func TestPathOfLength(t *testing.T) {
	for _, n := range []int{254, 255, 256} {
		if p := pathOfLength(n); len(p) != n || p[len(p)-1] != 'f' || p[len(p)-2] != '/' {
			t.Fatalf("pathOfLength(%d) = %q (%d bytes)", n, p, len(p))
		}
	}
}
