// rolo is a CRM that lives in the terminal. main only wires the pieces:
// the command line (cli) with its config and store, and the TUI (ui).
package main

import (
	"context"
	_ "embed"
	"os"
	"os/signal"
	"syscall"

	"rolo/cli"
	"rolo/ui"
)

//go:embed config.example.yaml
var exampleConfig []byte

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], cli.Options{
		Version:       version,
		ExampleConfig: exampleConfig,
		RunTUI: func(ctx context.Context, s *cli.Session, noColor bool) error {
			return ui.Run(ctx, ui.Deps{Store: s.Store, Config: s.Config, Me: s.Me}, noColor)
		},
	})
	stop()
	os.Exit(code)
}
