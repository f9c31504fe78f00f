module sgwtest/helper

go 1.22
