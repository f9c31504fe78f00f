// Command empty is the baseline of the size comparison.
package main

func main() {}
