//go:build linux

package sgwire

import "syscallgen.local/go/rawsys"

// Frame sizes.
const (
	// HeaderSize is the size of the frame header: magic u32, version u16, type u16, payload
	// length u32, seq u32.
	HeaderSize = 16
	// MaxFrame is PIPE_BUF, the largest frame of any protocol: one write of a frame to a pipe is
	// atomic. A Conn's buffers are this size.
	MaxFrame = 4096
)

// Offsets of the header's fields.
const (
	offMagic   = 0
	offVersion = 4
	offType    = 6
	offLength  = 8
	offSeq     = 12
)

// The errors of sgwire and of the generated packages, boxed once so that returning one never
// allocates. Each is the rawsys errno it is named after (ErrBadMsg == rawsys.EBADMSG).
var (
	// ErrBadMsg is a malformed frame.
	ErrBadMsg error = rawsys.EBADMSG
	// ErrProto is a frame of another protocol version.
	ErrProto error = rawsys.EPROTO
	// ErrInval is a message that breaks a wire rule, or one a side may not send.
	ErrInval error = rawsys.EINVAL
	// ErrNoSpace is a buffer too short for the frame.
	ErrNoSpace error = rawsys.ENOSPC
	// ErrPipe is the end of the pipe, between frames or inside one.
	ErrPipe error = rawsys.EPIPE
	// ErrIO is a write that wrote nothing.
	ErrIO error = rawsys.EIO
)

// Direction is a set of the ways a message may travel.
type Direction uint8

// The two directions; a message sent both ways has both.
const (
	// ToKernel is the way of messages the helper sends to the driver.
	ToKernel Direction = 1 << iota
	// ToHelper is the way of messages the driver sends to the helper.
	ToHelper
)

// Protocol is what the runtime needs to know of a protocol to check a header: its magic, its
// version, and the size and directions of each message type. A generated package declares one.
type Protocol struct {
	Magic   uint32
	Version uint16
	// Message returns the payload size of messages of type t and the ways they may travel; size
	// -1 for a type the protocol does not have. The control frames (control.go) are not its to
	// list: the runtime adds them.
	Message func(t uint16) (size int, dir Direction)
}

// StartFrame writes the header of a frame of type t with a size-byte payload and sequence number
// seq at the start of b, and returns the frame: b's first HeaderSize+size bytes, whose payload is
// the caller's to write. ErrNoSpace when b is shorter. It does not check t or size.
func (p *Protocol) StartFrame(b []byte, t uint16, size int, seq uint32) ([]byte, error) {
	if size < 0 || len(b) < HeaderSize+size {
		return nil, ErrNoSpace
	}
	frame := b[:HeaderSize+size]
	PutUint32(frame[offMagic:], p.Magic)
	PutUint16(frame[offVersion:], p.Version)
	PutUint16(frame[offType:], t)
	PutUint32(frame[offLength:], uint32(size))
	PutUint32(frame[offSeq:], seq)
	return frame, nil
}

// CheckHeader validates the header h (HeaderSize bytes) of a frame before any of its payload is
// read, and returns the frame's type and payload size. The magic is checked first (ErrBadMsg),
// then the version (ErrProto), then the type, which must be the protocol's or a control frame's
// (TypeHello to TypeBye, consulted after the protocol's own types) and travel a way in accept,
// and the length field, which must be the type's payload size (both ErrBadMsg).
func (p *Protocol) CheckHeader(h []byte, accept Direction) (t uint16, size int, err error) {
	if len(h) < HeaderSize || Uint32(h[offMagic:]) != p.Magic {
		return 0, 0, ErrBadMsg
	}
	if Uint16(h[offVersion:]) != p.Version {
		return 0, 0, ErrProto
	}
	t = Uint16(h[offType:])
	size, dir := p.message(t)
	if size < 0 || dir&accept == 0 || Uint32(h[offLength:]) != uint32(size) {
		return 0, 0, ErrBadMsg
	}
	return t, size, nil
}

// CheckFrame checks the header of the whole frame b as CheckHeader does, and that b is exactly
// the header and the payload, and returns the frame's type, payload (a view of b) and sequence
// number. The payload's own rules are its message's decoder's to check.
func (p *Protocol) CheckFrame(b []byte, accept Direction) (t uint16, payload []byte, seq uint32, err error) {
	t, size, err := p.CheckHeader(b, accept)
	if err != nil {
		return 0, nil, 0, err
	}
	if len(b) != HeaderSize+size {
		return 0, nil, 0, ErrBadMsg
	}
	return t, b[HeaderSize:], Uint32(b[offSeq:]), nil
}
