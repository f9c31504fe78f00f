// SPDX-License-Identifier: MIT
/*
 * libFuzzer harness of demo_decode() and of the runtime's frame reader under it: any bytes, under
 * every direction mask. ASan catches a read past the input (libFuzzer hands over a heap copy of
 * exactly its size) or past the reader's buffer; the checks below catch a decoder that accepts
 * what it should not: a type outside the mask, an errno other than the documented ones, or a
 * frame that is not the one its message encodes to (which would mean some byte escaped
 * validation, pads and bytes after a NUL included). A control frame, which every protocol
 * accepts and the decoder returns by type only, must be one sgwire.h's decoders accept.
 *
 * The same bytes then go through a pipe to demo_recv(), that is sgwire_read_frame() and
 * demo_decode(), frame after frame as a driver reads them: each frame it returns must be the next
 * bytes of the input, -EBADMSG means a malformed frame whose header sgwire_check_header()
 * accepts, skipped whole (the stream stays in step), and the stream ends with -EPIPE where the
 * input ends or -EPROTO at a header sgwire_check_header() refuses. And the call runtime's buffered
 * reader, sgwire_reader_next(), must give what sgwire_read_frame() gives on the same bytes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "demo-messages.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_decode(const uint8_t *data, size_t size, unsigned int accept)
{
	struct demo_msg out;
	__u8 again[DEMO_MAX_FRAME];
	int ret = demo_decode(data, size, accept, &out);

	if (ret < 0) {
		if (ret != -EBADMSG && ret != -EPROTO)
			abort();
		return;
	}
	if (sgwire_control_type(ret)) {
		/* A control frame: accepted only whole, valid and travelling a way accepted. */
		if (!(sgwire_control_type(ret)->dirs & accept) ||
		    encode_control(data, again) != (int)size || memcmp(again, data, size))
			abort();
		return;
	}
	if (ret != out.type || !(direction(out.type) & accept))
		abort();
	if (encode(&out, again) != (int)size || memcmp(again, data, size))
		abort();
}

static void check_recv(const uint8_t *data, size_t size, unsigned int accept)
{
	static struct demo_reader r;
	struct demo_msg out;
	__u8 again[DEMO_MAX_FRAME];
	size_t at = 0;
	int fds[2], ret;

	/* The input fits in the pipe (-max_len is far below its 64 KiB), so one write takes it all. */
	if (pipe(fds) || write(fds[1], data, size) != (ssize_t)size)
		abort();
	close(fds[1]);
	for (;;) {
		memset(r.buf, 0xaa, sizeof(r.buf));
		ret = demo_recv(fds[0], &r, &out, accept);
		if (ret >= 0 && sgwire_control_type(ret)) {
			int len = encode_control(r.buf, again);

			if (!(sgwire_control_type(ret)->dirs & accept))
				abort();
			if (len <= 0 || at + len > size || memcmp(again, data + at, len))
				abort();
			at += len;
			continue;
		}
		if (ret >= 0) {
			int len = encode(&out, again);

			if (ret != out.type || !(direction(out.type) & accept))
				abort();
			if (len <= 0 || at + len > size || memcmp(again, data + at, len))
				abort();
			at += len;
			continue;
		}
		if (ret == -EBADMSG) {
			/* Still in step: the reader took exactly the frame its sound header announced. */
			size_t len = DEMO_HEADER_SIZE + sgwire_get_u32(r.buf + 8);

			if (sgwire_check_header(demo_protocol(), r.buf, accept) < 0)
				abort();

			if (at + len > size || memcmp(r.buf, data + at, DEMO_HEADER_SIZE))
				abort();
			at += len;
			continue;
		}
		if (ret == -EPIPE) {
			/* End of file where the input ends: a sound header may have come before it. */
			if (at + DEMO_HEADER_SIZE <= size &&
			    sgwire_check_header(demo_protocol(), data + at, accept) < 0)
				abort();
		} else if (ret != -EPROTO || at + DEMO_HEADER_SIZE > size ||
			   sgwire_check_header(demo_protocol(), data + at, accept) >= 0) {
			/* Anything else is the lost stream of a header refused, the one that comes next. */
			abort();
		}
		break;
	}
	close(fds[0]);
}

/*
 * The buffered reader of the call runtime, sgwire_reader_next(), against sgwire_read_frame() on
 * the same bytes: the same results, frame by frame, and the same bytes in each frame. Its buffer
 * is a heap block of exactly the largest frame's size, so ASan sees a step past it.
 */
static void check_reader(const uint8_t *data, size_t size, unsigned int accept)
{
	static __u8 buf[DEMO_MAX_FRAME];
	struct sgwire_reader rd;
	const __u8 *frame;
	int one[2], two[2], ret, again;
	__u8 *room = malloc(DEMO_MAX_FRAME);

	if (!room || pipe(one) || pipe(two) || write(one[1], data, size) != (ssize_t)size ||
	    write(two[1], data, size) != (ssize_t)size)
		abort();
	close(one[1]);
	close(two[1]);
	sgwire_reader_init(&rd, room, DEMO_MAX_FRAME);
	do {
		ret = sgwire_read_frame(one[0], demo_protocol(), accept, buf, sizeof(buf));
		again = sgwire_reader_next(&rd, two[0], demo_protocol(), accept, &frame);
		if (again != ret || (ret > 0 && memcmp(frame, buf, ret)))
			abort();
		if (ret == -EPROTO && memcmp(rd.buf + rd.start, buf, DEMO_HEADER_SIZE))
			abort();
	} while (ret > 0);
	close(one[0]);
	close(two[0]);
	free(room);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned int accept;

	for (accept = 0; accept <= (DEMO_TO_KERNEL | DEMO_TO_HELPER); accept++) {
		check_decode(data, size, accept);
		check_recv(data, size, accept);
		check_reader(data, size, accept);
	}
	return 0;
}
