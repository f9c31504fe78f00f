/* SPDX-License-Identifier: GPL-2.0 */
/* The peer program, built static, as the helper's blob. */
	.section .rodata
	.global smoke_blob_start
	.global smoke_blob_end
smoke_blob_start:
	.incbin SMOKE_PEER
smoke_blob_end:
