module goferry.test/systemroots

go 1.19
