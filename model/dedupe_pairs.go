package model

import (
	"sort"
	"strconv"
)

// Pair is two records that are likely one customer: A is the older
// (smaller id), Match describes B as A's duplicate.
type Pair struct {
	A     int64  `json:"a"`
	AName string `json:"a_name"`
	Match
}

// window is how many following distinct name keys each key is compared
// with, in each of the two sort orders (see findPairs).
const window = 8

// blockCap bounds the records of one block (one email, one phone, one
// name) that are compared pairwise; a larger block is a placeholder value
// ("test@example.com", "John Doe") shared by many records, and only its
// first blockCap records are paired.
const blockCap = 400

// PeoplePairs finds every pair of people scoring at least minScore, best
// first. It does not compare every record with every other: people are
// paired when they share an email, a phone or a name key, or when their
// name keys sort near each other (forwards, and spelled backwards so a
// typo in the first letters is caught too) and are similar.
func PeoplePairs(ps []Person, minScore int) []Pair {
	keys := make([]nameKeys, len(ps))
	groups, near := make([]string, len(ps)), make([]string, len(ps))
	for i, p := range ps {
		keys[i] = personKeys(p)
		groups[i], near[i] = keys[i].sorted, keys[i].order
	}
	sameName := minScore <= ScoreSameName
	f := pairFinder{n: len(ps), min: minScore, keys: groups, near: near,
		name: func(i int) string { return ps[i].Name() },
		id:   func(i int) int64 { return ps[i].ID },
		compare: func(i, j int) (Match, bool) {
			return comparePeople(ps[i], ps[j], keys[i], keys[j])
		},
		// Two people of one name are paired only when something else
		// ties them, unless the caller asks for names alone.
		sub: func(i int) []string {
			if sameName {
				return []string{""}
			}
			var out []string
			if ps[i].AccountID != 0 {
				out = append(out, "a"+strconv.FormatInt(ps[i].AccountID, 10))
			}
			if d := EmailDomain(ps[i].Email); d != "" {
				out = append(out, "d"+d)
			}
			return out
		},
	}
	f.exact(func(i int) []string {
		var out []string
		if e := NormalizeEmail(ps[i].Email); e != "" {
			out = append(out, "e"+e)
		}
		if ps[i].PhoneE164 != "" {
			out = append(out, "p"+ps[i].PhoneE164)
		}
		return out
	})
	return f.run()
}

// OrgPairs finds every pair of accounts scoring at least minScore, best
// first, blocked like PeoplePairs: by domain, phone and company key.
func OrgPairs(os []Org, minScore int) []Pair {
	keys := make([]string, len(os))
	for i, o := range os {
		keys[i] = CompanyKey(o.Name)
	}
	f := pairFinder{n: len(os), min: minScore, keys: keys, near: keys,
		name: func(i int) string { return os[i].Name },
		id:   func(i int) int64 { return os[i].ID },
		compare: func(i, j int) (Match, bool) {
			return compareOrgs(os[i], os[j], keys[i], keys[j])
		},
		sub: func(int) []string { return []string{""} },
	}
	f.exact(func(i int) []string {
		var out []string
		if d := orgDomain(os[i]); d != "" {
			out = append(out, "d"+d)
		}
		if os[i].PhoneE164 != "" {
			out = append(out, "p"+os[i].PhoneE164)
		}
		return out
	})
	return f.run()
}

type pairFinder struct {
	n       int
	min     int
	keys    []string // name keys: records sharing one are compared
	near    []string // keys sorted to find similar names
	name    func(int) string
	id      func(int) int64
	compare func(i, j int) (Match, bool) // j as a duplicate of i
	sub     func(int) []string           // sub-blocks within one name key
	seen    map[[2]int32]bool
	out     []Pair
}

func (f *pairFinder) try(i, j int) {
	if i == j {
		return
	}
	if f.id(i) > f.id(j) {
		i, j = j, i
	}
	k := [2]int32{int32(i), int32(j)}
	if f.seen[k] {
		return
	}
	m, ok := f.compare(i, j)
	if !ok || m.Score < f.min {
		return
	}
	f.seen[k] = true
	f.out = append(f.out, Pair{A: f.id(i), AName: f.name(i), Match: m})
}

// block pairs every two members of each block.
func (f *pairFinder) block(blocks map[string][]int32) {
	for _, members := range blocks {
		if len(members) > blockCap {
			members = members[:blockCap]
		}
		for x := 0; x < len(members); x++ {
			for y := x + 1; y < len(members); y++ {
				f.try(int(members[x]), int(members[y]))
			}
		}
	}
}

// exact pairs records sharing any of the values keyOf returns.
func (f *pairFinder) exact(keyOf func(int) []string) {
	if f.seen == nil {
		f.seen = map[[2]int32]bool{}
	}
	blocks := map[string][]int32{}
	for i := 0; i < f.n; i++ {
		for _, k := range keyOf(i) {
			blocks[k] = append(blocks[k], int32(i))
		}
	}
	f.block(blocks)
}

func (f *pairFinder) run() []Pair {
	if f.seen == nil {
		f.seen = map[[2]int32]bool{}
	}
	// Records sharing a name key, within their sub-blocks.
	byKey := map[string][]int32{}
	for i := 0; i < f.n; i++ {
		if f.keys[i] != "" {
			byKey[f.keys[i]] = append(byKey[f.keys[i]], int32(i))
		}
	}
	sub := map[string][]int32{}
	for k, members := range byKey {
		if len(members) < 2 {
			continue
		}
		for _, m := range members {
			for _, s := range f.sub(int(m)) {
				sub[k+"\x00"+s] = append(sub[k+"\x00"+s], m)
			}
		}
	}
	f.block(sub)
	// Near keys: sorted forwards and spelled backwards, each distinct key
	// against the next few.
	byNear := map[string][]int32{}
	for i := 0; i < f.n; i++ {
		if f.near[i] != "" {
			byNear[f.near[i]] = append(byNear[f.near[i]], int32(i))
		}
	}
	distinct := make([]string, 0, len(byNear))
	for k := range byNear {
		distinct = append(distinct, k)
	}
	for pass := 0; pass < 2; pass++ {
		order := make([]string, len(distinct))
		copy(order, distinct)
		if pass == 1 {
			rev := make(map[string]string, len(order))
			for _, k := range order {
				rev[k] = reverse(k)
			}
			sort.Slice(order, func(a, b int) bool { return rev[order[a]] < rev[order[b]] })
		} else {
			sort.Strings(order)
		}
		for a := range order {
			for b := a + 1; b < len(order) && b <= a+window; b++ {
				if Similarity(order[a], order[b]) < SimilarEnough {
					continue
				}
				ma, mb := byNear[order[a]], byNear[order[b]]
				for x, i := range ma {
					if x >= blockCap {
						break
					}
					for y, j := range mb {
						if y >= blockCap {
							break
						}
						f.try(int(i), int(j))
					}
				}
			}
		}
	}
	sort.Slice(f.out, func(a, b int) bool {
		if f.out[a].Score != f.out[b].Score {
			return f.out[a].Score > f.out[b].Score
		}
		if f.out[a].A != f.out[b].A {
			return f.out[a].A < f.out[b].A
		}
		return f.out[a].ID < f.out[b].ID
	})
	return f.out
}

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}
