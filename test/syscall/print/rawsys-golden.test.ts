/**
 * Golden tests of the rawsys printer, in the style of Go's stringer golden test: small IR values
 * written by hand, and the Go each must print, written by hand from what the code must be (the
 * calling convention, gofmt's layout, the support file's helpers), never pasted from the
 * generator's output. The whole-tree check (test/golden/out-current.test.ts) holds the bundled
 * specs' output; these hold each kind of word, preparation step, result, call chain, struct and
 * constant block on its own. Every expected text is also checked to be what gofmt prints.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import type { ArchIR, CallIR, ConstantGroupIR, EntryIR, PrepareIR, StructIR, WordIR, WrapperIR } from "../../../generator/syscall/ir.js";
import { emitGo, printConstantGroup, printStruct, printSupport, printWrapper } from "../../../generator/syscall/print/go-emit.js";
import { goWord } from "../../../generator/syscall/print/go-words.js";
import { supportSourceAs } from "../../../generator/syscall/runtime/support.js";
import { requireTool } from "../../support/require-tool.js";

const v = (param: string): WordIR => ({ kind: "value", param });
const len = (param: string): WordIR => ({ kind: "length", param });
const step = (index: number): WordIR => ({ kind: "prepared", step: index });
const zero: WordIR = { kind: "const", value: 0 };

const arity: Record<EntryIR["func"], EntryIR["arity"]> = { Syscall: 3, RawSyscall: 3, Syscall6: 6, RawSyscall6: 6, Syscall9: 9 };

/** A call of `kernel` through `func` with exactly the words given (zero padding included). */
function call(kernel: string, func: EntryIR["func"], words: WordIR[], more: Partial<CallIR> = {}): CallIR {
  return { kernelName: kernel, sysnum: `SYS_${kernel.toUpperCase()}`, entry: { func, arity: arity[func] }, words, guards: [], ...more };
}

/** A wrapper that returns an error unless it says otherwise. */
function wrapper(w: Pick<WrapperIR, "goName" | "doc" | "calls"> & Partial<WrapperIR>): WrapperIR {
  return { exported: true, params: [], results: [], hasError: true, prepare: [], ...w };
}

/** gofmt's version of `source`, a Go file. */
function gofmt(source: string): string {
  const run = spawnSync(requireTool("gofmt"), [], { input: source, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`gofmt failed:\n${run.stderr}\n${source}`);
  return run.stdout;
}

describe("goWord prints each kind of word", () => {
  const steps: PrepareIR[] = [{ kind: "slice", param: "p" }, { kind: "pair", param: "fds" }, { kind: "pages", param: "offset", pageSize: 4096 }];
  const cases: [string, WordIR, string][] = [
    ["an integer parameter", v("fd"), "uintptr(fd)"],
    ["a parameter Go code could not use by its name", v("len"), "uintptr(len_)"],
    ["a parameter OR-ed with a constant", { kind: "value", param: "flags", orConstant: "O_LARGEFILE" }, "uintptr(flags|O_LARGEFILE)"],
    ["the high half of a 64-bit parameter", { kind: "high", param: "off" }, "uintptr(off>>32)"],
    ["the low half of a 64-bit parameter", { kind: "low", param: "off" }, "uintptr(off)"],
    ["a zero word", zero, "0"],
    ["a positive constant", { kind: "const", value: 4096 }, "4096"],
    // AT_FDCWD: -100 does not convert to uintptr, its complement ^99 has the same bits.
    ["a negative constant", { kind: "const", value: -100 }, "^uintptr(99)"],
    ["the constant -1", { kind: "const", value: -1 }, "^uintptr(0)"],
    ["a pointer parameter", { kind: "pointer", param: "ts" }, "uintptr(unsafe.Pointer(ts))"],
    ["a slice's length", len("p"), "uintptr(len(p))"],
    ["a step that passes its variable (a slice's address)", step(0), "uintptr(_p0)"],
    ["a step that passes its variable's address (an int32[2])", step(1), "uintptr(unsafe.Pointer(&_p1))"],
    ["a step that passes a count (pages)", step(2), "uintptr(_p2)"],
    ["a result the kernel writes", { kind: "resultAddress", result: "off" }, "uintptr(unsafe.Pointer(&off))"],
    ["the empty path", { kind: "emptyPath" }, "uintptr(unsafe.Pointer(&_zero))"],
    ["the memory block's address", { kind: "block" }, "uintptr(unsafe.Pointer(&_block))"],
  ];
  test.each(cases)("%s", (_, word, expected) => {
    expect(goWord(word, steps)).toBe(expected);
  });

  test("a step the wrapper does not have is a bug, not a word", () => {
    expect(() => goWord(step(3), steps)).toThrow("preparation step 3");
  });
});

/** Wrappers, each with the Go it must print. */
const wrapperGoldens: { name: string; input: WrapperIR; output: string }[] = [
  {
    name: "a call that never blocks or fails, its result from the return value",
    input: wrapper({
      goName: "Getpid",
      doc: "Getpid returns the process ID of the caller.",
      results: [{ kind: "return", name: "pid", goType: "int" }],
      hasError: false,
      calls: [call("getpid", "RawSyscall", [zero, zero, zero])],
    }),
    output: `// Getpid returns the process ID of the caller.
func Getpid() (pid int) {
	_r0, _, _ := syscall.RawSyscall(SYS_GETPID, 0, 0, 0)
	pid = int(_r0)
	return
}
`,
  },
  {
    name: "a call with no result, no error and no doc",
    input: wrapper({ goName: "exitGroup", doc: "", exported: false, params: [{ name: "code", goType: "int" }], hasError: false, calls: [call("exit_group", "RawSyscall", [v("code"), zero, zero])] }),
    output: `func exitGroup(code int) {
	syscall.RawSyscall(SYS_EXIT_GROUP, uintptr(code), 0, 0)
}
`,
  },
  {
    name: "slice: the address of p[0], or of the zero word for an empty slice",
    input: wrapper({
      goName: "Write",
      doc: "Write writes p to fd.",
      params: [{ name: "fd", goType: "int" }, { name: "p", goType: "[]byte" }],
      results: [{ kind: "return", name: "n", goType: "int" }],
      prepare: [{ kind: "slice", param: "p" }],
      calls: [call("write", "Syscall", [v("fd"), step(0), len("p")])],
    }),
    output: `// Write writes p to fd.
func Write(fd int, p []byte) (n int, err error) {
	var _p0 unsafe.Pointer
	if len(p) > 0 {
		_p0 = unsafe.Pointer(&p[0])
	} else {
		_p0 = unsafe.Pointer(&_zero)
	}
	_r0, _, _e1 := syscall.Syscall(SYS_WRITE, uintptr(fd), uintptr(_p0), uintptr(len(p)))
	n = int(_r0)
	if _e1 != 0 {
		err = errnoErr(_e1)
	}
	return
}
`,
  },
  {
    name: "path: a NUL-terminated copy, after a negative constant (AT_FDCWD)",
    input: wrapper({
      goName: "Mkdir",
      doc: "Mkdir creates the directory path.",
      params: [{ name: "path", goType: "string" }, { name: "mode", goType: "uint32" }],
      prepare: [{ kind: "path", param: "path" }],
      calls: [call("mkdirat", "Syscall", [{ kind: "const", value: -100 }, step(0), v("mode")])],
    }),
    output: `// Mkdir creates the directory path.
func Mkdir(path string, mode uint32) (err error) {
	var _p0buf pathBuf
	_p0, err := cString(&_p0buf, path)
	if err != nil {
		return
	}
	_, _, _e1 := syscall.Syscall(SYS_MKDIRAT, ^uintptr(99), uintptr(_p0), uintptr(mode))
	if _e1 != 0 {
		err = errnoErr(_e1)
	}
	return
}
`,
  },
  {
    name: "path with a constant OR-ed into a parameter",
    input: wrapper({
      goName: "Openat",
      doc: "Openat opens path relative to the directory dirfd.",
      params: [{ name: "dirfd", goType: "int" }, { name: "path", goType: "string" }, { name: "flags", goType: "int" }, { name: "mode", goType: "uint32" }],
      results: [{ kind: "return", name: "fd", goType: "int" }],
      prepare: [{ kind: "path", param: "path" }],
      calls: [call("openat", "Syscall6", [v("dirfd"), step(0), { kind: "value", param: "flags", orConstant: "O_LARGEFILE" }, v("mode"), zero, zero])],
    }),
    output: `// Openat opens path relative to the directory dirfd.
func Openat(dirfd int, path string, flags int, mode uint32) (fd int, err error) {
	var _p0buf pathBuf
	_p0, err := cString(&_p0buf, path)
	if err != nil {
		return
	}
	_r0, _, _e1 := syscall.Syscall6(SYS_OPENAT, uintptr(dirfd), uintptr(_p0), uintptr(flags|O_LARGEFILE), uintptr(mode), 0, 0)
	fd = int(_r0)
	if _e1 != 0 {
		err = errnoErr(_e1)
	}
	return
}
`,
  },
  {
    name: "pages: an offset in pages, EINVAL when unaligned; a mapping result",
    input: wrapper({
      goName: "Mmap",
      doc: "Mmap maps length bytes of fd at offset into memory.",
      params: [
        { name: "addr", goType: "uintptr" },
        { name: "length", goType: "int" },
        { name: "prot", goType: "int" },
        { name: "flags", goType: "int" },
        { name: "fd", goType: "int" },
        { name: "offset", goType: "int64" },
      ],
      results: [{ kind: "mapping", name: "data", lengthParam: "length" }],
      prepare: [{ kind: "pages", param: "offset", pageSize: 4096 }],
      calls: [call("mmap2", "Syscall6", [v("addr"), v("length"), v("prot"), v("flags"), v("fd"), step(0)])],
    }),
    output: `// Mmap maps length bytes of fd at offset into memory.
func Mmap(addr uintptr, length int, prot int, flags int, fd int, offset int64) (data []byte, err error) {
	if offset%4096 != 0 {
		err = syscall.EINVAL
		return
	}
	_p0 := uintptr(offset / 4096)
	_r0, _, _e1 := syscall.Syscall6(SYS_MMAP2, uintptr(addr), uintptr(length), uintptr(prot), uintptr(flags), uintptr(fd), uintptr(_p0))
	if _e1 != 0 {
		err = errnoErr(_e1)
	}
	if err == nil {
		data = mapping(_r0, int(length))
	}
	return
}
`,
  },
  {
    name: "mapping: a whole mapping's address, EINVAL for anything else",
    input: wrapper({
      goName: "Munmap",
      doc: "Munmap unmaps b, a mapping Mmap returned.",
      params: [{ name: "b", goType: "[]byte" }],
      prepare: [{ kind: "mapping", param: "b" }],
      calls: [call("munmap", "Syscall", [step(0), len("b"), zero])],
    }),
    output: `// Munmap unmaps b, a mapping Mmap returned.
func Munmap(b []byte) (err error) {
	if len(b) == 0 || len(b) != cap(b) {
		err = syscall.EINVAL
		return
	}
	_p0 := unsafe.Pointer(&b[0])
	_, _, _e1 := syscall.Syscall(SYS_MUNMAP, uintptr(_p0), uintptr(len(b)), 0)
	if _e1 != 0 {
		err = errnoErr(_e1)
	}
	return
}
`,
  },
  {
    name: "pair: a []int of two passed as an int32[2] and copied back",
    input: wrapper({
      goName: "Pipe2",
      doc: "Pipe2 creates a pipe.",
      params: [{ name: "p", goType: "[]int" }, { name: "flags", goType: "int" }],
      prepare: [{ kind: "pair", param: "p" }],
      calls: [call("pipe2", "RawSyscall", [step(0), v("flags"), zero])],
    }),
    output: `// Pipe2 creates a pipe.
func Pipe2(p []int, flags int) (err error) {
	if len(p) != 2 {
		err = syscall.EINVAL
		return
	}
	var _p0 [2]int32
	_, _, _e1 := syscall.RawSyscall(SYS_PIPE2, uintptr(unsafe.Pointer(&_p0)), uintptr(flags), 0)
	if _e1 != 0 {
		err = errnoErr(_e1)
	}
	if err == nil {
		p[0], p[1] = int(_p0[0]), int(_p0[1])
	}
	return
}
`,
  },
  {
    name: "resultPair: a [2]int result the kernel fills as an int32[2]",
    input: wrapper({
      goName: "Socketpair",
      doc: "Socketpair creates a pair of connected sockets.",
      params: [{ name: "domain", goType: "int" }, { name: "typ", goType: "int" }, { name: "proto", goType: "int" }],
      results: [{ kind: "memory", name: "fd", goType: "[2]int" }],
      prepare: [{ kind: "resultPair", result: "fd" }],
      calls: [call("socketpair", "RawSyscall6", [v("domain"), v("typ"), v("proto"), step(0), zero, zero])],
    }),
    output: `// Socketpair creates a pair of connected sockets.
func Socketpair(domain int, typ int, proto int) (fd [2]int, err error) {
	var _p0 [2]int32
	_, _, _e1 := syscall.RawSyscall6(SYS_SOCKETPAIR, uintptr(domain), uintptr(typ), uintptr(proto), uintptr(unsafe.Pointer(&_p0)), 0, 0)
	if _e1 != 0 {
		err = errnoErr(_e1)
	}
	if err == nil {
		fd[0], fd[1] = int(_p0[0]), int(_p0[1])
	}
	return
}
`,
  },
  {
    name: "a result written through its address, with a 64-bit parameter split by hand",
    input: wrapper({
      goName: "Seek",
      doc: "Seek sets the file offset of fd.",
      params: [{ name: "fd", goType: "int" }, { name: "offset", goType: "int64" }, { name: "whence", goType: "int" }],
      results: [{ kind: "memory", name: "off", goType: "int64" }],
      calls: [call("_llseek", "Syscall6", [v("fd"), { kind: "high", param: "offset" }, { kind: "low", param: "offset" }, { kind: "resultAddress", result: "off" }, v("whence"), zero])],
    }),
    output: `// Seek sets the file offset of fd.
func Seek(fd int, offset int64, whence int) (off int64, err error) {
	_, _, _e1 := syscall.Syscall6(SYS__LLSEEK, uintptr(fd), uintptr(offset>>32), uintptr(offset), uintptr(unsafe.Pointer(&off)), uintptr(whence), 0)
	if _e1 != 0 {
		err = errnoErr(_e1)
	}
	return
}
`,
  },
  {
    name: "time64 in: a 64-bit-time copy filled from the input, never copied back",
    input: wrapper({
      goName: "ClockSettime",
      doc: "ClockSettime sets the clock clockid to ts.",
      params: [{ name: "clockid", goType: "int32" }, { name: "ts", goType: "*Timespec", direction: "in" }],
      prepare: [{ kind: "time64", param: "ts", secType: "int32", nsecType: "int32", copyIn: true, copyOut: false }],
      calls: [call("clock_settime64", "Syscall", [v("clockid"), step(0), zero])],
    }),
    output: `// ClockSettime sets the clock clockid to ts.
func ClockSettime(clockid int32, ts *Timespec) (err error) {
	var _p0 unsafe.Pointer
	var _p0t timespec64
	if ts != nil {
		_p0t = timespec64{Sec: int64(ts.Sec), Nsec: int64(ts.Nsec)}
		_p0 = unsafe.Pointer(&_p0t)
	}
	_, _, _e1 := syscall.Syscall(SYS_CLOCK_SETTIME64, uintptr(clockid), uintptr(_p0), 0)
	if _e1 != 0 {
		err = errnoErr(_e1)
	}
	return
}
`,
  },
  {
    name: "time64 out: an empty copy the kernel fills, copied back, EOVERFLOW when Sec does not fit",
    input: wrapper({
      goName: "ClockGettime",
      doc: "ClockGettime reads the clock clockid into ts.",
      params: [{ name: "clockid", goType: "int32" }, { name: "ts", goType: "*Timespec", direction: "out" }],
      prepare: [{ kind: "time64", param: "ts", secType: "int32", nsecType: "int32", copyIn: false, copyOut: true }],
      calls: [call("clock_gettime64", "RawSyscall", [v("clockid"), step(0), zero])],
    }),
    output: `// ClockGettime reads the clock clockid into ts.
func ClockGettime(clockid int32, ts *Timespec) (err error) {
	var _p0 unsafe.Pointer
	var _p0t timespec64
	if ts != nil {
		_p0 = unsafe.Pointer(&_p0t)
	}
	_, _, _e1 := syscall.RawSyscall(SYS_CLOCK_GETTIME64, uintptr(clockid), uintptr(_p0), 0)
	if _e1 != 0 {
		err = errnoErr(_e1)
	}
	if ts != nil {
		ts.Sec, ts.Nsec = int32(_p0t.Sec), int32(_p0t.Nsec)
		if int64(ts.Sec) != _p0t.Sec && err == nil {
			err = syscall.EOVERFLOW
		}
	}
	return
}
`,
  },
  {
    name: "time64 inout, after another step: filled from the caller's value and copied back",
    input: wrapper({
      goName: "Ppoll",
      doc: "Ppoll waits for one of fds to be ready, for at most timeout; the time left is stored back in timeout.",
      params: [{ name: "fds", goType: "[]PollFd" }, { name: "timeout", goType: "*Timespec", direction: "inout" }],
      results: [{ kind: "return", name: "n", goType: "int" }],
      prepare: [{ kind: "slice", param: "fds" }, { kind: "time64", param: "timeout", secType: "int32", nsecType: "int32", copyIn: true, copyOut: true }],
      calls: [call("ppoll_time64", "Syscall6", [step(0), len("fds"), step(1), zero, zero, zero])],
    }),
    output: `// Ppoll waits for one of fds to be ready, for at most timeout; the time left is stored back in timeout.
func Ppoll(fds []PollFd, timeout *Timespec) (n int, err error) {
	var _p0 unsafe.Pointer
	if len(fds) > 0 {
		_p0 = unsafe.Pointer(&fds[0])
	} else {
		_p0 = unsafe.Pointer(&_zero)
	}
	var _p1 unsafe.Pointer
	var _p1t timespec64
	if timeout != nil {
		_p1t = timespec64{Sec: int64(timeout.Sec), Nsec: int64(timeout.Nsec)}
		_p1 = unsafe.Pointer(&_p1t)
	}
	_r0, _, _e1 := syscall.Syscall6(SYS_PPOLL_TIME64, uintptr(_p0), uintptr(len(fds)), uintptr(_p1), 0, 0, 0)
	n = int(_r0)
	if _e1 != 0 {
		err = errnoErr(_e1)
	}
	if timeout != nil {
		timeout.Sec, timeout.Nsec = int32(_p1t.Sec), int32(_p1t.Nsec)
		if int64(timeout.Sec) != _p1t.Sec && err == nil {
			err = syscall.EOVERFLOW
		}
	}
	return
}
`,
  },
  {
    name: "statx: a Stat_t filled from a Statx_t, through the empty path",
    input: wrapper({
      goName: "Fstat",
      doc: "Fstat stores the status of fd in stat.",
      params: [{ name: "fd", goType: "int" }, { name: "stat", goType: "*Stat_t", direction: "out" }],
      prepare: [
        {
          kind: "statx",
          param: "stat",
          fieldTypes: { Dev: "uint64", Ino: "uint64", Mode: "uint32", Nlink: "uint32", Uid: "uint32", Gid: "uint32", Rdev: "uint64", Size: "int64", Blksize: "int32", Blocks: "int64", Atim: "Timespec", Mtim: "Timespec", Ctim: "Timespec" },
          secType: "int64",
          nsecType: "int64",
        },
      ],
      calls: [call("statx", "Syscall6", [v("fd"), { kind: "emptyPath" }, { kind: "const", value: 0x1000 }, { kind: "const", value: 0x7ff }, step(0), zero])],
    }),
    output: `// Fstat stores the status of fd in stat.
func Fstat(fd int, stat *Stat_t) (err error) {
	var _p0 Statx_t
	_, _, _e1 := syscall.Syscall6(SYS_STATX, uintptr(fd), uintptr(unsafe.Pointer(&_zero)), 4096, 2047, uintptr(unsafe.Pointer(&_p0)), 0)
	if _e1 != 0 {
		err = errnoErr(_e1)
	}
	if err == nil {
		stat.Dev = uint64(mkdev(_p0.Dev_major, _p0.Dev_minor))
		stat.Ino = uint64(_p0.Ino)
		stat.Mode = uint32(_p0.Mode)
		stat.Nlink = uint32(_p0.Nlink)
		stat.Uid = uint32(_p0.Uid)
		stat.Gid = uint32(_p0.Gid)
		stat.Rdev = uint64(mkdev(_p0.Rdev_major, _p0.Rdev_minor))
		stat.Size = int64(_p0.Size)
		stat.Blksize = int32(_p0.Blksize)
		stat.Blocks = int64(_p0.Blocks)
		stat.Atim = Timespec{Sec: int64(_p0.Atime.Sec), Nsec: int64(_p0.Atime.Nsec)}
		stat.Mtim = Timespec{Sec: int64(_p0.Mtime.Sec), Nsec: int64(_p0.Mtime.Nsec)}
		stat.Ctim = Timespec{Sec: int64(_p0.Ctime.Sec), Nsec: int64(_p0.Ctime.Nsec)}
	}
	return
}
`,
  },
  {
    name: "words in a memory block, whose address is the one register word",
    input: wrapper({
      goName: "OldMmap",
      doc: "OldMmap maps memory through i386's old mmap.",
      params: [{ name: "addr", goType: "uintptr" }, { name: "length", goType: "int" }, { name: "fd", goType: "int" }, { name: "offset", goType: "uintptr" }],
      results: [{ kind: "mapping", name: "data", lengthParam: "length" }],
      calls: [call("mmap", "Syscall", [{ kind: "block" }, zero, zero], { block: [v("addr"), v("length"), { kind: "const", value: 3 }, { kind: "const", value: 0x22 }, v("fd"), v("offset")] })],
    }),
    output: `// OldMmap maps memory through i386's old mmap.
func OldMmap(addr uintptr, length int, fd int, offset uintptr) (data []byte, err error) {
	_block := [6]uintptr{uintptr(addr), uintptr(length), 3, 34, uintptr(fd), uintptr(offset)}
	_r0, _, _e1 := syscall.Syscall(SYS_MMAP, uintptr(unsafe.Pointer(&_block)), 0, 0)
	if _e1 != 0 {
		err = errnoErr(_e1)
	}
	if err == nil {
		data = mapping(_r0, int(length))
	}
	return
}
`,
  },
  {
    name: "a guarded call: made when the parameter has the value, the next call otherwise",
    input: wrapper({
      goName: "Dup3",
      doc: "Dup3 makes newfd a copy of oldfd.",
      params: [{ name: "oldfd", goType: "int" }, { name: "newfd", goType: "int" }, { name: "flags", goType: "int" }],
      results: [{ kind: "return", name: "fd", goType: "int" }],
      calls: [
        call("dup2", "Syscall", [v("oldfd"), v("newfd"), zero], { guards: [{ param: "flags", value: 0 }] }),
        call("dup3", "Syscall", [v("oldfd"), v("newfd"), v("flags")]),
      ],
    }),
    output: `// Dup3 makes newfd a copy of oldfd.
func Dup3(oldfd int, newfd int, flags int) (fd int, err error) {
	var _r0 uintptr
	var _e1 syscall.Errno
	if flags == 0 {
		_r0, _, _e1 = syscall.Syscall(SYS_DUP2, uintptr(oldfd), uintptr(newfd), 0)
	} else {
		_r0, _, _e1 = syscall.Syscall(SYS_DUP3, uintptr(oldfd), uintptr(newfd), uintptr(flags))
	}
	fd = int(_r0)
	if _e1 != 0 {
		err = errnoErr(_e1)
	}
	return
}
`,
  },
  {
    name: "a guarded call, then a newer entry whose ENOSYS becomes another errno; a step both share",
    input: wrapper({
      goName: "Fchmodat",
      doc: "Fchmodat changes the mode bits of path, relative to dirfd.",
      params: [{ name: "dirfd", goType: "int" }, { name: "path", goType: "string" }, { name: "mode", goType: "uint32" }, { name: "flags", goType: "int" }],
      prepare: [{ kind: "path", param: "path" }],
      calls: [
        call("fchmodat", "Syscall", [v("dirfd"), step(0), v("mode")], { guards: [{ param: "flags", value: 0 }] }),
        call("fchmodat2", "Syscall6", [v("dirfd"), step(0), v("mode"), v("flags"), zero, zero], { newer: { since: "6.6", missing: { kind: "errno", errno: "EOPNOTSUPP" } } }),
      ],
    }),
    output: `// Fchmodat changes the mode bits of path, relative to dirfd.
//
// It calls fchmodat when flags is 0, otherwise fchmodat2 (Linux 6.6 and later; EOPNOTSUPP on older kernels).
func Fchmodat(dirfd int, path string, mode uint32, flags int) (err error) {
	var _p0buf pathBuf
	_p0, err := cString(&_p0buf, path)
	if err != nil {
		return
	}
	var _e1 syscall.Errno
	if flags == 0 {
		_, _, _e1 = syscall.Syscall(SYS_FCHMODAT, uintptr(dirfd), uintptr(_p0), uintptr(mode))
	} else {
		_, _, _e1 = syscall.Syscall6(SYS_FCHMODAT2, uintptr(dirfd), uintptr(_p0), uintptr(mode), uintptr(flags), 0, 0)
		if _e1 == syscall.ENOSYS {
			_e1 = EOPNOTSUPP
		}
	}
	if _e1 != 0 {
		err = errnoErr(_e1)
	}
	return
}
`,
  },
  {
    name: "an ENOSYS fallback chain: a newer entry, then the older one on kernels without it",
    input: wrapper({
      goName: "Close",
      doc: "Close closes the file descriptor fd.",
      params: [{ name: "fd", goType: "int" }],
      calls: [call("close_range", "Syscall", [v("fd"), v("fd"), zero], { newer: { since: "5.9", missing: { kind: "next" } } }), call("close", "Syscall", [v("fd"), zero, zero])],
    }),
    output: `// Close closes the file descriptor fd.
//
// It calls close_range (Linux 5.9 and later), or on older kernels close.
func Close(fd int) (err error) {
	var _e1 syscall.Errno
	_, _, _e1 = syscall.Syscall(SYS_CLOSE_RANGE, uintptr(fd), uintptr(fd), 0)
	if _e1 == syscall.ENOSYS {
		_, _, _e1 = syscall.Syscall(SYS_CLOSE, uintptr(fd), 0, 0)
	}
	if _e1 != 0 {
		err = errnoErr(_e1)
	}
	return
}
`,
  },
  {
    name: "a guard, a fallback chain inside its else branch, and no error result: the errno is still read",
    input: wrapper({
      goName: "Flush",
      doc: "Flush writes cached data to disk.",
      params: [{ name: "fd", goType: "int" }, { name: "flags", goType: "int" }],
      hasError: false,
      calls: [
        call("syncfs", "Syscall", [v("fd"), zero, zero], { guards: [{ param: "flags", value: 0 }] }),
        call("sync_file", "Syscall", [v("fd"), v("flags"), zero], { newer: { since: "6.20", missing: { kind: "next" } } }),
        call("sync", "Syscall", [zero, zero, zero]),
      ],
    }),
    output: `// Flush writes cached data to disk.
//
// It calls syncfs when flags is 0, otherwise sync_file (Linux 6.20 and later), or on older kernels sync.
func Flush(fd int, flags int) {
	var _e1 syscall.Errno
	if flags == 0 {
		_, _, _e1 = syscall.Syscall(SYS_SYNCFS, uintptr(fd), 0, 0)
	} else {
		_, _, _e1 = syscall.Syscall(SYS_SYNC_FILE, uintptr(fd), uintptr(flags), 0)
		if _e1 == syscall.ENOSYS {
			_, _, _e1 = syscall.Syscall(SYS_SYNC, 0, 0, 0)
		}
	}
}
`,
  },
];

describe("a wrapper prints as written by hand", () => {
  test.each(wrapperGoldens)("$name", ({ input, output }) => {
    expect(printWrapper(input)).toBe(output);
  });

  test("every expected wrapper is what gofmt prints", () => {
    const file = `package rawsys\n\n${wrapperGoldens.map((g) => g.output).join("\n")}`;
    expect(gofmt(file)).toBe(file);
  });
});

describe("structs and constant blocks print as written by hand", () => {
  // arm's struct flock64: Go aligns int64 to 4 on 32-bit arches, C to 8, so the padding is explicit.
  const flock: StructIR = {
    name: "Flock_t",
    cName: "struct flock64",
    size: 32,
    align: 8,
    fields: [
      { name: "Type", goType: "int16", offset: 0, size: 2 },
      { name: "Whence", goType: "int16", offset: 2, size: 2 },
      { name: "_", goType: "[4]byte", offset: 4, size: 4 },
      { name: "Start", goType: "int64", offset: 8, size: 8 },
      { name: "Len", goType: "int64", offset: 16, size: 8 },
      { name: "Pid", goType: "int32", offset: 24, size: 4 },
      { name: "_", goType: "[4]byte", offset: 28, size: 4 },
    ],
  };
  const flockGo = `// Flock_t is the kernel's struct flock64 (32 bytes).
type Flock_t struct {
	Type   int16
	Whence int16
	_      [4]byte
	Start  int64
	Len    int64
	Pid    int32
	_      [4]byte
}
`;
  const hex: ConstantGroupIR = {
    doc: "Flags for openat.",
    radix: "hex",
    constants: [
      { name: "AT_FDCWD", value: -100n },
      { name: "O_LARGEFILE", value: 0x8000n },
      { name: "O_CLOEXEC", value: 0x80000n },
      { name: "MAX", value: 0xffffffffffffffffn },
    ],
  };
  const hexGo = `// Flags for openat.
const (
	AT_FDCWD    = -0x64
	O_LARGEFILE = 0x8000
	O_CLOEXEC   = 0x80000
	MAX         = 0xffffffffffffffff
)
`;
  const typed: ConstantGroupIR = {
    doc: "Error numbers, from the kernel headers.",
    goType: "syscall.Errno",
    radix: "decimal",
    constants: [
      { name: "EPERM", value: 1n },
      { name: "ENOENT", value: 2n },
    ],
  };
  const typedGo = `// Error numbers, from the kernel headers.
const (
	EPERM  = syscall.Errno(1)
	ENOENT = syscall.Errno(2)
)
`;

  test("a struct with padding", () => {
    expect(printStruct(flock)).toBe(flockGo);
  });

  test("an untyped hex constant group, a negative value included", () => {
    expect(printConstantGroup(hex)).toBe(hexGo);
  });

  test("a typed decimal constant group", () => {
    expect(printConstantGroup(typed)).toBe(typedGo);
  });

  test("every expected block is what gofmt prints", () => {
    const file = `package rawsys\n\n${[flockGo, hexGo, typedGo].join("\n")}`;
    expect(gofmt(file)).toBe(file);
  });
});

describe("the package's files", () => {
  const arch = (goarch: "amd64" | "arm", own: Partial<ArchIR>): ArchIR => ({
    goarch,
    bits: goarch === "arm" ? 32 : 64,
    endian: "little",
    kernelVersion: "6.12.1",
    sysnums: [],
    structs: [],
    constants: [],
    wrappers: [],
    absent: [],
    ...own,
  });
  const getpid = (number: number): Partial<ArchIR> => ({
    sysnums: [{ goName: "SYS_GETPID", kernelName: "getpid", number }],
    wrappers: [wrapper({ goName: "Getpid", doc: "Getpid returns the process ID.", results: [{ kind: "return", name: "pid", goType: "int" }], hasError: false, calls: [call("getpid", "RawSyscall", [zero, zero, zero])] })],
  });
  const constants = (pageSize: bigint): ConstantGroupIR[] => [{ doc: "Memory.", radix: "hex", constants: [{ name: "PROT_READ", value: 1n }, { name: "PAGE_SIZE", value: pageSize }] }];
  const irs = [
    arch("amd64", { ...getpid(39), constants: constants(0x1000n) }),
    arch("arm", { ...getpid(20), constants: constants(0x1000n), structs: [{ name: "Sigset_t", cName: "sigset_t", size: 8, align: 4, fields: [{ name: "Val", goType: "[2]uint32", offset: 0, size: 8 }] }] }),
  ];
  const { shared, perArch } = emitGo(irs, "rawsys");
  const content = (files: { path: string; content: string }[], path: string) => files.find((f) => f.path === path)?.content;
  const header = (build: string, source = "") => `// Code generated by syscallgen${source}; DO NOT EDIT.\n\n//go:build ${build}\n\n`;
  const sharedBuild = "linux && (amd64 || arm)";

  test("are the support file, then shared and per-arch files for errors, calls, numbers and types", () => {
    expect(shared.map((f) => f.path)).toEqual(["go/rawsys/rawsys.go", "go/rawsys/zerrors_linux.go", "go/rawsys/zsyscall_linux.go", "go/rawsys/ztypes_linux.go"]);
    expect(perArch.get("arm")!.map((f) => f.path)).toEqual([
      "go/rawsys/zerrors_linux_arm.go",
      "go/rawsys/zsyscall_linux_arm.go",
      "go/rawsys/zsysnum_linux_arm.go",
      "go/rawsys/ztypes_linux_arm.go",
    ]);
  });

  test("the support file is runtime/support.go under the generated-code header, renamed with the package", () => {
    expect(content(shared, "go/rawsys/rawsys.go")).toBe(header(sharedBuild) + supportSourceAs("rawsys"));
    const renamed = printSupport("helpersys", "linux && arm");
    expect(renamed.startsWith(header("linux && arm"))).toBe(true);
    expect(renamed).toContain("\n// Package helpersys makes Linux system calls");
    expect(renamed).toContain("\npackage helpersys\n");
    expect(renamed).not.toContain("rawsys");
  });

  test("a declaration the same on every arch is printed once, in the shared file", () => {
    expect(content(shared, "go/rawsys/zsyscall_linux.go")).toBe(
      `${header(sharedBuild)}package rawsys

import (
	"syscall"
)

// Getpid returns the process ID.
func Getpid() (pid int) {
	_r0, _, _ := syscall.RawSyscall(SYS_GETPID, 0, 0, 0)
	pid = int(_r0)
	return
}
`,
    );
    expect(content(perArch.get("amd64")!, "go/rawsys/zsyscall_linux_amd64.go")).toBe(`${header("linux && amd64")}package rawsys\n`);
  });

  test("constants are shared line by line; a struct only one arch has goes to its file", () => {
    expect(content(shared, "go/rawsys/zerrors_linux.go")).toBe(`${header(sharedBuild)}package rawsys

// Memory.
const (
	PROT_READ = 0x1
	PAGE_SIZE = 0x1000
)
`);
    expect(content(shared, "go/rawsys/ztypes_linux.go")).toBe(`${header(sharedBuild)}package rawsys\n`);
    expect(content(perArch.get("arm")!, "go/rawsys/ztypes_linux_arm.go")).toBe(`${header("linux && arm")}package rawsys

// Sigset_t is the kernel's sigset_t (8 bytes).
type Sigset_t struct {
	Val [2]uint32
}
`);
  });

  test("each arch's syscall numbers, from its kernel's table", () => {
    expect(content(perArch.get("arm")!, "go/rawsys/zsysnum_linux_arm.go")).toBe(`${header("linux && arm", " from the Linux 6.12.1 syscall table")}package rawsys

// System call numbers on arm, from the kernel's syscall table.
const (
	SYS_GETPID = 20
)
`);
  });
});
