using CourseKit.Exercises.Model;

namespace CourseKit.Exercises.Catalog;

/// <summary>Every exercise of the course and the notebook each belongs to.</summary>
public static class ExerciseCatalog
{
    public static IReadOnlyList<Exercise> All { get; } =
        [.. Lesson1.All, .. Lesson2.All, .. Lesson3.All, .. Lesson4.All];

    public static IReadOnlyList<ExerciseNotebook> Notebooks { get; } =
    [
        new("01-AIGC-Frontier-Trends-Exercises.ipynb", "01-AIGC-Frontier-Trends", Lesson1.All.Select(e => e.Id).ToList()),
        new("02-Image-Generation-Progress-Exercises.ipynb", "02-Image-Generation-Progress", Lesson2.All.Select(e => e.Id).ToList()),
        new("03-Next-Wave-of-Generative-AI-Exercises.ipynb", "03-Next-Wave-of-Generative-AI", Lesson3.All.Select(e => e.Id).ToList()),
        new("04-Outlook-2026-Exercises.ipynb", "04-Outlook-2026", Lesson4.All.Select(e => e.Id).ToList()),
    ];

    public static bool TryGet(string id, out Exercise exercise)
    {
        exercise = All.FirstOrDefault(e => string.Equals(e.Id, id?.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return exercise is not null;
    }

    /// <summary>The exercise with this id; an unknown id gets a message listing the real ones.</summary>
    public static Exercise Get(string id) =>
        TryGet(id, out var exercise)
            ? exercise
            : throw new ArgumentException($"There is no exercise '{id}'. The exercises are: {string.Join(", ", All.Select(e => e.Id))}.", nameof(id));

    /// <summary>The notebook with this file name, if it is one of the course's exercise notebooks.</summary>
    public static ExerciseNotebook? NotebookNamed(string fileName) =>
        Notebooks.FirstOrDefault(n => string.Equals(n.FileName, Path.GetFileName(fileName), StringComparison.OrdinalIgnoreCase));
}
