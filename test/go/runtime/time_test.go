package rawsys_test

import (
	"syscall"
	"testing"

	sys "rt/rawsys"
)

// nanos flattens a Timespec whatever the width of its fields on this arch.
func nanos(ts sys.Timespec) int64 { return int64(ts.Sec)*1e9 + int64(ts.Nsec) }

func TestClockGettimeMonotonicAndNanosleep(t *testing.T) {
	var a, b sys.Timespec
	ok(t, "ClockGettime(MONOTONIC)", sys.ClockGettime(sys.CLOCK_MONOTONIC, &a))
	const nap = 30_000_000
	req := sys.Timespec{Sec: 0, Nsec: nap}
	// The Go runtime preempts with SIGURG, so EINTR is routine here: resume
	// with the remainder. It may exceed the request by the timer slack
	// (50us by default), since the kernel measures to the hard expiry.
	for {
		var left sys.Timespec
		err := sys.Nanosleep(&req, &left)
		if err != sys.EINTR {
			ok(t, "Nanosleep", err)
			break
		}
		if nanos(left) < 0 || nanos(left) > nanos(req)+1_000_000 {
			t.Fatalf("Nanosleep EINTR leftover %+v outside [0, %+v + 1ms]", left, req)
		}
		req = left
	}
	ok(t, "ClockGettime(MONOTONIC)", sys.ClockGettime(sys.CLOCK_MONOTONIC, &b))
	if d := nanos(b) - nanos(a); d < nap {
		t.Fatalf("monotonic advanced %dns across Nanosleep(%dns): %+v -> %+v", d, nap, a, b)
	}
	bad := sys.Timespec{Sec: 0, Nsec: 1_000_000_000}
	wantErr(t, "Nanosleep(nsec=1e9)", sys.Nanosleep(&bad, nil), sys.EINVAL)
	wantErr(t, "ClockGettime(bad id)", sys.ClockGettime(100, &a), sys.EINVAL)
}

func TestRealtimeMatchesGettimeofday(t *testing.T) {
	var truth syscall.Timeval
	ok(t, "syscall.Gettimeofday", syscall.Gettimeofday(&truth))
	var rt sys.Timespec
	ok(t, "ClockGettime(REALTIME)", sys.ClockGettime(sys.CLOCK_REALTIME, &rt))
	var tv sys.Timeval
	ok(t, "Gettimeofday", sys.Gettimeofday(&tv))
	base := int64(truth.Sec)*1e9 + int64(truth.Usec)*1e3
	ours := int64(tv.Sec)*1e9 + int64(tv.Usec)*1e3
	for _, c := range []struct {
		what string
		v    int64
	}{{"ClockGettime(REALTIME)", nanos(rt)}, {"Gettimeofday", ours}} {
		if d := c.v - base; d < 0 || d > 5e9 {
			t.Fatalf("%s = %dns, syscall.Gettimeofday just before = %dns (diff %dns)", c.what, c.v, base, d)
		}
	}
}

func TestTimesAndGetrusage(t *testing.T) {
	var tms sys.Tms
	ticks, err := sys.Times(&tms)
	ok(t, "Times", err)
	var truthTms syscall.Tms
	truthTicks, err := syscall.Times(&truthTms)
	ok(t, "syscall.Times", err)
	// clock_t ticks at USER_HZ (100): two back-to-back calls are close.
	if d := truthTicks - ticks; d > 500 {
		t.Fatalf("Times ticks %d vs syscall.Times %d", ticks, truthTicks)
	}
	if tms.Utime < 0 || tms.Stime < 0 || int64(tms.Utime) > int64(truthTms.Utime) {
		t.Fatalf("Times: utime %d stime %d, syscall.Times later utime %d", tms.Utime, tms.Stime, truthTms.Utime)
	}
	var ru sys.Rusage
	ok(t, "Getrusage(SELF)", sys.Getrusage(syscall.RUSAGE_SELF, &ru))
	var truthRu syscall.Rusage
	ok(t, "syscall.Getrusage", syscall.Getrusage(syscall.RUSAGE_SELF, &truthRu))
	if ru.Maxrss <= 0 || int64(ru.Maxrss) > int64(truthRu.Maxrss) {
		t.Fatalf("Getrusage Maxrss %d, syscall.Getrusage later %d", ru.Maxrss, truthRu.Maxrss)
	}
	if ru.Utime.Sec < 0 || ru.Utime.Usec < 0 || ru.Utime.Usec >= 1e6 {
		t.Fatalf("Getrusage Utime %+v not a valid timeval", ru.Utime)
	}
	wantErr(t, "Getrusage(bad who)", sys.Getrusage(42, &ru), sys.EINVAL)
}
