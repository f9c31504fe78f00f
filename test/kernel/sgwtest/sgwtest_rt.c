// SPDX-License-Identifier: GPL-2.0
/*
 * The generated kernel API of the sgwtest protocol (sgwtest_helper.c, which includes the call
 * runtime): built as an object of its own, as a driver builds it.
 */
#include "sgwtest_helper.c"
