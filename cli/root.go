// Package cli is rolo's command line (cobra). It loads the config, opens
// the store and maps errors to the exit codes of PRODUCT.md; the TUI is
// started through the RunTUI function main hands in.
package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"rolo/config"
	"rolo/model"
	"rolo/store"
)

// Exit codes.
const (
	ExitOK       = 0
	ExitError    = 1
	ExitUsage    = 2
	ExitNotFound = 3
	ExitConflict = 4
)

// Session is what a command works with: the config, the open store and
// the current user.
type Session struct {
	Config config.Config
	Store  *store.Store
	Me     model.User
}

// Options are what main wires in.
type Options struct {
	Version       string
	ExampleConfig []byte // config.example.yaml, written by `rolo init`
	// RunTUI opens the terminal interface on an open session.
	RunTUI func(ctx context.Context, s *Session, noColor bool) error
	Stdout io.Writer
	Stderr io.Writer
}

type app struct {
	opt     Options
	cfgFile string
	dbPath  string
	noColor bool
	tui     bool // the terminal interface, not a command
	noMap   bool // a command that reads whole tables: no memory map (see commandMapSize)
	out     *bufio.Writer
	session *Session
}

// commandMapSize is how much of the database file a command (not the TUI)
// may read through a memory map: more than the large demo set. Commands
// that read whole tables (import, dedupe) do without: every page they
// touch would count in their resident memory.
const commandMapSize = 1 << 30

// usageError is a mistake in how a command was called (exit 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// Run executes the command line and returns the process exit code.
func Run(ctx context.Context, args []string, opt Options) int {
	if opt.Stdout == nil {
		opt.Stdout = os.Stdout
	}
	if opt.Stderr == nil {
		opt.Stderr = os.Stderr
	}
	// buffered: a list of 10,000 records is a few writes, not 10,000
	out := bufio.NewWriterSize(opt.Stdout, 64<<10)
	a := &app{opt: opt, out: out}
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetOut(out)
	root.SetErr(opt.Stderr)
	err := root.ExecuteContext(ctx)
	if ferr := out.Flush(); err == nil && ferr != nil && !errors.Is(ferr, syscall.EPIPE) {
		err = ferr
	}
	if a.session != nil {
		a.session.Store.Close()
	}
	if err == nil {
		return ExitOK
	}
	fmt.Fprintln(opt.Stderr, "rolo: "+model.Printable(errorMessage(err)))
	return exitCode(err)
}

func exitCode(err error) int {
	var ue *usageError
	var ce *codedError
	switch {
	case errors.As(err, &ce):
		return ce.code
	case errors.As(err, &ue), errors.Is(err, model.ErrValidation), strings.HasPrefix(err.Error(), "unknown command"):
		return ExitUsage
	case errors.Is(err, store.ErrNotFound):
		return ExitNotFound
	case errors.Is(err, store.ErrDuplicate), errors.Is(err, store.ErrConflict):
		return ExitConflict
	}
	return ExitError
}

func errorMessage(err error) string {
	msg := err.Error()
	var de *store.DuplicateError
	if errors.As(err, &de) && de.Entity != "product" {
		msg += "; pass --allow-duplicate to save it anyway"
	}
	var ue *usageError
	if errors.As(err, &ue) && !strings.Contains(msg, "--help") {
		msg += " (see --help)"
	}
	return msg
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "rolo",
		Short: "A CRM that lives in the terminal",
		Long: "rolo keeps contacts, accounts and their history in one local SQLite file.\n" +
			"Run it without arguments for the terminal interface; the commands below script it.",
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       a.opt.Version,
		RunE: func(cmd *cobra.Command, _ []string) error {
			a.tui = true
			s, err := a.open(cmd.Context())
			if err != nil {
				return err
			}
			if a.opt.RunTUI == nil {
				return errors.New("this build has no terminal interface")
			}
			if err := a.out.Flush(); err != nil {
				return err
			}
			return a.opt.RunTUI(cmd.Context(), s, a.noColor)
		},
	}
	root.SetVersionTemplate("rolo {{.Version}}\n")
	pf := root.PersistentFlags()
	pf.StringVar(&a.cfgFile, "config", "", "config file (default $XDG_CONFIG_HOME/rolo/config.yaml)")
	pf.StringVar(&a.dbPath, "db", "", "database file (default database.path, else $XDG_DATA_HOME/rolo/rolo.db)")
	pf.BoolVar(&a.noColor, "no-color", false, "no colours (NO_COLOR does the same)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err.Error()} })
	root.AddCommand(a.initCmd(), a.demoCmd(), a.contactCmd(), a.accountCmd(), a.dealCmd(), a.quoteCmd(), a.productCmd(),
		a.leadCmd(), a.dedupeCmd(), a.importCmd(), a.logCmd(), a.taskCmd(), a.activityCmd(), a.exportCmd(), a.reportCmd(), a.undoCmd(), a.versionCmd())
	wrapArgs(root)
	return root
}

// wrapArgs makes cobra's argument errors usage errors (exit 2).
func wrapArgs(c *cobra.Command) {
	if c.Args != nil {
		check := c.Args
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := check(cmd, args); err != nil {
				if !cmd.HasParent() {
					return &usageError{err.Error()}
				}
				path := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
				return &usageError{fmt.Sprintf("%s: %v; usage: %s", path, err, cmd.UseLine())}
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		wrapArgs(sub)
	}
}

func (a *app) loadConfig() (config.Config, error) {
	cfg, err := config.Load(config.LoadOptions{File: a.cfgFile, DBPath: a.dbPath})
	if err != nil {
		return cfg, &usageError{err.Error()}
	}
	return cfg, nil
}

// open loads the config, opens the store and makes sure the current user
// and the configured team exist.
func (a *app) open(ctx context.Context) (*Session, error) {
	if a.session != nil {
		return a.session, nil
	}
	cfg, err := a.loadConfig()
	if err != nil {
		return nil, err
	}
	opt := store.Options{Rules: cfg.Rules(), Rates: cfg.RateSet()}
	if !a.tui && !a.noMap {
		opt.MapSize = commandMapSize
	}
	st, err := store.Open(ctx, cfg.Database.Path, opt)
	if err != nil {
		return nil, err
	}
	me, err := st.Users.Ensure(ctx, cfg.User.Name, cfg.User.Email)
	if err != nil {
		st.Close()
		return nil, err
	}
	st.SetActor(me.ID)
	for _, t := range cfg.Team {
		if _, err := st.Users.Ensure(ctx, t.Name, t.Email); err != nil {
			st.Close()
			return nil, fmt.Errorf("team member %q: %w", t.Name, err)
		}
	}
	a.session = &Session{Config: cfg, Store: st, Me: me}
	return a.session, nil
}

// resolveOwner turns --owner (me, a name or an email) into a user id; ""
// means everyone (0).
func (s *Session) resolveOwner(ctx context.Context, owner string) (int64, error) {
	owner = strings.TrimSpace(owner)
	switch strings.ToLower(owner) {
	case "":
		return 0, nil
	case "me":
		return s.Me.ID, nil
	}
	u, err := s.Store.Users.Find(ctx, owner)
	if err != nil {
		users, _ := s.Store.Users.List(ctx)
		var names []string
		for _, u := range users {
			names = append(names, u.Name)
		}
		return 0, fmt.Errorf("owner: %w (team: me, %s)", err, strings.Join(names, ", "))
	}
	return u.ID, nil
}
