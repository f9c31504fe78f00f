// Package rawsys_test compares the generated rawsys package with
// golang.org/x/sys/unix on the arch it runs on. The tables come from a file
// generated per arch by test/support/xsys-plan.ts; this file only judges.
package rawsys_test

import (
	"reflect"
	"strings"
	"testing"
)

// constCheck is one constant both packages declare. equal and sameType are
// evaluated by the compiler in the generated table; ours/theirs are the
// declarations' source text, shown on mismatch.
type constCheck struct {
	name            string
	equal, sameType bool
	ours, theirs    string
}

// typeCheck pairs the two packages' types of one name.
type typeCheck struct {
	name         string
	ours, theirs reflect.Type
}

// Filled by the generated table's init.
var (
	constChecks []constCheck
	typeChecks  []typeCheck
	funcChecks  []typeCheck
)

// Signatures rawsys deliberately does not share with x/sys on some arches, with the signature
// rawsys has, and why (also in the README). Any other difference fails.
var knownSignatureDifferences = map[string]string{
	// x/sys returns int on 32-bit arches and int64 on 64-bit ones; rawsys keeps one signature.
	"Splice": "func(int, *int64, int, *int64, int, int) (int64, error)",
}

// TestSignaturesMatchXsys checks the API contract: a function both packages export has the same
// parameter and result types, package names aside (rawsys.Stat_t stands for unix.Stat_t).
func TestSignaturesMatchXsys(t *testing.T) {
	if len(funcChecks) == 0 {
		t.Fatal("no function is in both packages: the generated table is empty")
	}
	for _, c := range funcChecks {
		ours := strings.ReplaceAll(c.ours.String(), "rawsys.", "unix.")
		theirs := c.theirs.String()
		known, listed := knownSignatureDifferences[c.name]
		switch {
		case ours == theirs:
		case listed && ours == known:
			t.Logf("%s: %s here, %s in x/sys (a documented difference)", c.name, ours, theirs)
		default:
			t.Errorf("%s: rawsys %s, x/sys %s", c.name, ours, theirs)
		}
	}
}

func TestConstantsMatchXsys(t *testing.T) {
	if len(constChecks) == 0 {
		t.Fatalf("no shared constants to compare: the generated table is missing or empty")
	}
	for _, c := range constChecks {
		if !c.equal {
			t.Errorf("%s differs: rawsys %s, x/sys %s", c.name, c.ours, c.theirs)
		}
		if !c.sameType {
			t.Errorf("%s has a different type: rawsys %s, x/sys %s", c.name, c.ours, c.theirs)
		}
	}
	t.Logf("compared %d constants", len(constChecks))
}

func TestTypeLayoutsMatchXsys(t *testing.T) {
	if len(typeChecks) == 0 {
		t.Fatalf("no shared types to compare: the generated table is missing or empty")
	}
	for _, c := range typeChecks {
		compareLayout(t, c.name, c.ours, c.theirs)
	}
	t.Logf("compared %d types", len(typeChecks))
}

// compareLayout requires equal kind, size and alignment, and for structs
// that every named field of ours sits in x/sys's at the same offset with
// the same size and kind. x/sys fields ours leaves blank are only logged.
func compareLayout(t *testing.T, name string, ours, theirs reflect.Type) {
	t.Helper()
	if ours.Kind() != theirs.Kind() || ours.Size() != theirs.Size() || ours.Align() != theirs.Align() {
		t.Errorf("%s: rawsys is %s (size %d, align %d), x/sys is %s (size %d, align %d)",
			name, ours.Kind(), ours.Size(), ours.Align(), theirs.Kind(), theirs.Size(), theirs.Align())
	}
	if ours.Kind() != reflect.Struct || theirs.Kind() != reflect.Struct {
		return
	}
	for i := 0; i < ours.NumField(); i++ {
		f := ours.Field(i)
		if f.Name == "_" {
			continue
		}
		g, found := directField(theirs, f.Name)
		if !found {
			t.Errorf("%s.%s (offset %d): x/sys's %s has no such field", name, f.Name, f.Offset, name)
			continue
		}
		if f.Offset != g.Offset || f.Type.Size() != g.Type.Size() || f.Type.Kind() != g.Type.Kind() {
			t.Errorf("%s.%s: rawsys offset %d size %d kind %s; x/sys offset %d size %d kind %s",
				name, f.Name, f.Offset, f.Type.Size(), f.Type.Kind(), g.Offset, g.Type.Size(), g.Type.Kind())
		}
	}
	for i := 0; i < theirs.NumField(); i++ {
		if g := theirs.Field(i); g.Name != "_" {
			if _, found := directField(ours, g.Name); !found {
				t.Logf("note: %s.%s exists only in x/sys (offset %d)", name, g.Name, g.Offset)
			}
		}
	}
}

// directField finds a field declared in st itself, not promoted from an
// embedded struct, since layouts are compared level by level.
func directField(st reflect.Type, name string) (reflect.StructField, bool) {
	for i := 0; i < st.NumField(); i++ {
		if f := st.Field(i); f.Name == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}
