# Sourced by the bench scripts.
# wrk_rate WRK_ARGS...: runs wrk with a script that ends in a RESULT line (bench/paths.lua,
# bench/signup.lua) and prints "requests/s p99_ms"; a count of non-2xx answers goes to stderr.
wrk_rate() {
  wrk "$@" | grep '^RESULT' \
    | awk '{split($2,r,"=");split($3,n,"=");split($5,s,"=");split($6,p,"=");
            if (n[2] > 0) { print "non-2xx answers: " n[2] > "/dev/stderr" }
            printf "%.0f %s\n", r[2] / s[2], p[2]}'
}

# ratio A B: A / B with two decimals
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
