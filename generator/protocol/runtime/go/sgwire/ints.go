//go:build linux

package sgwire

// Little-endian integers by hand: encoding/binary would do the same but pulls in reflection.
// Each reads or writes one slice element first, so one bounds check covers the rest, and the
// compiler merges the byte accesses into one load or store on little-endian arches.

// Uint8 reads the byte at b[0].
func Uint8(b []byte) uint8 { return b[0] }

// Uint16 reads a little-endian uint16 from b[0:2].
func Uint16(b []byte) uint16 {
	_ = b[1]
	return uint16(b[0]) | uint16(b[1])<<8
}

// Uint32 reads a little-endian uint32 from b[0:4].
func Uint32(b []byte) uint32 {
	_ = b[3]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// Uint64 reads a little-endian uint64 from b[0:8].
func Uint64(b []byte) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// PutUint8 writes v to b[0].
func PutUint8(b []byte, v uint8) { b[0] = v }

// PutUint16 writes v to b[0:2], little-endian.
func PutUint16(b []byte, v uint16) {
	_ = b[1]
	b[0] = byte(v)
	b[1] = byte(v >> 8)
}

// PutUint32 writes v to b[0:4], little-endian.
func PutUint32(b []byte, v uint32) {
	_ = b[3]
	b[0] = byte(v)
	b[1] = byte(v >> 8)
	b[2] = byte(v >> 16)
	b[3] = byte(v >> 24)
}

// PutUint64 writes v to b[0:8], little-endian: the low half, then the high half.
func PutUint64(b []byte, v uint64) {
	_ = b[7]
	PutUint32(b[0:4], uint32(v))
	PutUint32(b[4:8], uint32(v>>32))
}

// BoolByte is a bool's wire byte; a Go bool is never anything but these two.
func BoolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

// DecodeBool stores the bool the wire byte c holds in *v, if c is 0 or 1; any other byte is
// malformed, and leaves *v as it was.
func DecodeBool(v *bool, c byte) bool {
	if c > 1 {
		return false
	}
	*v = c == 1
	return true
}

// Zero clears b: the pads of a payload. The compiler turns the loop into a memclr.
func Zero(b []byte) {
	for i := range b {
		b[i] = 0
	}
}

// IsZero reports whether every byte of b is zero: pads, and the tails of strings and bytes.
func IsZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}
