module fwscan/helper

go 1.22
