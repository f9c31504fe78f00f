// Command echo is the helper side of the latency benchmark: it answers each 8-byte word ("raw")
// or each ping frame ("proto") on fd 0 by writing it back on fd 1, until the pipe closes.
package main

import (
	"syscall"

	"syscallgen.local/go/demo"
	"syscallgen.local/go/rawsys"
)

func full(fd int, b []byte, write bool) bool {
	for done := 0; done < len(b); {
		var n int
		var err error
		if write {
			n, err = rawsys.Write(fd, b[done:])
		} else {
			n, err = rawsys.Read(fd, b[done:])
		}
		if err == rawsys.EINTR {
			continue
		}
		if err != nil || n == 0 {
			return false
		}
		done += n
	}
	return true
}

func main() {
	mode, _ := syscall.Getenv("SYSCALLGEN_BENCH_MODE")
	if mode == "raw" {
		var word [8]byte
		for full(0, word[:], false) && full(1, word[:], true) {
		}
		return
	}
	c := demo.Helper()
	var m demo.Msg
	for {
		t, err := c.Recv(&m)
		if err != nil {
			return
		}
		if t == demo.MsgPing {
			if c.SendPing(m.Seq, &m.Ping) != nil {
				return
			}
		}
	}
}
