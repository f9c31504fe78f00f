package main

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"math/rand"
	"testing"

	"fwscan/helper/gen/go/fwscan"
)

// fakeConn records what the handlers send besides replies, each encoded as the Conn would, so a
// message that breaks a rule of the wire fails as it would on the pipe.
type fakeConn struct {
	batches []fwscan.Sections
	logs    []string
	buf     [4096]byte
}

func (f *fakeConn) SendSections(seq uint32, m *fwscan.Sections) error {
	if _, err := m.EncodeFrame(f.buf[:], seq); err != nil {
		return err
	}
	f.batches = append(f.batches, *m)
	return nil
}

func (f *fakeConn) Log(_ fwscan.LogLevel, text string) error {
	f.logs = append(f.logs, text)
	return nil
}

// wire fails the test when m breaks a rule of the wire: Serve would refuse to send it.
func wire(t *testing.T, m interface {
	EncodeFrame(b []byte, seq uint32) (int, error)
}) {
	t.Helper()
	var buf [4096]byte
	if _, err := m.EncodeFrame(buf[:], 1); err != nil {
		t.Fatalf("%T does not encode: %v", m, err)
	}
}

type part struct {
	name string
	kind byte
	data []byte
}

// container builds an FWC1 image of parts, laid out one after the other after the table.
func container(parts []part) []byte {
	off := headerSize + entrySize*len(parts)
	img := make([]byte, off)
	copy(img, "FWC1")
	binary.LittleEndian.PutUint16(img[4:], 1)
	binary.LittleEndian.PutUint16(img[6:], uint16(len(parts)))
	for i, p := range parts {
		e := img[headerSize+i*entrySize:]
		copy(e, p.name)
		e[16] = p.kind
		binary.LittleEndian.PutUint32(e[20:], uint32(off))
		binary.LittleEndian.PutUint32(e[24:], uint32(len(p.data)))
		binary.LittleEndian.PutUint32(e[28:], crc32.ChecksumIEEE(p.data))
		img = append(img, p.data...)
		off += len(p.data)
	}
	binary.LittleEndian.PutUint32(img[8:], uint32(len(img)))
	return img
}

// load streams img to h in chunks as the driver does, and returns the last reply.
func load(t *testing.T, h *helper, img []byte) fwscan.Loaded {
	var reply fwscan.Loaded
	for off := 0; off == 0 || off < len(img); {
		req := fwscan.Load{Offset: uint32(off)}
		n := min(len(img)-off, len(req.Data.Data))
		req.Data.Set(img[off : off+n])
		reply = fwscan.Loaded{}
		h.Load(&req, &reply)
		wire(t, &reply)
		if reply.Status != 0 {
			t.Fatalf("load at %d: status %d", off, reply.Status)
		}
		off += n
		if n == 0 {
			break
		}
	}
	return reply
}

func randomBytes(r *rand.Rand, n int) []byte {
	b := make([]byte, n)
	r.Read(b)
	return b
}

func TestScanStreamsTheTableAndExtractRoundTrips(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	parts := []part{{"code", 1, randomBytes(r, 4064)}, {"data", 2, randomBytes(r, 10000)}}
	for i := 0; i < 10; i++ {
		parts = append(parts, part{"cfg" + string(rune('a'+i)), 3, randomBytes(r, 1+r.Intn(300))})
	}
	img := container(parts)
	f := &fakeConn{}
	h := &helper{c: f}
	if got := load(t, h, img); got.Size != uint32(len(img)) {
		t.Fatalf("loaded %d bytes, want %d", got.Size, len(img))
	}
	var v fwscan.Scanned
	h.Scan(&fwscan.Scan{}, &v)
	wire(t, &v)
	if v.Verdict != fwscan.VerdictOk || int(v.Sections) != len(parts) || v.Size != uint32(len(img)) {
		t.Fatalf("scan: %+v", v)
	}
	// 12 entries: a batch of 8, then one of 4, in order.
	if len(f.batches) != 2 || f.batches[0].First != 0 || f.batches[0].Count != 8 || f.batches[1].First != 8 || f.batches[1].Count != 4 {
		t.Fatalf("batches: %d", len(f.batches))
	}
	for i, p := range parts {
		s := f.batches[i/8].Section[i%8]
		if s.Name.String() != p.name || byte(s.Kind) != p.kind || s.Length != uint32(len(p.data)) || s.Crc32 != crc32.ChecksumIEEE(p.data) {
			t.Errorf("entry %d: %+v", i, s)
		}
		// Fetched as the driver's reads do: each from where the last ended, until none is left.
		var got []byte
		for {
			var x fwscan.Extracted
			h.Extract(&fwscan.Extract{Index: uint16(i), Offset: uint32(len(got))}, &x)
			wire(t, &x)
			if x.Status != 0 || x.Length != uint32(len(p.data)) {
				t.Fatalf("extract %d at %d: status %d length %d", i, len(got), x.Status, x.Length)
			}
			if x.Data.Len == 0 {
				break
			}
			got = append(got, x.Data.Bytes()...)
		}
		if !bytes.Equal(got, p.data) {
			t.Errorf("section %d: %d bytes back, want %d, or they differ", i, len(got), len(p.data))
		}
	}
	var x fwscan.Extracted
	h.Extract(&fwscan.Extract{Index: uint16(len(parts))}, &x)
	wire(t, &x)
	if x.Status != -eNOENT {
		t.Errorf("extract past the table: status %d", x.Status)
	}
}

func TestVerdicts(t *testing.T) {
	good := container([]part{{"code", 1, []byte("abcdefgh")}, {"sig", 4, []byte("12345678")}})
	edit := func(f func(b []byte) []byte) []byte { return f(append([]byte(nil), good...)) }
	cases := []struct {
		name    string
		img     []byte
		verdict fwscan.Verdict
		section uint16
		entries uint16
	}{
		{"good", good, fwscan.VerdictOk, 0, 2},
		{"empty", nil, fwscan.VerdictEmpty, 0, 0},
		{"short header", good[:10], fwscan.VerdictTruncated, 0, 0},
		{"magic", edit(func(b []byte) []byte { b[0] = 'X'; return b }), fwscan.VerdictBadMagic, 0, 0},
		{"size", good[:len(good)-1], fwscan.VerdictTruncated, 0, 0},
		{"kind", edit(func(b []byte) []byte { b[headerSize+entrySize+16] = 9; return b }), fwscan.VerdictBadTable, 1, 1},
		{"kind none", edit(func(b []byte) []byte { b[headerSize+16] = 0; return b }), fwscan.VerdictBadTable, 0, 0},
		{"name", edit(func(b []byte) []byte { b[headerSize+1] = '\n'; return b }), fwscan.VerdictBadTable, 0, 0},
		{"bounds", edit(func(b []byte) []byte { b[headerSize+entrySize+24] = 9; return b }), fwscan.VerdictBadBounds, 1, 1},
		{"overlap", edit(func(b []byte) []byte { b[headerSize+entrySize+20] -= 4; return b }), fwscan.VerdictBadBounds, 1, 1},
		{"crc", edit(func(b []byte) []byte { b[len(b)-1] ^= 1; return b }), fwscan.VerdictBadCrc, 1, 1},
	}
	for _, c := range cases {
		f := &fakeConn{}
		h := &helper{c: f}
		if len(c.img) > 0 {
			load(t, h, c.img)
		}
		var v fwscan.Scanned
		h.Scan(&fwscan.Scan{}, &v)
		wire(t, &v)
		if v.Verdict != c.verdict || v.Section != c.section || v.Sections != c.entries {
			t.Errorf("%s: %+v, want verdict %d section %d sections %d", c.name, v, c.verdict, c.section, c.entries)
		}
		if len(f.logs) != 1 {
			t.Errorf("%s: log lines %q", c.name, f.logs)
		}
		var x fwscan.Extracted
		h.Extract(&fwscan.Extract{}, &x)
		wire(t, &x)
		if (x.Status == 0) != (c.verdict == fwscan.VerdictOk) {
			t.Errorf("%s: extract after the scan: status %d", c.name, x.Status)
		}
	}
}

func TestLoadRefusesAGapAndTooMuch(t *testing.T) {
	h := &helper{c: &fakeConn{}}
	var reply fwscan.Loaded
	h.Load(&fwscan.Load{Offset: 5}, &reply)
	if reply.Status != -eINVAL {
		t.Errorf("a chunk past the end: status %d", reply.Status)
	}
	req := fwscan.Load{}
	req.Data.Set(make([]byte, 1000))
	for req.Offset = 0; req.Offset < maxImage; req.Offset += 1000 {
		reply = fwscan.Loaded{}
		h.Load(&req, &reply)
		wire(t, &reply)
		if reply.Status != 0 {
			break
		}
	}
	if reply.Status != -eFBIG || reply.Size > maxImage {
		t.Errorf("past %d bytes: status %d size %d", maxImage, reply.Status, reply.Size)
	}
}
