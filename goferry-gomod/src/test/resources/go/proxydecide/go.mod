module goferry.test/proxydecide

go 1.19
