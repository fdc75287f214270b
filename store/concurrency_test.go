package store

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"rolo/model"
)

// Two stores on one new file stand in for two rolo processes: both open
// (and migrate) at once, then add contacts at the same time. None may fail
// with "database is locked" and none may be lost.
func TestConcurrentWritersOnOneFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	const writers, each = 4, 40
	var wg sync.WaitGroup
	errs := make(chan error, writers*each+writers)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			s, err := Open(ctx, path, Options{})
			if err != nil {
				errs <- err
				return
			}
			defer s.Close()
			me, err := s.Users.Ensure(ctx, "Writer", "")
			if err != nil {
				errs <- err
				return
			}
			s.SetActor(me.ID)
			for i := 0; i < each; i++ {
				_, err := s.Contacts.Create(ctx, model.Contact{FirstName: fmt.Sprintf("W%d", w), LastName: fmt.Sprint(i),
					Email: fmt.Sprintf("w%d.%d@example.com", w, i), AccountName: "Shared Account"}, WriteOptions{})
				if err != nil {
					errs <- err
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.Contacts.Count(ctx, ListQuery{}); n != writers*each {
		t.Fatalf("%d contacts, want %d", n, writers*each)
	}
	if n, _ := s.Accounts.Count(ctx, ListQuery{}); n != 1 {
		t.Fatalf("%d accounts named Shared Account, want 1", n)
	}
}

// A new file opened by several processes at once: the read-only check of
// one must wait for another's migration, not call the file foreign.
func TestConcurrentOpenOfANewFile(t *testing.T) {
	for round := 0; round < 5; round++ {
		path := filepath.Join(t.TempDir(), "new.db")
		var wg sync.WaitGroup
		errs := make(chan error, 6)
		for i := 0; i < 6; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s, err := Open(ctx, path, Options{})
				if err != nil {
					errs <- err
					return
				}
				_, err = s.Users.Ensure(ctx, "Same User", "")
				if err != nil {
					errs <- err
				}
				s.Close()
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
	}
}
