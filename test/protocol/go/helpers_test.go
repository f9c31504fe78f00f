package demo_test

import (
	"encoding/json"
	"os"
	"strings"
	"syscall"
	"testing"

	"rt/demo"
	"rt/rawsys"
)

// msgTypes names the demo's message types as the spec and the JSON test data do.
var msgTypes = map[string]demo.MsgType{
	"log": demo.MsgLog, "hello": demo.MsgHello, "request": demo.MsgRequest,
	"reply": demo.MsgReply, "report": demo.MsgReport, "ping": demo.MsgPing,
}

// errnos names the errors the JSON test data expects.
var errnos = map[string]syscall.Errno{"EBADMSG": rawsys.EBADMSG, "EPROTO": rawsys.EPROTO}

// both accepts every message, whichever way it travels.
const both = demo.ToKernel | demo.ToHelper

// parseAccept reads a direction mask written as "ToKernel|ToHelper".
func parseAccept(t testing.TB, s string) demo.Direction {
	var d demo.Direction
	for _, part := range strings.Split(s, "|") {
		switch part {
		case "ToKernel":
			d |= demo.ToKernel
		case "ToHelper":
			d |= demo.ToHelper
		default:
			t.Fatalf("bad direction %q", s)
		}
	}
	return d
}

// loadJSON reads testdata/name, written by the vitest side from the IR.
func loadJSON(t testing.TB, name string, v any) {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// malformed is one entry of testdata/malformed.json: a frame breaking one rule.
type malformed struct {
	Name   string `json:"name"`
	Hex    string `json:"hex"`
	Accept string `json:"accept"`
	Errno  string `json:"errno"`
}

// sample is a message with every field set to something other than zero where it can be.
type sample struct {
	typ demo.MsgType
	msg demo.Msg
}

// samples builds one well-filled message of every type.
func samples() []sample {
	var s [6]sample
	s[0].typ, s[0].msg.Seq = demo.MsgLog, 1
	s[0].msg.Log.Level = demo.LogWarning
	s[0].msg.Log.Text.Set("disk almost full")
	s[1].typ, s[1].msg.Seq = demo.MsgHello, 2
	s[1].msg.Hello.Features = 0x80000001
	s[1].msg.Hello.Name.Set("helper")
	s[2].typ, s[2].msg.Seq = demo.MsgRequest, 3
	s[2].msg.Request = demo.Request{Kind: demo.KindSum, Values: [4]int32{-5, 7, 1 << 30, -1 << 31}, Verbose: true}
	s[2].msg.Request.Path.Set("/proc/self/status")
	s[3].typ, s[3].msg.Seq = demo.MsgReply, 4
	s[3].msg.Reply = demo.Reply{Status: demo.StatusFailed, Error: -int32(rawsys.ENOENT)}
	s[3].msg.Reply.Data.Set([]byte{0, 1, 2, 0xfe, 0xff})
	s[4].typ, s[4].msg.Seq = demo.MsgReport, 0xfffffffe
	s[4].msg.Report = demo.Report{UptimeNs: 1<<63 + 5, Load: [3]uint8{9, 99, 255}}
	s[4].msg.Report.Stats = demo.Stats{Ranges: [2]demo.Range{{Offset: 1 << 40, Length: 7}, {Offset: 3, Length: 1 << 31}}, Total: -1 << 62, Flags: 0x8001}
	s[5].typ, s[5].msg.Seq = demo.MsgPing, 6
	return s[:]
}
