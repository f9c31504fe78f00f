/* SPDX-License-Identifier: MIT */
/*
 * The demo protocol's messages written out by hand from its spec, for the C tests: the header's
 * API is per message, so a test that loops over frames dispatches on the type here.
 */
#ifndef DEMO_MESSAGES_H
#define DEMO_MESSAGES_H

#include <stdlib.h>
#include "demo.h"

static inline size_t payload_size(unsigned int type)
{
	switch (type) {
	case DEMO_MSG_LOG: return sizeof(struct demo_log);
	case DEMO_MSG_HELLO: return sizeof(struct demo_hello);
	case DEMO_MSG_REQUEST: return sizeof(struct demo_request);
	case DEMO_MSG_REPLY: return sizeof(struct demo_reply);
	case DEMO_MSG_REPORT: return sizeof(struct demo_report);
	case DEMO_MSG_PING: return sizeof(struct demo_ping);
	}
	abort();
}

static inline unsigned int direction(unsigned int type)
{
	switch (type) {
	case DEMO_MSG_LOG: case DEMO_MSG_REPLY: case DEMO_MSG_REPORT: return DEMO_TO_KERNEL;
	case DEMO_MSG_REQUEST: return DEMO_TO_HELPER;
	case DEMO_MSG_HELLO: case DEMO_MSG_PING: return DEMO_TO_KERNEL | DEMO_TO_HELPER;
	}
	abort();
}

static inline int encode(const struct demo_msg *m, __u8 *frame)
{
	switch (m->type) {
	case DEMO_MSG_LOG: return demo_encode_log(frame, m->seq, &m->u.log);
	case DEMO_MSG_HELLO: return demo_encode_hello(frame, m->seq, &m->u.hello);
	case DEMO_MSG_REQUEST: return demo_encode_request(frame, m->seq, &m->u.request);
	case DEMO_MSG_REPLY: return demo_encode_reply(frame, m->seq, &m->u.reply);
	case DEMO_MSG_REPORT: return demo_encode_report(frame, m->seq, &m->u.report);
	case DEMO_MSG_PING: return demo_encode_ping(frame, m->seq, &m->u.ping);
	}
	abort();
}

/*
 * A control frame (types 0xff01 to 0xff05, every protocol's) encoded again from the values its
 * payload decodes to, with its sequence number: its size, or -1 if the payload does not decode.
 * demo_msg has no member for them: a decoder returns their type and leaves the payload to
 * sgwire.h's decoders.
 */
static inline int encode_control(const __u8 *frame, __u8 *again)
{
	const __u8 *p = frame + DEMO_HEADER_SIZE;
	union {
		struct sgwire_hello hello;
		struct sgwire_welcome welcome;
		struct sgwire_ping ping;
		struct sgwire_bye bye;
	} m;
	struct sgwire_header h;
	int size = -1;

	sgwire_get_header(frame, &h);
	switch (h.type) {
	case SGWIRE_MSG_HELLO:
		if (!sgwire_get_hello(p, &m.hello))
			size = sgwire_encode_hello(again, demo_protocol(), &m.hello);
		break;
	case SGWIRE_MSG_WELCOME:
		if (!sgwire_get_welcome(p, &m.welcome))
			size = sgwire_encode_welcome(again, demo_protocol(), &m.welcome);
		break;
	case SGWIRE_MSG_PING:
		if (!sgwire_get_ping(p, &m.ping))
			size = sgwire_encode_ping(again, demo_protocol(), &m.ping);
		break;
	case SGWIRE_MSG_PONG:
		if (!sgwire_get_ping(p, &m.ping))
			size = sgwire_encode_pong(again, demo_protocol(), &m.ping);
		break;
	case SGWIRE_MSG_BYE:
		if (!sgwire_get_bye(p, &m.bye))
			size = sgwire_encode_bye(again, demo_protocol(), &m.bye);
		break;
	}
	if (size > 0)
		sgwire_put_u32(again + 12, h.seq);
	return size;
}

static inline int send_msg(int fd, const struct demo_msg *m)
{
	switch (m->type) {
	case DEMO_MSG_LOG: return demo_send_log(fd, m->seq, &m->u.log);
	case DEMO_MSG_HELLO: return demo_send_hello(fd, m->seq, &m->u.hello);
	case DEMO_MSG_REQUEST: return demo_send_request(fd, m->seq, &m->u.request);
	case DEMO_MSG_REPLY: return demo_send_reply(fd, m->seq, &m->u.reply);
	case DEMO_MSG_REPORT: return demo_send_report(fd, m->seq, &m->u.report);
	case DEMO_MSG_PING: return demo_send_ping(fd, m->seq, &m->u.ping);
	}
	abort();
}

#endif
