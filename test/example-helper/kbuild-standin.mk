# A stand-in for Kbuild around examples/kbuild/protocol-helper.mk, as the eprog driver's Makefile
# includes it: it sets what Kbuild would (obj, the arch, CONFIG_*) from the command line and
# builds the helper as the driver's Makefile would. proto-dir holds eprog.ts and helper/.
#
#   make -f kbuild-standin.mk proto-dir=/tmp/eprog obj=/tmp/b SRCARCH=arm64 CONFIG_64BIT=y SYSCALLGEN="node dist/..."
#   make -f kbuild-standin.mk proto-dir=/tmp/eprog goenv SRCARCH=mips CONFIG_64BIT=y     # the Go environment only
obj ?= build
proto := eprog
proto-dir ?= $(abspath $(dir $(lastword $(MAKEFILE_LIST)))../../examples/eprog)
__build:

include $(dir $(lastword $(MAKEFILE_LIST)))../../examples/kbuild/protocol-helper.mk

__build: $(proto-helper-bin) $(proto-header)

goenv:
	@echo '$(kernel-goenv)'

$(shell mkdir -p $(obj))
