# SPDX-License-Identifier: GPL-2.0
#
# goarch.mk: the Go architecture of the kernel being built, for a Kbuild Makefile that builds a
# Go program the kernel carries (a User Mode Driver helper). From syscallgen; copy it into the
# driver's directory and include it:
#
#	include $(helper-src)/goarch.mk
#	$(call kernel-goarch-check,<who>,<variable>)	# first line of a recipe that builds Go
#	env $(kernel-goenv) $(GO) build ...		# CGO_ENABLED=0 GOOS=linux GOARCH=... GOARM=...
#
# KERNEL_GOARCH comes from SRCARCH (or ARCH) and CONFIG_64BIT, CONFIG_CPU_BIG_ENDIAN and
# CONFIG_CPU_LITTLE_ENDIAN; it is empty where Go has no port, and may be set to override the
# mapping. Only a recipe fails on such an arch, never the reading of this file, so `make clean`
# works everywhere.

# Each entry is empty where Go has no port for that variant (big-endian arm and arm64, 32-bit
# powerpc, riscv and loongarch).
kernel-goarch-x86       := $(if $(CONFIG_64BIT),amd64,386)
kernel-goarch-x86_64    := amd64
kernel-goarch-i386      := 386
kernel-goarch-arm64     := $(if $(CONFIG_CPU_BIG_ENDIAN),,arm64)
kernel-goarch-arm       := $(if $(CONFIG_CPU_BIG_ENDIAN),,arm)
kernel-goarch-loongarch := $(if $(CONFIG_64BIT),loong64)
kernel-goarch-mips      := mips$(if $(CONFIG_64BIT),64)$(if $(CONFIG_CPU_BIG_ENDIAN),,le)
kernel-goarch-powerpc   := $(if $(CONFIG_64BIT),ppc64$(if $(CONFIG_CPU_LITTLE_ENDIAN),le))
kernel-goarch-riscv     := $(if $(CONFIG_64BIT),riscv64)
kernel-goarch-s390      := s390x

comma ?= ,
kernel-srcarch := $(or $(SRCARCH),$(ARCH))
KERNEL_GOARCH ?= $(kernel-goarch-$(kernel-srcarch))

# arm: the oldest architecture version the kernel supports (a multi-platform v6/v7 kernel gets
# GOARM=6), and soft float when the kernel has no VFP support for user space.
kernel-goarm := $(if $(CONFIG_CPU_32v3)$(CONFIG_CPU_32v4)$(CONFIG_CPU_32v4T)$(CONFIG_CPU_32v5),5,$(if \
	$(CONFIG_CPU_32v6),6,$(if $(CONFIG_CPU_32v7),7,6)))
kernel-goarm := $(kernel-goarm)$(if $(CONFIG_VFP)$(filter 5,$(kernel-goarm)),,$(comma)softfloat)
# mips: soft float when the kernel neither drives an FPU nor emulates one (CONFIG_MIPS_FP_SUPPORT).
kernel-gomips := $(if $(CONFIG_MIPS_FP_SUPPORT),hardfloat,softfloat)

# A static program for the kernel's arch, built by the Go toolchain installed (no download).
kernel-goenv := CGO_ENABLED=0 GOOS=linux GOARCH=$(KERNEL_GOARCH) \
	$(if $(filter arm,$(KERNEL_GOARCH)),GOARM=$(kernel-goarm)) \
	$(if $(filter mips mipsle,$(KERNEL_GOARCH)),GOMIPS=$(kernel-gomips)) \
	$(if $(filter mips64 mips64le,$(KERNEL_GOARCH)),GOMIPS64=$(kernel-gomips)) \
	GOTOOLCHAIN=local
kernel-goenv := $(strip $(kernel-goenv))

# $(call kernel-goarch-check,<who>,<variable>): in a recipe, an error naming <who> where Go has
# no port for the kernel's arch, and <variable> as the way to override the mapping.
kernel-goarch-check = $(if $(KERNEL_GOARCH),,$(error $(1): no Go port for ARCH=$(kernel-srcarch) \
	$(if $(CONFIG_64BIT),64,32)-bit $(if $(CONFIG_CPU_BIG_ENDIAN),big,little)-endian; \
	Go and syscallgen support 386, amd64, arm, arm64, loong64, mips, mipsle, mips64, mips64le, \
	ppc64, ppc64le, riscv64 and s390x (set $(2) to override)))
