package rt

// Benchmarks of the generated wrappers against golang.org/x/sys/unix, run in the same process so
// the two see the same machine. The bench script copies out/go/rawsys to ./rawsys before running.

import (
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
	"rt/rawsys"
)

func BenchmarkGetpid(b *testing.B) {
	b.Run("rawsys", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			rawsys.Getpid()
		}
	})
	b.Run("xsys", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			unix.Getpid()
		}
	})
}

func openNull(b *testing.B) int {
	fd, err := unix.Open("/dev/null", unix.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { unix.Close(fd) })
	return fd
}

func BenchmarkWrite(b *testing.B) {
	fd := openNull(b)
	buf := []byte("0123456789abcdef")
	b.Run("rawsys", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := rawsys.Write(fd, buf); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("xsys", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := unix.Write(fd, buf); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkPread(b *testing.B) {
	path := filepath.Join(b.TempDir(), "data")
	fd, err := unix.Open(path, unix.O_RDWR|unix.O_CREAT, 0o600)
	if err != nil {
		b.Fatal(err)
	}
	defer unix.Close(fd)
	if _, err := unix.Pwrite(fd, make([]byte, 4096), 0); err != nil {
		b.Fatal(err)
	}
	buf := make([]byte, 64)
	b.Run("rawsys", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := rawsys.Pread(fd, buf, 1024); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("xsys", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := unix.Pread(fd, buf, 1024); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkOpenatClose(b *testing.B) {
	const path = "/dev/null"
	b.Run("rawsys", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			fd, err := rawsys.Openat(rawsys.AT_FDCWD, path, rawsys.O_RDONLY|rawsys.O_CLOEXEC, 0)
			if err != nil {
				b.Fatal(err)
			}
			rawsys.Close(fd)
		}
	})
	b.Run("xsys", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			fd, err := unix.Openat(unix.AT_FDCWD, path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
			if err != nil {
				b.Fatal(err)
			}
			unix.Close(fd)
		}
	})
}
