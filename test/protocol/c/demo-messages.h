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
