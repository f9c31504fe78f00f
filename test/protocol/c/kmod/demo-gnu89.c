// SPDX-License-Identifier: GPL-2.0
/*
 * The generated demo_helper.c again, in a module of its own, as kernels before 5.18 would have it:
 * they build with -std=gnu89, so neither it, the header nor the runtime may declare anything
 * after a statement. 6.12's own headers do, so they come first (kernel-includes.h, which the test
 * writes, has the kernel includes of sgwire.h and sgwire_helper.c), and only the generated code
 * and the runtime are compiled with the warning an error.
 */
#include <linux/module.h>
#include "kernel-includes.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic error "-Wdeclaration-after-statement"
#include "demo_helper.c"
#pragma GCC diagnostic pop

MODULE_DESCRIPTION("Build test of a syscallgen protocol's call glue as gnu89");
MODULE_LICENSE("GPL");
