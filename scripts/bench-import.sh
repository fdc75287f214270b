#!/usr/bin/env bash
# Times `rolo import contacts` of a 100,000-row Google Contacts CSV into a
# copy of the large demo database, duplicate checking on (every tenth row
# is a person already stored, by email), then `rolo import undo` of the
# batch and `rolo dedupe contacts`: wall time, rows/s and max RSS.
# Usage: scripts/bench-import.sh DB [ROWS]   (DB: a large demo database,
#   e.g. the one the Go benchmarks build in the temp directory; it is
#   copied, not changed)
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?usage: scripts/bench-import.sh DB [ROWS]}
rows=${2:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/rolo" .
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" ROLO_USER_NAME="Bench User"
cp "$db" "$work/large.db"
rolo() { "$work/rolo" --db "$work/large.db" "$@"; }
rolo contact list --limit 1 --json >/dev/null # bring the copy up to the current schema

# Known people: every tenth row carries a stored contact's email.
rolo contact list --limit $((rows / 10)) --json |
  grep -o '"email": *"[^"]*"' | sed 's/.*: *"\(.*\)"/\1/' >"$work/known.txt"
awk -v n="$rows" -v known="$work/known.txt" 'BEGIN {
  while ((getline line < known) > 0) k[m++] = line
  split("Ayşe Mehmet Hans Jürgen Emma Olivia Lucas Zeynep Łukasz Sofía", first, " ")
  split("Yılmaz Müller Smith Kowalski García Öztürk Schäfer Brown Dubois Rossi", last, " ")
  print "First Name,Middle Name,Last Name,Organization Name,Organization Title,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Labels,Notes"
  for (i = 0; i < n; i++) {
    email = "import" i "@example" (i % 97) ".com"
    if (i % 10 == 0 && i / 10 < m) email = k[i / 10]
    printf "%s%d,,%s,Import Account %d,Buyer,* Work,%s,Mobile,+1 512 %03d %04d,* myContacts ::: import,\n",
      first[i % 10 + 1], int(i / 100), last[int(i / 10) % 10 + 1], i % 500, email, 200 + int(i / 10000), i % 10000
  }
}' >"$work/contacts.csv"
echo "$(wc -l <"$work/contacts.csv") lines, $(du -h "$work/contacts.csv" | cut -f1)"

start=$(date +%s.%N)
/usr/bin/time -f "import: %e s wall, %M KB max RSS" "$work/rolo" --db "$work/large.db" import contacts "$work/contacts.csv" 2>"$work/import.err" || true
end=$(date +%s.%N)
grep -v "^.*line [0-9]*: \(skipped\|warning\)" "$work/import.err" | tail -5
awk -v s="$start" -v e="$end" -v n="$rows" 'BEGIN { printf "%.0f rows/s\n", n / (e - s) }'
batch=$(grep -o 'rolo import undo [0-9]*' "$work/import.err" | grep -o '[0-9]*$')
/usr/bin/time -f "import undo: %e s wall, %M KB max RSS" "$work/rolo" --db "$work/large.db" import undo "$batch"
/usr/bin/time -f "dedupe contacts: %e s wall, %M KB max RSS" "$work/rolo" --db "$work/large.db" dedupe contacts --limit 5
