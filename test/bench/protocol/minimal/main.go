// Command minimal is the smallest useful helper: it logs through the driver and answers pings.
// Its size, against an empty program built the same way, is what the protocol costs a kernel.
package main

import "syscallgen.local/go/demo"

func main() {
	c := demo.Helper()
	var m demo.Msg
	c.Log(demo.LogInfo, "ready")
	for {
		t, err := c.Recv(&m)
		if err != nil {
			return
		}
		if t == demo.MsgPing {
			c.SendPing(m.Seq, &m.Ping)
		}
	}
}
