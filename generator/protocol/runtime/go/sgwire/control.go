//go:build linux

package sgwire

// The control frames: the call runtime's own messages, the same in every protocol (types 0xff00
// to 0xffff, which no spec may use) and framed with the protocol's header, so that a helper of
// another protocol or version is refused at its first frame. Their payloads are fixed,
// little-endian and padded to 8 bytes, as runtime/DESIGN.md and the C runtime have them.

// The control frame types.
const (
	// TypeHello is the helper's first frame: its runtime version, pid, features and name.
	TypeHello uint16 = 0xff01
	// TypeWelcome is the driver's answer to hello: the features both sides have.
	TypeWelcome uint16 = 0xff02
	// TypePing is the driver's liveness check, sent every interval; its payload is a nonce.
	TypePing uint16 = 0xff03
	// TypePong answers a ping with its nonce.
	TypePong uint16 = 0xff04
	// TypeBye says the helper is exiting on purpose: the driver does not start it again until
	// asked to.
	TypeBye uint16 = 0xff05
)

// The control frames' payload sizes.
const (
	HelloSize   = 48 // runtime version u16, pad u16, pid u32, features u64, name char[32]
	WelcomeSize = 16 // features u64, interval ms u32, pad u32
	PingSize    = 8  // nonce u64; a pong's payload is its ping's
	ByeSize     = 8  // reason u32, pad u32
)

// RuntimeVersion is the version of the control frames a hello announces: a driver refuses a
// hello of another.
const RuntimeVersion uint16 = 1

// NameMax is the longest helper name a hello carries, in bytes, before its NUL.
const NameMax = 31

// ByeAsked is the reason of a bye whose helper was asked to stop; other reasons are the helper's.
const ByeAsked uint32 = 0

// control returns the payload size and the direction of the control frame type t; -1 for
// another type.
func control(t uint16) (size int, dir Direction) {
	switch t {
	case TypeHello:
		return HelloSize, ToKernel
	case TypeWelcome:
		return WelcomeSize, ToHelper
	case TypePing:
		return PingSize, ToHelper
	case TypePong:
		return PingSize, ToKernel
	case TypeBye:
		return ByeSize, ToKernel
	}
	return -1, 0
}

// message returns the payload size and the directions of messages of type t: the protocol's own
// types first, then the control frames, which the generated Protocol values do not list.
func (p *Protocol) message(t uint16) (size int, dir Direction) {
	if size, dir = p.Message(t); size >= 0 {
		return size, dir
	}
	return control(t)
}

// Hello is the payload of a hello frame.
type Hello struct {
	RuntimeVersion uint16
	Pid            uint32
	Features       uint64
	Name           [NameMax + 1]byte // the text, a NUL, zeros: set it with SetText
}

// Encode writes m into b, exactly HelloSize bytes, pads zero; false when b is another size or
// Name has no NUL.
func (m *Hello) Encode(b []byte) bool {
	if len(b) != HelloSize {
		return false
	}
	PutUint16(b[0:], m.RuntimeVersion)
	PutUint16(b[2:], 0)
	PutUint32(b[4:], m.Pid)
	PutUint64(b[8:], m.Features)
	return EncodeText(b[16:48], m.Name[:])
}

// Decode reads b, exactly HelloSize bytes, into m; false when b is another size, its pad is not
// zero or its name is not a NUL-terminated, zero-filled text. The runtime version is the
// reader's to judge.
func (m *Hello) Decode(b []byte) bool {
	if len(b) != HelloSize || Uint16(b[2:]) != 0 || !DecodeText(m.Name[:], b[16:48]) {
		return false
	}
	m.RuntimeVersion = Uint16(b[0:])
	m.Pid = Uint32(b[4:])
	m.Features = Uint64(b[8:])
	return true
}

// Welcome is the payload of a welcome frame.
type Welcome struct {
	Features   uint64 // the features both sides offered
	IntervalMs uint32 // the driver's ping interval
}

// Encode writes m into b, exactly WelcomeSize bytes, pad zero; false when b is another size.
func (m *Welcome) Encode(b []byte) bool {
	if len(b) != WelcomeSize {
		return false
	}
	PutUint64(b[0:], m.Features)
	PutUint32(b[8:], m.IntervalMs)
	PutUint32(b[12:], 0)
	return true
}

// Decode reads b, exactly WelcomeSize bytes, into m; false when b is another size or its pad is
// not zero.
func (m *Welcome) Decode(b []byte) bool {
	if len(b) != WelcomeSize || Uint32(b[12:]) != 0 {
		return false
	}
	m.Features = Uint64(b[0:])
	m.IntervalMs = Uint32(b[8:])
	return true
}

// Ping is the payload of a ping frame, and of the pong that answers it.
type Ping struct {
	Nonce uint64
}

// Encode writes m into b, exactly PingSize bytes; false when b is another size.
func (m *Ping) Encode(b []byte) bool {
	if len(b) != PingSize {
		return false
	}
	PutUint64(b, m.Nonce)
	return true
}

// Decode reads b, exactly PingSize bytes, into m; false when b is another size.
func (m *Ping) Decode(b []byte) bool {
	if len(b) != PingSize {
		return false
	}
	m.Nonce = Uint64(b)
	return true
}

// Bye is the payload of a bye frame.
type Bye struct {
	Reason uint32 // ByeAsked, or the helper's own
}

// Encode writes m into b, exactly ByeSize bytes, pad zero; false when b is another size.
func (m *Bye) Encode(b []byte) bool {
	if len(b) != ByeSize {
		return false
	}
	PutUint32(b[0:], m.Reason)
	PutUint32(b[4:], 0)
	return true
}

// Decode reads b, exactly ByeSize bytes, into m; false when b is another size or its pad is not
// zero.
func (m *Bye) Decode(b []byte) bool {
	if len(b) != ByeSize || Uint32(b[4:]) != 0 {
		return false
	}
	m.Reason = Uint32(b[0:])
	return true
}
