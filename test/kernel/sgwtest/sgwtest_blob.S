/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Go helper, built static for the kernel's arch by the Makefile. In .rodata, not
 * .init.rodata: the benchmark loads it again, long after init, for its raw baseline.
 */
	.section .rodata, "a"
	.global sgwtest_blob_start
	.type sgwtest_blob_start, %object
sgwtest_blob_start:
	.incbin "sgwtest_helper"
	.global sgwtest_blob_end
	.type sgwtest_blob_end, %object
sgwtest_blob_end:
	.size sgwtest_blob_start, sgwtest_blob_end - sgwtest_blob_start
	.previous
