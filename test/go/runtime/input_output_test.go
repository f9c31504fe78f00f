package rawsys_test

import (
	"syscall"
	"testing"
	"unsafe"

	sys "rt/rawsys"
)

// readOnlyTimespec returns a 1µs Timespec in a page the process may read but
// not write: a wrapper that writes into an input it was given faults here
// instead of going unnoticed (it would write back the same value).
func readOnlyTimespec(t *testing.T) *sys.Timespec {
	t.Helper()
	page, err := syscall.Mmap(-1, 0, syscall.Getpagesize(), syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	ok(t, "syscall.Mmap", err)
	t.Cleanup(func() { syscall.Munmap(page) })
	ts := (*sys.Timespec)(unsafe.Pointer(&page[0]))
	*ts = sys.Timespec{Sec: 0, Nsec: 1000}
	ok(t, "syscall.Mprotect(READ)", syscall.Mprotect(page, syscall.PROT_READ))
	return ts
}

// TestSleepsLeaveTheirRequestAlone: the request is an input. On 32-bit arches
// the wrappers pass a 64-bit-time copy, and only outputs may be copied back.
func TestSleepsLeaveTheirRequestAlone(t *testing.T) {
	req := readOnlyTimespec(t)
	for {
		var left sys.Timespec
		err := sys.ClockNanosleep(sys.CLOCK_MONOTONIC, 0, req, &left)
		if err != sys.EINTR {
			ok(t, "ClockNanosleep(read-only request)", err)
			break
		}
	}
	for {
		err := sys.Nanosleep(req, nil)
		if err != sys.EINTR {
			ok(t, "Nanosleep(read-only request)", err)
			break
		}
	}
	if req.Sec != 0 || req.Nsec != 1000 {
		t.Fatalf("request changed to %+v", *req)
	}
}

// TestMunmapOnlyWholeMappings: a slice shorter than the mapping Mmap returned
// is EINVAL and unmaps nothing, as in x/sys; the whole mapping unmaps.
func TestMunmapOnlyWholeMappings(t *testing.T) {
	ps := syscall.Getpagesize()
	m, err := sys.Mmap(-1, 0, 4*ps, sys.PROT_READ|sys.PROT_WRITE, sys.MAP_PRIVATE|sys.MAP_ANONYMOUS)
	ok(t, "Mmap(4 pages)", err)
	wantErr(t, "Munmap(m[:10])", sys.Munmap(m[:10]), sys.EINVAL)
	wantErr(t, "Munmap(m[:0])", sys.Munmap(m[:0]), sys.EINVAL)
	wantErr(t, "Munmap(nil)", sys.Munmap(nil), sys.EINVAL)
	// Every page is still mapped: touching the last one would fault otherwise.
	for p := 0; p < 4; p++ {
		m[p*ps] = byte(p + 1)
	}
	if m[3*ps] != 4 {
		t.Fatalf("last page reads %d after writing 4", m[3*ps])
	}
	ok(t, "Munmap(whole mapping)", sys.Munmap(m))
}
