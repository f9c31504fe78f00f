/**
 * Words the C header must not use as a name: C keywords, and lower-case object-like macros of the
 * headers it includes, which would rewrite `s->name` or `struct demo_name` before the compiler
 * sees it (`errno` in libc, `current` and `fallthrough` in the kernel; `linux`, `unix` and `i386`,
 * which GNU C modes predefine to 1).
 */

/** C11 and C23 keywords and GNU spellings. */
export const cKeywords = [
  "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern", "float",
  "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed", "sizeof", "static",
  "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while",
  "alignas", "alignof", "bool", "constexpr", "false", "nullptr", "static_assert", "thread_local", "true", "typeof",
  "typeof_unqual", "asm",
];

/** Lower-case object-like macros of the user-space includes (gcc -std=gnu11, x86-64 and -m32). */
export const cUserMacros = ["errno", "linux", "unix", "i386", "static_assert"];

/**
 * Lower-case object-like macros after the header's kernel includes, from Linux 6.12's x86_64
 * defconfig; test/protocol/c/kernel-side.test.ts reads them from a kernel build and fails when
 * one is missing here.
 */
export const cKernelMacros = [
  "aligned_be64", "aligned_le64", "aligned_s64", "aligned_u64", "alt_rlen", "alt_slen",
  "alt_total_slen", "arch_atomic64_add_negative", "arch_atomic64_add_return",
  "arch_atomic64_cmpxchg", "arch_atomic64_dec", "arch_atomic64_dec_and_test",
  "arch_atomic64_fetch_add", "arch_atomic64_fetch_and", "arch_atomic64_fetch_or",
  "arch_atomic64_fetch_xor", "arch_atomic64_inc", "arch_atomic64_inc_and_test",
  "arch_atomic64_sub_and_test", "arch_atomic64_try_cmpxchg", "arch_atomic64_xchg",
  "arch_atomic_add_negative", "arch_atomic_add_return", "arch_atomic_cmpxchg", "arch_atomic_dec",
  "arch_atomic_dec_and_test", "arch_atomic_fetch_add", "arch_atomic_fetch_and",
  "arch_atomic_fetch_or", "arch_atomic_fetch_xor", "arch_atomic_inc", "arch_atomic_inc_and_test",
  "arch_atomic_sub_and_test", "arch_atomic_try_cmpxchg", "arch_atomic_xchg",
  "arch_check_zapped_pmd", "arch_check_zapped_pte", "arch_check_zapped_pud", "arch_cmpxchg128",
  "arch_cmpxchg128_local", "arch_scale_cpu_capacity", "arch_scale_freq_capacity",
  "arch_scale_freq_tick", "arch_setup_new_exec", "arch_try_cmpxchg128",
  "arch_try_cmpxchg128_local", "arch_xor_unlock_is_negative_byte", "asm_inline", "asmlinkage",
  "atomic_long_cond_read_acquire", "atomic_long_cond_read_relaxed", "auto", "be16_to_cpu",
  "be16_to_cpup", "be16_to_cpus", "be32_to_cpu", "be32_to_cpup", "be32_to_cpus", "be64_to_cpu",
  "be64_to_cpup", "be64_to_cpus", "cc_vendor", "console_loglevel", "const___change_bit",
  "const___clear_bit", "const___set_bit", "const___test_and_change_bit",
  "const___test_and_clear_bit", "const___test_and_set_bit", "const_test_bit_acquire",
  "copy_mc_to_kernel", "copy_to_nontemporal", "cpu_active_mask", "cpu_all_mask", "cpu_dying_mask",
  "cpu_enabled_mask", "cpu_have_feature", "cpu_none_mask", "cpu_online_mask", "cpu_possible_mask",
  "cpu_present_mask", "cpu_primary_thread_mask", "cpu_to_be16", "cpu_to_be16p", "cpu_to_be16s",
  "cpu_to_be32", "cpu_to_be32p", "cpu_to_be32s", "cpu_to_be64", "cpu_to_be64p", "cpu_to_be64s",
  "cpu_to_le16", "cpu_to_le16p", "cpu_to_le16s", "cpu_to_le32", "cpu_to_le32p", "cpu_to_le32s",
  "cpu_to_le64", "cpu_to_le64p", "cpu_to_le64s", "current", "d_lock", "default_console_loglevel",
  "default_message_loglevel", "fallthrough", "first_memory_node", "first_online_node",
  "force_read_lock_recursive", "generic_smp_call_function_interrupt", "get_cycles",
  "gup_fast_permitted", "hash_64", "inline", "jump_label_enabled", "large_cpumask_bits",
  "le16_to_cpu", "le16_to_cpup", "le16_to_cpus", "le32_to_cpu", "le32_to_cpup", "le32_to_cpus",
  "le64_to_cpu", "le64_to_cpup", "le64_to_cpus", "leave_mm", "linux", "minimum_console_loglevel",
  "mm_p4d_folded", "mul_u64_u32_div", "mul_u64_u64_div_u64", "my_cpu_offset",
  "native_pagetable_init", "node_online_map", "node_possible_map", "noinline",
  "noinline_for_stack", "noinstr", "notrace", "nr_cpumask_bits", "p4d_leaf", "page_to_pfn",
  "pageblock_nr_pages", "pageblock_order", "paravirt_nop", "pbe_address", "pbe_next",
  "pbe_orig_address", "pfn_to_page", "pgd_leaf", "pgoff_t", "pgprot_modify", "pgprot_nx",
  "pgprot_writecombine", "pgprot_writethrough", "pmd_access_permitted", "pmd_dirty", "pmd_leaf",
  "pmd_mkwrite", "pmd_write", "pmd_young", "pmdp_establish", "preempt_schedule_dynamic_disabled",
  "preempt_schedule_dynamic_enabled", "preempt_schedule_notrace_dynamic_disabled",
  "preempt_schedule_notrace_dynamic_enabled", "pt_regs_bp", "pt_regs_bx", "pt_regs_cx",
  "pt_regs_di", "pt_regs_dx", "pt_regs_flags", "pt_regs_r10", "pt_regs_r11", "pt_regs_r12",
  "pt_regs_r13", "pt_regs_r14", "pt_regs_r15", "pt_regs_r8", "pt_regs_r9", "pt_regs_si",
  "pt_regs_sp", "ptdump_check_wx", "pte_access_permitted", "pte_accessible", "pte_advance_pfn",
  "pte_mkwrite", "pud_access_permitted", "pud_leaf", "pud_pfn", "pud_write",
  "queued_fetch_set_pending_acquire", "radix_tree_node", "radix_tree_root", "random_get_entropy",
  "randomized_struct_fields_end", "randomized_struct_fields_start", "raw_cmpxchg",
  "raw_cmpxchg128", "raw_cmpxchg128_acquire", "raw_cmpxchg128_local", "raw_cmpxchg128_relaxed",
  "raw_cmpxchg128_release", "raw_cmpxchg64", "raw_cmpxchg64_acquire", "raw_cmpxchg64_local",
  "raw_cmpxchg64_relaxed", "raw_cmpxchg64_release", "raw_cmpxchg_acquire", "raw_cmpxchg_local",
  "raw_cmpxchg_relaxed", "raw_cmpxchg_release", "raw_sync_cmpxchg", "raw_sync_try_cmpxchg",
  "raw_try_cmpxchg", "raw_try_cmpxchg128", "raw_try_cmpxchg128_acquire",
  "raw_try_cmpxchg128_local", "raw_try_cmpxchg128_relaxed", "raw_try_cmpxchg128_release",
  "raw_try_cmpxchg64", "raw_try_cmpxchg64_acquire", "raw_try_cmpxchg64_local",
  "raw_try_cmpxchg64_relaxed", "raw_try_cmpxchg64_release", "raw_try_cmpxchg_acquire",
  "raw_try_cmpxchg_local", "raw_try_cmpxchg_relaxed", "raw_try_cmpxchg_release", "raw_xchg",
  "raw_xchg_acquire", "raw_xchg_relaxed", "raw_xchg_release", "rcu_head", "saved_context_cr0",
  "saved_context_cr2", "saved_context_cr3", "saved_context_cr4", "saved_context_gdt_desc",
  "sev_status", "si_addr", "si_addr_lsb", "si_arch", "si_band", "si_call_addr", "si_fd", "si_int",
  "si_lower", "si_overrun", "si_perf_data", "si_perf_flags", "si_perf_type", "si_pid", "si_pkey",
  "si_ptr", "si_status", "si_stime", "si_sys_private", "si_syscall", "si_tid", "si_trapno",
  "si_uid", "si_upper", "si_utime", "si_value", "sigcontext", "sigev_notify_attributes",
  "sigev_notify_function", "sigev_notify_thread_id", "small_cpumask_bits", "sme_me_mask", "swab",
  "swab16", "swab16p", "swab16s", "swab32", "swab32p", "swab32s", "swab64", "swab64p", "swab64s",
  "swahb32", "swahb32p", "swahb32s", "swahw32", "swahw32p", "swahw32s", "swapper_pg_dir", "unix",
  "user_read_access_begin", "user_read_access_end", "user_write_access_begin",
  "user_write_access_end", "virt_spin_lock", "vmemmap", "xa_limit_16b", "xa_limit_31b",
  "xa_limit_32b", "xen_set_default_idle",
];

/** Every word a generated C name must not be; a member named so gets a `_` suffix. */
export const cReserved: ReadonlySet<string> = new Set([...cKeywords, ...cUserMacros, ...cKernelMacros]);
