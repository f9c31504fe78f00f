#!/bin/busybox sh
# /init of the kernel tests' initramfs (busybox-static). It runs the phases the
# host asks for on the kernel command line (unknown name=value parameters
# reach /init as its environment), prints one line per check, "... PASS ..."
# or "... FAIL ...", then "KTEST DONE failures=N", and reboots; qemu runs with
# -no-reboot, so that ends the VM. The host side (*.kernel.ts) asserts on
# these lines and on the kernel's own, and scans the console for kernel
# reports (test/support/console-scan.ts).
#
#   KTEST_EPROG=1          the eprog driver's checks, through /sys/kernel/debug/eprog
#   KTEST_SGWTEST=1        the call runtime's checks with sgwtest (its hostile helper)
#   KTEST_SGWBENCH=1       the call benchmark (npm run bench): SGW_ROUNDS rounds of
#                          the raw baseline and 1 caller, SGW_CALLS calls a run
#   KTEST_FWSCAN=1         the fwscan example driver's checks (a module, or built in)
#   KTEST_RAWSYS=1         the rawsys runtime tests (test/go/runtime), /bin/rawsys.test
#   KTEST_MODULES=a,b      insmod/rmmod each /lib/modules/<name>.ko MODULE_CYCLES
#                          times, with the traffic of traffic_<name> between
#   (kmemleak)             when the kernel has it: two scans after the phases above
#   KTEST_CANARY=k1,k2     after "KTEST CANARY BEGIN", make the kernel print
#                          each kind of report with kcanary's provoke file

/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t debugfs debugfs /sys/kernel/debug
mount -t devtmpfs devtmpfs /dev 2>/dev/null

failures=0

# Waits up to $2 seconds (tenths of a second are polled) for "$1" to succeed.
wait_for() {
	i=0
	while [ "$i" -lt "$(($2 * 10))" ]; do
		eval "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}


ktest_pass() { echo "KTEST PASS $*"; }
ktest_fail() { echo "KTEST FAIL $*"; failures=$((failures + 1)); }

# The traffic between a module's insmod and rmmod: traffic_<name> if defined.
traffic() {
	if type "traffic_$1" >/dev/null 2>&1; then
		"traffic_$1" "$2"
	fi
}

# kcanary: 50 round trips through its work item, all counted.
traffic_kcanary() {
	echo 50 >/sys/kernel/debug/kcanary/ping &&
		grep -q '^pings=50 ' /sys/kernel/debug/kcanary/ping
}

# insmod, traffic, rmmod, $MODULE_CYCLES times; then the module must be gone.
module_cycles() {
	ko=/lib/modules/$1.ko
	ok=0
	n=1
	while [ "$n" -le "$MODULE_CYCLES" ]; do
		if insmod "$ko" && traffic "$1" "$n" && rmmod "$1"; then
			ok=$((ok + 1))
		else
			echo "KTEST module $1: cycle $n failed"
			rmmod "$1" 2>/dev/null
		fi
		n=$((n + 1))
	done
	if [ "$ok" -eq "$MODULE_CYCLES" ] && [ ! -e "/sys/module/$1" ]; then
		ktest_pass "module $1: $ok/$MODULE_CYCLES insmod/rmmod cycles"
	else
		ktest_fail "module $1: $ok/$MODULE_CYCLES insmod/rmmod cycles"
	fi
}

# kmemleak reports an object that nothing points to, at least 5 s old, whose
# contents have not changed since the previous scan: two scans, 5 s apart.
# It prints what it found (the kernel prints the count too).
kmemleak_check() {
	echo scan >/sys/kernel/debug/kmemleak
	sleep 5
	echo scan >/sys/kernel/debug/kmemleak
	leaks=$(grep -c '^unreferenced object' /sys/kernel/debug/kmemleak)
	if [ "$leaks" -eq 0 ]; then
		ktest_pass "kmemleak: no leaks"
	else
		sed 's/^/KTEST kmemleak: /' /sys/kernel/debug/kmemleak
		ktest_fail "kmemleak: $leaks unreferenced objects"
	fi
}

# Each kind in $KTEST_CANARY, provoked through kcanary; the host checks that
# the console scanner finds a report of each kind after the BEGIN line.
canary() {
	echo "KTEST CANARY BEGIN"
	[ -e /sys/module/kcanary ] || insmod /lib/modules/kcanary.ko
	P=/sys/kernel/debug/kcanary/provoke
	for kind in $(echo "$KTEST_CANARY" | tr , ' '); do
		case $kind in
		hung)
			# Reported within two checks of khungtaskd (every timeout).
			echo 1 >/proc/sys/kernel/hung_task_timeout_secs
			echo hung >"$P"
			wait_for 'dmesg | grep -q "INFO: task kcanary-hung:"' 20
			;;
		leak)
			# The first of kmemleak's two scans; the second, at the end.
			echo leak >"$P"
			leaked_at=$(cut -d. -f1 /proc/uptime)
			echo scan >/sys/kernel/debug/kmemleak
			;;
		*)
			echo "$kind" >"$P"
			;;
		esac
		# Through printk, not the console: a report may still be printing, and a
		# line of ours written into it could split its stamp and hide it.
		echo "KTEST CANARY provoked $kind" >/dev/kmsg
	done
	if [ -n "$leaked_at" ]; then
		while [ $(($(cut -d. -f1 /proc/uptime) - leaked_at)) -lt 6 ]; do sleep 1; done
		echo scan >/sys/kernel/debug/kmemleak
	fi
	echo "KTEST CANARY END"
}

# ---- eprog ----
D=/sys/kernel/debug/eprog
ROUND_TRIPS=${ROUND_TRIPS:-100}

pass() { echo "EPROG-TEST PASS $*"; }
fail() { echo "EPROG-TEST FAIL $*"; failures=$((failures + 1)); }

# A field of the driver's stats file (the runtime's counters), e.g. field respawns.
field() { sed -n "s/^$1: //p" "$D/stats"; }

# Sends a request; prints the driver's answer, as "request" reads it back.
request() {
	printf '%s' "$1" > "$D/request" 2>/dev/null
	rc=$?
	cat "$D/request"
	return $rc
}

# One echo request: the text and a + b must come back.
echo_ok() {
	want="status=0 value=$(($2 + $3)) data=$4"
	got=$(request "echo $2 $3 $4")
	if [ "$got" = "$want" ]; then
		return 0
	fi
	echo "EPROG-TEST $1: sent \"echo $2 $3 $4\", want \"$want\", got \"$got\""
	return 1
}

# A helper runs and answers a call (a call waits, within its timeout, for a
# helper that is starting).
helper_up() { [ "$(field helper_pid)" != 0 ] && request "echo 0 0 up" >/dev/null; }

# The first helper log line starting with $1, with its printk level as dmesg -r
# shows it and without its timestamp (which would make it look like a kernel
# line on the console).
kmsg() {
	echo "EPROG-TEST kmsg: $(dmesg -r | sed -n "s/^\(<[0-9]*>\)\[[ 0-9.]*\] \(eprog: helper: $1\)/\1 \2/p" | head -n 1)"
}

# The eprog example driver, through its debugfs files.
eprog_checks() {
	if [ ! -d "$D" ]; then
		fail "no $D"
		echo "EPROG-TEST DONE failures=$failures"
		return
	fi

	if wait_for helper_up 120; then
		pass "handshake: helper pid $(field helper_pid) up"
	else
		fail "handshake: helper not up after 120 s"
	fi
	kmsg "helper ready"

	# Round trips: every text differs, every sum too, negative numbers included.
	ok=0
	n=1
	while [ "$n" -le "$ROUND_TRIPS" ]; do
		a=$((RANDOM * n - 40000))
		b=$((n * 1000003 - RANDOM))
		text="rt#$n $RANDOM:$RANDOM {~!@%^&*()_+=-[]|;'<>,.?/} $a"
		echo_ok "round trip $n" "$a" "$b" "$text" && ok=$((ok + 1))
		n=$((n + 1))
	done
	if [ "$ok" -eq "$ROUND_TRIPS" ]; then
		pass "round trips: $ok/$ROUND_TRIPS"
	else
		fail "round trips: $ok/$ROUND_TRIPS"
	fi

	# A longest text: 127 bytes, the wire's bound.
	long=$(printf '%0127d' 7)
	if echo_ok "long text" 1 2 "$long"; then
		pass "127-byte text"
	else
		fail "127-byte text"
	fi

	got=$(request "read_file /proc/version")
	case "$got" in
	"status=0 value="*" data=Linux version "*) pass "read_file /proc/version: ${got%%(*}" ;;
	*) fail "read_file /proc/version: got \"$got\"" ;;
	esac

	# A malformed frame (a status with a non-zero pad byte, sent before the
	# reply): skipped and counted, the stream still in step, the same helper.
	bad=$(field bad_frames)
	lost=$(field lost_streams)
	pid=$(field helper_pid)
	got=$(request "garbage")
	if [ "$got" = "status=0 value=0 data=sent a malformed status" ] &&
		[ "$(field bad_frames)" = $((bad + 1)) ]; then
		pass "garbage: call answered, bad_frames $bad -> $(field bad_frames)"
	else
		fail "garbage: got \"$got\", bad_frames $bad -> $(field bad_frames)"
	fi
	if echo_ok "after garbage" 20 22 "still talking" &&
		[ "$(field helper_pid)" = "$pid" ] && [ "$(field lost_streams)" = "$lost" ]; then
		pass "after garbage: same helper pid $pid answers, lost_streams $lost"
	else
		fail "after garbage: pid $pid -> $(field helper_pid), lost_streams $lost -> $(field lost_streams)"
	fi

	# The helper exits on request: its call fails, the runtime starts a new
	# helper, traffic resumes.
	respawns=$(field respawns)
	pid=$(field helper_pid)
	got=$(request "exit")
	echo "EPROG-TEST exit request: rc $?, $got"
	if [ "$got" = "error=-104" ] &&
		wait_for '[ "$(field respawns)" = $((respawns + 1)) ] && helper_up' 60 &&
		echo_ok "after exit" 5 -7 "back after exit"; then
		pass "exit: respawned, pid $pid -> $(field helper_pid)"
	else
		fail "exit: got \"$got\", respawns $(field respawns), pid $(field helper_pid)"
	fi
	kmsg "exit requested"

	# SIGKILL from user space: the same, for a helper that did not choose to go.
	respawns=$(field respawns)
	pid=$(field helper_pid)
	kill -9 "$pid"
	if wait_for '[ "$(field respawns)" = $((respawns + 1)) ] && helper_up' 60 &&
		echo_ok "after kill" 1000 2000 "back after kill"; then
		pass "kill: respawned, pid $pid -> $(field helper_pid)"
	else
		fail "kill: respawns $(field respawns), pid $(field helper_pid)"
	fi

	# A few more round trips on the respawned helper.
	ok=0
	for n in 1 2 3 4 5 6 7 8 9 10; do
		echo_ok "post-respawn $n" "$n" "$((n * n))" "post respawn $n" && ok=$((ok + 1))
	done
	if [ "$ok" -eq 10 ]; then
		pass "post-respawn round trips: $ok/10"
	else
		fail "post-respawn round trips: $ok/10"
	fi

	# The helper sends its status every second: more come.
	statuses=$(field statuses)
	if wait_for '[ "$(field statuses)" -gt "$statuses" ]' 5; then
		pass "status messages: $(field statuses), $(field last_status)"
	else
		fail "no status message"
	fi

	sed 's/^/EPROG-TEST stats: /' "$D/stats"
	echo "EPROG-TEST DONE failures=$failures"
}

# ---- sgwtest: the call runtime's test driver (test/kernel/sgwtest) ----
S=/sys/kernel/debug/sgwtest

# A counter of the driver's stats line, e.g. sgw_stat respawns.
sgw_stat() { tr ' ' '\n' <"$S/stats" | sed -n "s/^$1=//p"; }
# The stats line, labelled, for the host to compare (sgwire-runtime.kernel.ts).
# Through printk, not the console: the driver's and the helper's lines may
# follow at once, and the console would splice them into the middle of ours.
sgw_snap() { echo "SGWTEST stats $1: $(cat "$S/stats")" >/dev/kmsg; }
# A command of the driver's ctl file; the driver prints its result.
sgw() { echo "$*" >"$S/ctl" 2>/dev/null; }
uptime_s() { cut -d. -f1 /proc/uptime; }

# Until an add call succeeds (a helper is up), at most $1 seconds.
sgw_up() {
	end=$(($(uptime_s) + $1))
	until sgw add 1 1; do
		[ "$(uptime_s)" -lt "$end" ] || return 1
		sleep 0.2
	done
}

# Until counter $1 exceeds $2, at most $3 seconds.
sgw_wait() { wait_for "[ \"\$(sgw_stat $1)\" -gt $2 ]" "$3"; }

# A fresh helper, with the back-off at its least: it says bye (mode 9), and
# start runs the next, as a driver would after a bye.
sgw_fresh() {
	b=$(sgw_stat byes)
	sgw mode 9 0 && sgw_wait byes "$b" 30 && sgw start && sgw_up 120
}

# A step: "SGWTEST step NAME", the stats before; sgw_done: the stats after.
sgw_step() { sgw_fresh || echo "SGWTEST no fresh helper for $1"; echo "SGWTEST step $1"; sgw_snap "$1-before"; }
sgw_done() { sgw_snap "$1-after"; }

# After a step that kills the helper: until it is back and answers.
sgw_respawned() { sgw_wait respawns "$1" 60 && sgw_up 120; }

traffic_sgwtest() { sgw_up 120 && sgw stress 2 100 && sgw fill 4 1 && sgw seen 4; }

# The hostile modes of the helper (enum mode of sgwtest.ts: hang 1, late 2,
# flood 3, ctrl 4, noread 5, forkchild 6, midframe 7, garbage 8, bye 9; the
# start modes hsexit, version, rtversion), 8 threads of 1,000 calls, and calls
# cancelled before they were sent. The host checks each step's outcome.
sgwtest_checks() {
	if ! insmod /lib/modules/sgwtest.ko; then
		ktest_fail "sgwtest: insmod"
		return
	fi
	if sgw_up 120; then ktest_pass "sgwtest: helper up"; else ktest_fail "sgwtest: no helper"; fi

	sgw_step stress
	sgw stress 8 1000 && ktest_pass "sgwtest: stress" || ktest_fail "sgwtest: stress"
	sgw_done stress

	sgw_step hang
	r=$(sgw_stat respawns)
	sgw mode 1 0
	sgw quick 101
	sgw_respawned "$r"
	sgw_done hang

	sgw_step late
	l=$(sgw_stat late_replies)
	sgw mode 2 800
	sgw quick 201
	sgw_wait late_replies "$l" 10
	sgw mode 0 0
	sgw quick 202
	sgw_done late

	sgw_step flood
	sgw mode 3 1000
	sgw add 2 3
	sleep 1
	sgw_done flood
	# The rate limit's period (5 s) runs out before the next helper's lines.
	sleep 5

	sgw_step ctrl
	sgw mode 4 0
	sgw add 4 5
	sleep 1
	# Its level as dmesg -r shows it, without the stamp (which would read as a kernel line).
	echo "SGWTEST kmsg: $(dmesg -r | grep 'sgwtest: helper: emerg line' | tail -n 1 | sed 's/\[[ 0-9.]*\] //')"
	sgw_done ctrl

	sgw_step noread
	r=$(sgw_stat respawns)
	sgw mode 5 0
	sgw fill 200 9100 &
	sleep 1
	sgw quick 501
	wait
	sgw_respawned "$r"
	sgw_done noread

	for m in forkchild:6 midframe:7 garbage:8; do
		sgw_step "${m%:*}"
		r=$(sgw_stat respawns)
		sgw mode "${m#*:}" 0
		sgw_respawned "$r"
		sgw_done "${m%:*}"
	done

	for m in hsexit version rtversion; do
		sgw_step "$m"
		b=$(sgw_stat byes)
		echo "$m" >"$S/start_mode"
		sgw mode 9 0 && sgw_wait byes "$b" 30
		r=$(sgw_stat respawns)
		sgw start
		sgw_respawned "$r"
		sgw_done "$m"
	done

	sgw_step bye
	b=$(sgw_stat byes)
	sgw mode 9 0
	sgw_wait byes "$b" 30
	sgw add 6 7
	sgw start
	sgw_up 120
	sgw_done bye

	# Calls that give up before the sender wrote them: the helper stops
	# reading for 4.5 s (under the liveness timeout, 6 s), 100 fills fill the
	# pipe and the queue behind it, then a quick call times out and a probe's
	# caller is killed. Neither may reach the helper; every fill does.
	sgw_step cancel
	sgw pause 4500
	sgw fill 100 9000
	sgw quick 9901
	c=$(sgw_stat calls)
	sgw probe 9902 &
	wait_for "[ \$(sgw_stat calls) -gt $c ]" 10
	kill -9 $!
	wait
	for t in 9901 9902 9000 9099; do sgw seen "$t"; done
	sgw_done cancel

	rmmod sgwtest && ktest_pass "sgwtest: rmmod" || ktest_fail "sgwtest: rmmod"
}

# npm run bench: the call benchmark, and its raw pipe baseline, in this boot.
sgwtest_bench() {
	insmod /lib/modules/sgwtest.ko && sgw_up 120 || { ktest_fail "sgwtest bench: no helper"; return; }
	# Rounds of the baseline and 1 caller, one after the other, so that each pair sees the same
	# noise from the host; then 8 callers twice.
	round=0
	while [ "$round" -lt "$SGW_ROUNDS" ]; do
		sgw rawbench "$SGW_CALLS"
		sgw bench 1 "$SGW_CALLS"
		round=$((round + 1))
	done
	sgw bench 8 $((SGW_CALLS / 8))
	sgw bench 8 $((SGW_CALLS / 8))
	rmmod sgwtest
}

# ---- fwscan: the second example driver (examples/fwscan), a module ----
# FWC1 containers are written to /sys/kernel/debug/fwscan/image, scanned
# (the section table comes back as notifications) and their sections read
# back through the helper. Files live under $FW.
F=/sys/kernel/debug/fwscan
FW=/tmp/fwscan

fw_pass() { echo "FWSCAN-TEST PASS $*"; }
fw_fail() { echo "FWSCAN-TEST FAIL $*"; failures=$((failures + 1)); }

# $1 as $2 little-endian bytes.
fw_le() {
	local v=$1 k=0
	while [ "$k" -lt "$2" ]; do
		printf "\\$(printf '%03o' $((v & 255)))"
		v=$((v >> 8))
		k=$((k + 1))
	done
}

# fw_container OUT FILE:NAME:KIND...: an FWC1 container of the files, in
# order after its 16-byte header and its 32-byte table entries (the format of
# examples/fwscan/helper/container.go), and in OUT.sections what the driver's
# sections file must say of it.
fw_container() {
	out=$1
	shift
	off=$((16 + 32 * $#))
	size=$off
	for s in "$@"; do size=$((size + $(wc -c <"${s%%:*}"))); done
	echo "verdict=ok section=0 sections=$# size=$size" >"$out.sections"
	{
		printf FWC1
		fw_le 1 2
		fw_le $# 2
		fw_le "$size" 4
		fw_le 0 4
		i=0
		for s in "$@"; do
			f=${s%%:*}
			name=${s#*:}
			name=${name%:*}
			len=$(wc -c <"$f")
			crc=$(crc32 <"$f")
			printf '%s' "$name"
			head -c $((16 - ${#name})) /dev/zero
			fw_le "${s##*:}" 1
			fw_le 0 3
			fw_le "$off" 4
			fw_le "$len" 4
			fw_le "$((0x$crc))" 4
			echo "$i $name kind=${s##*:} offset=$off length=$len crc32=$crc" >>"$out.sections"
			off=$((off + len))
			i=$((i + 1))
		done
		for s in "$@"; do cat "${s%%:*}"; done
	} >"$out"
}

# Loads container $1, waiting up to $2 seconds for a helper to answer.
fw_load() { wait_for "cat $1 >$F/image 2>/dev/null" "$2"; }

# Scans what was loaded; the first line of the sections file must be $1.
fw_verdict() {
	got=$(head -n 1 "$F/sections" 2>&1)
	if [ "$got" = "$1" ]; then
		return 0
	fi
	echo "FWSCAN-TEST want \"$1\", got \"$got\""
	return 1
}

# Between insmod and rmmod: a small container (built once: shell is slow
# under TCG) loaded once the helper is up, scanned, and its second section
# read back.
traffic_fwscan() {
	if [ ! -e $FW/t ]; then
		mkdir -p $FW
		echo "a note" >$FW/t0
		head -c 5000 /dev/urandom >$FW/t1
		fw_container $FW/t $FW/t0:note:3 $FW/t1:code:1
	fi
	fw_load $FW/t 60 && cmp -s $F/sections $FW/t.sections &&
		echo 1 >$F/index && cmp -s $F/section $FW/t1
}

fwscan_checks() {
	# A module where the kernel has the User Mode Driver, else built in.
	if [ ! -e /lib/modules/fwscan.ko ]; then
		echo "FWSCAN-TEST built in"
	elif ! insmod /lib/modules/fwscan.ko; then
		fw_fail "insmod"
		return
	fi
	mkdir -p $FW
	# A code section of 4064 bytes, the most one extract reply carries (a
	# 4096-byte frame), a data section of 10000, and 10 small text configs:
	# 12 sections, two sections notifications (8 and 4).
	head -c 4064 /dev/urandom >$FW/code
	head -c 10000 /dev/urandom >$FW/data
	parts="$FW/code:code:1 $FW/data:data:2"
	for i in 0 1 2 3 4 5 6 7 8 9; do
		seq 1 $((i * 7 + 1)) | sed "s/^/cfg$i.key/; s/\$/=on/" >$FW/cfg$i
		parts="$parts $FW/cfg$i:cfg$i:3"
	done
	fw_container $FW/good $parts

	# The first load waits for the helper to start.
	if fw_load $FW/good 60; then
		fw_pass "load: $(wc -c <$FW/good) bytes in chunks of up to 4000"
	else
		fw_fail "load: no helper answered"
	fi
	cat $F/sections >$FW/scan 2>&1
	sed 's/^/FWSCAN-TEST sections: /' $FW/scan
	if cmp -s $FW/scan $FW/good.sections; then
		fw_pass "scan: $(head -n 1 $FW/scan), table as built"
	else
		fw_fail "scan"
		sed 's/^/FWSCAN-TEST expected: /' $FW/good.sections
	fi

	# Every section back, compared with the file it was made of.
	n=0
	ok=0
	for s in $parts; do
		f=${s%%:*}
		echo $n >$F/index
		if cat $F/section >"$f.out" && cmp -s "$f" "$f.out"; then
			ok=$((ok + 1))
		else
			echo "FWSCAN-TEST section $n: $(wc -c <"$f.out") bytes back"
		fi
		n=$((n + 1))
	done
	if [ "$ok" -eq "$n" ]; then fw_pass "extract: $ok/$n sections identical"; else fw_fail "extract: $ok/$n"; fi

	# The largest blob: all of section 0 in one read, so one extract reply.
	echo 0 >$F/index
	dd if=$F/section of=$FW/code.one bs=8192 count=1 2>/dev/null
	if [ "$(wc -c <$FW/code.one)" = 4064 ] && cmp -s $FW/code $FW/code.one; then
		fw_pass "4064-byte round trip in one reply: crc32 $(crc32 <$FW/code) back as $(crc32 <$FW/code.one)"
	else
		fw_fail "4064-byte round trip: $(wc -c <$FW/code.one) bytes"
	fi

	# Four scans at once, each with its whole table.
	for i in 1 2 3 4; do cat $F/sections >$FW/par$i 2>&1 & done
	wait
	ok=0
	for i in 1 2 3 4; do cmp -s $FW/par$i $FW/good.sections && ok=$((ok + 1)); done
	if [ "$ok" -eq 4 ]; then fw_pass "concurrent scans: 4/4"; else fw_fail "concurrent scans: $ok/4"; fi

	# Refused images: the verdict, and no section to extract afterwards.
	size=$(wc -c <$FW/good)
	cp $FW/good $FW/badcrc
	fw_le $((0x$(crc32 <$FW/data) ^ 1)) 4 | dd of=$FW/badcrc bs=1 seek=$((16 + 32 + 28)) conv=notrunc 2>/dev/null
	head -c $((size - 1)) $FW/good >$FW/short
	head -c 3000 /dev/urandom >$FW/junk
	for bad in "badcrc:verdict=bad_crc section=1 sections=1 size=$size" \
		"short:verdict=truncated section=0 sections=0 size=$((size - 1))" \
		"junk:verdict=bad_magic section=0 sections=0 size=3000"; do
		if fw_load "$FW/${bad%%:*}" 5 && fw_verdict "${bad#*:}" && ! cat $F/section >/dev/null 2>&1; then
			fw_pass "refused ${bad%%:*}: ${bad#*:}"
		else
			fw_fail "refused ${bad%%:*}"
		fi
	done

	if [ -e /lib/modules/fwscan.ko ]; then
		if rmmod fwscan && [ ! -e /sys/module/fwscan ]; then fw_pass "rmmod"; else fw_fail "rmmod"; fi
	fi
	echo "FWSCAN-TEST DONE"
}

# ---- rawsys: the Go wrappers' runtime tests, against this kernel ----
# go test -test.v's output, each line after "RAWSYS: " (the host parses it
# as for a native run), then its exit status. No SYSCALLGEN_UNDER_QEMU: no
# ENOSYS is accepted here.
rawsys_checks() {
	mkdir -p /tmp/rawsys
	(cd /tmp/rawsys && TMPDIR=/tmp/rawsys /bin/rawsys.test -test.v -test.count=1 \
		-test.timeout=10m >/tmp/rawsys.out 2>&1)
	rc=$?
	sed 's/^/RAWSYS: /' /tmp/rawsys.out
	if [ "$rc" = 0 ]; then ktest_pass "rawsys: exit 0"; else ktest_fail "rawsys: exit $rc"; fi
}

echo "KTEST cpus: $(nproc)"
if [ -e /proc/sys/kernel/hung_task_timeout_secs ]; then
	echo "KTEST hung_task_timeout_secs: $(cat /proc/sys/kernel/hung_task_timeout_secs)"
fi

if [ "$KTEST_EPROG" = 1 ]; then
	eprog_checks
fi

if [ "$KTEST_SGWTEST" = 1 ]; then
	sgwtest_checks
fi
if [ "$KTEST_SGWBENCH" = 1 ]; then
	SGW_CALLS=${SGW_CALLS:-2000}
	SGW_ROUNDS=${SGW_ROUNDS:-5}
	sgwtest_bench
fi

if [ "$KTEST_FWSCAN" = 1 ]; then
	fwscan_checks
fi

if [ "$KTEST_RAWSYS" = 1 ]; then
	rawsys_checks
fi

MODULE_CYCLES=${MODULE_CYCLES:-20}
for m in $(echo "$KTEST_MODULES" | tr , ' '); do
	module_cycles "$m"
done

if [ -e /sys/kernel/debug/kmemleak ]; then
	kmemleak_check
fi

# Nothing may have tainted the kernel (a WARN, a BUG, a KASAN report) or
# turned lockdep off (a report, or its tables overflowing) by now.
echo "KTEST tainted: $(cat /proc/sys/kernel/tainted)"
if [ -e /proc/lockdep_stats ]; then
	echo "KTEST debug_locks: $(sed -n 's/^ *debug_locks: *//p' /proc/lockdep_stats)"
fi

if [ -n "$KTEST_CANARY" ]; then
	canary
fi

echo "KTEST DONE failures=$failures"
reboot -f
