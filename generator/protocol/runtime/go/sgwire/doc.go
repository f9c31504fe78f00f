//go:build linux

// Package sgwire is the runtime of the protocol packages syscallgen generates: the frame
// header and its checks, the little-endian integers, bools, strings and bytes fields of the wire
// format, and Conn, which carries frames over the User Mode Driver's pipes with raw system calls.
// A generated package describes its messages to it with a Protocol and keeps only what a spec
// decides: its types, constants, and each message's encode, check and decode.
//
// It is also the helper's half of the call runtime (generator/protocol/runtime/DESIGN.md): the
// control frames every protocol has (hello, welcome, ping, pong, bye), and Serve, which does the
// handshake, answers pings, hands calls and notifications to a generated package's Dispatcher,
// sends the replies and paces a periodic Tick.
//
// It is written by hand and copied by `syscallgen gen` into <out>/go/sgwire/ beside every
// protocol package, with its rawsys import rewritten to the generated rawsys package's path. It
// imports nothing else (no fmt, no os, no encoding/binary), and nothing in it allocates per frame.
//
// Wire format, as the driver's C header has it: a 16-byte header (magic u32, version u16, message
// type u16, payload length u32, sequence number u32), then the payload; every integer is
// little-endian on every arch, and a frame is at most PIPE_BUF (4096) bytes, so one write of it
// to a pipe is atomic.
package sgwire
