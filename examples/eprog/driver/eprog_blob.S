/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The helper binary in the kernel image or module. eprog_helper_create()
 * copies it into a tmpfs (umd_load_blob()) from the init function and every
 * start execs that copy, so nothing reads these bytes after init: they live in
 * .init.rodata and are freed with the rest of init memory. The Makefile makes
 * this object depend on the binary (.incbin is invisible to fixdep), and puts
 * its directory on the assembler's include path.
 */

	.section .init.rodata, "a"

	.global eprog_blob_start
	.type eprog_blob_start, %object
eprog_blob_start:
	.incbin "eprog-helper"
	.global eprog_blob_end
	.type eprog_blob_end, %object
eprog_blob_end:
	.size eprog_blob_start, eprog_blob_end - eprog_blob_start
