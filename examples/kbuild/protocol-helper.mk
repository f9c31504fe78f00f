# SPDX-License-Identifier: GPL-2.0
#
# protocol-helper.mk: the build of a driver that embeds a Go helper and speaks a syscallgen
# protocol with it over the call runtime, for the driver's Kbuild Makefile:
#
#	proto := fwscan					# the spec's name
#	# holds fwscan.ts and helper/ (a Go module): the directory above the driver's Makefile
#	proto-dir := $(realpath $(dir $(lastword $(MAKEFILE_LIST)))..)
#	include <syscallgen>/examples/kbuild/protocol-helper.mk
#	fwscan-y := fwscan_main.o $(proto)_helper.o fwscan_blob.o
#	$(obj)/fwscan_main.o: $(proto-header)		# every object that includes fwscan.h
#	$(obj)/fwscan_blob.o: $(proto-helper-bin)	# the object that .incbin's the helper
#
# What it does:
#   - maps the kernel's arch and config to a GOARCH with goarch.mk beside this file, failing, on
#     an arch Go has no port for, only when the helper is built (so `make clean` works anywhere);
#   - runs `$(SYSCALLGEN) gen --protocol $(proto-dir)/$(proto).ts` into $(proto-dir)/helper/gen
#     on every build: it rewrites only the files whose bytes change, so a no-op run rebuilds
#     nothing (the Go packages import each other by the path of helper/go.mod's module);
#   - copies the generated call runtime glue, gen/c/$(proto)_helper.c, to $(obj), where Kbuild
#     compiles it as $(proto)_helper.o;
#   - adds gen/c to the include path ($(proto).h) and $(obj) to the assembler's, so that
#     `.incbin "$(proto)-helper"` finds the helper in tree, with O= and with M=;
#   - defines SGWIRE_ASM_UNALIGNED for sgwire.h on kernels before 6.12;
#   - defines SGWIRE_NO_UMD for sgwire_helper.c on kernels without the User Mode Driver (6.17+);
#   - cross-builds $(obj)/$(proto)-helper, static and stripped, when a Go source, a generated Go
#     file or the Go environment changed.
#
# Variables: SYSCALLGEN (default syscallgen; from a checkout, "node <checkout>/dist/generator/cli/
# bin.js"), GO (default go, 1.22 or later; nothing is downloaded), KERNEL_GOARCH (skips the
# mapping). Kbuild reads each directory's Makefile in a make of its own, so two drivers that
# include this file never see each other's variables.

proto-kbuild-dir := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
include $(proto-kbuild-dir)/goarch.mk

SYSCALLGEN ?= syscallgen
GO ?= go

proto-helper-dir := $(proto-dir)/helper
proto-gen := $(proto-helper-dir)/gen
proto-header := $(proto-gen)/c/$(proto).h
proto-helper-bin := $(obj)/$(proto)-helper

# Outside Kbuild (a test, say), the plain versions of Kbuild's cmd and copy.
ifeq ($(origin cmd),undefined)
cmd = $(if $(filter 1,$(V)),,@echo '  $(quiet_cmd_$(1))';) $(cmd_$(1))
endif

ccflags-y += -I$(proto-gen)/c
# sgwire.h: <asm/unaligned.h> before Linux 6.12, which has no <linux/unaligned.h>.
ccflags-y += $(if $(wildcard $(srctree)/include/linux/unaligned.h),,-DSGWIRE_ASM_UNALIGNED)
# sgwire_helper.c: no User Mode Driver from Linux 6.17 on (a module cannot work there).
ccflags-y += $(if $(wildcard $(srctree)/include/linux/usermode_driver.h),,-DSGWIRE_NO_UMD)
asflags-y += -Wa,-I$(obj)
clean-files += $(proto)-helper .$(proto)-helper.goenv $(proto)_helper.c

# --- generation ------------------------------------------------------------------------------
# Every time; its one-line summary to /dev/null, its errors (file:line:col) to stderr.
$(proto-header): FORCE
	$(call kernel-goarch-check,$(proto),KERNEL_GOARCH)
	$(if $(filter 1,$(V)),,@)$(SYSCALLGEN) gen --arch $(KERNEL_GOARCH) --out $(proto-gen) \
		--protocol $(proto-dir)/$(proto).ts >/dev/null

# The generated Go files of this arch (another arch's, left by a build for it, are no reason to
# rebuild), listed as they were when make started; the empty recipe makes make read their mtimes
# again after the run.
proto-goarches := 386 amd64 arm arm64 loong64 mips mipsle mips64 mips64le ppc64 ppc64le riscv64 s390x
proto-gen-go := $(filter-out $(foreach a,$(filter-out $(KERNEL_GOARCH),$(proto-goarches)),%_linux_$(a).go), \
	$(wildcard $(proto-gen)/go/*/*.go))
$(proto-gen-go): $(proto-header) ;

# The glue, copied where Kbuild looks for the source of $(proto)_helper.o.
$(proto-gen)/c/$(proto)_helper.c: $(proto-header) ;
quiet_cmd_proto_copy = COPY    $@
      cmd_proto_copy = cat $< > $@
$(obj)/$(proto)_helper.c: $(proto-gen)/c/$(proto)_helper.c
	$(call cmd,proto_copy)

# --- the helper ------------------------------------------------------------------------------
proto-go-srcs := $(proto-helper-dir)/go.mod $(filter-out %_test.go,$(wildcard $(proto-helper-dir)/*.go))

# The Go environment, rewritten only when it changes: a new GOARCH or GOARM rebuilds the helper.
$(obj)/.$(proto)-helper.goenv: FORCE
	$(call kernel-goarch-check,$(proto),KERNEL_GOARCH)
	@echo '$(kernel-goenv)' | cmp -s - $@ 2>/dev/null || echo '$(kernel-goenv)' > $@

quiet_cmd_proto_go = GO      $@ ($(KERNEL_GOARCH))
      cmd_proto_go = env $(kernel-goenv) $(GO) -C $(proto-helper-dir) build -trimpath \
		-buildvcs=false -ldflags='-s -w' -o $(abspath $@) ./

# Without this, Kbuild's rule for $(obj)/%.mod (a module's list of objects) rewrites go.mod with M=.
$(proto-helper-dir)/go.mod: ;

$(proto-helper-bin): $(proto-header) $(proto-gen-go) $(proto-go-srcs) $(obj)/.$(proto)-helper.goenv
	$(call cmd,proto_go)

PHONY += FORCE
FORCE:
