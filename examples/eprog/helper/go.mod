module eprog/helper

go 1.22
