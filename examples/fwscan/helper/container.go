package main

import (
	"hash/crc32"

	"fwscan/helper/gen/go/fwscan"
)

// An FWC1 container, little-endian throughout:
//
//	0   magic "FWC1"
//	4   version u16 (1)
//	6   count u16: sections, 1 to MaxSections
//	8   size u32: the whole image, header included
//	12  reserved u32 (0)
//	16  count entries of 32 bytes: name [16] (text, NUL-terminated, zeros after), kind u8
//	    (1 to 4), pad [3] (0), offset u32, length u32, crc32 u32 (CRC-32/IEEE of the bytes)
//	    then the sections' bytes: each inside the image, after the table, none overlapping.
const (
	headerSize  = 16
	entrySize   = 32
	MaxSections = 64
)

// scan checks image and returns the verdict, the entries it accepted (all of them when the
// verdict is ok; those before the bad one when it is not), and the index of the bad entry.
func scan(image []byte, table *[MaxSections]fwscan.Section) (v fwscan.Verdict, n int, bad int) {
	if len(image) == 0 {
		return fwscan.VerdictEmpty, 0, 0
	}
	if len(image) < headerSize {
		return fwscan.VerdictTruncated, 0, 0
	}
	if string(image[:4]) != "FWC1" || le16(image[4:]) != 1 || le32(image[12:]) != 0 {
		return fwscan.VerdictBadMagic, 0, 0
	}
	count, size := int(le16(image[6:])), int(le32(image[8:]))
	if size != len(image) || headerSize+count*entrySize > size {
		return fwscan.VerdictTruncated, 0, 0
	}
	if count == 0 || count > MaxSections {
		return fwscan.VerdictBadTable, 0, 0
	}
	payload := headerSize + count*entrySize
	for i := 0; i < count; i++ {
		e := image[headerSize+i*entrySize:][:entrySize]
		s := &table[i]
		*s = fwscan.Section{Kind: fwscan.Kind(e[16]), Offset: le32(e[20:]), Length: le32(e[24:]), Crc32: le32(e[28:])}
		if !text(e[:16]) || s.Kind == fwscan.KindNone || !s.Kind.Valid() || e[17]|e[18]|e[19] != 0 {
			return fwscan.VerdictBadTable, i, i
		}
		copy(s.Name[:], e[:16])
		start, end := int64(s.Offset), int64(s.Offset)+int64(s.Length)
		if start < int64(payload) || end > int64(size) {
			return fwscan.VerdictBadBounds, i, i
		}
		for j := 0; j < i; j++ {
			if start < int64(table[j].Offset)+int64(table[j].Length) && int64(table[j].Offset) < end {
				return fwscan.VerdictBadBounds, i, i
			}
		}
		if crc32.ChecksumIEEE(image[start:end]) != s.Crc32 {
			return fwscan.VerdictBadCrc, i, i
		}
	}
	return fwscan.VerdictOk, count, 0
}

// text reports whether name is printable ASCII, not empty, NUL-terminated and zero after the NUL.
func text(name []byte) bool {
	n := 0
	for n < len(name) && name[n] != 0 {
		if name[n] < 0x20 || name[n] > 0x7e {
			return false
		}
		n++
	}
	for _, c := range name[n:] {
		if c != 0 {
			return false
		}
	}
	return n > 0 && n < len(name)
}

func le16(b []byte) uint16 { return uint16(b[0]) | uint16(b[1])<<8 }
func le32(b []byte) uint32 { return uint32(le16(b)) | uint32(le16(b[2:]))<<16 }
