package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"rolo/config"
	"rolo/demo"
	"rolo/store"
)

// codedError carries its own exit code.
type codedError struct {
	code int
	err  error
}

func (e *codedError) Error() string { return e.err.Error() }
func (e *codedError) Unwrap() error { return e.err }

func (a *app) initCmd() *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Write a config file and create the database",
		Long: "init writes the documented example config to --config (default\n" +
			"$XDG_CONFIG_HOME/rolo/config.yaml) unless one exists, then creates the database.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path := a.cfgFile
			if path == "" {
				path = config.DefaultConfigPath()
			}
			_, statErr := os.Stat(path)
			switch {
			case statErr == nil && !force:
				fmt.Fprintf(cmd.ErrOrStderr(), "config %s already exists; kept it (--force overwrites)\n", path)
			case statErr == nil || errors.Is(statErr, os.ErrNotExist):
				if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
					return err
				}
				if err := os.WriteFile(path, a.opt.ExampleConfig, 0o600); err != nil {
					return err
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "wrote config %s\n", path)
			default:
				return statErr
			}
			a.cfgFile = path
			s, err := a.open(cmd.Context())
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "database %s is ready (you are %q; set user.name in the config to change it)\n",
				s.Store.Path(), s.Me.Name)
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing config file")
	return cmd
}

func (a *app) demoCmd() *cobra.Command {
	var size string
	var seed int64
	var force bool
	cmd := &cobra.Command{
		Use:   "demo [--size small|large] [--seed N] [--force]",
		Short: "Fill the database with realistic demo data",
		Long: "demo writes deterministic sample data (the same seed gives the same data).\n" +
			"small: about 40 accounts and 250 contacts; large: 20,000 accounts and 100,000 contacts.\n" +
			"It refuses a database that holds records unless --force, which replaces them all.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if size != "small" && size != "large" {
				return usagef("--size must be small or large, not %q", size)
			}
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			start := time.Now()
			sum, err := demo.Run(ctx, s.Store, demo.Options{Size: size, Seed: seed, Force: force})
			if errors.Is(err, demo.ErrNotEmpty) {
				return &codedError{ExitConflict, err}
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "wrote %d accounts, %d contacts, %d deals (%d open), %d quotes, %d products, %d activities (%d open tasks) and %d leads for %d users to %s in %s\n",
				sum.Accounts, sum.Contacts, sum.Deals, sum.OpenDeals, sum.Quotes, sum.Products, sum.Activities, sum.OpenTasks, sum.Leads,
				sum.Users, s.Store.Path(), time.Since(start).Round(10*time.Millisecond))
			return noteMissingRates(ctx, cmd.ErrOrStderr(), s)
		},
	}
	cmd.Flags().StringVar(&size, "size", "small", "small or large")
	cmd.Flags().Int64Var(&seed, "seed", 1, "random seed")
	cmd.Flags().BoolVar(&force, "force", false, "replace everything in a database that is not empty")
	return cmd
}

func (a *app) undoCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "undo [CHANGE]",
		Short: "Reverse a change from the history (your last one by default)",
		Long: "undo reverses one change group (every record one command or keystroke changed):\n" +
			"a create is removed, an edit gets its old values back, an archive is restored.\n" +
			"A field changed again since is not overwritten: the undo is refused.",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			var group int64
			if len(args) == 1 {
				if _, err := fmt.Sscan(strings.TrimPrefix(args[0], "#"), &group); err != nil || group <= 0 {
					return usagef("CHANGE is a number from the history, not %q", args[0])
				}
			} else if group, err = s.Store.History.Last(ctx); err != nil {
				return err
			} else if group == 0 {
				return &codedError{ExitNotFound, errors.New("nothing of yours to undo")}
			}
			changes, err := s.Store.History.Undo(ctx, group)
			if err != nil {
				return err
			}
			for i, c := range changes {
				if i == rowMessages {
					fmt.Fprintf(cmd.ErrOrStderr(), "... and %d more changes undone\n", len(changes)-i)
					break
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "undid %s of %s #%d\n", c.Action, c.Entity, c.EntityID)
			}
			if asJSON {
				return printJSON(cmd.OutOrStdout(), changes)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the undone changes as JSON")
	return cmd
}

func (a *app) versionCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			v := map[string]any{"version": a.opt.Version, "schema": store.LatestSchema(), "go": runtime.Version()}
			if asJSON {
				return printJSON(cmd.OutOrStdout(), v)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "rolo %s (schema %d, %s)\n", a.opt.Version, store.LatestSchema(), runtime.Version())
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

// noteMissingRates says which currencies of the open deals have no
// exchange rate, so a new user knows why totals leave them out.
func noteMissingRates(ctx context.Context, w io.Writer, s *Session) error {
	var missing []string
	for _, p := range s.Config.PipelineSet() {
		f, err := s.Store.Reports.Pipeline(ctx, store.ReportFilter{}, p)
		if err != nil {
			return err
		}
		missing = append(missing, f.Missing...)
	}
	slices.Sort(missing)
	if missing = slices.Compact(missing); len(missing) > 0 {
		fmt.Fprintf(w, "note: deals in %s are left out of totals, the dashboard and reports until currency.rates in the config has their rates into %s\n",
			strings.Join(missing, ", "), s.Store.Rates().Base)
	}
	return nil
}
