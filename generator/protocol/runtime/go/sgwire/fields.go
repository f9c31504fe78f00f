//go:build linux

package sgwire

// A string field of at most max bytes is an array of max+1 bytes in a message, the text then a
// NUL and zeros, as on the wire. A bytes field of at most max bytes is a length and an array of
// max bytes; on the wire the length is a u16 before the data, and the bytes past it are zeros.
// The generated types (String<max>, Bytes<max>) keep both inline, so a message holds no pointer
// and decoding copies instead of allocating.

// indexNul is the index of the first NUL in b, or -1.
func indexNul(b []byte) int {
	for i, c := range b {
		if c == 0 {
			return i
		}
	}
	return -1
}

// SetText stores s in a string field's array t, cut to leave room for the NUL and cut at a NUL
// in s (the wire could not carry what follows it), zeros after; it reports whether all of s was
// stored.
func SetText(t []byte, s string) bool {
	n := copy(t[:len(t)-1], s)
	if i := indexNul(t[:n]); i >= 0 {
		n = i
	}
	Zero(t[n:])
	return n == len(s)
}

// TextBytes is the text of a string field's array t: up to its NUL, or all of t if it has none
// (which encoding rejects). It is a view of t, not a copy.
func TextBytes(t []byte) []byte {
	if i := indexNul(t); i >= 0 {
		return t[:i]
	}
	return t
}

// EncodeText writes the array t to dst (of the same size): its text up to the NUL, then zeros,
// whatever t holds past its NUL. False when t has no NUL (its text would not fit the bound) or
// dst is not t's size.
func EncodeText(dst, t []byte) bool {
	n := indexNul(t)
	if n < 0 || len(dst) != len(t) {
		return false
	}
	copy(dst, t[:n])
	Zero(dst[n:])
	return true
}

// DecodeText copies a string field src into the array t (of the same size) if it is well formed:
// a NUL within the bound and only zeros after it.
func DecodeText(t, src []byte) bool {
	n := indexNul(src)
	if n < 0 || len(src) != len(t) || !IsZero(src[n:]) {
		return false
	}
	copy(t, src)
	return true
}

// SetBlob stores p in a bytes field's length n and array data, cut to fit data, zeroing the rest
// of data so that equal contents compare equal; it reports whether all of p was stored.
func SetBlob(n *uint16, data, p []byte) bool {
	c := copy(data, p)
	Zero(data[c:])
	*n = uint16(c)
	return c == len(p)
}

// BlobBytes is the content of a bytes field: data's first n bytes, never past its end. It is a
// view of data, not a copy.
func BlobBytes(n uint16, data []byte) []byte {
	if int(n) > len(data) {
		return data
	}
	return data[:n]
}

// EncodeBlob writes a bytes field to dst (2 + len(data) bytes): the length, the data, zeros
// past it. False when n is past the bound or dst is not the field's size.
func EncodeBlob(dst []byte, n uint16, data []byte) bool {
	if int(n) > len(data) || len(dst) != 2+len(data) {
		return false
	}
	PutUint16(dst, n)
	copy(dst[2:], data[:n])
	Zero(dst[2+int(n):])
	return true
}

// DecodeBlob copies a bytes field src into n and data if it is well formed: a length within the
// bound and only zeros past it.
func DecodeBlob(n *uint16, data, src []byte) bool {
	if len(src) != 2+len(data) {
		return false
	}
	length := Uint16(src)
	if int(length) > len(data) || !IsZero(src[2+int(length):]) {
		return false
	}
	*n = length
	copy(data, src[2:])
	return true
}
