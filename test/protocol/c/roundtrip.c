// SPDX-License-Identifier: MIT
/*
 * Protocol-independent golden frame check: messages.inc (written by the test from the spec) says
 * which header to include and how to encode each message; vectors.inc holds the frames. Every
 * valid frame must decode to its message and encode back to its bytes; every bad frame must be
 * rejected with its errno.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "messages.inc"

struct good_vector {
	const char *name;
	const __u8 *frame;
	size_t len;
	msg_t msg;
};

struct bad_vector {
	const char *name;
	const __u8 *frame;
	size_t len;
	unsigned int accept;
	int want;
};

#include "vectors.inc"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

int main(void)
{
	static __u8 buf[MAX_FRAME + 1];
	int failures = 0;

	for (size_t i = 0; i < COUNT(good); i++) {
		const struct good_vector *v = &good[i];
		msg_t out;
		int ret = DECODE(v->frame, v->len, ALL, &out);

		if (ret != v->msg.type || out.seq != v->msg.seq || memcmp(&out.u, &v->msg.u, payload_size(ret))) {
			fprintf(stderr, "FAIL: %s: decode returned %d, or other fields\n", v->name, ret);
			failures++;
		}
		ret = encode(&v->msg, buf);
		if (ret != (int)v->len || memcmp(buf, v->frame, v->len)) {
			fprintf(stderr, "FAIL: %s: encode returned %d, or other bytes\n", v->name, ret);
			failures++;
		}
	}
	for (size_t i = 0; i < COUNT(bad); i++) {
		msg_t out;
		int ret = DECODE(bad[i].frame, bad[i].len, bad[i].accept, &out);

		if (ret != bad[i].want) {
			fprintf(stderr, "FAIL: %s: decode returned %d, want %d\n", bad[i].name, ret, bad[i].want);
			failures++;
		}
	}
	printf("%zu good frames, %zu bad frames, %d failures\n", COUNT(good), COUNT(bad), failures);
	return failures != 0;
}
