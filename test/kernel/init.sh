#!/bin/busybox sh
# /init of the eprog kernel test's initramfs (busybox-static). It drives the
# eprog driver through /sys/kernel/debug/eprog and prints one line per check,
# "EPROG-TEST PASS ..." or "EPROG-TEST FAIL ...", then "EPROG-TEST DONE", and
# reboots; qemu runs with -no-reboot, so that ends the VM. The host side
# (eprog.kernel.ts) asserts on these lines and on the driver's own log lines.

/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t debugfs debugfs /sys/kernel/debug
mount -t devtmpfs devtmpfs /dev 2>/dev/null

D=/sys/kernel/debug/eprog
ROUND_TRIPS=${ROUND_TRIPS:-100}
failures=0

pass() { echo "EPROG-TEST PASS $*"; }
fail() { echo "EPROG-TEST FAIL $*"; failures=$((failures + 1)); }

# A field of the driver's stats file, e.g. field respawns.
field() { sed -n "s/^$1: //p" "$D/stats"; }

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

helper_up() { [ "$(field helper_up)" = 1 ]; }

if [ ! -d "$D" ]; then
	fail "no $D"
	reboot -f
fi

if wait_for helper_up 120; then
	pass "handshake: helper pid $(field helper_pid) up"
else
	fail "handshake: helper not up after 120 s"
fi

# The helper's "helper ready" line, with its printk level as dmesg -r shows it.
line=$(dmesg -r | grep 'eprog: helper ready' | head -n 1)
echo "EPROG-TEST kmsg: $line"

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

# A malformed reply: the request fails with EBADMSG, the driver carries on.
badmsg=$(field badmsg)
got=$(request "garbage")
rc=$?
if [ "$rc" -ne 0 ] && [ "$got" = "error=-74" ] && [ "$(field badmsg)" = $((badmsg + 1)) ]; then
	pass "garbage: request failed with $got, badmsg $(field badmsg)"
else
	fail "garbage: rc $rc, got \"$got\", badmsg $(field badmsg)"
fi
if echo_ok "after garbage" 20 22 "still talking" && helper_up; then
	pass "after garbage: same helper pid $(field helper_pid) answers"
else
	fail "after garbage"
fi

# The helper exits on request: the driver sees it, respawns it, traffic resumes.
respawns=$(field respawns)
pid=$(field helper_pid)
got=$(request "exit")
echo "EPROG-TEST exit request: rc $?, $got"
if wait_for '[ "$(field respawns)" = $((respawns + 1)) ] && helper_up' 60 &&
	echo_ok "after exit" 5 -7 "back after exit"; then
	pass "exit: respawned, pid $pid -> $(field helper_pid)"
else
	fail "exit: respawns $(field respawns), up $(field helper_up)"
fi

# SIGKILL: the same, for a helper that did not choose to go.
respawns=$(field respawns)
pid=$(field helper_pid)
echo 1 > "$D/kill"
if wait_for '[ "$(field respawns)" = $((respawns + 1)) ] && helper_up' 60 &&
	echo_ok "after kill" 1000 2000 "back after kill"; then
	pass "kill: respawned, pid $pid -> $(field helper_pid)"
else
	fail "kill: respawns $(field respawns), up $(field helper_up)"
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

# The helper reports every second.
if wait_for '[ "$(field statuses)" -gt 0 ]' 5; then
	pass "status messages: $(field statuses), $(field last_status)"
else
	fail "no status message"
fi

sed 's/^/EPROG-TEST stats: /' "$D/stats"
echo "EPROG-TEST DONE failures=$failures"
reboot -f
