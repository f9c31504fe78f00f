# Builds $(obj)/umd_helper, a static Go program for the kernel's arch, from the Go module in
# ../helper, beside this Makefile's directory (not inside it: make clean deletes every *.mod file
# under the directory it cleans), which imports <its module path>/gen/go/rawsys. Whatever embeds
# the helper depends on it: $(obj)/helper_blob.o: $(obj)/umd_helper
helper-src := $(realpath $(dir $(lastword $(MAKEFILE_LIST))))
include $(helper-src)/goarch.mk		# syscallgen's examples/kbuild/goarch.mk, copied here

SYSCALLGEN ?= syscallgen
GO ?= go
helper-dir := $(realpath $(helper-src)/..)/helper
helper-stamp := $(helper-dir)/gen/.syscallgen.stamp

# On every make. gen rewrites only the files whose bytes change, and its stamp when an input (the
# bundled specs, this driver's own in specs/ if there are any, the arch) or an output changed.
$(helper-stamp): FORCE
	$(call kernel-goarch-check,helper,KERNEL_GOARCH)
	$(Q)$(SYSCALLGEN) gen --arch $(KERNEL_GOARCH) --out $(helper-dir)/gen \
		$(addprefix --specs ,$(wildcard $(helper-src)/specs)) >/dev/null

# if_changed: also rebuilt when the command, and with it GOARCH or GOARM, changes. go -C, not cd:
# if_changed writes its .cmd file, by a path relative to the objtree, after the command.
quiet_cmd_go_helper = GO      $@
      cmd_go_helper = env $(kernel-goenv) $(GO) -C $(helper-dir) build -trimpath \
			-buildvcs=false -ldflags='-s -w' -o $(abspath $@) .

# Without this, Kbuild's rule for $(obj)/%.mod (a module's list of objects) rewrites go.mod with M=.
$(helper-dir)/go.mod: ;

$(obj)/umd_helper: $(helper-stamp) $(wildcard $(helper-dir)/go.* $(helper-dir)/*.go) FORCE
	$(call if_changed,go_helper)
targets += umd_helper
