# Sourced by the bench/ scripts: write_doc_section DOC NAME TITLE SECTION replaces the part of DOC
# between <!-- NAME:begin --> and <!-- NAME:end --> with SECTION (which holds both markers), or
# appends it under "## TITLE" when DOC has no such part, or creates DOC. Each script owns one
# section of docs/performance.md, and DOC is read afresh here, right before it is written, because
# other scripts edit the other sections.
write_doc_section() {
  local doc=$1 name=$2 title=$3 section=$4
  mkdir -p "$(dirname "$doc")"
  if [ ! -f "$doc" ]; then
    printf '# Performance\n\n## %s\n\n%s\n' "$title" "$section" >"$doc"
  elif grep -q "<!-- $name:begin -->" "$doc" && grep -q "<!-- $name:end -->" "$doc"; then
    local updated
    updated=$(mktemp)
    SECTION="$section" NAME="$name" awk '
      $0 ~ "<!-- " ENVIRON["NAME"] ":begin -->" { print ENVIRON["SECTION"]; skipping = 1; next }
      $0 ~ "<!-- " ENVIRON["NAME"] ":end -->" { skipping = 0; next }
      !skipping { print }
    ' "$doc" >"$updated"
    cat "$updated" >"$doc"
    rm -f "$updated"
  else
    printf '\n## %s\n\n%s\n' "$title" "$section" >>"$doc"
  fi
}
