using CourseKit.Exercises.Catalog;
using CourseKit.Exercises.Hidden;
using CourseKit.Exercises.Model;

namespace CourseKit.Tests.Exercises;

public sealed class ExerciseCatalogTests
{
    public static TheoryData<string> Ids => new(ExerciseCatalog.All.Select(e => e.Id));

    [Fact]
    public void Ids_are_unique_and_each_exercise_is_in_exactly_one_notebook()
    {
        Assert.Equal(ExerciseCatalog.All.Count, ExerciseCatalog.All.Select(e => e.Id).Distinct().Count());
        foreach (var exercise in ExerciseCatalog.All)
            Assert.Single(ExerciseCatalog.Notebooks, n => n.ExerciseIds.Contains(exercise.Id));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Points_add_up_over_public_hidden_and_manual_grading(string id)
    {
        var exercise = ExerciseCatalog.Get(id);
        Assert.Equal(exercise.Points, exercise.PublicPoints + HiddenChecks.All.ChecksFor(id).Sum(c => c.Points) + exercise.ManualPoints);
        Assert.True(exercise.Hints.Count >= 2, $"{id} needs tiered hints");
        Assert.Contains(AnswerNameOf(exercise), exercise.StarterCode);
    }

    [Fact]
    public void The_course_mixes_all_four_kinds_and_covers_the_seed_exercises()
    {
        var kinds = ExerciseCatalog.All.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count());
        // Structured judgments and free text: the code and computed exercises were replaced by judgment tasks (issue 13).
        Assert.Equal(new[] { ExerciseKind.Structured, ExerciseKind.FreeText }, kinds.Keys.Order());
        Assert.Equal(5, Lesson1.All.Count); // seed 000's five exercises
        Assert.Equal(4, Lesson2.All.Count(e => e.Id is "L2.E1" or "L2.E2" or "L2.E3" or "L2.E4")); // seed 001's four
        Assert.NotEmpty(Lesson3.All);
        Assert.NotEmpty(Lesson4.All);
    }

    [Fact]
    public void An_unknown_id_gets_a_message_listing_the_real_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => ExerciseCatalog.Get("L9.E9"));
        Assert.Contains("L1.E1", error.Message);
    }

    private static string AnswerNameOf(Exercise exercise) => exercise.AnswerName;
}
