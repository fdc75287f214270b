package model

import (
	"fmt"
	"slices"
	"strings"
)

// StageKind says whether a stage holds open deals or closes them.
type StageKind string

// The kinds of stage.
const (
	StageOpen StageKind = "open"
	StageWon  StageKind = "won"
	StageLost StageKind = "lost"
)

// Stage is one step of a pipeline. Its key is stable: deals store it, so
// a stage can be renamed or moved in config without touching them.
type Stage struct {
	Key         string    `json:"key"`
	Name        string    `json:"name"`
	Probability int       `json:"probability"` // default win probability, percent
	Kind        StageKind `json:"kind"`
	Requires    []string  `json:"requires,omitempty"` // deal fields needed to enter it
}

// Pipeline is an ordered list of stages.
type Pipeline struct {
	Key    string  `json:"key"`
	Name   string  `json:"name"`
	Stages []Stage `json:"stages"`
}

// GateFields are the deal fields a stage may require.
var GateFields = []string{"amount", "close_date", "contact", "account", "probability"}

// DefaultPipelines is the pipeline rolo starts with.
func DefaultPipelines() []Pipeline {
	return []Pipeline{{
		Key: "new-business", Name: "New business",
		Stages: []Stage{
			{Key: "qualification", Name: "Qualification", Probability: 10, Kind: StageOpen},
			{Key: "needs-analysis", Name: "Needs analysis", Probability: 25, Kind: StageOpen},
			{Key: "proposal", Name: "Proposal", Probability: 50, Kind: StageOpen},
			{Key: "negotiation", Name: "Negotiation", Probability: 75, Kind: StageOpen},
			{Key: "won", Name: "Won", Probability: 100, Kind: StageWon},
			{Key: "lost", Name: "Lost", Probability: 0, Kind: StageLost},
		},
	}}
}

// Check reports what is wrong with a pipeline definition, naming it.
func (p Pipeline) Check() error {
	name := p.Key
	if name == "" {
		name = p.Name
	}
	fail := func(format string, args ...any) error {
		return fmt.Errorf("pipeline %q: %s", name, fmt.Sprintf(format, args...))
	}
	if strings.TrimSpace(p.Key) == "" {
		return fmt.Errorf("pipeline %q: needs a key", p.Name)
	}
	if len(p.Stages) == 0 {
		return fail("has no stages")
	}
	seen := map[string]bool{}
	var open, won, lost int
	for i, s := range p.Stages {
		if strings.TrimSpace(s.Key) == "" {
			return fail("stage %d has no key", i+1)
		}
		if seen[s.Key] {
			return fail("two stages have the key %q", s.Key)
		}
		seen[s.Key] = true
		if s.Probability < 0 || s.Probability > 100 {
			return fail("stage %q: probability %d is not between 0 and 100", s.Key, s.Probability)
		}
		switch s.Kind {
		case StageOpen:
			open++
		case StageWon:
			won++
		case StageLost:
			lost++
		default:
			return fail("stage %q: kind %q is not open, won or lost", s.Key, s.Kind)
		}
		for _, r := range s.Requires {
			if !slices.Contains(GateFields, r) {
				return fail("stage %q requires %q, which is not one of %s", s.Key, r, strings.Join(GateFields, ", "))
			}
		}
	}
	switch {
	case open == 0:
		return fail("has no open stage")
	case won != 1:
		return fail("needs exactly one won stage, has %d", won)
	case lost != 1:
		return fail("needs exactly one lost stage, has %d", lost)
	}
	return nil
}

// Find returns the stage with this key or (folded) name.
func (p Pipeline) Find(keyOrName string) (Stage, bool) {
	k := strings.TrimSpace(keyOrName)
	for _, s := range p.Stages {
		if s.Key == k {
			return s, true
		}
	}
	f := Fold(k)
	for _, s := range p.Stages {
		if Fold(s.Name) == f || Fold(s.Key) == f {
			return s, true
		}
	}
	return Stage{}, false
}

// Open are the open stages in order; Won and Lost the closing ones.
func (p Pipeline) Open() []Stage {
	var out []Stage
	for _, s := range p.Stages {
		if s.Kind == StageOpen {
			out = append(out, s)
		}
	}
	return out
}

// Closing returns the pipeline's won or lost stage.
func (p Pipeline) Closing(kind StageKind) Stage {
	for _, s := range p.Stages {
		if s.Kind == kind {
			return s
		}
	}
	return Stage{}
}

// StageNames lists the stages for error messages.
func (p Pipeline) StageNames() string {
	names := make([]string, len(p.Stages))
	for i, s := range p.Stages {
		names[i] = s.Name
	}
	return strings.Join(names, ", ")
}

// Neighbour is the open stage before (-1) or after (+1) the given one;
// false at the ends.
func (p Pipeline) Neighbour(key string, dir int) (Stage, bool) {
	open := p.Open()
	for i, s := range open {
		if s.Key == key {
			j := i + dir
			if j < 0 || j >= len(open) {
				return Stage{}, false
			}
			return open[j], true
		}
	}
	return Stage{}, false
}

// Pipelines is the configured set; the first is the default.
type Pipelines []Pipeline

// Find returns the pipeline with this key or (folded) name; "" is the
// default.
func (ps Pipelines) Find(keyOrName string) (Pipeline, bool) {
	if strings.TrimSpace(keyOrName) == "" && len(ps) > 0 {
		return ps[0], true
	}
	for _, p := range ps {
		if p.Key == keyOrName || Fold(p.Name) == Fold(keyOrName) || Fold(p.Key) == Fold(keyOrName) {
			return p, true
		}
	}
	return Pipeline{}, false
}

// Keys lists the pipelines for error messages.
func (ps Pipelines) Keys() string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Key)
	}
	return strings.Join(out, ", ")
}
