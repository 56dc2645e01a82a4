using CourseKit.Exercises.Catalog;
using CourseKit.Exercises.Evaluation;
using CourseKit.Exercises.Model;
using CourseKit.Grading.Results;

namespace CourseKit.Grading.Outputs;

/// <summary>
/// How a class did on one exercise. An automatic exercise is passed when every check passed; a free-text one when the
/// instructor awarded at least half its points. The pass rate is null (pending) while any answer awaits the instructor:
/// until then it would count only the students who handed in nothing.
/// </summary>
public sealed record ExerciseStats(Exercise Exercise, double Mean, int Passed, int Decided, int Awaiting, int NotAttempted, int NotRun)
{
    public double? PassRate => Awaiting > 0 || Decided == 0 ? null : Passed / (double)Decided;

    public static IReadOnlyList<ExerciseStats> Of(IReadOnlyList<StudentResult> results) =>
        ExerciseCatalog.All.Select(e => Of(e, results)).ToList();

    public static ExerciseStats Of(Exercise exercise, IReadOnlyList<StudentResult> results)
    {
        var outcomes = results.Select(r => Outcome(exercise, r)).ToList();
        return new ExerciseStats(
            exercise,
            results.Count == 0 ? 0 : results.Average(r => (double)r.Score(exercise.Id)),
            outcomes.Count(o => o == true),
            outcomes.Count(o => o is not null),
            outcomes.Count(o => o is null),
            Count(results, exercise.Id, ExerciseStatus.NotAttempted),
            Count(results, exercise.Id, ExerciseStatus.NotRun));
    }

    // True passed, false not passed, null awaiting the instructor.
    private static bool? Outcome(Exercise exercise, StudentResult student) =>
        !student.IsRubricGraded(exercise.Id) ? student.Exercise(exercise.Id)?.Status == ExerciseStatus.Passed
        : student.AwaitsInstructor(exercise.Id) ? null
        : student.Manual[exercise.Id] * 2 >= exercise.Points;

    private static int Count(IReadOnlyList<StudentResult> results, string id, ExerciseStatus status) =>
        results.Count(r => r.Exercise(id)?.Status == status);
}
