// Package rawsys makes Linux system calls through the syscall package's exported entry
// points only: no cgo, no linkname, no golang.org/x/sys. Names and signatures follow
// golang.org/x/sys/unix, so code can switch between the two by changing an import.
package rawsys

import (
	"syscall"
	"unsafe"
)

// _zero gives an empty slice an address to pass: the kernel reads no bytes from it.
var _zero uintptr

// Preallocated errors for the errno values a hot loop sees, so returning them does not box.
var (
	errEAGAIN error = syscall.EAGAIN
	errEINTR  error = syscall.EINTR
	errEINVAL error = syscall.EINVAL
	errENOENT error = syscall.ENOENT
)

// errnoErr returns e as an error, nil for 0.
func errnoErr(e syscall.Errno) error {
	switch e {
	case 0:
		return nil
	case syscall.EAGAIN:
		return errEAGAIN
	case syscall.EINTR:
		return errEINTR
	case syscall.EINVAL:
		return errEINVAL
	case syscall.ENOENT:
		return errENOENT
	}
	return e
}

// pathBuf holds a NUL-terminated path on the caller's stack, so short paths cost no allocation.
type pathBuf [256]byte

// cString returns a NUL-terminated copy of s: in buf when it fits, else on the heap.
// A path with a NUL byte inside is EINVAL, as the syscall package treats it.
func cString(buf *pathBuf, s string) (unsafe.Pointer, error) {
	if len(s) >= len(buf) {
		p, err := syscall.BytePtrFromString(s)
		return unsafe.Pointer(p), err
	}
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			return nil, syscall.EINVAL
		}
	}
	copy(buf[:], s)
	buf[len(s)] = 0
	return unsafe.Pointer(&buf[0]), nil
}

// timespec64 is the kernel's struct __kernel_timespec, which the *_time64 calls take on 32-bit arches.
type timespec64 struct {
	Sec  int64
	Nsec int64
}

// mapping is the byte slice over length bytes at addr, an address the kernel returned (mmap).
func mapping(addr uintptr, length int) []byte {
	// Reading the address through a pointer keeps vet's unsafeptr check quiet: addr is memory
	// the kernel mapped, never a Go heap object the collector could move.
	return unsafe.Slice((*byte)(*(*unsafe.Pointer)(unsafe.Pointer(&addr))), length)
}

// WaitStatus is the status wait4 stores: the same encoding on every Linux arch.
type WaitStatus uint32

const (
	waitStopped = 0x7f
	waitCore    = 0x80
	waitShift   = 8
)

// Exited reports whether the process exited normally.
func (w WaitStatus) Exited() bool { return w&0x7f == 0 }

// Signaled reports whether a signal ended the process.
func (w WaitStatus) Signaled() bool { return w&0x7f != waitStopped && w&0x7f != 0 }

// Stopped reports whether the process is stopped.
func (w WaitStatus) Stopped() bool { return w&0xff == waitStopped }

// Continued reports whether the process was resumed by SIGCONT.
func (w WaitStatus) Continued() bool { return w == 0xffff }

// CoreDump reports whether the ended process dumped core.
func (w WaitStatus) CoreDump() bool { return w.Signaled() && w&waitCore != 0 }

// ExitStatus is the exit code, or -1 when the process did not exit normally.
func (w WaitStatus) ExitStatus() int {
	if !w.Exited() {
		return -1
	}
	return int(w>>waitShift) & 0xff
}

// Signal is the signal that ended the process, or -1.
func (w WaitStatus) Signal() syscall.Signal {
	if !w.Signaled() {
		return -1
	}
	return syscall.Signal(w & 0x7f)
}

// StopSignal is the signal that stopped the process, or -1.
func (w WaitStatus) StopSignal() syscall.Signal {
	if !w.Stopped() {
		return -1
	}
	return syscall.Signal(w>>waitShift) & 0xff
}

// mkdev packs a device number the way glibc's makedev does, as Stat_t.Dev holds it.
func mkdev(major, minor uint32) uint64 {
	return uint64(major&0xfffff000)<<32 | uint64(major&0x00000fff)<<8 |
		uint64(minor&0xffffff00)<<12 | uint64(minor&0x000000ff)
}
