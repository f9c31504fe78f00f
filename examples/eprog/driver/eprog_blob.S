/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The helper binary in the kernel image or module. eprog_helper_create()
 * copies it into a tmpfs (umd_load_blob()) from the init function and every
 * start execs that copy, so nothing reads these bytes after init: they live in
 * .init.rodata and are freed with the rest of init memory. EPROG_HELPER_PATH
 * comes from the Makefile, which also makes this object depend on the binary
 * (.incbin is invisible to fixdep).
 */

	.section .init.rodata, "a"

	.global eprog_blob_start
	.type eprog_blob_start, %object
eprog_blob_start:
	.incbin EPROG_HELPER_PATH
	.global eprog_blob_end
	.type eprog_blob_end, %object
eprog_blob_end:
	.size eprog_blob_start, eprog_blob_end - eprog_blob_start
