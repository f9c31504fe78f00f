# A stand-in for Kbuild's scripts/Makefile.build, enough to build one target of a driver's Kbuild
# Makefile: the kernel tree's own scripts/Kbuild.include (cmd, if_changed and the rest), the
# Makefile read as Kbuild reads it, its targets' saved command lines, FORCE. The arch and the
# CONFIG_* come from the command line, as auto.conf would set them.
#
#   make -f kbuild-standin.mk srctree=<linux tree> src=<driver dir> obj=<build dir> \
#        SRCARCH=arm64 CONFIG_64BIT=y <obj>/<target>
MAKEFLAGS += -rR
quiet := $(if $(filter 1,$(V)),,quiet_)
Q := $(if $(filter 1,$(V)),,@)
PHONY := __build
__build:

include $(srctree)/scripts/Kbuild.include
include $(src)/Makefile

targets := $(addprefix $(obj)/,$(targets))
-include $(foreach f,$(wildcard $(targets)),$(dir $(f)).$(notdir $(f)).cmd)

$(shell mkdir -p $(obj))

PHONY += FORCE
FORCE:

.PHONY: $(PHONY)
