//go:build linux

package sgwire

import "syscallgen.local/go/rawsys"

// Side is the end of the pipes a Conn is: it decides which messages the Conn receives and which
// it may send.
type Side uint8

// The two sides.
const (
	// SideHelper is the Go helper: it receives ToHelper messages and sends ToKernel ones.
	SideHelper Side = iota + 1
	// SideKernel plays the driver's part, as a test does: it receives ToKernel messages and sends
	// ToHelper ones.
	SideKernel
)

// Conn carries the frames of one protocol over a pair of blocking file descriptors with raw
// system calls. Its buffers live inside it, so receiving and sending allocate nothing. After an
// error other than EINTR's (retried) the stream may be out of step: close it.
//
// Recv is for one goroutine: Serve's, while Serve runs. The senders (SendBuffer and Send, and
// the generated Send and Log methods built on them) share one buffer, so they are for one
// goroutine at a time: handlers and Tick, which run one at a time on Serve's goroutine, may send
// freely; a program that also sends from another goroutine must hold a lock of its own around
// every send, its handlers' included. Serve's own frames (hello, pongs, replies, bye and its
// reports) are built in another buffer and need no such lock: every frame goes out in one write
// of at most PIPE_BUF bytes, which a pipe never interleaves with another write.
type Conn struct {
	proto      *Protocol
	rfd, wfd   int
	recv, send Direction
	features   uint64 // agreed by the welcome
	stopping   bool   // Stop was called: Serve says bye
	byeReason  uint32
	rbuf       [MaxFrame]byte // frames read: the next starts at rstart, the bytes end at rend
	rstart     int
	rend       int
	wbuf       [MaxFrame]byte // the senders'
	sbuf       [MaxFrame]byte // Serve's: replies are encoded in it, control frames and reports built
}

// Init makes c a Conn of protocol p reading frames from rfd and writing them to wfd as side. Any
// other side value makes a Conn that receives and sends nothing.
func (c *Conn) Init(p *Protocol, rfd, wfd int, side Side) {
	c.proto, c.rfd, c.wfd = p, rfd, wfd
	c.recv, c.send = 0, 0
	c.features, c.stopping, c.byeReason = 0, false, 0
	c.rstart, c.rend = 0, 0
	switch side {
	case SideHelper:
		c.recv, c.send = ToHelper, ToKernel
	case SideKernel:
		c.recv, c.send = ToKernel, ToHelper
	}
}

// Recv reads one frame and returns its type, payload and sequence number. It reads through the
// Conn's buffer, each read taking what the pipe holds (up to MaxFrame bytes), so a frame costs
// one read and frames that came together share one. It checks a header as CheckHeader does as
// soon as its bytes are in, failing before it waits for the payload of a bad one. The payload is
// a view of the buffer, good until the next Recv. EINTR is retried; end of file, even in
// mid-frame, is ErrPipe.
func (c *Conn) Recv() (t uint16, payload []byte, seq uint32, err error) {
	for {
		have := c.rbuf[c.rstart:c.rend]
		if len(have) >= HeaderSize {
			t, size, err := c.proto.CheckHeader(have[:HeaderSize], c.recv)
			if err != nil {
				return 0, nil, 0, err
			}
			if len(have) >= HeaderSize+size {
				c.rstart += HeaderSize + size
				return t, have[HeaderSize : HeaderSize+size], Uint32(have[offSeq:]), nil
			}
		}
		// A partial frame moves to the front, so the room left holds the rest of it.
		c.rend = copy(c.rbuf[:], have)
		c.rstart = 0
		n, err := c.readSome(c.rbuf[c.rend:])
		if err != nil {
			return 0, nil, 0, err
		}
		c.rend += n
	}
}

// Buffered reports whether bytes of a frame wait in the Conn's buffer, which a wait for the read
// fd to be readable would not see.
func (c *Conn) Buffered() bool { return c.rend > c.rstart }

// SendBuffer returns the buffer to encode a frame into for Send. A generated package sends a
// message m with c.Send(m.EncodeFrame(c.SendBuffer(), seq)).
func (c *Conn) SendBuffer() []byte { return c.wbuf[:] }

// Send writes the frame just encoded at the start of SendBuffer's buffer, n bytes, in one write
// unless the pipe takes it in pieces. It writes nothing when the encoder failed, returning its
// error err as it is, or when this side may not send the frame's type (ErrInval); the control
// frames are types of every protocol, each sent by one side.
func (c *Conn) Send(n int, err error) error {
	if err != nil {
		return err
	}
	if n < HeaderSize || n > len(c.wbuf) {
		return ErrInval
	}
	if _, dir := c.proto.message(Uint16(c.wbuf[offType:])); c.send&dir == 0 {
		return ErrInval
	}
	return c.writeAll(c.wbuf[:n])
}

// readSome reads into b once, retrying EINTR; end of file is ErrPipe.
func (c *Conn) readSome(b []byte) (int, error) {
	return transferOnce(rawsys.Read, c.rfd, b, ErrPipe)
}

// writeAll writes b to the write fd, retrying short writes and EINTR. A frame is at most
// PIPE_BUF bytes, so a pipe takes it whole unless a signal cuts the write short.
func (c *Conn) writeAll(b []byte) error {
	return transfer(rawsys.Write, c.wfd, b, ErrIO)
}

// transfer moves all of b through op (rawsys.Read or rawsys.Write) on fd, over partial
// transfers.
func transfer(op func(int, []byte) (int, error), fd int, b []byte, none error) error {
	for len(b) > 0 {
		n, err := transferOnce(op, fd, b, none)
		if err != nil {
			return err
		}
		b = b[n:]
	}
	return nil
}

// transferOnce runs op on fd and b until it moves some bytes, retrying EINTR; a transfer of
// nothing (the end of the pipe, for a read) is none.
func transferOnce(op func(int, []byte) (int, error), fd int, b []byte, none error) (int, error) {
	for {
		n, err := op(fd, b)
		switch {
		case err == rawsys.EINTR:
			continue
		case err != nil:
			return 0, err
		case n <= 0:
			return 0, none
		}
		return n, nil
	}
}
