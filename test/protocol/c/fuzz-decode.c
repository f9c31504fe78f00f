// SPDX-License-Identifier: MIT
/*
 * libFuzzer harness of demo_decode(): any bytes, under every direction mask. ASan catches a read
 * past the input (libFuzzer hands over a heap copy of exactly its size); the checks below catch a
 * decoder that accepts what it should not: a type outside the mask, an errno other than the two
 * documented, or a frame that is not the one its message encodes to (which would mean some byte
 * escaped validation, pads and bytes after a NUL included).
 */
#include <stdint.h>
#include <string.h>
#include "demo-messages.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	for (unsigned int accept = 0; accept <= (DEMO_TO_KERNEL | DEMO_TO_HELPER); accept++) {
		struct demo_msg out;
		__u8 again[DEMO_MAX_FRAME];
		int ret = demo_decode(data, size, accept, &out);

		if (ret < 0) {
			if (ret != -EBADMSG && ret != -EPROTO)
				abort();
			continue;
		}
		if (ret != out.type || !(direction(out.type) & accept))
			abort();
		if (encode(&out, again) != (int)size || memcmp(again, data, size))
			abort();
	}
	return 0;
}
