// Command proxydecide prints net/http.ProxyFromEnvironment's decision for each URL argument,
// one line each: "PROXY <url>", "DIRECT", "ERROR <error>" or "BADURL <error>" when the
// argument itself does not parse. ProxyFromEnvironment reads the environment once per
// process, so one run stands for one environment.
package main

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
)

func main() {
	for _, arg := range os.Args[1:] {
		u, err := url.Parse(arg)
		if err != nil {
			fmt.Printf("BADURL %v\n", err)
			continue
		}
		proxy, err := http.ProxyFromEnvironment(&http.Request{URL: u})
		switch {
		case err != nil:
			fmt.Printf("ERROR %v\n", err)
		case proxy == nil:
			fmt.Println("DIRECT")
		default:
			fmt.Printf("PROXY %s\n", proxy.String())
		}
	}
}
