package demo_test

import (
	"encoding/hex"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"rt/demo"
)

// camel is the emitter's name rule, uptime_ns -> UptimeNs.
func camel(snake string) string {
	var b strings.Builder
	for _, part := range strings.Split(snake, "_") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// messageField is the field of m holding the message named name.
func messageField(m *demo.Msg, name string) reflect.Value {
	return reflect.ValueOf(m).Elem().FieldByName(camel(name))
}

func setStruct(t *testing.T, v reflect.Value, fields map[string]json.RawMessage) {
	t.Helper()
	if v.NumField() != len(fields) {
		t.Fatalf("%s has %d fields, the vector %d", v.Type(), v.NumField(), len(fields))
	}
	for name, raw := range fields {
		f := v.FieldByName(camel(name))
		if !f.IsValid() {
			t.Fatalf("%s has no field %s", v.Type(), name)
		}
		setValue(t, f, raw)
	}
}

// setValue stores a JSON value in v: strings as text go through the string type's Set, hex
// strings through the bytes type's Set, 64-bit integers may come as decimal strings.
func setValue(t *testing.T, v reflect.Value, raw json.RawMessage) {
	t.Helper()
	var text string
	isString := json.Unmarshal(raw, &text) == nil
	number := strings.Trim(string(raw), `"`)
	switch {
	case v.Kind() == reflect.Bool:
		v.SetBool(string(raw) == "true")
	case v.CanUint():
		n, err := strconv.ParseUint(number, 10, v.Type().Bits())
		check(t, err)
		v.SetUint(n)
	case v.CanInt():
		n, err := strconv.ParseInt(number, 10, v.Type().Bits())
		check(t, err)
		v.SetInt(n)
	case isString && v.Kind() == reflect.Array:
		if !v.Addr().MethodByName("Set").Call([]reflect.Value{reflect.ValueOf(text)})[0].Bool() {
			t.Fatalf("%q does not fit %s", text, v.Type())
		}
	case isString && v.Kind() == reflect.Struct:
		data, err := hex.DecodeString(text)
		check(t, err)
		if !v.Addr().MethodByName("Set").Call([]reflect.Value{reflect.ValueOf(data)})[0].Bool() {
			t.Fatalf("%x does not fit %s", data, v.Type())
		}
	case v.Kind() == reflect.Array:
		var items []json.RawMessage
		check(t, json.Unmarshal(raw, &items))
		if len(items) != v.Len() {
			t.Fatalf("%s: %d items", v.Type(), len(items))
		}
		for i, item := range items {
			setValue(t, v.Index(i), item)
		}
	case v.Kind() == reflect.Struct:
		var fields map[string]json.RawMessage
		check(t, json.Unmarshal(raw, &fields))
		setStruct(t, v, fields)
	default:
		t.Fatalf("cannot set %s from %s", v.Type(), raw)
	}
}

func check(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
