#!/bin/bash
# Grades a class on a Slurm cluster: one array task per shard, then a merge job that waits for all of them.
#
#   bash deploy/slurm/grade-array.sh submit SUBMISSIONS WORK N [grade options, e.g. --timeout-cell 30]
#
# submits this script as a job array of N tasks (--array=0-(N-1)); task K runs
#   coursekit grade SUBMISSIONS --out WORK/shards/K --shard K/N
# with K = $SLURM_ARRAY_TASK_ID, and a merge job (--dependency=afterok on the array) runs
#   coursekit grade --merge WORK/shards/0 … WORK/shards/(N-1) --out WORK/grades
# SUBMISSIONS and WORK must be on a file system every node sees. COURSEKIT names the command (default: coursekit).
# To grade one failed shard again: COURSEKIT_SUBMISSIONS=… COURSEKIT_WORK=… COURSEKIT_SHARDS=N sbatch --array=K grade-array.sh,
# then: bash grade-array.sh merge (or submit the merge with sbatch --wrap).
#
#SBATCH --job-name=coursekit-grade
#SBATCH --array=0-3
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=04:00:00
#SBATCH --output=coursekit-grade-%A_%a.out
set -euo pipefail

coursekit() {
    # COURSEKIT may hold a command with arguments, e.g. "dotnet /opt/coursekit/CourseKit.Cli.dll".
    # shellcheck disable=SC2086
    command ${COURSEKIT:-coursekit} "$@"
}

need() {
    if [ -z "${!1:-}" ]; then
        echo "grade-array.sh: $1 is not set; submit with: bash grade-array.sh submit SUBMISSIONS WORK N" >&2
        exit 2
    fi
}

grade_options() {
    # Extra options for every shard, as one string (set by submit).
    # shellcheck disable=SC2206
    options=(${COURSEKIT_GRADE_OPTIONS:-})
}

case "${1:-}" in
submit)
    if [ $# -lt 4 ]; then
        echo "usage: bash grade-array.sh submit SUBMISSIONS WORK N [grade options]" >&2
        exit 2
    fi
    if ! [[ "$4" =~ ^[1-9][0-9]*$ ]]; then
        echo "grade-array.sh: N must be a whole number of shards from 1; got '$4'." >&2
        exit 2
    fi
    COURSEKIT_SUBMISSIONS=$(realpath "$2")
    COURSEKIT_WORK=$(realpath -m "$3")
    COURSEKIT_SHARDS=$4
    shift 4
    COURSEKIT_GRADE_OPTIONS="$*"
    export COURSEKIT_SUBMISSIONS COURSEKIT_WORK COURSEKIT_SHARDS COURSEKIT_GRADE_OPTIONS
    mkdir -p "$COURSEKIT_WORK/shards"
    self=$(realpath "$0")
    array=$(sbatch --parsable --array="0-$((COURSEKIT_SHARDS - 1))" --chdir="$COURSEKIT_WORK" "$self")
    array=${array%%;*}
    merge=$(sbatch --parsable --dependency="afterok:$array" --job-name=coursekit-merge --chdir="$COURSEKIT_WORK" \
        --cpus-per-task=1 --mem=4G --time=01:00:00 --output=coursekit-merge-%j.out \
        --wrap="$(printf '%q ' bash "$self" merge)")
    echo "Submitted grading array $array (shards 0-$((COURSEKIT_SHARDS - 1))) and merge job ${merge%%;*}; grades will be in $COURSEKIT_WORK/grades."
    ;;
merge)
    need COURSEKIT_WORK
    need COURSEKIT_SHARDS
    shards=()
    for ((k = 0; k < COURSEKIT_SHARDS; k++)); do shards+=("$COURSEKIT_WORK/shards/$k"); done
    coursekit grade --merge "${shards[@]}" --out "$COURSEKIT_WORK/grades"
    ;;
*)
    if [ -z "${SLURM_ARRAY_TASK_ID:-}" ]; then
        echo "usage: bash grade-array.sh submit SUBMISSIONS WORK N [grade options]   (array tasks and the merge are started by it)" >&2
        exit 2
    fi
    need COURSEKIT_SUBMISSIONS
    need COURSEKIT_WORK
    need COURSEKIT_SHARDS
    grade_options
    coursekit grade "$COURSEKIT_SUBMISSIONS" --out "$COURSEKIT_WORK/shards/$SLURM_ARRAY_TASK_ID" \
        --shard "$SLURM_ARRAY_TASK_ID/$COURSEKIT_SHARDS" "${options[@]}"
    ;;
esac
