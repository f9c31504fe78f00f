// Command helper is the Go end of the C/Go round trip, started by peer.c as the User Mode Driver
// starts a helper: fd 0 reads what the driver sends, fd 1 writes to it. It receives every
// to-helper frame of expected.go and checks it field by field, then sends every to-kernel frame,
// then waits for the peer to close its end. It says how each frame fared through Conn.Log (info:
// passed, error: failed, warning: one difference), since fd 1 carries frames and nothing else; the
// peer prints and counts those lines. It exits 1 if anything failed.
//
// Only the generated packages, syscall and unsafe: a helper is meant to stay that small.
package main

import (
	"syscall"
	"unsafe"

	"syscallgen.local/go/demo"
	"syscallgen.local/go/rawsys"
)

// frame is one frame of the conversation; msg holds its payload in the field of its type.
type frame struct {
	name string
	typ  demo.MsgType
	seq  uint32
	msg  demo.Msg
}

// errNoSender is what send answers for a type expected.go has no Send method for.
var errNoSender = rawsys.ENOSYS

// checker counts and reports the differences found in one frame.
type checker struct {
	c     *demo.Conn
	where string
	diffs int
}

func (k *checker) differ(path, got, want string) {
	k.diffs++
	k.c.Log(demo.LogWarning, k.where+": "+path+" = "+got+", want "+want)
}

func (k *checker) uint(path string, got, want uint64) {
	if got != want {
		k.differ(path, utoa(got), utoa(want))
	}
}

func (k *checker) int(path string, got, want int64) {
	if got != want {
		k.differ(path, itoa(got), itoa(want))
	}
}

func (k *checker) bool(path string, got, want bool) {
	if got != want {
		k.differ(path, btoa(got), btoa(want))
	}
}

// text compares whole string arrays: bytes after the NUL must match too (both zero).
func (k *checker) text(path string, got, want []byte) {
	if i := firstDiff(got, want); i >= 0 {
		k.differ(path, quote(got)+" (byte "+itoa(int64(i))+" "+hexByte(got[i])+")", quote(want)+" ("+hexByte(want[i])+")")
	}
}

// blob compares lengths and the whole data arrays: bytes past the length must match too.
func (k *checker) blob(path string, gotLen, wantLen uint16, got, want []byte) {
	if gotLen != wantLen {
		k.differ(path+" length", utoa(uint64(gotLen)), utoa(uint64(wantLen)))
	}
	if i := firstDiff(got, want); i >= 0 {
		k.differ(path+" byte "+itoa(int64(i)), hexByte(got[i]), hexByte(want[i]))
	}
}

// whole reports a payload that differs though no field did: a field the comparison missed.
func (k *checker) whole(path string, equal bool) {
	if !equal && k.diffs == 0 {
		k.differ(path, "a different payload", "equal payloads (a field has no comparison)")
	}
}

func firstDiff(a, b []byte) int {
	for i := range a {
		if i >= len(b) || a[i] != b[i] {
			return i
		}
	}
	if len(b) > len(a) {
		return len(a)
	}
	return -1
}

func utoa(v uint64) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			return string(b[i:])
		}
	}
}

func itoa(v int64) string {
	if v < 0 {
		// -v overflows for -1<<63; the unsigned negation does not.
		return "-" + utoa(-uint64(v))
	}
	return utoa(uint64(v))
}

func btoa(v bool) string {
	if v {
		return "true"
	}
	return "false"
}

const digits = "0123456789abcdef"

func hexByte(c byte) string { return "0x" + string([]byte{digits[c>>4], digits[c&15]}) }

func hex32(v uint32) string {
	var b [10]byte
	b[0], b[1] = '0', 'x'
	for i := 0; i < 8; i++ {
		b[9-i] = digits[v>>(4*i)&15]
	}
	return string(b[:])
}

// quote shows a string field's text up to its NUL, cut short so a report fits in a log line.
func quote(t []byte) string {
	const most = 40
	out := []byte{'"'}
	for i, c := range t {
		if c == 0 {
			break
		}
		if i == most {
			out = append(out, "..."...)
			break
		}
		if c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			out = append(out, "\\x"...)
			out = append(out, digits[c>>4], digits[c&15])
			continue
		}
		out = append(out, c)
	}
	return string(append(out, '"'))
}

// poison fills m with a byte no vector is made of, so a field Recv does not write cannot pass
// by already holding the value it should get (zero, or the previous frame's).
func poison(m *demo.Msg) {
	b := unsafe.Slice((*byte)(unsafe.Pointer(m)), unsafe.Sizeof(*m))
	for i := range b {
		b[i] = 0xa5
	}
}

func main() {
	c := demo.Helper()
	failed := false
	fail := func(what string) {
		failed = true
		c.Log(demo.LogErr, "FAIL "+what)
	}
	var m demo.Msg
	for i := range toHelper {
		want := &toHelper[i]
		poison(&m)
		t, err := c.Recv(&m)
		if err != nil {
			// The stream is out of step after an error: nothing more can be read from it.
			fail("to-helper " + want.name + ": Recv: " + err.Error())
			break
		}
		k := checker{c: c, where: "to-helper " + want.name}
		if t != want.typ {
			k.differ("type", itoa(int64(t)), itoa(int64(want.typ)))
		} else {
			comparePayload(&k, t, &m, &want.msg)
		}
		if m.Seq != want.seq {
			k.differ("seq", hex32(m.Seq), hex32(want.seq))
		}
		if k.diffs > 0 {
			fail(k.where + ": " + itoa(int64(k.diffs)) + " difference(s)")
			continue
		}
		c.Log(demo.LogInfo, "ok   "+k.where+" seq "+hex32(m.Seq))
	}
	for i := range toKernel {
		if err := send(c, &toKernel[i]); err != nil {
			fail("to-kernel " + toKernel[i].name + ": Send: " + err.Error())
		}
	}
	// The peer closes its end once it has read everything: anything but EPIPE is a frame too many.
	if t, err := c.Recv(&m); err != rawsys.EPIPE {
		if err == nil {
			fail("a frame after the last one, of type " + itoa(int64(t)))
		} else {
			fail("at the end: Recv: " + err.Error())
		}
	}
	if failed {
		syscall.Exit(1)
	}
}
