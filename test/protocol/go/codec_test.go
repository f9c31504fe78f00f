package demo_test

import (
	"bytes"
	"encoding/hex"
	"strings"
	"testing"

	"rt/demo"
	"rt/rawsys"
)

// TestRoundTrip encodes a message of every type and decodes it back unchanged.
func TestRoundTrip(t *testing.T) {
	sizes := map[demo.MsgType]int{demo.MsgLog: demo.LogSize, demo.MsgHello: demo.HelloSize, demo.MsgRequest: demo.RequestSize,
		demo.MsgReply: demo.ReplySize, demo.MsgReport: demo.ReportSize, demo.MsgPing: demo.PingSize}
	for _, s := range samples() {
		buf := make([]byte, demo.MaxFrame)
		n, err := s.msg.EncodeFrame(s.typ, buf)
		if err != nil || n != demo.HeaderSize+sizes[s.typ] {
			t.Fatalf("type %d: encode %d, %v", s.typ, n, err)
		}
		var got demo.Msg
		typ, err := demo.DecodeFrame(buf[:n], both, &got)
		if err != nil || typ != s.typ || got != s.msg {
			t.Fatalf("type %d: decode %d, %v:\n got %+v\nwant %+v", s.typ, typ, err, got, s.msg)
		}
	}
}

// TestHeaderBytes pins the header to the wire rules: little-endian on every arch.
func TestHeaderBytes(t *testing.T) {
	var p demo.Ping
	b := make([]byte, demo.HeaderSize)
	if _, err := p.EncodeFrame(b, 0x01020304); err != nil {
		t.Fatal(err)
	}
	if got := hex.EncodeToString(b); got != "4f4d45440100050000000000"+"04030201" {
		t.Fatalf("ping header %s", got)
	}
}

// TestEncodeRejects checks that a message breaking a wire rule is never sent: EINVAL, and a
// short buffer is ENOSPC.
func TestEncodeRejects(t *testing.T) {
	buf := make([]byte, demo.MaxFrame)
	log := demo.Log{Level: demo.LogDebug + 1}
	req := demo.Request{Kind: 0}
	var hello demo.Hello
	copy(hello.Name[:], strings.Repeat("a", len(hello.Name)))
	var reply demo.Reply
	reply.Data.Len = uint16(len(reply.Data.Data) + 1)
	var m demo.Msg
	for name, err := range map[string]error{
		"log level":    second(log.EncodeFrame(buf, 0)),
		"request kind": second(req.EncodeFrame(buf, 0)),
		"hello no NUL": second(hello.EncodeFrame(buf, 0)),
		"reply Len":    second(reply.EncodeFrame(buf, 0)),
		"unknown type": second(m.EncodeFrame(99, buf)),
	} {
		if err != rawsys.EINVAL {
			t.Errorf("%s: %v, want EINVAL", name, err)
		}
	}
	var ok demo.Hello
	if _, err := ok.EncodeFrame(buf[:demo.HeaderSize+demo.HelloSize-1], 0); err != rawsys.ENOSPC {
		t.Errorf("short buffer: %v, want ENOSPC", err)
	}
}

func second(_ int, err error) error { return err }

// TestEncodeZeroesTails checks that bytes past a string's NUL or a blob's Len never reach the
// wire, whatever the arrays hold: the driver would reject them.
func TestEncodeZeroesTails(t *testing.T) {
	var hello demo.Hello
	copy(hello.Name[:], "ab\x00junk")
	var reply demo.Reply
	copy(reply.Data.Data[:], "xyz")
	reply.Data.Len = 1
	buf := make([]byte, demo.MaxFrame)
	n, _ := hello.EncodeFrame(buf, 0)
	if name := buf[demo.HeaderSize+4 : n]; !bytes.Equal(name, append([]byte("ab"), make([]byte, len(name)-2)...)) {
		t.Fatalf("hello name on the wire: %q", name)
	}
	n, _ = reply.EncodeFrame(buf, 0)
	var got demo.Msg
	if _, err := demo.DecodeFrame(buf[:n], both, &got); err != nil || string(got.Reply.Data.Bytes()) != "x" || got.Reply.Data.Data[1] != 0 {
		t.Fatalf("reply data: %v %q", err, got.Reply.Data.Data[:3])
	}
}

// TestTextAndBlob checks Set's truncation and that the views do not copy.
func TestTextAndBlob(t *testing.T) {
	var text demo.String239
	if text.Set(strings.Repeat("é", 200)) || len(text.Bytes()) != 239 || text[239] != 0 {
		t.Fatalf("long text: %d bytes", len(text.Bytes()))
	}
	if text.Set("a\x00b") || text.String() != "a" || text[2] != 0 {
		t.Fatalf("text with NUL: %q", text[:4])
	}
	if !text.Set("fits") || text.String() != "fits" || &text.Bytes()[0] != &text[0] {
		t.Fatal("Bytes copies or Set fails")
	}
	var blob demo.Bytes200
	if blob.Set(make([]byte, 201)) || blob.Len != 200 {
		t.Fatalf("long blob: Len %d", blob.Len)
	}
	blob.Len = 500
	if len(blob.Bytes()) != 200 {
		t.Fatal("Bytes past Data")
	}
}

// TestNoAllocs checks that encoding and decoding (including rejecting) never allocate.
func TestNoAllocs(t *testing.T) {
	all := samples()
	buf := make([]byte, demo.MaxFrame)
	var frames [][]byte
	for _, s := range all {
		n, _ := s.msg.EncodeFrame(s.typ, buf)
		frames = append(frames, append([]byte(nil), buf[:n]...))
	}
	var bad []byte
	var frames2 []malformed
	loadJSON(t, "malformed.json", &frames2)
	bad, _ = hex.DecodeString(frames2[len(frames2)-1].Hex)
	var out demo.Msg
	allocs := testing.AllocsPerRun(200, func() {
		for i := range all {
			_, _ = all[i].msg.EncodeFrame(all[i].typ, buf)
			_, _ = demo.DecodeFrame(frames[i], both, &out)
		}
		// A frame buffer on the caller's stack stays there: encoding does not make it escape.
		var req demo.Request
		var local [demo.MaxFrame]byte
		n, _ := req.EncodeFrame(local[:], 1)
		_, _ = demo.DecodeFrame(local[:n], both, &out)
		_, _ = demo.DecodeFrame(bad, both, &out)
		_, _ = demo.DecodeFrame(frames[0][:3], both, &out)
	})
	t.Logf("allocs per encode+decode of every message: %v", allocs)
	if allocs != 0 {
		t.Fatalf("%v allocations", allocs)
	}
}
