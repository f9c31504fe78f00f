/* SPDX-License-Identifier: GPL-2.0 */
/* The Go helper's image, from sgwtest_blob.S. */
#ifndef _SGWTEST_BLOB_H
#define _SGWTEST_BLOB_H

#include <linux/types.h>

extern const u8 sgwtest_blob_start[];
extern const u8 sgwtest_blob_end[];

#endif /* _SGWTEST_BLOB_H */
