// The fwscan helper: it holds the firmware image the driver streams to it, checks it as an FWC1
// container (container.go), streams the section table back and hands out the bytes of checked
// sections. It runs as the driver's User Mode Driver, with the pipes as fds 0 and 1.
package main

import (
	"strconv"

	"fwscan/helper/gen/go/fwscan"
	"fwscan/helper/gen/go/rawsys"
)

// maxImage bounds what the driver may load: 1 MiB.
const maxImage = 1 << 20

// Errnos a reply's status carries, negated as the kernel's are.
const (
	eNOENT = 2
	eFBIG  = 27
	eINVAL = 22
)

// verdicts names the values of fwscan.Verdict, for log lines.
var verdicts = [...]string{"ok", "empty", "bad_magic", "truncated", "bad_table", "bad_bounds", "bad_crc"}

// conn is what the handlers send besides replies: *fwscan.Conn, or a test's fake.
type conn interface {
	SendSections(seq uint32, m *fwscan.Sections) error
	Log(level fwscan.LogLevel, text string) error
}

// helper implements fwscan.Handlers.
type helper struct {
	c       conn
	image   []byte
	table   [MaxSections]fwscan.Section
	checked int // sections of the last scan that passed; 0 after a load
	batch   fwscan.Sections
}

// Load appends a chunk; offset 0 starts a new image.
func (h *helper) Load(req *fwscan.Load, reply *fwscan.Loaded) {
	if req.Offset == 0 {
		h.image = h.image[:0]
	}
	h.checked = 0
	data := req.Data.Bytes()
	switch {
	case int64(req.Offset) != int64(len(h.image)):
		reply.Status = -eINVAL
	case len(h.image)+len(data) > maxImage:
		reply.Status = -eFBIG
	default:
		h.image = append(h.image, data...)
	}
	reply.Size = uint32(len(h.image))
}

// Scan checks the image and sends the entries it accepted, eight to a notification, before the
// verdict: the driver has the whole table when the call returns.
func (h *helper) Scan(_ *fwscan.Scan, reply *fwscan.Scanned) {
	v, n, bad := scan(h.image, &h.table)
	*reply = fwscan.Scanned{Verdict: v, Section: uint16(bad), Sections: uint16(n), Size: uint32(len(h.image))}
	h.checked = 0
	for first := 0; first < n; first += len(h.batch.Section) {
		h.batch = fwscan.Sections{First: uint16(first)}
		h.batch.Count = uint8(copy(h.batch.Section[:], h.table[first:n]))
		if h.c.SendSections(0, &h.batch) != nil {
			return // the pipe is gone: Serve ends too
		}
	}
	what := "image of " + strconv.Itoa(len(h.image)) + " bytes: "
	if v == fwscan.VerdictOk {
		h.checked = n
		h.c.Log(fwscan.LogInfo, what+"ok, "+strconv.Itoa(n)+" sections")
	} else {
		h.c.Log(fwscan.LogWarning, what+verdicts[v]+" at section "+strconv.Itoa(bad))
	}
}

// Extract sends up to 4064 bytes of a checked section from offset; none at or past its end.
func (h *helper) Extract(req *fwscan.Extract, reply *fwscan.Extracted) {
	if int(req.Index) >= h.checked {
		reply.Status = -eNOENT
		return
	}
	s := &h.table[req.Index]
	reply.Kind, reply.Length = s.Kind, s.Length
	if req.Offset < s.Length {
		start := s.Offset + req.Offset
		end := start + min(s.Length-req.Offset, uint32(len(reply.Data.Data)))
		reply.Data.Set(h.image[start:end])
	}
}

// Tick is not used: the helper only answers.
func (h *helper) Tick() {}

func main() {
	c := fwscan.Helper()
	h := &helper{c: c, image: make([]byte, 0, 64<<10)}
	// nil when the driver closes the pipe; an error for a lost stream, after which the driver
	// starts a new helper whatever the exit status.
	if fwscan.Serve(c, h, fwscan.ServeOptions{Name: "fwscan-helper"}) != nil {
		rawsys.Exit(1)
	}
}
