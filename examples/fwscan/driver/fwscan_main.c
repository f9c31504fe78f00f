// SPDX-License-Identifier: GPL-2.0
/*
 * fwscan: a firmware container checked by a Go helper the module carries, so the
 * kernel parses none of it. The driver streams the image to the helper (load),
 * has it checked (scan: the section table arrives as notifications, then the
 * verdict) and fetches each checked section's bytes (extract). Where a driver
 * would request_firmware(), /sys/kernel/debug/fwscan/ has image (written from
 * offset 0), sections (read: scan), index and section (read: its bytes).
 */
#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>

#include "fwscan.h"

extern const u8 fwscan_blob_start[], fwscan_blob_end[];

static const char *const fwscan_verdicts[] = { "ok", "empty", "bad_magic", "truncated",
	"bad_table", "bad_bounds", "bad_crc" };

static struct fwscan_helper *fwscan;
static struct dentry *fwscan_dir;
static u16 fwscan_index;
static DEFINE_MUTEX(fwscan_scan_lock);	/* one scan at a time */
static DEFINE_SPINLOCK(fwscan_table_lock);
static unsigned int fwscan_nsections;	/* the table, as the notifications fill it */
static struct fwscan_section fwscan_table[64];

/* Reader thread: the next part of the table of the scan in flight, in order. */
static void fwscan_sections(struct fwscan_helper *h, const struct fwscan_sections *msg)
{
	unsigned int i;

	spin_lock(&fwscan_table_lock);
	for (i = 0; i < msg->count && i < ARRAY_SIZE(msg->section) &&
	     msg->first + i == fwscan_nsections && fwscan_nsections < ARRAY_SIZE(fwscan_table); i++)
		fwscan_table[fwscan_nsections++] = msg->section[i];
	spin_unlock(&fwscan_table_lock);
}

static const struct fwscan_ops fwscan_ops = { .sections = fwscan_sections };

static ssize_t image_write(struct file *file, const char __user *buf, size_t len, loff_t *ppos)
{
	struct fwscan_load *req = kzalloc(sizeof(*req), GFP_KERNEL);
	struct fwscan_loaded reply;
	ssize_t ret = -EFAULT;

	if (!req)
		return -ENOMEM;
	req->offset = min_t(loff_t, *ppos, U32_MAX);	/* the helper refuses one past its end */
	req->data_len = min(len, sizeof(req->data));
	if (!copy_from_user(req->data, buf, req->data_len))
		ret = fwscan_call_load(fwscan, req, &reply) ?: reply.status;
	if (!ret) {
		ret = req->data_len;
		*ppos += ret;
	}
	kfree(req);
	return ret;
}

static int sections_show(struct seq_file *m, void *v)
{
	struct fwscan_scan req = {};
	struct fwscan_scanned r;
	unsigned int i;
	int ret;

	if (mutex_lock_killable(&fwscan_scan_lock))
		return -EINTR;
	spin_lock(&fwscan_table_lock);
	fwscan_nsections = 0;	/* the scan's notifications fill it from entry 0 */
	spin_unlock(&fwscan_table_lock);
	ret = fwscan_call_scan(fwscan, &req, &r);
	spin_lock(&fwscan_table_lock);
	/* The notifications come before the reply: a table short of r.sections lost some. */
	if (!ret && (fwscan_nsections != r.sections || r.verdict >= ARRAY_SIZE(fwscan_verdicts)))
		ret = -EPROTO;
	if (!ret)
		seq_printf(m, "verdict=%s section=%u sections=%u size=%u\n",
			   fwscan_verdicts[r.verdict], r.section, r.sections, r.size);
	for (i = 0; !ret && i < fwscan_nsections; i++)
		seq_printf(m, "%u %s kind=%u offset=%u length=%u crc32=%08x\n", i,
			   fwscan_table[i].name, fwscan_table[i].kind, fwscan_table[i].offset,
			   fwscan_table[i].length, fwscan_table[i].crc32);
	spin_unlock(&fwscan_table_lock);
	mutex_unlock(&fwscan_scan_lock);
	return ret;
}
DEFINE_SHOW_ATTRIBUTE(sections);

static ssize_t section_read(struct file *file, char __user *buf, size_t len, loff_t *ppos)
{
	struct fwscan_extract req = { .index = READ_ONCE(fwscan_index),
				      .offset = min_t(loff_t, *ppos, U32_MAX) };
	struct fwscan_extracted *r = kmalloc(sizeof(*r), GFP_KERNEL);
	ssize_t ret;

	if (!r)
		return -ENOMEM;
	ret = fwscan_call_extract(fwscan, &req, r) ?: r->status;
	if (!ret) {
		ret = min_t(size_t, len, r->data_len);
		if (copy_to_user(buf, r->data, ret))
			ret = -EFAULT;
		else
			*ppos += ret;
	}
	kfree(r);
	return ret;
}

static const struct file_operations image_fops = { .owner = THIS_MODULE, .write = image_write };
static const struct file_operations section_fops = { .owner = THIS_MODULE, .read = section_read };

static void fwscan_remove(void)
{
	debugfs_remove_recursive(fwscan_dir);
	fwscan_helper_destroy(fwscan);
}

static int __init fwscan_init(void)
{
	struct sgwire_helper_config cfg = { .name = KBUILD_MODNAME, .blob = fwscan_blob_start,
					    .blob_end = fwscan_blob_end };
	int ret;

	fwscan = fwscan_helper_create(&cfg, &fwscan_ops);
	if (IS_ERR(fwscan))
		return PTR_ERR(fwscan);
	fwscan_dir = debugfs_create_dir(KBUILD_MODNAME, NULL);
	debugfs_create_file("image", 0200, fwscan_dir, NULL, &image_fops);
	debugfs_create_file("sections", 0400, fwscan_dir, NULL, &sections_fops);
	debugfs_create_u16("index", 0600, fwscan_dir, &fwscan_index);
	debugfs_create_file("section", 0400, fwscan_dir, NULL, &section_fops);
	ret = fwscan_helper_start(fwscan);	/* -ESHUTDOWN during a reboot */
	if (ret)
		fwscan_remove();
	return ret;
}

module_init(fwscan_init);
module_exit(fwscan_remove);
MODULE_DESCRIPTION("Firmware containers checked by an embedded Go helper");
MODULE_LICENSE("GPL");
