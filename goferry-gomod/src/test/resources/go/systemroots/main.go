// Command systemroots prints the subject (DER, hex) of every certificate in
// x509.SystemCertPool, one a line, or "ERROR <error>". Subjects is deprecated but still
// lists the pool loaded from files on Linux in every Go release this test covers; the test
// gives each certificate a unique subject so a subject names one certificate.
package main

import (
	"crypto/x509"
	"encoding/hex"
	"fmt"
)

func main() {
	pool, err := x509.SystemCertPool()
	if err != nil {
		fmt.Printf("ERROR %v\n", err)
		return
	}
	//lint:ignore SA1019 the pool was loaded from files, so Subjects lists it
	for _, subject := range pool.Subjects() {
		fmt.Println(hex.EncodeToString(subject))
	}
}
