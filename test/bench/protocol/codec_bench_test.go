package demo_test

// Encode and decode benchmarks of the generated demo codec; the bench script copies this file
// into the generated package's folder.

import (
	"testing"

	"syscallgen.local/go/demo"
)

func request() *demo.Request {
	m := &demo.Request{Kind: demo.KindSum, Values: [4]int32{1, -2, 3, -4}, Verbose: true}
	m.Path.Set("/sys/class/net/eth0/statistics/rx_bytes")
	return m
}

func BenchmarkEncodeRequest(b *testing.B) {
	m := request()
	var buf [demo.MaxFrame]byte
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := m.EncodeFrame(buf[:], uint32(i)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeRequest(b *testing.B) {
	var buf [demo.MaxFrame]byte
	n, err := request().EncodeFrame(buf[:], 7)
	if err != nil {
		b.Fatal(err)
	}
	var out demo.Msg
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := demo.DecodeFrame(buf[:n], demo.ToHelper, &out); err != nil {
			b.Fatal(err)
		}
	}
}
