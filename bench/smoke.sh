#!/usr/bin/env bash
# CTest bench-smoke: every bench driver once on a few generated documents and questions,
# so the bench code keeps compiling and running. Needs no ../shared; uses PostgreSQL
# when its server programs are installed (a throwaway cluster starts in about a second).
# Usage: smoke.sh TRACUU_INDEX TRACUU_SEARCHD BENCH_BIN_DIR
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: smoke.sh TRACUU_INDEX TRACUU_SEARCHD BENCH_BIN_DIR" >&2; exit 2; }
export TRACUU_INDEX=$1 TRACUU_SEARCHD=$2 BENCH_BIN=$3
bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tracuu-bench-smoke.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
data="$tmp/data"
mkdir -p "$data/alqac" "$data/irled-en" "$tmp/irled/prior_cases" "$tmp/irled/current_cases" "$tmp/news/data"

# ALQAC in its own layout: laws with articles, questions, qrels "qid<TAB>0<TAB>law|article<TAB>1".
cat >"$data/alqac/law-2023.json" <<'JSON'
[{"id": "Luật Phòng, chống ma túy", "articles": [
  {"id": "1", "text": "Phạm vi điều chỉnh\n\nLuật này quy định về phòng, chống ma túy và cai nghiện ma túy."},
  {"id": "2", "text": "Người nghiện ma túy từ đủ 18 tuổi trở lên bị đưa vào cơ sở cai nghiện bắt buộc."}]},
 {"id": "Luật Cư trú", "articles": [
  {"id": "1", "text": "Công dân có quyền tự do cư trú theo quy định của luật này."},
  {"id": "2", "text": "Đăng ký thường trú tại chỗ ở hợp pháp thuộc quyền sở hữu của công dân."}]}]
JSON
cat >"$data/alqac/train-2023.json" <<'JSON'
[{"question_id": "Q-1", "text": "Người nghiện ma túy từ đủ bao nhiêu tuổi bị đưa vào cơ sở cai nghiện bắt buộc?"},
 {"question_id": "Q-2", "text": "Công dân đăng ký thường trú ở đâu?"}]
JSON
printf 'Q-1\t0\tLuật Phòng, chống ma túy|2\t1\nQ-2\t0\tLuật Cư trú|2\t1\n' >"$data/alqac/qrels-train-2023.tsv"
cat >"$data/alqac/law-2022.json" <<'JSON'
[{"id": "91/2015/QH13", "articles": [
  {"id": "1", "text": "Bộ luật dân sự quy định địa vị pháp lý của cá nhân, pháp nhân."},
  {"id": "2", "text": "Hợp đồng là sự thỏa thuận giữa các bên về xác lập quyền và nghĩa vụ dân sự."}]}]
JSON
echo '[{"id": "q-1", "text": "Hợp đồng dân sự là gì?"}]' >"$data/alqac/questions-2022.json"
printf 'q-1\t0\t91/2015/QH13|2\t1\n' >"$data/alqac/qrels-2022.tsv"

# IRLeD: prior cases, query cases with a removed citation, TREC qrels with spaces.
echo "The appellant challenged the stamp duty on the sale deed of the plot." >"$tmp/irled/prior_cases/prior_case_0001.txt"
echo "A writ petition on land acquisition and compensation for the farmers." >"$tmp/irled/prior_cases/prior_case_0002.txt"
echo "Murder under Section 302 of the Penal Code; the conviction was upheld." >"$tmp/irled/prior_cases/prior_case_0003.txt"
echo "The registrar valued the sale deed below the market rate; stamp duty [?CITATION?] was evaded." \
  >"$tmp/irled/current_cases/current_case_0001.txt"
echo "The conviction for murder under Section 302 [?CITATION?] stands." >"$tmp/irled/current_cases/current_case_0002.txt"
printf 'current_case_0001 0 prior_case_0001 1\ncurrent_case_0002 0 prior_case_0003 1\n' >"$data/irled-en/qrels-dev.tsv"
tar --zstd -cf "$data/irled-en/prior-cases.tar.zst" -C "$tmp/irled" prior_cases
tar --zstd -cf "$data/irled-en/current-cases-dev.tar.zst" -C "$tmp/irled" current_cases

# News: a title line, then text; one cites a decree.
echo -e "Giá xăng tăng\nGiá xăng hôm nay tăng mạnh tại Hà Nội." >"$tmp/news/data/1.txt"
echo -e "Xử phạt giao thông\nNghị định 46/2016/NĐ-CP quy định xử phạt nồng độ cồn." >"$tmp/news/data/2.txt"
echo -e "Bão số 12\nBão số 12 đổ bộ vào miền Trung, mưa lớn kéo dài." >"$tmp/news/data/3.txt"
tar --zstd -cf "$data/news-vi-baomoi-2017.tar.zst" -C "$tmp/news" data
printf '# category: words\nxăng\nxang\n# category: phrases\n"nồng độ cồn"\n# category: numbers\n46/2016/ND-CP\n' >"$tmp/queries.txt"

postgres=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || postgres=(--no-postgres)
common=(--data "$data" "${postgres[@]}")

# expect FILE PATTERN...: each pattern must occur in the bench's output.
expect() {
  local file=$1 pattern
  shift
  for pattern in "$@"; do
    grep -qF -- "$pattern" "$file" || { cat "$file" >&2; echo "smoke: no \"$pattern\" in the output" >&2; exit 1; }
  done
}

"$bench_dir/run_relevance.sh" "${common[@]}" >"$tmp/relevance.txt"
expect "$tmp/relevance.txt" "| MRR@10 |" "| nDCG@10 |" "| MAP |" "without diacritics"
"$bench_dir/run_indexing.sh" "${common[@]}" >"$tmp/indexing.txt"
expect "$tmp/indexing.txt" "| documents/s |" "| index MiB (lower is better) |" "tracuu ÷ plain Xapian |"
"$bench_dir/run_queries.sh" "${common[@]}" --queries "$tmp/queries.txt" --rounds 1 --duration 1 >"$tmp/queries-out.txt"
expect "$tmp/queries-out.txt" "| p50 |" "| words (2) |" "| query mix | 64 |" "| /suggest mix | 64 |" "| /health | 64 |" "searchd memory after"
"$bench_dir/run_analysis.sh" --data "$data" --benchmark_min_time=0.01 >"$tmp/analysis.txt"
expect "$tmp/analysis.txt" "| tokens |" "| whole document (+ language, dates, references, boilerplate) |" "| terms in a Xapian::Document |"
echo "bench smoke: all four benches ran"
