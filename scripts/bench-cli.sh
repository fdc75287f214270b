#!/usr/bin/env bash
# Times rolo's command line against the stock sqlite3 CLI running the
# comparable query on the same file (process start included for both),
# with hyperfine:
#   contact list --search mar --limit 50 --json  vs  an FTS5 prefix query
#     ordered by name with limit 50
#   deal list --stage Proposal --json  vs  the Proposal deals with their
#     account names in board order, as JSON (and with every field rolo prints)
#   task list --overdue --json  vs  the open tasks due before now with their
#     contact and account names, by due time, as JSON
#   report winrate|forecast|pipeline|activity --period last-12-months --json
#     vs  the same aggregate in one GROUP BY query, as JSON (a config with
#     exchange rates makes rolo convert, as it would for a real team)
# Usage: scripts/bench-cli.sh [DB] [reports]   (default: a fresh large demo
#   database; "reports" runs the report comparisons only)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)"; exit 1; }
command -v sqlite3 >/dev/null || { echo "needs sqlite3 (apt-get install sqlite3)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/rolo" .
db=${1:-}
only=${2:-}
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" ROLO_USER_NAME="Bench User"
if [ -z "$db" ]; then
  db="$work/large.db"
  /usr/bin/time -f "demo --size large: %e s wall, %M KB max RSS" "$work/rolo" --db "$db" demo --size large
fi
# the first run brings an older file up to the current schema (indexes
# included), so neither side is timed against a half-built file
"$work/rolo" --db "$db" contact list --limit 1 --json >/dev/null

if [ "$only" != reports ]; then
q="mar"
sql="SELECT c.id, c.first_name, c.last_name, c.email, c.phone FROM contacts c
     WHERE c.id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH '\"$q\"*')
     ORDER BY c.sort_name, c.id LIMIT 50;"
hyperfine -N --warmup 5 --runs 50 \
  -n "sqlite3 FTS5 prefix '$q' order by name limit 50" "sqlite3 -json $db \"$sql\"" \
  -n "rolo contact list --search $q --limit 50 --json" "$work/rolo --db $db contact list --search $q --limit 50 --json"

sql="SELECT d.id, d.title, d.amount, d.currency, d.stage, d.status, a.name AS account_name, d.close_date
     FROM deals d LEFT JOIN accounts a ON a.id = d.account_id
     WHERE d.pipeline = 'new-business' AND d.stage = 'proposal' AND d.archived_at IS NULL
     ORDER BY d.board_key, d.id;"
hyperfine -N --warmup 3 --runs 20 \
  -n "sqlite3 Proposal deals as JSON" "sqlite3 -json $db \"$sql\"" \
  -n "rolo deal list --stage Proposal --json" "$work/rolo --db $db deal list --stage Proposal --json"

sql="SELECT d.id, d.title, d.account_id, a.name AS account_name, d.contact_id,
     trim(c.first_name || ' ' || c.last_name) AS contact_name, d.pipeline, d.stage, d.amount, d.currency,
     d.probability, d.close_date, d.owner_id, u.name AS owner, d.status, d.lost_reason, d.closed_at,
     d.stage_entered_at, d.notes, d.created_at, d.updated_at, d.archived_at, d.version
     FROM deals d LEFT JOIN accounts a ON a.id = d.account_id LEFT JOIN contacts c ON c.id = d.contact_id
     LEFT JOIN users u ON u.id = d.owner_id
     WHERE d.pipeline = 'new-business' AND d.stage = 'proposal' AND d.archived_at IS NULL
     ORDER BY d.board_key, d.id;"
hyperfine -N --warmup 3 --runs 20 \
  -n "sqlite3 Proposal deals with every field as JSON" "sqlite3 -json $db \"$sql\""

now=$(date -u +%Y-%m-%dT%H:%M:%S.000Z)
sql="SELECT t.id, t.kind, t.subject, t.body, t.at, t.all_day, t.done, t.done_at, t.duration, t.outcome,
     t.contact_id, trim(c.first_name || ' ' || c.last_name) AS contact_name, t.account_id, a.name AS account_name,
     t.deal_id, d.title AS deal_title, t.owner_id, u.name AS owner, t.created_at, t.updated_at, t.version
     FROM activities t LEFT JOIN contacts c ON c.id = t.contact_id LEFT JOIN accounts a ON a.id = t.account_id
     LEFT JOIN deals d ON d.id = t.deal_id LEFT JOIN users u ON u.id = t.owner_id
     WHERE t.kind = 'task' AND t.done = 0 AND t.archived_at IS NULL AND t.at < '$now'
     ORDER BY t.at, t.id;"
hyperfine -N --warmup 3 --runs 20 \
  -n "sqlite3 overdue tasks as JSON" "sqlite3 -json $db \"$sql\"" \
  -n "rolo task list --overdue --json" "$work/rolo --db $db task list --overdue --json"
fi

# --- reports, over the last 12 months (local days; TZ=UTC makes them the
# stored UTC ones, so sqlite3 compares the same bounds) ---
export TZ=UTC
mkdir -p "$XDG_CONFIG_HOME/rolo"
cat >"$XDG_CONFIG_HOME/rolo/config.yaml" <<'YAML'
currency:
  base: USD
  rates: {EUR: "1.08", GBP: "1.27", NOK: "0.094", PLN: "0.25", SEK: "0.095", TRY: "0.029"}
YAML
from=$(date -d "$(date +%Y-%m-%d) -1 year +1 day" +%Y-%m-%d)
to=$(date -d tomorrow +%Y-%m-%d) # exclusive
m_from=$(date -d "$from" +%Y-%m-01)
m_to=$(date -d "$(date +%Y-%m-01) +1 month" +%Y-%m-%d) # forecast: whole months
# the default pipeline's stage probabilities, which live in the config
prob="coalesce(probability, CASE stage WHEN 'qualification' THEN 10 WHEN 'needs-analysis' THEN 25
     WHEN 'proposal' THEN 50 WHEN 'negotiation' THEN 75 ELSE 0 END)"
report() { echo "$work/rolo --db $db report $1 --period last-12-months --json"; }

sql="SELECT status, count(*) AS deals FROM deals
     WHERE archived_at IS NULL AND status IN ('won', 'lost') AND closed_at >= '$from' AND closed_at < '$to'
     GROUP BY status;"
hyperfine -N --warmup 3 --runs 30 \
  -n "sqlite3 won and lost in the last 12 months" "sqlite3 -json $db \"$sql\"" \
  -n "rolo report winrate --json" "$(report winrate)"

sql="SELECT substr(close_date, 1, 7) AS month, currency, count(*) AS deals, sum(amount * $prob) / 100 AS weighted
     FROM deals WHERE archived_at IS NULL AND status = 'open' AND close_date >= '$m_from' AND close_date < '$m_to'
     GROUP BY 1, 2;"
m_last=$(date -d "$m_to -1 day" +%Y-%m)
sql_totals="SELECT month, currency, sum(deals) AS deals, sum(plain) AS plain, sum(weighted) AS weighted
     FROM forecast_totals WHERE month >= '${m_from:0:7}' AND month <= '$m_last' GROUP BY 1, 2 HAVING sum(deals) > 0;"
hyperfine -N --warmup 3 --runs 30 \
  -n "sqlite3 weighted open deals per close month and currency" "sqlite3 -json $db \"$sql\"" \
  -n "sqlite3 the same from forecast_totals" "sqlite3 -json $db \"$sql_totals\"" \
  -n "rolo report forecast --json" "$(report forecast)"

sql="SELECT stage, currency, count(*) AS deals, sum(amount) AS total, sum(amount * $prob) / 100 AS weighted
     FROM deals WHERE archived_at IS NULL AND status = 'open' AND pipeline = 'new-business'
     GROUP BY stage, currency;"
sql_totals="SELECT stage, currency, sum(deals) AS deals, sum(amount) AS total, sum(plain) AS plain, sum(weighted) AS weighted
     FROM deal_totals WHERE pipeline = 'new-business' GROUP BY stage, currency HAVING sum(deals) > 0;"
hyperfine -N --warmup 3 --runs 30 \
  -n "sqlite3 open deals per stage and currency" "sqlite3 -json $db \"$sql\"" \
  -n "sqlite3 the same from deal_totals" "sqlite3 -json $db \"$sql_totals\"" \
  -n "rolo report pipeline --json" "$(report pipeline)"

sql="SELECT u.name AS owner, c.kind, c.n AS count FROM (
       SELECT owner_id, kind, count(*) AS n FROM activities
       WHERE archived_at IS NULL AND kind <> 'task' AND at >= '$from' AND at < '$to' GROUP BY owner_id, kind
       UNION ALL
       SELECT owner_id, 'task', count(*) FROM activities
       WHERE kind = 'task' AND done = 1 AND archived_at IS NULL AND done_at >= '$from' AND done_at < '$to' GROUP BY owner_id
     ) c JOIN users u ON u.id = c.owner_id;"
# what rolo reads: the whole UTC hours from activity_totals (TZ=UTC: no
# ragged ends)
sql_totals="SELECT u.name AS owner, t.kind, sum(t.n) AS count FROM activity_totals t JOIN users u ON u.id = t.owner_id
     WHERE t.hour >= '${from}T00' AND t.hour < '${to}T00' GROUP BY t.owner_id, t.kind HAVING sum(t.n) > 0;"
hyperfine -N --warmup 3 --runs 30 \
  -n "sqlite3 activities and tasks done per owner and kind" "sqlite3 -json $db \"$sql\"" \
  -n "sqlite3 the same from activity_totals" "sqlite3 -json $db \"$sql_totals\"" \
  -n "rolo report activity --json" "$(report activity)"
