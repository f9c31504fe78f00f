/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Go helper, built static for the kernel's arch by the Makefile. In
 * .init.rodata: fwscan_helper_create() copies it into a tmpfs at init, and
 * every start of the helper execs that copy.
 */
	.section .init.rodata, "a"
	.global fwscan_blob_start
	.type fwscan_blob_start, %object
fwscan_blob_start:
	.incbin "fwscan-helper"
	.global fwscan_blob_end
	.type fwscan_blob_end, %object
fwscan_blob_end:
	.size fwscan_blob_start, fwscan_blob_end - fwscan_blob_start
	.previous
