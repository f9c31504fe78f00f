# A stand-in for Kbuild around examples/eprog/Makefile.helper: it sets what Kbuild would (obj, the
# arch, CONFIG_*) from the command line and builds the helper as the driver's Makefile would.
#
#   make -f kbuild-standin.mk obj=/tmp/b SRCARCH=arm64 CONFIG_64BIT=y SYSCALLGEN="node dist/..."
#   make -f kbuild-standin.mk goenv SRCARCH=mips CONFIG_64BIT=y     # the Go environment only
obj ?= build
__build:

include $(dir $(lastword $(MAKEFILE_LIST)))../../examples/eprog/Makefile.helper

__build: $(EPROG_HELPER_BIN) $(EPROG_HEADER)

goenv:
	@echo '$(kernel-goenv)'

$(shell mkdir -p $(obj))
