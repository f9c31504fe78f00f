package demo_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"testing"

	"rt/demo"
)

// vector is one golden frame from testdata/vectors.json.
type vector struct {
	Message string                     `json:"message"`
	Seq     uint32                     `json:"seq"`
	Fields  map[string]json.RawMessage `json:"fields"`
	Hex     string                     `json:"hex"`
}

// TestVectors checks the codec against frames encoded by the independent TypeScript encoder:
// the fields encode to exactly the golden bytes, and the bytes decode to exactly the fields.
func TestVectors(t *testing.T) {
	var vectors []vector
	loadJSON(t, "vectors.json", &vectors)
	if len(vectors) == 0 {
		t.Fatal("no vectors")
	}
	for i, v := range vectors {
		t.Run(fmt.Sprintf("%02d-%s", i, v.Message), func(t *testing.T) {
			typ, ok := msgTypes[v.Message]
			if !ok {
				t.Fatalf("unknown message %q", v.Message)
			}
			want, err := hex.DecodeString(v.Hex)
			if err != nil {
				t.Fatal(err)
			}
			var m demo.Msg
			m.Seq = v.Seq
			setStruct(t, messageField(&m, v.Message), v.Fields)
			buf := make([]byte, demo.MaxFrame)
			n, err := m.EncodeFrame(typ, buf)
			if err != nil || !bytes.Equal(buf[:n], want) {
				t.Fatalf("encode: err %v\n got %x\nwant %x", err, buf[:n], want)
			}
			var got demo.Msg
			gotType, err := demo.DecodeFrame(want, both, &got)
			if err != nil || gotType != typ || got.Seq != v.Seq {
				t.Fatalf("decode: %v, %v seq %d", err, gotType, got.Seq)
			}
			if g, w := messageField(&got, v.Message).Interface(), messageField(&m, v.Message).Interface(); g != w {
				t.Fatalf("decode:\n got %+v\nwant %+v", g, w)
			}
		})
	}
}

// TestMalformed checks that every frame breaking one rule is rejected with the rule's errno.
func TestMalformed(t *testing.T) {
	var frames []malformed
	loadJSON(t, "malformed.json", &frames)
	if len(frames) < 50 {
		t.Fatalf("only %d malformed frames", len(frames))
	}
	for _, f := range frames {
		b, err := hex.DecodeString(f.Hex)
		if err != nil {
			t.Fatal(err)
		}
		var m demo.Msg
		typ, err := demo.DecodeFrame(b, parseAccept(t, f.Accept), &m)
		if want := errnos[f.Errno]; err != want || typ != 0 {
			t.Errorf("%s: got %v, %v; want %v", f.Name, typ, err, want)
		}
	}
}
